/**
 * Shared data types of the pure core. Nothing here knows about Office, ExcelJS, files or the DOM.
 */

/** A cell value as the Excel JavaScript API returns it in `Range.values`: "" for an empty cell. */
export type CellValue = number | string | boolean;

/** A rectangle of cells, 0-based and absolute on its sheet. */
export interface CellBox {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/**
 * One sheet's cells as read from the workbook: plain data, no proxies.
 * `values[i][j]` is the cell at absolute row `rowIndex + i`, column `columnIndex + j` (0-based).
 */
export interface SheetGrid {
  name: string;
  rowIndex: number;
  columnIndex: number;
  values: CellValue[][];
  numberFormats: string[][];
  /** Merged areas that intersect the grid, absolute coordinates. */
  merges: CellBox[];
  /** Set when the sheet's used range was larger than what was read: the full used range, local A1 ("B1:XFD1048576"). */
  clippedFrom?: string;
  /** With `clippedFrom`: the part of the sheet that was read, local A1 ("A1:BL60000"). */
  readWindow?: string;
}

export type Language = "zh" | "en";

export type ReverseConvention = "ratio" | "deviation";

/** The rule profiles the tool knows (docs/scoring-rules.md §7): the national rules and provincial variants. */
export type ProfileId = "mof" | "hubei" | "sichuan";

/** The share of the weight each qualitative band allows, as [low, high] fractions. */
export interface QualitativeBands {
  achieved: [number, number];
  partly: [number, number];
  notAchieved: [number, number];
}

/** Every knob the core uses. Passed in explicitly; the core never reads globals. */
export interface Settings {
  /** The rule profile the other settings started from (individual settings may override it). */
  profile: ProfileId;
  /** Qualitative bands: 达成 / 部分达成 / 未达成 as fractions of the weight. */
  qualitativeBands: QualitativeBands;
  /** The budget item's weight when the block states none (no 分值 cell, no weight in a label). */
  budgetWeight: number;
  /** A budget execution rate below this needs a reason in the block's 原因 cell; null: no such rule. */
  budgetReasonBelow: number | null;
  /** Reverse (≤) indicator above target: "ratio" gives w × A/B, "deviation" gives w × max(0, 1 − (B−A)/A). */
  reverse: ReverseConvention;
  /** B/A at or above this on a positive indicator gives OVER_COMPLETION. */
  overCompletionThreshold: number;
  /** A self-score further than this from the computed score gives SCORE_MISMATCH. */
  mismatchTolerance: number;
  /** Lower bounds of the grades on the 100-point scale. */
  gradeBands: { excellent: number; good: number; fair: number };
  /** Language of messages and of the sheets written. */
  language: Language;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  profile: "mof",
  qualitativeBands: Object.freeze({ achieved: [0.8, 1], partly: [0.6, 0.8], notAchieved: [0, 0.6] }) as QualitativeBands,
  budgetWeight: 10,
  budgetReasonBelow: null,
  reverse: "ratio",
  overCompletionThreshold: 1.2,
  mismatchTolerance: 0.1,
  gradeBands: Object.freeze({ excellent: 90, good: 80, fair: 60 }),
  language: "zh",
});

export type Grade = "优" | "良" | "中" | "差";

export type Severity = "error" | "warning" | "info";

export type FindingCode =
  | "SCORE_MISMATCH"
  | "SCORE_OVER_WEIGHT"
  | "UNMET_TARGET_FULL_MARKS"
  | "MISSING_REASON"
  | "OVER_COMPLETION"
  | "QUALITATIVE_BAND"
  | "SCORE_ASSUMED"
  | "WEIGHT_SUM"
  | "DUPLICATE_NAME"
  | "ZERO_WEIGHT"
  | "NON_NUMERIC"
  | "DECLARED_TOTAL_MISMATCH"
  | "DECLARED_COMPLETION_MISMATCH"
  | "NON_STANDARD_FRAMEWORK"
  | "ZERO_TARGET"
  | "NEGATIVE_VALUE"
  | "RANGE_CLIPPED"
  | "LINK_NOT_FOUND"
  | "UNASSIGNED_TABLE"
  | "UNUSED_TEMPLATE_ROWS"
  | "BUDGET_FROM_APPROPRIATION"
  | "TEXT_TRUNCATED"
  | "KEPT_EDITED_SHEET"
  | "FORMULA_NOT_EVALUATED";

