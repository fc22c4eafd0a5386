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
  // 15 significant digits, as a digit string and a decimal exponent: d.ddddddddddddddd × 10^exp.
  const [mantissa = "0", expText = "0"] = Math.abs(x).toExponential(14).split("e");
  const all = mantissa.replace(".", "");
  const exp = Number(expText);
  // The position, within `all`, of the last digit kept: digit i has place value 10^(exp − i).
  const keep = exp + digits + 1;
  if (keep <= 0) {
    // Every kept place is above the leading digit; only a leading digit ≥ 5 exactly one place below rounds up.
    const roundsUp = keep === 0 && Number(all[0]) >= 5;
    return roundsUp ? (negative ? -1 : 1) * 10 ** -digits : negative ? -0 : 0;
  }
  if (keep >= all.length) return negative ? -Number(`${mantissa}e${expText}`) : Number(`${mantissa}e${expText}`);
  let kept = BigInt(all.slice(0, keep));
  if (Number(all[keep]) >= 5) kept += 1n;
  // kept × 10^(exp − keep + 1) = kept × 10^(−digits)
  const magnitude = Number(`${kept}e${-digits}`);
  return negative ? -magnitude : magnitude;
}
