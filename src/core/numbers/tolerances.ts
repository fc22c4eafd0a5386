/**
 * Every tolerance the core compares with, named once, with the reason for its value.
 * Scores, weights and counts come from spreadsheets as doubles, so exact equality is never used
 * for a rule; a rule compares within one of these instead.
 */

/**
 * Two computed amounts (scores, weights, ratios) are taken as equal within this. It is far below
 * anything a person types (2 decimals) and far above the error that adding a few hundred doubles
 * leaves (about 1e-13 on the 100-point scale).
 */
export const EQUAL_EPS = 1e-9;

/**
 * A declared total (the 总分 row) matches the computed sum within this. Declared totals are typed
 * by hand or computed by the workbook's own SUM, so they carry at most a few units in the 9th
 * decimal place; 1e-6 forgives that and still catches any difference a person can see.
 */
export const DECLARED_TOTAL_EPS = 1e-6;

/**
 * A declared completion rate (完成率, 执行率) matches actual/target within half a percentage point
 * at 2 decimals (0.005), since forms print rates as 88.47% or 88.5%. The tiny extra absorbs the
 * binary error of 0.005 itself, so a rate exactly 0.005 off is not flagged.
 */
export const DECLARED_RATE_TOLERANCE = 0.005 + 1e-12;

/**
 * A plain number above this in a rate cell is in percentage points (88.47 means 88.47%); at or
 * below it, it is already a ratio (0.8847, or 1.2 for 120%). 1.5 separates the two readings for
 * every completion a real table declares (ratios above 150% are written with a % sign).
 */
export const RATIO_POINTS_THRESHOLD = 1.5;

/**
 * Two numbers agree within EQUAL_EPS, absolute for small values and relative for large ones.
 *
 * @example
 * isClose(0.1 + 0.2, 0.3) //=> true
 * isClose(1e12, 1e12 + 1) //=> true
 * isClose(1, 1.001) //=> false
 */
export function isClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= EQUAL_EPS * Math.max(1, Math.abs(a), Math.abs(b));
}
