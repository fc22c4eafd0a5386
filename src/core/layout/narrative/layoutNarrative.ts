import type { Evaluation } from "../../types";
import { isClose } from "../../numbers/tolerances";
import { budgetSentence, enrollmentClause, findingsSentence } from "./narrativeParts";
import { formatPoints } from "../../text/formatNumber";
import { terms } from "../../text/terms";

/**
 * Writes the evaluation as a paragraph in the seed report's own style, ready to paste into the
 * report (三、综合评价情况及评论结果), in Chinese and in English.
 *
 * - Each enrollment line: target, actual and completion. Counts are shown in 万 when the line's
 *   unit counts in 万 (6.42 万人), else as numbers with their unit (8755 人); English shows base
 *   units with separators (64,200 people). Counts and amounts have thousands separators in both
 *   languages.
 * - The budget execution rate, when there is a budget block.
 * - Full marks 100, the computed total and the grade (with the applicable weight and the score
 *   in points when rows were left out and the total is rescaled); the self-assessed total when it
 *   differs from the score in points (at 2 decimals).
 * - The number of findings by severity, when there are any.
 * - Percentages and scores have 2 decimals; a whole score drops ".00" ("100 分").
 *
 * @param ev - the evaluation
 * @returns the paragraph in both languages
 * @example
 * layoutNarrative(seedEvaluation).zh
 * //=> "企业职工养老保险参保目标任务人数为 6.42 万人，当前参保人数为 5.68 万人，完成年度目标任务的 88.47%；…项目满分 100 分，评分得分 100 分，等级为优。"
 */
export function layoutNarrative(ev: Evaluation): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (ev.enrollment.length > 0) {
    zh.push(`${ev.enrollment.map((l) => enrollmentClause(l, "zh", true)).join("；")}。`);
    en.push(`${ev.enrollment.map((l, i) => enrollmentClause(l, "en", i === 0)).join("; ")}.`);
  }
  if (ev.budget) {
    zh.push(budgetSentence(ev.budget, "zh"));
    en.push(budgetSentence(ev.budget, "en"));
  }
  const total = formatPoints(ev.total);
  // The self-assessed total is a sum of points, so it is compared with Σ scores, not the rescaled total.
  const self = ev.selfTotal;
  const differs = self !== null && formatPoints(self) !== formatPoints(ev.scoreSum);
  const gap = self === null ? "" : formatPoints(Math.abs(self - ev.scoreSum));
  const above = self !== null && self > ev.scoreSum;
  const rescaled = ev.weightTotal > 0 && !isClose(ev.weightTotal, 100);
  zh.push(
    (rescaled
      ? `项目满分 100 分，适用分值 ${formatPoints(ev.weightTotal)} 分，得分 ${formatPoints(ev.scoreSum)} 分，折合百分制 ${total} 分，等级为${terms("zh").grade[ev.grade]}`
      : `项目满分 100 分，评分得分 ${total} 分，等级为${terms("zh").grade[ev.grade]}`) +
      (differs ? `；自评得分 ${formatPoints(self)} 分，${above ? "高于" : "低于"}评分 ${gap} 分` : "") +
      "。",
  );
  en.push(
    (rescaled
      ? `Full marks are 100; the applicable weights total ${formatPoints(ev.weightTotal)} and the score is ${formatPoints(ev.scoreSum)}, ${total} on the 100-point scale, grade ${terms("en").grade[ev.grade]}`
      : `Full marks are 100; the computed score is ${total}, grade ${terms("en").grade[ev.grade]}`) +
      (differs ? `; the self-assessed total is ${formatPoints(self)}, ${gap} ${above ? "above" : "below"} the computed score` : "") +
      ".",
  );
  zh.push(findingsSentence(ev.findings, "zh"));
  en.push(findingsSentence(ev.findings, "en"));
  return { zh: zh.join(""), en: en.filter((s) => s !== "").join(" ") };
}
