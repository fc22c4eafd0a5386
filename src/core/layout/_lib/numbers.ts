import { excelRound } from "../../numbers/excelRound";

/**
 * Formats with a fixed number of decimals after Excel-style rounding.
 *
 * @example
 * fixed(88.4735, 2) //=> "88.47"
 */
export function fixed(x: number, digits: number): string {
  const s = excelRound(x, digits).toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/**
 * Formats with up to `maxDigits` decimals, trailing zeros and a bare point dropped.
 *
 * @example
 * trimmed(1.72380, 4) //=> "1.7238"
 */
export function trimmed(x: number, maxDigits: number): string {
  const s = fixed(x, maxDigits);
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/**
 * Inserts thousands separators into a plain decimal string.
 *
 * @example
 * withThousands("64200.5") //=> "64,200.5"
 */
export function withThousands(decimal: string): string {
  const [int = "", frac] = decimal.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

/**
 * Counts the decimals a number needs, up to `maxDigits`.
 *
 * @example
 * decimalsNeeded(17238.5, 4) //=> 1
 */
export function decimalsNeeded(x: number, maxDigits: number): number {
  const s = trimmed(x, maxDigits);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * True when two numbers agree to within 1e-9 (absolute, or relative for large values).
 *
 * @example
 * isClose(0.1 + 0.2, 0.3) //=> true
 */
export function isClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
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
