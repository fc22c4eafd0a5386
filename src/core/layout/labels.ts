import type { Grade, Language, ReverseConvention, Severity } from "../types";
import { terms } from "../text/terms";

/** Every label the layout writes, in one language. */
export interface LayoutLabels {
  scoreTableTitle: string;
  /** The 13 score-table headers, A to M. */
  columns: readonly string[];
  total: string;
  budget: string;
  notApplicable: string;
  zeroWeight: string;
  severity: Readonly<Record<Severity, string>>;
  grade: Readonly<Record<Grade, string>>;
  summaryTitle: string;
  project: string;
  projectName: string;
  totals: string;
  scoreSum: string;
  weightTotal: string;
  computedTotal: string;
  gradeLabel: string;
  selfTotal: string;
  difference: string;
  /** Self-score minus score, as a column header. */
  selfDifference: string;
  level1Block: string;
  level2Block: string;
  level1: string;
  level2: string;
  weight: string;
  score: string;
  rate: string;
  enrollmentBlock: string;
  item: string;
  target: string;
  actual: string;
  completion: string;
  budgetBlock: string;
  planned: string;
  spent: string;
  executionRate: string;
  /** The budget row that is scored. */
  fundsTotal: string;
  selfScore: string;
  findingsBlock: string;
  severityLabel: string;
  code: string;
  cell: string;
  message: string;
  noFindings: string;
  goToCell: string;
  narrativeBlock: string;
  settingsBlock: string;
  reverseLabel: string;
  reverse: Readonly<Record<ReverseConvention, string>>;
  overCompletion: string;
  mismatchTolerance: string;
  gradeBands: string;
  languageLabel: string;
  languageName: string;
  oursHeading: string;
  ours: readonly string[];
  version: string;
  generatedAt: string;
  chartTitle: string;
  /** Several projects (docs/scoring-rules.md §1.6): the summary's overview. */
  overviewBlock: string;
  sheet: string;
  /** The overview's counts of findings, as column headers. */
  errors: string;
  warnings: string;
  gradeDistribution: string;
  projectCount: string;
  workbookFindings: string;
  goToProject: string;
  goToTable: string;
  projectsChartTitle: string;
}

/** A severity's name on its own (a finding's row): the catalogue's singular. */
function severityNames(language: Language): Record<Severity, string> {
  const s = terms(language).severity;
  return { error: s.error.one, warning: s.warning.one, info: s.info.one };
}

const ZH: LayoutLabels = {
  scoreTableTitle: "绩效评分表",
  columns: [terms("zh").level[1], "分值", terms("zh").level[2], "分值", terms("zh").level[3], "分值", "指标值", "实际完成值", "完成率", "得分", "自评得分", "差异", "发现"],
  total: "合计",
  budget: terms("zh").budgetItem,
  notApplicable: "不适用",
  zeroWeight: "分值为0，不计入总分",
  severity: severityNames("zh"),
  grade: terms("zh").grade,
  summaryTitle: "绩效评分汇总",
  project: "项目",
  projectName: "项目名称",
  totals: "总分",
  scoreSum: "得分合计",
  weightTotal: "适用分值合计",
  computedTotal: "计算总分（百分制）",
  gradeLabel: "等级",
  selfTotal: "自评总分",
  difference: "差异（自评总分 − 得分合计）",
  selfDifference: "差异",
  level1Block: "分项得分（一级指标）",
  level2Block: "分项得分（二级指标）",
  level1: terms("zh").level[1],
  level2: terms("zh").level[2],
  weight: "分值",
  score: "得分",
  rate: "得分率",
  enrollmentBlock: "参保任务完成情况",
  item: "项目",
  target: "目标任务数",
  actual: "实际完成数",
  completion: "完成率",
  budgetBlock: "预算执行情况",
  planned: "全年预算数",
  spent: "全年执行数",
  executionRate: "执行率",
  fundsTotal: "年度资金总额",
  selfScore: "自评得分",
  findingsBlock: "审核发现",
  severityLabel: "严重程度",
  code: "代码",
  cell: "单元格",
  message: "说明",
  noFindings: "无",
  goToCell: "转到该单元格",
  narrativeBlock: "评价说明（可粘贴至报告）",
  settingsBlock: "计算设置",
  reverseLabel: "逆向指标（≤）超出目标时",
  reverse: { ratio: "比值法：分值 × 目标/实际", deviation: "偏离法：分值 × max(0, 1 − (实际−目标)/目标)" },
  overCompletion: "超额完成提示阈值（实际/目标）",
  mismatchTolerance: "自评差异容差（分）",
  gradeBands: "等级划分",
  languageLabel: "语言",
  languageName: "中文",
  oursHeading: "以下规则由本工具确定（文件未作规定）：",
  ours: [
    "仅有自评得分、无指标值和实际值的指标：取自评得分，并限定在 0 至分值之间。",
    "关联参保数据的指标：分值 × 各关联行 min(实际/目标, 1) 的平均值。",
    "分值为 0 或空白的指标：不计入总分（ZERO_WEIGHT 提示）。",
  ],
  version: "工具版本",
  generatedAt: "生成时间",
  chartTitle: "一级指标得分与分值",
  overviewBlock: "项目总览",
  sheet: "工作表",
  errors: "错误",
  warnings: "警告",
  gradeDistribution: "等级分布",
  projectCount: "项目数",
  workbookFindings: "不属于任何项目的发现",
  goToProject: "转到该项目的评分表",
  goToTable: "转到该项目的指标表",
  projectsChartTitle: "各项目计算总分",
};

