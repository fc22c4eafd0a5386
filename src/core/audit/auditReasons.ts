import type { Finding, IndicatorTable, ScoredIndicator } from "../types";
import { makeFinding } from "../findings/makeFinding";
import { EQUAL_EPS } from "../numbers/tolerances";
import { isApplicable } from "../score/rollup";
import { hasReason } from "../cells/reasonText";

/**
 * Asks for a reason where one is due (docs/scoring-rules.md §4, MISSING_REASON): an applicable
 * indicator whose computed score is below full marks, or over-completed, whose 偏差原因 cell is
 * empty or holds only a placeholder (0, -, /, 无). A row with an unreadable or missing input is
 * skipped: its NON_NUMERIC says what to fix. Only a table with a
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
  const unreadable = new Set(findings.filter((f) => f.code === "NON_NUMERIC" || f.code === "NEGATIVE_VALUE").map((f) => f.cell));
  const out: Finding[] = [];
  for (const ind of indicators) {
    if (!isApplicable(ind) || hasReason(ind.row.reasonText)) continue;
    // A row whose inputs cannot be read already has its finding; the lost marks follow from it.
    const { target, actual, selfScore } = ind.row.cells;
    if ((target !== null && unreadable.has(target)) || (actual !== null && unreadable.has(actual)) || (selfScore !== null && unreadable.has(selfScore))) continue;
    const over = ind.row.cells.actual !== null && overCompleted.has(ind.row.cells.actual);
    if (ind.score < ind.weight - EQUAL_EPS || over) {
      out.push(makeFinding("MISSING_REASON", ind.row.cells.reason ?? ind.cell, { name: ind.path[ind.path.length - 1] ?? "", overCompletion: over }));
    }
  }
  return out;
}