/** A problem in the user's data: a value, never an exception. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Sheet-qualified A1 reference, quoted the way Excel quotes sheet names: `'My Sheet'!C7`. */
  cell: string;
  message: { zh: string; en: string };
  /**
   * Set when a text the message quotes (a name, a cell's text) was longer than
   * QUOTE_LIMIT characters and was cut: the length of the longest such text. evaluateProject
   * adds one TEXT_TRUNCATED note for it (docs/scoring-rules.md §4.22).
   */
  quotedLength?: number;
}

/** The comparison an indicator's target asks for. */
export type Operator = ">=" | "<=" | ">" | "<" | "=" | "qualitative";

export type Achievement = "achieved" | "partly" | "notAchieved";

/** What a cell reads as. */
export type ParsedValue =
  | { kind: "number"; value: number; unit: string; operator: Operator | null; isPercent: boolean; text: string }
  | { kind: "qualitative"; achievement: Achievement | null; text: string; operator: Operator | null }
  | { kind: "notApplicable"; text: string }
  | { kind: "missing"; text: string }
  | { kind: "error"; text: string };

export type IndicatorKind =
  | "positive"
  | "reverse"
  | "equals"
  | "qualitative"
  | "selfOnly"
  | "enrollment"
  | "notApplicable"
  | "zeroWeight";

/** Sheet-qualified addresses of the cells a leaf row was read from. */
export interface IndicatorCells {
  name: string;
  weight: string | null;
  target: string | null;
  actual: string | null;
  selfScore: string | null;
  reason: string | null;
  operator: string | null;
  unit: string | null;
}

/** A level name with the cell it was read from and its declared weight, if any. */
export interface LevelNode {
  name: string;
  /** Sheet-qualified address of the group's first name cell. */
  cell: string;
  /** Declared weight of this level's group, when the table has a weight column for it. */
  weight: number | null;
  weightCell: string | null;
  /** Set when the group's weight cell holds text or an error value instead of a number. */
  weightIssue?: ParsedValue;
  /** Absolute 0-based row span of the group. */
  firstRow: number;
  lastRow: number;
}

/** One leaf indicator row, detected (not yet scored). */
export interface IndicatorRow {
  /** Absolute 0-based row on its sheet. */
  row: number;
  level1: LevelNode | null;
  level2: LevelNode | null;
  level3: LevelNode | null;
  /** Leaf weight; null when blank. */
  weight: number | null;
  /** Set when the weight cell holds something that is not a number (text, an error value). */
  weightIssue?: ParsedValue;
  operatorText: string;
  target: ParsedValue;
  actual: ParsedValue;
  selfScore: ParsedValue;
  unitText: string;
  reasonText: string;
  cells: IndicatorCells;
}

export type ColumnRole =
  | "level1"
  | "level2"
  | "level3"
  | "weight"
  | "operator"
  | "target"
  | "actual"
  | "unit"
  | "selfScore"
  | "reason";

export interface DeclaredTotals {
  row: number;
  /** Declared totals by column role: weights per level, and the self-score total. */
  weights: { level: 1 | 2 | 3; value: number; cell: string }[];
  selfScore: { value: number; cell: string } | null;
}

export interface IndicatorTable {
  sheet: string;
  headerRow: number;
  /** Absolute 0-based column of each role; weight columns are per level. */
  columns: Partial<Record<Exclude<ColumnRole, "weight">, number>> & { weight: Partial<Record<1 | 2 | 3, number>> };
  rows: IndicatorRow[];
  totals: DeclaredTotals | null;
  /** Sheet-qualified address of the header's first cell. */
  cell: string;
  /** Template filler rows left out of `rows` (stubs, 其中… detail rows, blank rows in a group), with their 三级 cells. */
  fillerRows?: { row: number; cell: string }[];
}

export interface EnrollmentLine {
  name: string;
  target: ParsedValue;
  actual: ParsedValue;
  declaredCompletion: ParsedValue | null;
  link: string;
  unitText: string;
  cells: { name: string; target: string; actual: string; declaredCompletion: string | null; link: string | null };
}

export interface EnrollmentTable {
  sheet: string;
  headerRow: number;
  cell: string;
  lines: EnrollmentLine[];
}

