import type { Finding, Severity } from "../types";
import { parseA1, splitQualified } from "../cells/address";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Orders findings by what matters (docs/scoring-rules.md §4): errors, then warnings, then notes;
 * within a severity by sheet (in the order the sheets first appear), then row, then column. Equal
 * places keep their order.
 *
 * @param findings - the findings in the order the stages produced them
 * @returns a new, sorted array
 * @example
 * sortFindings([info("表!A9"), error("表!C3"), error("表!B3")]).map((f) => f.cell) //=> ["表!B3", "表!C3", "表!A9"]
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const sheets: string[] = [];
  const keyed = findings.map((f, i) => {
    const q = splitQualified(f.cell);
    const sheet = q?.sheet ?? "";
    if (!sheets.includes(sheet)) sheets.push(sheet);
    const at = q ? parseA1(q.address) : null;
    return { f, i, sheet, row: at?.row ?? -1, col: at?.col ?? -1 };
  });
  return keyed
    .sort(
      (a, b) =>
        RANK[a.f.severity] - RANK[b.f.severity] ||
        sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) ||
        a.row - b.row ||
        a.col - b.col ||
        a.i - b.i,
    )
    .map((k) => k.f);
}
