import type { Finding, IndicatorKind, IndicatorRow, ScoredIndicator, Settings } from "../../types";
import { makeFinding } from "../../findings/makeFinding";
import { WHAT } from "../../findings/catalog";
import { EQUAL_EPS } from "../../numbers/tolerances";

/** What every kind's scorer reads about one row, and the findings it adds to. */
export interface RowContext {
  row: IndicatorRow;
  settings: Settings;
  /** The row's path from level 1 to the leaf. */
  path: string[];
  /** The leaf's name, for messages. */
  name: string;
  /** The weight (> 0 by the time a kind's scorer runs). */
  w: number;
  /** The self-score, or null when it is not a number. */
  self: number | null;
  /** Where a self-score finding points: the self-score cell, else the name cell. */
  selfCell: string;
  findings: Finding[];
}

/** A scored row and the findings that belong to it alone. */
export interface RowResult {
  scored: ScoredIndicator;
  findings: Finding[];
}

/** The row's path from level 1 to the leaf. */
export function pathOf(row: IndicatorRow): string[] {
  return [row.level1?.name, row.level2?.name, row.level3?.name].filter((n): n is string => n !== undefined && n !== "");
}

/** The context of one row, with no findings yet. */
export function rowContext(row: IndicatorRow, settings: Settings): RowContext {
  const path = pathOf(row);
  return {
    row,
    settings,
    path,
    name: path[path.length - 1] ?? "",
    w: row.weight ?? 0,
    self: row.selfScore.kind === "number" ? row.selfScore.value : null,
    selfCell: row.cells.selfScore ?? row.cells.name,
    findings: [],
  };
}

/** The scored row of a kind, with the context's findings. */
export function scoredAs(ctx: RowContext, kind: IndicatorKind, score: number, extra: Partial<ScoredIndicator> = {}): RowResult {
  const { row } = ctx;
  // Written out field by field (an extra's value replaces the default, as a spread would) so that
  // every row's object is built in one step with one shape.
  return {
    scored: {
      path: "path" in extra ? (extra.path as string[]) : ctx.path,
      row: "row" in extra ? (extra.row as IndicatorRow) : row,
      kind: "kind" in extra ? (extra.kind as IndicatorKind) : kind,
      weight: "weight" in extra ? (extra.weight as number) : ctx.w,
      score: "score" in extra ? (extra.score as number) : score,
      selfScore: "selfScore" in extra ? (extra.selfScore as number | null) : ctx.self,
      completion: "completion" in extra ? (extra.completion as number | null) : null,
      target: "target" in extra ? (extra.target as number | null) : row.target.kind === "number" ? row.target.value : null,
      actual: "actual" in extra ? (extra.actual as number | null) : row.actual.kind === "number" ? row.actual.value : null,
      achievement: "achievement" in extra ? (extra.achievement as ScoredIndicator["achievement"]) : null,
      hasFormulaScore: "hasFormulaScore" in extra ? (extra.hasFormulaScore as boolean) : false,
      linkedLines: "linkedLines" in extra ? (extra.linkedLines as number[]) : [],
      cell: "cell" in extra ? (extra.cell as string) : row.cells.name,
    },
    findings: ctx.findings,
  };
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** True when the self-score lies outside [0, w] (SCORE_OVER_WEIGHT). */
export function selfOutOfRange(ctx: RowContext): boolean {
  return ctx.self !== null && (ctx.self > ctx.w + EQUAL_EPS || ctx.self < -EQUAL_EPS);
}

/** True when the self-score is full marks. */
export function selfIsFullMarks(ctx: RowContext): boolean {
  return ctx.self !== null && Math.abs(ctx.self - ctx.w) <= EQUAL_EPS;
}

/** SCORE_MISMATCH when an in-range self-score differs from the score by more than the tolerance. */
export function checkMismatch(ctx: RowContext, score: number): void {
  const { self, settings } = ctx;
  if (self === null || selfOutOfRange(ctx)) return;
  if (Math.abs(self - score) > settings.mismatchTolerance + EQUAL_EPS) {
    ctx.findings.push(makeFinding("SCORE_MISMATCH", ctx.selfCell, { name: ctx.name, self, score, tolerance: settings.mismatchTolerance }));
  }
}

/**
 * The self-only kind, and the fallback when a row's inputs cannot be used: the self-score
 * clamped to [0, w]; without one, 0 and a NON_NUMERIC at the self-score cell, unless the row
 * already has a NON_NUMERIC (at its target or actual).
 *
 * @example
 * scoreSelfOnly(ctx /* w 10, self 12 *\/).scored.score //=> 10
 */
export function scoreSelfOnly(ctx: RowContext): RowResult {
  const { self, selfCell, findings } = ctx;
  // One NON_NUMERIC per row: when the target or actual was already named, the empty self-score is
  // the same gap, not a second thing to fix.
  if (self === null && !findings.some((f) => f.code === "NON_NUMERIC")) {
    findings.push(makeFinding("NON_NUMERIC", selfCell, { name: ctx.name, what: WHAT.selfScore!, text: "" }));
  }
  return scoredAs(ctx, "selfOnly", self === null ? 0 : clamp(self, 0, ctx.w));
}
