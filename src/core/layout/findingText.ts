import type { Finding, Language, Severity } from "../types";
import { TITLES } from "../findings/catalog";
import { layoutLabels } from "./labels";

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * One line for a finding on the score table: severity and the code's short title in the
 * language, then the message. The code itself stays on the summary, beside its title.
 *
 * @example
 * findingLine({ code: "ZERO_WEIGHT", severity: "info", cell: "S!F7", message: { zh: "分值为 0", en: "weight 0" } }, "zh")
 * //=> "【提示】分值为0：分值为 0"
 */
export function findingLine(f: Finding, language: Language): string {
  const severity = layoutLabels(language).severity[f.severity];
  return language === "zh" ? `【${severity}】${findingTitled(f, language)}` : `[${severity}] ${findingTitled(f, language)}`;
}

/**
 * A finding's short title and message in the language.
 *
 * @example
 * findingTitled({ code: "ZERO_WEIGHT", severity: "info", cell: "S!F7", message: { zh: "分值为 0", en: "weight 0" } }, "en")
 * //=> "Weight 0: weight 0"
 */
export function findingTitled(f: Finding, language: Language): string {
  return language === "zh" ? `${TITLES[f.code].zh}：${f.message.zh}` : `${TITLES[f.code].en}: ${f.message.en}`;
}

/** Findings sorted by severity (errors first), input order kept within a severity. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || a.i - b.i).map((x) => x.f);
}

/**
 * Gives each finding to the first row whose cells include the finding's cell (exact,
 * sheet-qualified string match). A merged cell shared by several rows shows its finding once.
 *
 * @param findings - all findings
 * @param rowCells - for each row, the sheet-qualified addresses it was read from
 * @returns for each row, its findings in input order
 * @example
 * assignFindings([f], [["S!C3"], ["S!C4"]]).map((x) => x.length) //=> [0, 1] when f.cell is "S!C4"
 */
export function assignFindings(findings: readonly Finding[], rowCells: readonly (readonly (string | null)[])[]): Finding[][] {
  // Only the findings' cells are looked up: -1 until a row claims the cell.
  const owner = new Map<string, number>();
  for (const f of findings) owner.set(f.cell, -1);
  rowCells.forEach((cells, i) => {
    for (const c of cells) if (c && owner.get(c) === -1) owner.set(c, i);
  });
  const out = rowCells.map((): Finding[] => []);
  for (const f of findings) {
    const i = owner.get(f.cell);
    if (i !== undefined && i >= 0) out[i]?.push(f);
  }
  return out;
}
