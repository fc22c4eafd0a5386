/**
 * A SheetPlan is one output sheet described as pure data. `src/excel/writePlan.ts` turns it into
 * Excel JavaScript API calls; nothing here knows about Office.
 *
 * Addresses inside a plan are local A1 addresses on the planned sheet ("B3", "A1:M1"), except
 * hyperlink targets and formulas, which may reference other sheets by name.
 */

/** One cell's content. Text is always written as text, even when it begins with `=`. */
export type PlanCell =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "formula"; formula: string; /** the value the engine computed, for checks */ value: number | string };

/**
 * What a plan cell puts into Excel's `values` (and what `Range.formulas` then reads back): its
 * text, its number, its formula, or "" for an empty cell.
 */
export function writtenValue(c: PlanCell): string | number {
  switch (c.kind) {
    case "empty":
      return "";
    case "text":
      return c.text;
    case "number":
      return c.value;
    case "formula":
      return c.formula;
  }
}

export type HAlign = "Left" | "Center" | "Right";
export type VAlign = "Top" | "Center" | "Bottom";

export interface CellStyle {
  /** Font family; set once on a sheet's whole block so bold and italic cells keep it. */
  fontName?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fill?: string;
  hAlign?: HAlign;
  vAlign?: VAlign;
  wrap?: boolean;
  /** Thin borders on every edge of every cell in the range. */
  border?: boolean;
}

/** Cell-value rule: highlight cells whose value compares to `formula` (A1 relative to the range's first cell). */
export interface CellValueRule {
  type: "cellValue";
  range: string;
  operator: "LessThan" | "GreaterThan" | "EqualTo" | "Between";
  formula1: string;
  formula2?: string;
  fill: string;
  fontColor: string;
}

/** Custom-formula rule: highlight cells where `formula` (relative to the range's first cell) is TRUE. */
export interface FormulaRule {
  type: "custom";
  range: string;
  formula: string;
  fill: string;
  fontColor: string;
}

export interface DataBarRule {
  type: "dataBar";
  range: string;
  color: string;
  /** Fixed bar bounds (e.g. 0 and 1 for completion rates), so a bar's length reads as the value itself. */
  lowerBound?: number;
  upperBound?: number;
}

export type ConditionalFormat = CellValueRule | FormulaRule | DataBarRule;

export interface PlanHyperlink {
  /** Local cell holding the link. */
  cell: string;
  /** Sheet-qualified target, e.g. `'Sheet 1'!C7`. */
  target: string;
  tooltip: string;
}

export interface PlanChart {
  type: "ColumnClustered";
  /** Local range holding the category column and the series columns, header row first. */
  source: string;
  title: string;
  /** Local top-left and bottom-right cells the chart covers. */
  topLeft: string;
  bottomRight: string;
}

/** How the sheet prints: accountants hand these sheets on on paper. */
export interface PageSetup {
  orientation: "Landscape" | "Portrait";
  paper: "A4";
  /** Fit every column on one page width; rows flow onto as many pages as needed. */
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page, e.g. "$1:$2"; null for none. */
  printTitleRows: string | null;
}

export type SheetRole = "scoreTable" | "summary";

export interface SheetPlan {
  role: SheetRole;
  /** Preferred sheet name; the writer picks a free one if a user sheet already has it. */
  name: string;
  /** Rectangular block of cells starting at A1: rows × columns, every row the same length. */
  cells: PlanCell[][];
  /** Same shape as `cells`. "General" where nothing special; "@" for text. */
  numberFormats: string[][];
  /** Applied in order; later entries win. */
  styles: { range: string; style: CellStyle }[];
  merges: string[];
  /** Column widths in points (Excel's unit for `format.columnWidth`), index 0 = column A. */
  columnWidths: number[];
  /** Row heights in points for rows that need more than the default, keyed by 0-based row. */
  rowHeights: { row: number; height: number }[];
  freeze: { rows: number; columns: number } | null;
  conditionalFormats: ConditionalFormat[];
  hyperlinks: PlanHyperlink[];
  /** Drawn only when the host supports charts; the plan must read well without it. */
  chart: PlanChart | null;
  tabColor: string | null;
  /** Page setup for printing; null leaves Excel's defaults. */
  page?: PageSetup | null;
}
