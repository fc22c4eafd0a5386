/**
 * The one number formatter for numbers that appear in text (finding messages, the narrative, the
 * pane, the CLI). It rounds as Excel displays `0.00` and `0.00%` (see excelRound), so a number in
 * a sentence is the number the sheet shows beside it.
 */
import { excelRound } from "../numbers/excelRound";

/**
 * A number with exactly `digits` decimals, rounded as Excel rounds; never "-0.00".
 *
 * @example
 * formatFixed(88.4735, 2) //=> "88.47"
 * formatFixed(89.995, 2) //=> "90.00"
 * formatFixed(NaN, 2) //=> "NaN"
 */
export function formatFixed(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  const s = excelRound(x, digits).toFixed(digits);
  return s.charCodeAt(0) === 45 && isZeroText(s) ? s.slice(1) : s;
}

/** True for "-0", "-0." and "-0.00…": a minus sign on a zero. */
function isZeroText(s: string): boolean {
  if (s.length < 2 || s.charCodeAt(1) !== 48) return false;
  if (s.length === 2) return true;
  if (s.charCodeAt(2) !== 46) return false;
  for (let i = 3; i < s.length; i++) if (s.charCodeAt(i) !== 48) return false;
  return true;
}

/**
 * A ratio as a percent with 2 decimals, as Excel's `0.00%` shows it.
 *
 * @example
 * formatPercent(0.884735) //=> "88.47%"
 * formatPercent(1.2) //=> "120.00%"
 */
export function formatPercent(ratio: number): string {
  return `${formatFixed(ratio * 100, 2)}%`;
}

/**
 * A score in points: 2 decimals, with a whole ".00" dropped the way reports write "100 分".
 *
 * @example
 * formatPoints(100) //=> "100"
 * formatPoints(14.864648) //=> "14.86"
 * formatPoints(9.5) //=> "9.50"
 */
export function formatPoints(x: number): string {
  return formatFixed(x, 2).replace(/\.00$/, "");
}

/**
 * Up to `maxDigits` decimals, trailing zeros and a bare point dropped.
 *
 * @example
 * formatTrimmed(1.72380, 4) //=> "1.7238"
 * formatTrimmed(5, 4) //=> "5"
 */
export function formatTrimmed(x: number, maxDigits: number): string {
  const s = formatFixed(x, maxDigits);
  if (!s.includes(".")) return s;
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  if (end > 0 && s.charCodeAt(end - 1) === 46) end--;
  return end === s.length ? s : s.slice(0, end);
}

/**
 * Inserts thousands separators into a plain decimal string.
 *
 * @example
 * withThousands("64200.5") //=> "64,200.5"
 */
export function withThousands(decimal: string): string {
  // The common case, a plain decimal, grouped by hand; anything else through the pattern.
  let end = decimal.indexOf(".");
  if (end < 0) end = decimal.length;
  const start = decimal.charCodeAt(0) === 45 ? 1 : 0;
  let plain = end > start;
  for (let i = start; i < end && plain; i++) {
    const c = decimal.charCodeAt(i);
    plain = c >= 48 && c <= 57;
  }
  if (plain && decimal.indexOf(".", end + 1) < 0) {
    if (end - start <= 3) return decimal;
    let head = start + ((end - start - 1) % 3) + 1;
    let out = decimal.slice(0, head);
    for (; head < end; head += 3) out += `,${decimal.slice(head, head + 3)}`;
    return out + decimal.slice(end);
  }
  const [int = "", frac] = decimal.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}
