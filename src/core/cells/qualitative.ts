import type { Achievement } from "../types";
import { foldWidth } from "./normalize";

const PARTLY = ["部分达成", "部分完成", "部分实现", "基本达成", "基本达到", "基本完成", "基本实现", "基本满意", "较满意", "比较满意", "基本合格", "较好", "partlyachieved", "partiallyachieved", "partiallymet", "partlymet", "partially"];
const NOT_ACHIEVED = ["未达成", "未达到", "未完成", "未实现", "不满意", "不合格", "无效", "否", "差", "notachieved", "notmet", "no"];
const ACHIEVED = ["达成预期指标", "达到预期指标", "达成预期目标", "达到预期目标", "达成预期", "达到预期", "达成目标", "达到目标", "达成", "达到", "完成", "实现", "是", "满意", "非常满意", "合格", "有效", "好", "良好", "优秀", "achieved", "met", "yes"];
const PREFIXES = ["已经", "已", "均已", "均", "全部", "全面", "全", "都"];

function compact(text: string): string {
  return foldWidth(text).replace(/[\s。.!！,，;；、]/g, "").toLowerCase();
}

/**
 * Drops the prefixes a Chinese actual-value text uses to say "done" (已, 均, 全部 …).
 *
 * @example
 * stripDonePrefix("已建立") //=> "建立"
 */
export function stripDonePrefix(text: string): string {
  let t = compact(text);
  for (const p of PREFIXES) {
    if (t.startsWith(p) && t.length > p.length) {
      t = t.slice(p.length);
      break;
    }
  }
  return t;
}

/**
 * Reads an achievement word (docs/scoring-rules.md §2): 达成/完成/是… achieved, 基本达成/较好… partly, 未达成/否… not.
 * The `target` text, when given, also counts: an actual that repeats it (after 已/均/全部) is achieved.
 *
 * @param text - the actual value's text
 * @param target - the target's text, if any
 * @returns the achievement, or null when the text is not a recognised word
 * @example
 * parseAchievement("基本完成") //=> "partly"
 * parseAchievement("已建立", "建立") //=> "achieved"
 */
export function parseAchievement(text: string, target?: string): Achievement | null {
  const t = compact(text);
  if (t === "") return null;
  const stripped = stripDonePrefix(text);
  for (const candidate of [t, stripped]) {
    if (PARTLY.includes(candidate)) return "partly";
    if (NOT_ACHIEVED.includes(candidate)) return "notAchieved";
    if (ACHIEVED.includes(candidate)) return "achieved";
  }
  if (target !== undefined) {
    const tt = stripDonePrefix(target.replace(/^\s*(>=|<=|≥|≤|=|>|<)/, ""));
    if (tt !== "" && (tt === stripped || tt === t)) return "achieved";
  }
  return null;
}