export interface BudgetBlock {
  sheet: string;
  cell: string;
  planned: ParsedValue;
  spent: ParsedValue;
  weight: ParsedValue;
  declaredRate: ParsedValue | null;
  selfScore: ParsedValue | null;
  /** The money unit a bracket in the block's header or label names (项目资金（万元） → "万元"), when one does. */
  unitText?: string;
  /** The block's 原因 cell text, when it has a reason column (Sichuan's form). */
  reasonText?: string;
  /** Set when the total row was zeroed and the figures come from the appropriation row below it. */
  fromRow?: { label: string; cell: string; row: string };
  cells: { planned: string; spent: string; weight: string | null; declaredRate: string | null; selfScore: string | null; reason?: string };
}

/** Everything found in a workbook. */
export interface Detection {
  projectName: string | null;
  indicatorTable: IndicatorTable | null;
  enrollment: EnrollmentTable[];
  budget: BudgetBlock | null;
  /** When nothing can be scored: why, in both languages, naming the place. */
  problem: { zh: string; en: string } | null;
  /** Findings raised while reading (unreadable cells, clipped ranges). */
  findings: Finding[];
}

/**
 * Everything found in a workbook: one Detection per project (an indicator table with the
 * enrollment lines and the budget block that belong to it, docs/scoring-rules.md §1.6).
 *
 * The top-level Detection fields are the first project's, so that code written for one table
 * keeps working; with no project they hold what was found anyway (and `problem` says why).
 */
export interface WorkbookDetection extends Detection {
  /** One entry per indicator table, in workbook order (sheets in order, tables top to bottom). */
  projects: Detection[];
  /**
   * Findings that belong to no one project: an enrollment line or a budget block no project can
   * claim, a clipped range on a sheet without a project. Empty when there is at most one project.
   */
  workbookFindings: Finding[];
}

/** A scored leaf indicator. */
export interface ScoredIndicator {
  path: string[];
  row: IndicatorRow;
  kind: IndicatorKind;
  weight: number;
  score: number;
  selfScore: number | null;
  /** actual / target as a ratio, or null when it cannot be computed. */
  completion: number | null;
  /** Target and actual in base units, when numbers. */
  target: number | null;
  actual: number | null;
  /** For qualitative rows: the achievement band used. */
  achievement: Achievement | null;
  /** True when the output may use a live formula for the score (positive, reverse, equals with valid inputs). */
  hasFormulaScore: boolean;
  /** Enrollment lines that fed this indicator. */
  linkedLines: number[];
  cell: string;
}

export interface ScoredEnrollmentLine {
  line: EnrollmentLine;
  target: number | null;
  actual: number | null;
  completion: number | null;
  cell: string;
}

export interface ScoredBudget {
  block: BudgetBlock;
  planned: number | null;
  spent: number | null;
  rate: number | null;
  weight: number;
  score: number;
  selfScore: number | null;
  hasFormulaScore: boolean;
  cell: string;
}

/** A node of the roll-up: a level-1 or level-2 group, or the budget item. */
export interface RollupNode {
  path: string[];
  level: 1 | 2;
  declaredWeight: number | null;
  /** Sum of the applicable leaf weights below. */
  weight: number;
  score: number;
  selfScore: number | null;
  /** score / weight, or null when the weight is 0. */
  rate: number | null;
  cell: string;
  children: RollupNode[];
}

export interface Evaluation {
  settings: Settings;
  projectName: string | null;
  indicators: ScoredIndicator[];
  enrollment: ScoredEnrollmentLine[];
  budget: ScoredBudget | null;
  rollup: RollupNode[];
  /** Σ score of applicable items (leaves + budget). */
  scoreSum: number;
  /** Σ weight of applicable items. */
  weightTotal: number;
  /** Total on the 100-point scale: scoreSum / weightTotal × 100. */
  total: number;
  grade: Grade;
  /** Σ self-scores as written (budget included), or null when there are none. */
  selfTotal: number | null;
  findings: Finding[];
  detection: Detection;
}

/** Every project of a workbook, scored (docs/scoring-rules.md §1.6). */
export interface WorkbookEvaluation {
  /** One evaluation per project, in workbook order; never empty. */
  projects: Evaluation[];
  /** Findings that belong to no one project (see WorkbookDetection); empty with one project. */
  workbookFindings: Finding[];
}
