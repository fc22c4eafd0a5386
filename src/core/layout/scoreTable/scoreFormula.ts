import type { IndicatorKind, ReverseConvention } from "../../types";
import { isClose } from "../../numbers/tolerances";

/** Which live formula a score cell can carry. */
export type ScoreRule = "positive" | "reverseRatio" | "reverseDeviation" | "equalsZero" | "budget";

/** The score-table cells a score formula reads: leaf weight, target and actual (local A1). */
export interface ScoreCells {
  weight: string;
  target: string;
  actual: string;
}

/**
 * Picks the live-formula rule for an indicator.
 *
 * - positive → positive; reverse → the reverse convention in the settings;
 * - equals with a target above 0 → positive, with a target of 0 → equalsZero;
 * - anything else (or a negative equals target) → null: the score is written as a number.
 *
 * @example
 * scoreRule("reverse", "deviation", 10) //=> "reverseDeviation"
 */
export function scoreRule(kind: IndicatorKind, reverse: ReverseConvention, target: number): ScoreRule | null {
  switch (kind) {
    case "positive":
      return "positive";
    case "reverse":
      return reverse === "deviation" ? "reverseDeviation" : "reverseRatio";
    case "equals":
      if (target > 0) return "positive";
      return target === 0 ? "equalsZero" : null;
    default:
      return null;
  }
}

/**
 * Builds a score formula and the value a spreadsheet computes from it, step for step in the
 * same order, so a recalculation agrees with `value`.
 *
 * @param rule - the scoring rule
 * @param at - the cells holding weight (F), target (G) and actual (H)
 * @param w - weight; @param g - target; @param h - actual
 * @returns the formula and its value, or null when the spreadsheet would give an error
 * @example
 * scoreFormula("positive", { weight: "F3", target: "G3", actual: "H3" }, 15, 8755, 8676)
 * //=> { formula: "=IF(H3>=G3,F3,F3*H3/G3)", value: 14.864648772130211 }
 */
export function scoreFormula(rule: ScoreRule, at: ScoreCells, w: number, g: number, h: number): { formula: string; value: number } | null {
  const { weight: F, target: G, actual: H } = at;
  // Formulas are joined from their parts rather than written as templates: a template builds a
  // chain of string pieces that stays in memory with every one of the table's formulas, where a
  // join gives one flat string (a fifth of the memory, and less for the collector to move).
  let formula: string;
  let value: number;
  // A spreadsheet gives #DIV/0! where JavaScript gives Infinity, which MIN or MAX could hide.
  const DIV0 = Number.NaN;
  const div = (a: number, b: number): number => (b === 0 ? DIV0 : a / b);
  switch (rule) {
    case "positive":
      formula = ["=IF(", H, ">=", G, ",", F, ",", F, "*", H, "/", G, ")"].join("");
      value = h >= g ? w : div(w * h, g);
      break;
    case "reverseRatio":
      formula = ["=IF(", H, "<=", G, ",", F, ",", F, "*", G, "/", H, ")"].join("");
      value = h <= g ? w : div(w * g, h);
      break;
    case "reverseDeviation":
      formula = ["=IF(", H, "<=", G, ",", F, ",", F, "*MAX(0,1-(", H, "-", G, ")/", G, "))"].join("");
      value = h <= g ? w : w * Math.max(0, 1 - div(h - g, g));
      break;
    case "equalsZero":
      formula = ["=IF(", H, "<=0,", F, ",0)"].join("");
      value = h <= 0 ? w : 0;
      break;
    case "budget":
      formula = ["=", F, "*MIN(", H, "/", G, ",1)"].join("");
      value = w * Math.min(div(h, g), 1);
      break;
  }
  return Number.isFinite(value) ? { formula, value } : null;
}

/**
 * The formula to write for a score, only when it reproduces the engine's score: a live formula
 * must never show a different number from the one the evaluation reports.
 *
 * @example
 * liveScore("budget", { weight: "F9", target: "G9", actual: "H9" }, 10, 100, 95, 9.5)?.formula
 * //=> "=F9*MIN(H9/G9,1)"
 */
export function liveScore(
  rule: ScoreRule | null,
  at: ScoreCells,
  w: number,
  g: number | null,
  h: number | null,
  engineScore: number,
): { formula: string; value: number } | null {
  if (rule === null || g === null || h === null) return null;
  const f = scoreFormula(rule, at, w, g, h);
  return f && isClose(f.value, engineScore) ? f : null;
}
