/**
 * Excel's ROUND, written independently of src/core/numbers/excelRound for the property tests: the
 * number's 15-significant-digit decimal (toPrecision, not toExponential) becomes an exact integer
 * mantissa and a power of ten, and the rounding is BigInt division with half away from zero.
 */
export function decimalRound(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const sign = x < 0 ? -1 : 1;
  const text = Math.abs(x).toPrecision(15);
  const [coef = "0", expPart] = text.split("e");
  const [intPart = "0", frac = ""] = coef.split(".");
  // |x| (to 15 digits) = mantissa × 10^exp exactly.
  const mantissa = BigInt(intPart + frac);
  const exp = Number(expPart ?? 0) - frac.length;
  const shift = exp + digits; // mantissa × 10^shift is |x| × 10^digits
  let scaled: bigint;
  if (shift >= 0) scaled = mantissa * 10n ** BigInt(shift);
  else {
    const d = 10n ** BigInt(-shift);
    scaled = mantissa / d;
    if ((mantissa % d) * 2n >= d) scaled += 1n;
  }
  const r = Number(`${scaled}e${-digits}`);
  return r === 0 ? sign * 0 : sign * r;
}
