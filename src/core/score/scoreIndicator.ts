import type { IndicatorRow, Operator, Settings } from "../types";
import { parseOperator } from "../cells/parseValue";
import { makeFinding } from "../findings/makeFinding";
import { WHAT } from "../findings/catalog";
import { rowContext, scoreSelfOnly, scoredAs, selfOutOfRange, type RowResult } from "./indicator/rowContext";
import { scoreLinked, type LinkedLine } from "./indicator/scoreLinked";
import { scoreQualitative } from "./indicator/scoreQualitative";
import { scoreQuantity } from "./indicator/scoreQuantity";

export type { LinkedLine } from "./indicator/scoreLinked";

/** The operator a row asks for: the operator column first, then the target's own prefix. */
export function operatorOf(row: IndicatorRow): Operator | null {
  const fromColumn = parseOperator(row.operatorText);
  if (fromColumn !== null) return fromColumn;
  if (row.target.kind === "number" || row.target.kind === "qualitative") return row.target.operator;
  return null;
}

/**
 * Scores one leaf indicator by docs/scoring-rules.md §3 and returns the findings that belong to
 * the row alone. It checks what every kind shares (the weight, the self-score's range, N/A), then
 * hands the row to its kind:
 *
 * - fed by linked enrollment lines: scoreLinked, w × mean of min(B/A, 1);
 * - only a self-score: scoreSelfOnly, the self-score clamped to [0, w];
 * - qualitative: scoreQualitative, the self-score clamped into its band;
 * - positive (≥, >, none), reverse (≤, <), equals (=): scoreQuantity;
 * - N/A: left out; weight 0 or blank: left out.
 *
 * Unreadable, missing or negative inputs give a finding naming the cell and fall back to the
 * self-score, never to a silent zero.
 *
 * @example
 * scoreIndicator(row /* ≥8755, 8676, w 15, self 13 *\/, DEFAULT_SETTINGS, []).scored.score //=> 14.864648...
 */
export function scoreIndicator(row: IndicatorRow, settings: Settings, linked: readonly LinkedLine[]): RowResult {
  const ctx = rowContext(row, settings);
  const { name, self, selfCell, findings } = ctx;
  if (row.weightIssue !== undefined) {
    findings.push(makeFinding("NON_NUMERIC", row.cells.weight ?? row.cells.name, { name, what: WHAT.weight!, text: row.weightIssue.text }));
  }
  if (row.weight === null || row.weight === 0) {
    if (row.weightIssue === undefined) findings.push(makeFinding("ZERO_WEIGHT", row.cells.weight ?? row.cells.name, { name }));
    return scoredAs(ctx, "zeroWeight", 0, { weight: 0 });
  }
  if (row.selfScore.kind === "error" || row.selfScore.kind === "qualitative") {
    findings.push(makeFinding("NON_NUMERIC", selfCell, { name, what: WHAT.selfScore!, text: row.selfScore.text }));
  }
  if (self !== null && selfOutOfRange(ctx)) findings.push(makeFinding("SCORE_OVER_WEIGHT", selfCell, { name, self, weight: ctx.w }));
  const t = row.target;
  const a = row.actual;
  if (t.kind === "notApplicable" || a.kind === "notApplicable") return scoredAs(ctx, "notApplicable", 0);
  if (linked.length > 0) return scoreLinked(ctx, linked);
  // Only a self-score (the seed's table): it stands, clamped; without one, the fallback says so.
  if (t.kind === "missing" && a.kind === "missing") return scoreSelfOnly(ctx);
  const op = operatorOf(row);
  const qualitative = op === "qualitative" || t.kind === "qualitative" || a.kind === "qualitative";
  // An unreadable target (约95%) beside a numeric actual is a quantity whose target needs fixing:
  // scoreQuantity names the target cell and quotes the target.
  const unreadableTarget = t.kind === "qualitative" && a.kind === "number" && op !== "qualitative";
  if (qualitative && !unreadableTarget && !(t.kind === "number" && a.kind === "number")) return scoreQualitative(ctx);
  return scoreQuantity(ctx, op);
}
