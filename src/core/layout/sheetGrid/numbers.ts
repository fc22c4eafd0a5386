import { formatTrimmed } from "../../text/formatNumber";

/**
 * Counts the decimals a number needs, up to `maxDigits`.
 *
 * @example
 * decimalsNeeded(17238.5, 4) //=> 1
 */
export function decimalsNeeded(x: number, maxDigits: number): number {
  const s = formatTrimmed(x, maxDigits);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Adds left to right, the order a spreadsheet's SUM uses.
 *
 * @example
 * sum([2, 3, 5]) //=> 10
 */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
