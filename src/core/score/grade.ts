import type { Grade, Settings } from "../types";
import { excelRound } from "../numbers/excelRound";

/**
 * Grades a total on the 100-point scale ([10号]; docs/scoring-rules.md §3.4): ≥ 90 优,
 * 80 to < 90 良, 60 to < 80 中, < 60 差, with the bands from settings.
 *
 * - The grade is taken from the total rounded to 2 decimals exactly as Excel's `ROUND` does, so
 *   it is the grade the summary sheet's formula `ROUND(total, 2)` shows after any recalculation.
 * - This is the only grade function: the evaluation, the pane, the CLI, the narrative and the
 *   summary's cached grade all call it.
 *
 * @param total - the total on the 100-point scale
 * @param bands - the lower bounds, from settings
 * @returns the grade; NaN grades 差
 * @example
 * gradeTotal(89.995, { excellent: 90, good: 80, fair: 60 }) //=> "优"
 * gradeTotal(89.9949999999925, { excellent: 90, good: 80, fair: 60 }) //=> "良"
 */
export function gradeTotal(total: number, bands: Settings["gradeBands"]): Grade {
  const t = excelRound(total, 2);
  if (!(t >= bands.fair)) return "差";
  if (t >= bands.excellent) return "优";
  if (t >= bands.good) return "良";
  return "中";
}