const EN: LayoutLabels = {
  scoreTableTitle: "Score table",
  columns: [terms("en").level[1], "Weight", terms("en").level[2], "Weight", terms("en").level[3], "Weight", "Target", "Actual", "Completion", "Score", "Self score", "Difference", "Findings"],
  total: "Total",
  budget: terms("en").budgetItem,
  notApplicable: "N/A",
  zeroWeight: "Weight 0: left out of the total",
  severity: severityNames("en"),
  grade: terms("en").grade,
  summaryTitle: "Score summary",
  project: "Project",
  projectName: "Project name",
  totals: "Total",
  scoreSum: "Sum of scores",
  weightTotal: "Sum of applicable weights",
  computedTotal: "Computed total (out of 100)",
  gradeLabel: "Grade",
  selfTotal: "Self-assessed total",
  difference: "Difference (self − sum of scores)",
  selfDifference: "Difference",
  level1Block: "Subtotals by level 1",
  level2Block: "Subtotals by level 2",
  level1: terms("en").level[1],
  level2: terms("en").level[2],
  weight: "Weight",
  score: "Score",
  rate: "Rate",
  enrollmentBlock: "Enrollment targets",
  item: "Item",
  target: "Target",
  actual: "Actual",
  completion: "Completion",
  budgetBlock: "Budget execution",
  planned: "Annual budget",
  spent: "Spent",
  executionRate: "Execution rate",
  fundsTotal: "Total funds",
  selfScore: "Self score",
  findingsBlock: "Findings",
  severityLabel: "Severity",
  code: "Code",
  cell: "Cell",
  message: "Message",
  noFindings: "None",
  goToCell: "Go to the cell",
  narrativeBlock: "Narrative (for the report)",
  settingsBlock: "Settings used",
  reverseLabel: "Reverse (≤) indicator above target",
  reverse: { ratio: "ratio: weight × target/actual", deviation: "deviation: weight × max(0, 1 − (actual−target)/target)" },
  overCompletion: "Over-completion threshold (actual/target)",
  mismatchTolerance: "Self-score mismatch tolerance (points)",
  gradeBands: "Grade bands",
  languageLabel: "Language",
  languageName: "English",
  oursHeading: "The tool chose these rules (no regulation covers them):",
  ours: [
    "Indicators with only a self-score (no target or actual): the self-score, clamped to 0..weight.",
    "Indicators fed by enrollment lines: weight × the mean of min(actual/target, 1) over the linked lines.",
    "Indicators with weight 0 or blank: left out of the total (ZERO_WEIGHT, info).",
  ],
  version: "Tool version",
  generatedAt: "Generated at",
  chartTitle: "Score and weight by level 1",
  overviewBlock: "Projects",
  sheet: "Sheet",
  errors: "Errors",
  warnings: "Warnings",
  gradeDistribution: "Grade distribution",
  projectCount: "Projects",
  workbookFindings: "Findings that belong to no project",
  goToProject: "Go to the project's score table",
  goToTable: "Go to the project's indicator table",
  projectsChartTitle: "Computed total by project",
};

/**
 * Returns the layout's labels in one language.
 *
 * @param language - "zh" or "en"
 * @returns the label set
 * @example
 * layoutLabels("en").columns[0] //=> "Level 1"
 */
export function layoutLabels(language: Language): LayoutLabels {
  return language === "en" ? EN : ZH;
}
