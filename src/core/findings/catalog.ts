/**
 * The finding catalogue: every code's severity, title and message (zh and en), the names of the
 * values a message is about, and why nothing could be scored. Every stage (detect, score, audit,
 * layout) may import it; it imports no stage.
 */
import type { FindingCode, Severity } from "../types";
import { formatPercent as pct, formatTrimmed } from "../text/formatNumber";

/** A number in a message: up to 2 decimals, no trailing zeros, rounded as Excel rounds. */
const fmt = (n: number): string => formatTrimmed(n, 2);

type Text = { zh: string; en: string };

/** The severity of every finding code (docs/scoring-rules.md §4; the last seven, ZERO_TARGET to TEXT_TRUNCATED, are the tool's own). */
export const SEVERITY: Record<FindingCode, Severity> = {
  SCORE_MISMATCH: "warning",
  SCORE_OVER_WEIGHT: "error",
  UNMET_TARGET_FULL_MARKS: "warning",
  MISSING_REASON: "warning",
  OVER_COMPLETION: "warning",
  QUALITATIVE_BAND: "warning",
  SCORE_ASSUMED: "info",
  WEIGHT_SUM: "error",
  DUPLICATE_NAME: "warning",
  ZERO_WEIGHT: "info",
  NON_NUMERIC: "error",
  DECLARED_TOTAL_MISMATCH: "error",
  DECLARED_COMPLETION_MISMATCH: "warning",
  NON_STANDARD_FRAMEWORK: "info",
  ZERO_TARGET: "warning",
  NEGATIVE_VALUE: "error",
  RANGE_CLIPPED: "info",
  LINK_NOT_FOUND: "warning",
  UNASSIGNED_TABLE: "warning",
  UNUSED_TEMPLATE_ROWS: "info",
  BUDGET_FROM_APPROPRIATION: "info",
  TEXT_TRUNCATED: "info",
  KEPT_EDITED_SHEET: "info",
  FORMULA_NOT_EVALUATED: "error",
};

/**
 * A short title for every finding code, for places where the code itself would read as jargon
 * (the score table's 发现 column). The summary keeps the code beside it for cross-reference.
 *
 * @example
 * TITLES.UNMET_TARGET_FULL_MARKS.zh //=> "未达标却满分"
 */
export const TITLES: Record<FindingCode, Text> = {
  SCORE_MISMATCH: { zh: "自评分与计算分不符", en: "Self-score differs" },
  SCORE_OVER_WEIGHT: { zh: "自评分超出分值", en: "Self-score above weight" },
  UNMET_TARGET_FULL_MARKS: { zh: "未达标却满分", en: "Full marks, target unmet" },
  MISSING_REASON: { zh: "缺少偏差原因", en: "Reason missing" },
  OVER_COMPLETION: { zh: "超额完成", en: "Over-completed" },
  QUALITATIVE_BAND: { zh: "定性得分超出档次", en: "Outside qualitative band" },
  SCORE_ASSUMED: { zh: "未填自评分", en: "Self-score assumed" },
  WEIGHT_SUM: { zh: "分值合计不符", en: "Weights do not add up" },
  DUPLICATE_NAME: { zh: "指标重名", en: "Duplicate name" },
  ZERO_WEIGHT: { zh: "分值为0", en: "Weight 0" },
  NON_NUMERIC: { zh: "无法识别的数值", en: "Not a number" },
  DECLARED_TOTAL_MISMATCH: { zh: "总分行不符", en: "Total row differs" },
  DECLARED_COMPLETION_MISMATCH: { zh: "填报完成率不符", en: "Declared completion differs" },
  NON_STANDARD_FRAMEWORK: { zh: "非标准指标体系", en: "Non-standard framework" },
  ZERO_TARGET: { zh: "目标值为0", en: "Target is 0" },
  NEGATIVE_VALUE: { zh: "负数", en: "Negative value" },
  RANGE_CLIPPED: { zh: "区域过大已截取", en: "Range clipped" },
  LINK_NOT_FOUND: { zh: "关联指标不存在", en: "Linked indicator not found" },
  UNASSIGNED_TABLE: { zh: "无法确定所属项目", en: "Belongs to no project" },
  UNUSED_TEMPLATE_ROWS: { zh: "未使用的模板行", en: "Unused template rows" },
  BUDGET_FROM_APPROPRIATION: { zh: "预算取自本年财政拨款", en: "Budget from appropriation row" },
  TEXT_TRUNCATED: { zh: "引用文字过长已截断", en: "Quoted text cut short" },
  KEPT_EDITED_SHEET: { zh: "已保留改动的结果表", en: "Edited output sheet kept" },
  FORMULA_NOT_EVALUATED: { zh: "公式无法计算", en: "Formula not evaluated" },
};

