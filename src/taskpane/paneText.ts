/** Every string the task pane shows, in both languages. The workbook's own output is localised by the core. */
import type { Grade, Language, Severity } from "../core/types";

export interface PaneText {
  intro: string;
  compute: string;
  computing: string;
  progress: string;
  languageGroup: string;
  result: string;
  total: string;
  grade: string;
  findings: string;
  outputSheets: string;
  none: string;
  nothingToScore: string;
  failed: string;
  /** Severity names after a count: `severityOne` after 1, `severity` otherwise. */
  severity: Record<Severity, string>;
  severityOne: Record<Severity, string>;
  gradeName: Record<Grade, string>;
}

export const PANE_TEXT: Readonly<Record<Language, PaneText>> = {
  zh: {
    intro: "打开绩效自评表后，点击下方按钮。PerfScore 会计算评分、核对自评分，并把结果写入新的工作表。",
    compute: "计算评分",
    computing: "正在计算…",
    progress: "正在读取工作簿并计算评分…",
    languageGroup: "语言",
    result: "评分结果",
    total: "总分",
    grade: "等级",
    findings: "问题",
    outputSheets: "输出工作表",
    none: "无",
    nothingToScore: "没有可评分的内容",
    failed: "未能完成计算",
    severity: { error: "错误", warning: "警告", info: "提示" },
    severityOne: { error: "错误", warning: "警告", info: "提示" },
    gradeName: { 优: "优", 良: "良", 中: "中", 差: "差" },
  },
  en: {
    intro: "Open a performance self-evaluation workbook and select the button below. PerfScore scores it, checks the self-scores and writes the results to new sheets.",
    compute: "Compute scores",
    computing: "Computing…",
    progress: "Reading the workbook and computing scores…",
    languageGroup: "Language",
    result: "Scores",
    total: "Total",
    grade: "Grade",
    findings: "Findings",
    outputSheets: "Output sheets",
    none: "none",
    nothingToScore: "Nothing to score",
    failed: "Scoring did not finish",
    severity: { error: "errors", warning: "warnings", info: "notes" },
    severityOne: { error: "error", warning: "warning", info: "note" },
    gradeName: { 优: "Excellent (优)", 良: "Good (良)", 中: "Fair (中)", 差: "Poor (差)" },
  },
};
