/**
 * Rounds the way Excel's `ROUND` does, so that a number we show or grade is the number a
 * spreadsheet's formula shows after any recalculation.
 *
 * - Excel first reduces the double to 15 significant decimal digits (the precision it keeps).
 * - It then rounds that decimal, not the binary double, half away from zero.
 * - So `89.995` (stored as 89.99499999999999744…) rounds to 90, while 89.9949999999925 rounds
 *   to 89.99: a nudge such as `+1e-9` would wrongly round the second one up.
 *
 * @param x - the number; non-finite input (NaN, ±Infinity) is returned as is
 * @param digits - decimals to keep, an integer from 0 to 15; negative rounds to tens, hundreds …
 * @returns the rounded number
 * @example
 * excelRound(89.995, 2) //=> 90
 * excelRound(89.9949999999925, 2) //=> 89.99
 * excelRound(-2.5, 0) //=> -3
 */
export function excelRound(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const negative = x < 0;
  const fast = quickRound(Math.abs(x), digits);
  if (fast !== null) return negative ? -fast : fast;
  // 15 significant digits, as a digit string and a decimal exponent: d.ddddddddddddddd × 10^exp.
  const [mantissa = "0", expText = "0"] = Math.abs(x).toExponential(14).split("e");
  const all = mantissa.replace(".", "");
  const exp = Number(expText);
  // The position, within `all`, of the last digit kept: digit i has place value 10^(exp − i).
  const keep = exp + digits + 1;
  if (keep <= 0) {
    // Every kept place is above the leading digit; only a leading digit ≥ 5 exactly one place below rounds up.
    const roundsUp = keep === 0 && Number(all[0]) >= 5;
    return roundsUp ? (negative ? -1 : 1) * Number(`1e${-digits}`) : negative ? -0 : 0;
  }
  if (keep >= all.length) return negative ? -Number(`${mantissa}e${expText}`) : Number(`${mantissa}e${expText}`);
  let kept = BigInt(all.slice(0, keep));
  if (Number(all[keep]) >= 5) kept += 1n;
  // kept × 10^(exp − keep + 1) = kept × 10^(−digits)
  const magnitude = Number(`${kept}e${-digits}`);
  return negative ? -magnitude : magnitude;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * The same result without the decimal string, for the common case: a scaled value well below
 * 10^13 whose fraction is clearly not a half. Neither the reduction to 15 significant digits
 * (a relative change under 5·10^-15) nor the scaling (one rounding) can then move it across the
 * half, so rounding the double gives Excel's answer; dividing the integer by an exact power of
 * ten gives the same double as reading it back from its decimal. Null sends the value to the
 * exact path.
 */
function quickRound(magnitude: number, digits: number): number | null {
  const scale = POWERS_OF_TEN[digits];
  if (scale === undefined) return null;
  const scaled = magnitude * scale;
  if (!(scaled < 1e13)) return null;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (Math.abs(fraction - 0.5) <= scaled * 1e-13 + 1e-9) return null;
  return (fraction > 0.5 ? whole + 1 : whole) / scale;
}
