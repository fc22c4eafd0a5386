import type { Finding, IndicatorTable, ScoredIndicator } from "../types";
import { makeFinding } from "../findings/makeFinding";
import { EQUAL_EPS } from "../numbers/tolerances";
import { isApplicable } from "../score/rollup";

/**
 * Asks for a reason where one is due (docs/scoring-rules.md §4, MISSING_REASON): an applicable
 * indicator below full marks, or over-completed, whose 偏差原因 cell is empty. Only a table with a
 * reason column is audited; without one there is nowhere to write a reason.
 *
 * @param table - the indicator table
 * @param indicators - the scored leaves
 * @param findings - the findings so far (OVER_COMPLETION marks an over-completed actual)
 * @returns one MISSING_REASON per such indicator, at its reason cell
 * @example
 * auditReasons(table, [scored /* score 12 of 15, no reason *\/], []).map((f) => f.code) //=> ["MISSING_REASON"]
 */
export function auditReasons(table: IndicatorTable, indicators: readonly ScoredIndicator[], findings: readonly Finding[]): Finding[] {
  if (table.columns.reason === undefined) return [];
  const overCompleted = new Set(findings.filter((f) => f.code === "OVER_COMPLETION").map((f) => f.cell));
  const out: Finding[] = [];
  for (const ind of indicators) {
    if (!isApplicable(ind) || ind.row.reasonText !== "") continue;
    const over = ind.row.cells.actual !== null && overCompleted.has(ind.row.cells.actual);
    if (ind.score < ind.weight - EQUAL_EPS || over) {
      out.push(makeFinding("MISSING_REASON", ind.row.cells.reason ?? ind.cell, { name: ind.path[ind.path.length - 1] ?? "", overCompletion: over }));
    }
  }
  return out;
}