/** Why a formula without a cached result could not be evaluated (FORMULA_NOT_EVALUATED). */
export type FormulaFailureReason = "unsupportedFunction" | "unknownName" | "circular" | "syntax" | "range" | "tooDeep";

const FORMULA_FAILURES: Record<FormulaFailureReason, Text> = {
  unsupportedFunction: { zh: "用到了本工具不支持的函数", en: "it uses a function the tool does not implement" },
  unknownName: { zh: "用到了本工具无法解析的名称", en: "it uses a name the tool cannot resolve" },
  circular: { zh: "存在循环引用", en: "it is part of a circular reference" },
  syntax: { zh: "无法解析该公式", en: "the formula cannot be parsed" },
  range: { zh: "结果是一个区域而不是单个值", en: "its result is a range, not one value" },
  tooDeep: { zh: "引用链过长", en: "its chain of references is too long" },
};

const BAND: Record<string, Text> = {
  achieved: { zh: "达成", en: "achieved" },
  partly: { zh: "部分达成", en: "partly achieved" },
  notAchieved: { zh: "未达成", en: "not achieved" },
};

/**
 * The one message catalog: every finding's text in Chinese and English, built from its parameters.
 * Each entry names the indicator so that the message reads well on its own.
 */
export const MESSAGES = {
  SCORE_MISMATCH: (p: { name: string; self: number; score: number; tolerance: number }): Text => ({
    zh: `“${p.name}”自评得分 ${fmt(p.self)} 分，按规则计算为 ${fmt(p.score)} 分，相差 ${fmt(p.self - p.score)} 分（容差 ${fmt(p.tolerance)}）。请核对自评得分，或在偏差原因中说明。`,
    en: `"${p.name}" is self-scored ${fmt(p.self)}; the rules give ${fmt(p.score)}, a difference of ${fmt(p.self - p.score)} (tolerance ${fmt(p.tolerance)}). Check the self-score, or explain the difference in the reason column.`,
  }),
  SCORE_OVER_WEIGHT: (p: { name: string; self: number; weight: number }): Text => ({
    zh: `“${p.name}”自评得分 ${fmt(p.self)} 分，超出 0 至 ${fmt(p.weight)} 分的范围。`,
    en: `"${p.name}" is self-scored ${fmt(p.self)}, outside the range 0 to ${fmt(p.weight)}.`,
  }),
  UNMET_TARGET_FULL_MARKS: (p: { name: string; detail: Text }): Text => ({
    zh: `“${p.name}”自评满分，但${p.detail.zh}`,
    en: `"${p.name}" is self-scored full marks, but ${p.detail.en}`,
  }),
  MISSING_REASON: (p: { name: string; overCompletion: boolean }): Text => ({
    zh: p.overCompletion ? `“${p.name}”超额完成，但未填写偏差原因。` : `“${p.name}”未得满分，但未填写偏差原因分析及改进措施。`,
    en: p.overCompletion ? `"${p.name}" is over-completed, but no reason is given.` : `"${p.name}" is below full marks, but no reason or remedy is given.`,
  }),
  OVER_COMPLETION: (p: { name: string; completion: number; threshold: number }): Text => ({
    zh: `“${p.name}”完成率 ${pct(p.completion)}，达到或超过 ${pct(p.threshold)}，目标可能设定偏低，应说明原因。`,
    en: `"${p.name}" is at ${pct(p.completion)} of target, at or above ${pct(p.threshold)}: the target may have been set too low, and a reason is due.`,
  }),
  QUALITATIVE_BAND: (p: { name: string; band: string; self: number; low: number; high: number; used: number }): Text => ({
    zh: `“${p.name}”为定性指标（${BAND[p.band]?.zh ?? p.band}），得分应在 ${fmt(p.low)}–${fmt(p.high)} 分之间，自评 ${fmt(p.self)} 分，按 ${fmt(p.used)} 分计。`,
    en: `"${p.name}" is qualitative (${BAND[p.band]?.en ?? p.band}); its score belongs in ${fmt(p.low)}–${fmt(p.high)}, self-scored ${fmt(p.self)}, counted as ${fmt(p.used)}.`,
  }),
  SCORE_ASSUMED: (p: { name: string; band: string; used: number }): Text => ({
    zh: `“${p.name}”为定性指标（${BAND[p.band]?.zh ?? p.band}），未填自评得分，按该档上限 ${fmt(p.used)} 分计。`,
    en: `"${p.name}" is qualitative (${BAND[p.band]?.en ?? p.band}) with no self-score; the band's top, ${fmt(p.used)}, was used.`,
  }),
  WEIGHT_SUM: (p: { name: string; declared: number; sum: number }): Text => ({
    zh: `“${p.name}”分值为 ${fmt(p.declared)}，但下级指标分值合计为 ${fmt(p.sum)}。请调整分值，使其合计为 ${fmt(p.declared)}。`,
    en: `"${p.name}" has weight ${fmt(p.declared)}, but its children's weights add up to ${fmt(p.sum)}. Correct the weights so that they add up to ${fmt(p.declared)}.`,
  }),
  DUPLICATE_NAME: (p: { name: string; parent: string; first: string }): Text => ({
    zh: `“${p.parent}”下有两个同名指标“${p.name}”（另一个在 ${p.first}）。如为同一类别跨页续写，请合并单元格；否则请改名。`,
    en: `"${p.name}" appears twice under "${p.parent}" (the other is at ${p.first}). If it is one category continued after a page break, merge the two; otherwise rename one.`,
  }),
  ZERO_WEIGHT: (p: { name: string }): Text => ({
    zh: `“${p.name}”分值为 0 或空白，不计入总分。请补填分值；如不设此指标，可删除该行。`,
    en: `"${p.name}" has a weight of 0 or blank and is left out of the total. Give it a weight, or delete the row if the indicator is not used.`,
  }),
  NON_NUMERIC: (p: { name: string; what: Text; text: string }): Text => ({
    zh: p.text === "" ? `“${p.name}”的${p.what.zh}为空，无法计算，请填写。` : `“${p.name}”的${p.what.zh}“${p.text}”无法识别为数值，请填写数值（可带单位，如 95%、12万元）。`,
    en: p.text === "" ? `"${p.name}": the ${p.what.en} is empty, so it cannot be computed; fill it in.` : `"${p.name}": the ${p.what.en} "${p.text}" cannot be read as a number; write a number (a unit may follow, as in 95% or 12万元).`,
  }),
  DECLARED_TOTAL_MISMATCH: (p: { what: Text; declared: number; computed: number }): Text => ({
    zh: `总分行的${p.what.zh}为 ${fmt(p.declared)}，但各行合计为 ${fmt(p.computed)}。请更正总分行或各行。`,
    en: `The total row's ${p.what.en} is ${fmt(p.declared)}, but the rows add up to ${fmt(p.computed)}. Correct the total row or the rows.`,
  }),
  DECLARED_COMPLETION_MISMATCH: (p: { name: string; declared: number; computed: number }): Text => ({
    zh: `“${p.name}”填报完成率 ${pct(p.declared)}，按实际/目标计算为 ${pct(p.computed)}。`,
    en: `"${p.name}" declares ${pct(p.declared)} completion; actual/target gives ${pct(p.computed)}.`,
  }),
  NON_STANDARD_FRAMEWORK: (p: { items: { name: string; under: string; expected: string }[] }): Text => ({
    zh: `指标体系与财预〔2020〕10号标准框架不同：${p.items.map((i) => `“${i.name}”在“${i.under}”下（标准在“${i.expected}”下）`).join("；")}。`,
    en: `The indicator framework differs from the standard one (财预〔2020〕10号): ${p.items
      .map((i) => `"${i.name}" sits under "${i.under}" (standard: "${i.expected}")`)
      .join("; ")}.`,
  }),
  ZERO_TARGET: (p: { name: string }): Text => ({
    zh: `“${p.name}”目标值为 0，无法计算完成率。`,
    en: `"${p.name}" has a target of 0, so no completion rate can be computed.`,
  }),
  NEGATIVE_VALUE: (p: { name: string; what: Text; value: number }): Text => ({
    zh: `“${p.name}”的${p.what.zh}为负数（${fmt(p.value)}），按自评得分计，请核实。`,
    en: `"${p.name}": the ${p.what.en} is negative (${fmt(p.value)}); the self-score was used, please check it.`,
  }),
  LINK_NOT_FOUND: (p: { line: string; link: string }): Text => ({
    zh: `“${p.line}”的关联指标“${p.link}”在指标表中找不到，该行未计入任何指标的得分。`,
    en: `"${p.line}" links to "${p.link}", which is not an indicator in the table; the line feeds no score.`,
  }),
  UNASSIGNED_TABLE: (p: { what: Text; name: string; projects: number }): Text => ({
    zh: `${p.what.zh}“${p.name}”不在任何项目的工作表上，也没有能唯一对应某个项目指标的关联指标；工作簿有 ${p.projects} 个项目，无法确定归属，未计入任何项目的评分。`,
    en: `The ${p.what.en} "${p.name}" is on no project's sheet and has no 关联指标 (link) naming one project's indicator; with ${p.projects} projects in the workbook it is counted in none.`,
  }),
  UNUSED_TEMPLATE_ROWS: (p: { count: number }): Text => ({
    zh: `表中有 ${p.count} 行未使用的模板行（如“指标2”“……”、空白行或未赋分值的“其中”明细行），未计入评分；可在定稿时删除。`,
    en: `${p.count} unused template row${p.count === 1 ? " was" : "s were"} left out of the score (stubs such as 指标2 or ……, blank rows, or unweighted 其中 detail rows); they can be deleted from the final table.`,
  }),
  BUDGET_FROM_APPROPRIATION: (p: { label: string; row: string }): Text => ({
    zh: `“${p.label}”行的预算数和执行数为 0 或空白，已改用“${p.row}”行的数字计算执行率；请在合计行填写资金总额。`,
    en: `The "${p.label}" row's budget and spending are 0 or blank, so the figures of the "${p.row}" row were used for the execution rate; fill in the total row.`,
  }),
  TEXT_TRUNCATED: (p: { length: number; limit: number }): Text => ({
    zh: `此处的发现引用了一段 ${p.length} 个字符的文字，只显示了前 ${p.limit} 个字符（以“…”结尾）。请检查单元格中是否误粘贴了大段内容。`,
    en: `A finding here quotes a text of ${p.length} characters; only its first ${p.limit} are shown, ending in "…". Check whether a long passage was pasted into the cell by mistake.`,
  }),
  KEPT_EDITED_SHEET: (p: { sheet: string }): Text => ({
    zh: `工作表“${p.sheet}”是此前生成的结果表，但生成后被改动过（如添加了批注或更正），已原样保留（未读取、未删除）；本次结果写入新的工作表。确认不再需要后可手动删除。`,
    en: `Sheet "${p.sheet}" was written by an earlier run but has been edited since (notes or corrections); it was kept as it is (neither read nor deleted) and this run's results went to new sheets. Delete it by hand once it is no longer needed.`,
  }),
  FORMULA_NOT_EVALUATED: (p: { formula: string; reason: FormulaFailureReason }): Text => ({
    zh: `该单元格的公式 =${p.formula} 在文件中没有计算结果，本工具也无法计算（${FORMULA_FAILURES[p.reason].zh}），已按空白读取。请在 Excel 中打开并保存一次（让 Excel 计算公式），或改填数值后重试。`,
    en: `The cell's formula =${p.formula} has no result saved in the file, and the tool cannot evaluate it (${FORMULA_FAILURES[p.reason].en}); it was read as blank. Open and save the file once in Excel (so that Excel calculates it), or type the value in, then try again.`,
  }),
  RANGE_CLIPPED: (p: { sheet: string; used: string; read: string }): Text => ({
    zh: `工作表“${p.sheet}”的已用区域为 ${p.used}，过大；只读取了 ${p.read}。请清除表格以外的多余内容。`,
    en: `Sheet "${p.sheet}" has a used range of ${p.used}, too large to read whole; only ${p.read} was read. Clear stray content outside the table.`,
  }),
} satisfies Record<FindingCode, (p: never) => Text>;

