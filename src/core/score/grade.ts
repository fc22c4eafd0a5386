import type { Grade, Settings } from "../types";

/** Rounds half away from zero to 2 decimals, the display precision for scores. */
export function round2(n: number): number {
  return Math.sign(n) * Math.round(Math.abs(n) * 100 + 1e-9) / 100;
}

/**
 * Grades a total on the 100-point scale (RULES.md §3, [10号]): ≥90 优, 80–<90 良, 60–<80 中, <60 差.
 * The grade is taken from the total rounded to 2 decimals.
 *
 * @param total - the total on the 100-point scale
 * @param bands - the lower bounds, from settings
 * @returns the grade; NaN grades 差
 * @example
 * gradeTotal(89.996, { excellent: 90, good: 80, fair: 60 }) //=> "优"
 */
export function gradeTotal(total: number, bands: Settings["gradeBands"]): Grade {
  const t = round2(total);
  if (!(t >= bands.fair)) return "差";
  if (t >= bands.excellent) return "优";
  if (t >= bands.good) return "良";
  return "中";
}
