/**
 * The one catalogue of the words the tool shows outside finding messages: grade names, severity
 * names (with singular and plural), output sheet names and level names, per language. The sheets,
 * the narrative, the task pane and the CLI all take their words from here, so they never drift.
 */
import type { Grade, Language, Severity } from "../types";

export interface Terms {
  /** The grade as a person reads it. English keeps the Chinese grade beside the word: "Excellent (优)". */
  grade: Readonly<Record<Grade, string>>;
  /** Severity names after a count of one ("1 warning") and of any other number ("2 warnings"). */
  severity: Readonly<Record<Severity, { one: string; many: string }>>;
  /** The preferred names of the two output sheets. */
  sheet: Readonly<{ scoreTable: string; summary: string }>;
  /** Level names: 一级指标 / Level 1 … */
  level: Readonly<Record<1 | 2 | 3, string>>;
  /** The budget item's name where it sits beside the level-1 nodes. */
  budgetItem: string;
}

const ZH: Terms = {
  grade: { 优: "优", 良: "良", 中: "中", 差: "差" },
  severity: {
    error: { one: "错误", many: "错误" },
    warning: { one: "警告", many: "警告" },
    info: { one: "提示", many: "提示" },
  },
  sheet: { scoreTable: "评分表", summary: "汇总" },
  level: { 1: "一级指标", 2: "二级指标", 3: "三级指标" },
  budgetItem: "预算执行率",
};

const EN: Terms = {
  grade: { 优: "Excellent (优)", 良: "Good (良)", 中: "Fair (中)", 差: "Poor (差)" },
  severity: {
    error: { one: "error", many: "errors" },
    warning: { one: "warning", many: "warnings" },
    info: { one: "note", many: "notes" },
  },
  sheet: { scoreTable: "Score table", summary: "Summary" },
  level: { 1: "Level 1", 2: "Level 2", 3: "Level 3" },
  budgetItem: "Budget execution",
};

/**
 * The words of one language.
 *
 * @example
 * terms("en").grade["优"] //=> "Excellent (优)"
 */
export function terms(language: Language): Terms {
  return language === "en" ? EN : ZH;
}

/**
 * A count with its severity name: "错误 2 项" in Chinese, "1 warning" / "2 warnings" in English.
 *
 * @example
 * countSeverity(1, "warning", "en") //=> "1 warning"
 * countSeverity(3, "info", "en") //=> "3 notes"
 * countSeverity(2, "error", "zh") //=> "错误 2 项"
 */
export function countSeverity(n: number, severity: Severity, language: Language): string {
  const name = terms(language).severity[severity];
  return language === "zh" ? `${name.many} ${n} 项` : `${n} ${n === 1 ? name.one : name.many}`;
}
