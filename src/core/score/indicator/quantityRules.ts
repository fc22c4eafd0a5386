/**
 * The three quantitative rules of docs/scoring-rules.md §3, as pure formulas on a target A and an
 * actual B (both ≥ 0, on one scale) and a weight w. Each also says whether the target is unmet
 * and whether a spreadsheet formula can reproduce the score.
 */
import type { ReverseConvention } from "../../types";

export interface RuleResult {
  score: number;
  /** The actual misses the target (for UNMET_TARGET_FULL_MARKS). */
  unmet: boolean;
  /** The score sheet may write a live formula for this score. */
  hasFormula: boolean;
}

/**
 * Positive (≥, >, or no operator): B ≥ A gives w, else w × B/A.
 *
 * @example
 * scorePositive(8755, 8676, 15).score //=> 14.864648...
 */
export function scorePositive(A: number, B: number, w: number): RuleResult {
  return { score: B >= A ? w : (w * B) / A, unmet: B < A, hasFormula: A !== 0 };
}

/**
 * Reverse (≤, <): B ≤ A gives w; above it, w × A/B ("ratio") or w × max(0, 1 − (B−A)/A)
 * ("deviation"); a zero target exceeded gives 0.
 *
 * @example
 * scoreReverse(10, 20, 10, "ratio").score //=> 5
 * scoreReverse(10, 20, 10, "deviation").score //=> 0
 */
export function scoreReverse(A: number, B: number, w: number, convention: ReverseConvention): RuleResult {
  if (B <= A) return { score: w, unmet: false, hasFormula: true };
  if (A === 0) return { score: 0, unmet: true, hasFormula: convention === "ratio" };
  const score = convention === "deviation" ? w * Math.max(0, 1 - (B - A) / A) : (w * A) / B;
  return { score, unmet: true, hasFormula: true };
}

/**
 * Equals (=): like positive when A > 0; when A = 0, w if B ≤ 0, else 0.
 *
 * @example
 * scoreEquals(0, 0, 5).score //=> 5
 * scoreEquals(0, 1, 5).score //=> 0
 */
export function scoreEquals(A: number, B: number, w: number): RuleResult {
  if (A > 0) return { score: B >= A ? w : (w * B) / A, unmet: B < A, hasFormula: true };
  return { score: B <= 0 ? w : 0, unmet: B > 0, hasFormula: true };
}