/** Names of the value a message is about. */
export const WHAT: Record<string, Text> = {
  target: { zh: "指标值", en: "target" },
  actual: { zh: "实际完成值", en: "actual value" },
  weight: { zh: "分值", en: "weight" },
  selfScore: { zh: "自评得分", en: "self-score" },
  planned: { zh: "全年预算数", en: "annual budget" },
  spent: { zh: "全年执行数", en: "amount spent" },
  weights: { zh: "分值合计", en: "weight total" },
  scores: { zh: "得分合计", en: "score total" },
  completion: { zh: "完成率", en: "completion" },
  enrollmentLine: { zh: "参保行", en: "enrollment line" },
  budgetBlock: { zh: "预算执行表", en: "budget block" },
  executionRate: { zh: "执行率", en: "execution rate" },
};

/** Why nothing could be scored; each names the place it looked. */
export const PROBLEMS = {
  nothingToScore: (): Text => ({ zh: "没有找到可评分的指标表。", en: "No indicator table to score." }),
  emptyWorkbook: (): Text => ({ zh: "工作簿没有任何内容，无可评分的指标表。", en: "The workbook is empty: there is nothing to score." }),
  noWeightColumn: (p: { cell: string }): Text => ({
    zh: `在 ${p.cell} 找到了指标表头，但没有“分值”（权重）列，无法评分。请添加分值列。`,
    en: `An indicator header was found at ${p.cell}, but it has no weight (分值) column, so nothing can be scored. Add a weight column.`,
  }),
  enrollmentOnly: (p: { cell: string }): Text => ({
    zh: `只找到参保（任务完成）表 ${p.cell}，没有找到带“分值”列的绩效指标表，无法评分。`,
    en: `Only an enrollment table was found (${p.cell}); there is no indicator table with a weight column to score.`,
  }),
  tableTooLong: (p: { sheet: string; used: string; usedRows: number; limit: number }): Text => ({
    zh: `工作表“${p.sheet}”的已用区域 ${p.used} 共 ${p.usedRows} 行，超过一次可读取的 ${p.limit} 行，其中的指标表延续到第 ${p.limit} 行之后。为避免只对部分行评分，本次不评分。请把表格拆分到多个工作表（每个不超过 ${p.limit} 行），或删除多余的行后重试。`,
    en: `The used range ${p.used} of sheet "${p.sheet}" has ${p.usedRows} rows, more than the ${p.limit} rows read at once, and its indicator table runs past row ${p.limit}. Rather than score part of the table, nothing was scored. Split the table across sheets (at most ${p.limit} rows each) or delete the extra rows, then try again.`,
  }),
  noTable: (p: { sheets: string[] }): Text => ({
    zh: `在工作表 ${p.sheets.join("、")} 中没有找到绩效指标表（需要“一级/二级/三级指标”列和“分值”列）。`,
    en: `No indicator table was found in ${p.sheets.join(", ")} (it needs level-name columns such as 一级指标/Level 1 and a weight column such as 分值/Weight).`,
  }),
};
