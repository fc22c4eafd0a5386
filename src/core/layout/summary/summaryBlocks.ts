import { quoteSheetName, toA1, toA1Range } from "../../cells/address";
import type { Evaluation, Finding, Grade, RollupNode, Settings } from "../../types";
import type { LayoutLabels } from "../labels";
import type { ScoreTableAnchors } from "../scoreTable/scoreTableColumns";
import { bySeverity, findingTitled } from "../findingText";
import { gradeTotal } from "../../score/grade";
import type { PlanGrid } from "../sheetGrid/planGrid";
import { budgetUnit, MONEY_FORMAT, parsedUnit, quantityFormat } from "../sheetGrid/units";

/**
 * The summary's column grid: A holds names, labels and finding codes; B to F are narrow
 * columns for numbers (and a finding's severity and cell). Long text (a finding's message, the
 * narrative) spans the right-hand columns, so no number shares a column with a paragraph and
 * every table ends at F.
 */
export const SUMMARY_WIDTH = 6;
const GROUP_FILL = "#F2F2F2";
export const HEADER_FILL = "#D9E1F2";
export const LINK_COLOR = "#0563C1";

/** A summary block writer: starts at `row`, returns the next free row. */
export interface BlockContext {
  grid: PlanGrid;
  ev: Evaluation;
  labels: LayoutLabels;
  /** Table header rows written so far (they wrap, so they size their own height). */
  headerRows: number[];
  /** Section heading rows: their text runs on over the empty cells to its right, so it sizes no column. */
  headingRows: number[];
}

/**
 * A bold section heading in A. It is not merged: its row is otherwise empty, so a long heading
 * runs on to the right as text does in Excel, at no cost (a merge is two more Excel actions).
 */
export function heading(ctx: BlockContext, row: number, text: string): number {
  ctx.grid.text(row, 0, text);
  ctx.grid.style(toA1(row, 0), { bold: true, fontSize: 12 });
  ctx.headingRows.push(row);
  return row + 1;
}

/**
 * Merges a row's cell from `col` to the sheet's last column, so every table ends at the same
 * column: a table with fewer fields than the grid spans its last field to the edge.
 */
function spanToEnd(ctx: BlockContext, row: number, col: number): void {
  ctx.grid.merge(row, col, row, SUMMARY_WIDTH - 1);
}

/**
 * A header row of a small table, with the table's border over the grid's full width. A table
 * with fewer fields than the grid spans its last field to the last column, on the header and on
 * `lastRow - row` body rows.
 */
function tableHeader(ctx: BlockContext, row: number, names: readonly string[], lastRow: number): void {
  names.forEach((n, j) => ctx.grid.text(row, j, n));
  const last = SUMMARY_WIDTH - 1;
  if (names.length < SUMMARY_WIDTH) for (let r = row; r <= lastRow; r++) spanToEnd(ctx, r, names.length - 1);
  ctx.grid.style(toA1Range(row, 0, row, last), { bold: true, fill: HEADER_FILL, hAlign: "Center", vAlign: "Center", wrap: true });
  ctx.grid.style(toA1Range(row, 0, Math.max(row, lastRow), last), { border: true });
  ctx.headerRows.push(row);
}

/** A label in A and a value in B merged to the sheet's width. */
export function labelRow(ctx: BlockContext, row: number, label: string, write: (col: number) => void): void {
  ctx.grid.text(row, 0, label);
  write(1);
  ctx.grid.merge(row, 1, row, SUMMARY_WIDTH - 1);
  ctx.grid.style(toA1Range(row, 0, row, SUMMARY_WIDTH - 1), { border: true });
  ctx.grid.style(toA1(row, 1), { hAlign: "Left", wrap: true });
}

/** Where the totals block put its cells. */
export interface TotalCells {
  total: string;
  grade: string;
  selfTotal: string;
  difference: string;
}

/**
 * The totals: Σ scores and Σ applicable weights read from the score table's total row, the
 * computed total on the 100-point scale, the grade (from the total rounded to 2 decimals), the
 * self-assessed total and its difference from Σ scores (both in points; the 100-point total is
 * rescaled when rows are left out). Every formula's value is what a spreadsheet computes.
 */
export function totalsBlock(ctx: BlockContext, start: number, anchors: ScoreTableAnchors): { next: number; cells: TotalCells } {
  const { grid, ev, labels } = ctx;
  let row = heading(ctx, start, labels.totals);
  const sheet = quoteSheetName(anchors.sheet);
  const j = `${sheet}!${toA1(anchors.totalRow, 9)}`;
  const f = `${sheet}!${toA1(anchors.totalRow, 5)}`;
  const b = (r: number): string => toA1(r, 1);

  const sumRow = row;
  labelRow(ctx, row, labels.scoreSum, (c) => grid.formula(row, c, `=${j}`, anchors.scoreSum, "0.00"));
  row++;
  labelRow(ctx, row, labels.weightTotal, (c) => grid.formula(row, c, `=${f}`, anchors.weightTotal, "0.00"));
  row++;
  const totalRow = row;
  const total = anchors.weightTotal !== 0 ? (anchors.scoreSum / anchors.weightTotal) * 100 : "";
  labelRow(ctx, row, labels.computedTotal, (c) => grid.formula(row, c, `=IFERROR(${j}/${f}*100,"")`, total, "0.00"));
  grid.style(b(row), { bold: true });
  row++;
  const gradeRow = row;
  const g = ev.settings.gradeBands;
  labelRow(ctx, row, labels.gradeLabel, (c) => grid.formula(row, c, gradeFormula(b(totalRow), g, labels), typeof total === "number" ? labels.grade[gradeTotal(total, g)] : ""));
  grid.style(b(row), { bold: true });
  row++;
  const selfRow = row;
  labelRow(ctx, row, labels.selfTotal, (c) => grid.number(row, c, ev.selfTotal, "0.00"));
  row++;
  // Σ self-scores is in points, like Σ scores; the 100-point total is rescaled when rows are left out.
  const diff = ev.selfTotal !== null ? ev.selfTotal - anchors.scoreSum : "";
  labelRow(ctx, row, labels.difference, (c) => grid.formula(row, c, `=IF(ISNUMBER(${b(selfRow)}),${b(selfRow)}-${b(sumRow)},"")`, diff, "0.00"));
  row++;
  return { next: row, cells: { total: b(totalRow), grade: b(gradeRow), selfTotal: b(selfRow), difference: b(row - 1) } };
}

/**
 * The grade of the 100-point total in `cell`, as a formula: the total rounded to 2 decimals
 * against the bands, as gradeTotal grades it; "" when the cell holds no number.
 *
 * @example
 * gradeFormula("B7", { excellent: 90, good: 80, fair: 60 }, layoutLabels("en"))
 * //=> '=IF(ISNUMBER(B7),IF(ROUND(B7,2)>=90,"Excellent (优)",…),"")'
 */
export function gradeFormula(cell: string, g: Settings["gradeBands"], labels: LayoutLabels): string {
  const x = `ROUND(${cell},2)`;
  const name = (k: Grade): string => `"${labels.grade[k]}"`;
  return `=IF(ISNUMBER(${cell}),IF(${x}>=${g.excellent},${name("优")},IF(${x}>=${g.good},${name("良")},IF(${x}>=${g.fair},${name("中")},${name("差")}))),"")`;
}

function rollupName(ctx: BlockContext, node: RollupNode): string {
  if (ctx.ev.budget && node.cell === ctx.ev.budget.cell) return ctx.labels.budget;
  return node.path[node.path.length - 1] ?? "";
}

/** Weight, score, rate, self-score and its difference from the score, in B to F of one row. */
function subtotalCells(ctx: BlockContext, row: number, n: RollupNode): void {
  const { grid } = ctx;
  grid.number(row, 1, n.weight, "0.00");
  grid.number(row, 2, n.score, "0.00");
  grid.number(row, 3, n.rate, "0.00%");
  grid.number(row, 4, n.selfScore, "0.00");
  const e = toA1(row, 4);
  grid.formula(row, 5, `=IF(ISNUMBER(${e}),${e}-${toA1(row, 2)},"")`, n.selfScore === null ? "" : n.selfScore - n.score, "0.00");
  grid.style(toA1Range(row, 1, row, 5), { hAlign: "Right" });
}

/**
 * Level-1 subtotals (weight, score, rate, self-score, difference), the budget item included. Its
 * first three columns are the chart's source.
 *
 * @returns the next free row and the chart source range, or null when there are no rows
 */
export function level1Block(ctx: BlockContext, start: number): { next: number; source: string | null } {
  const { grid, ev, labels } = ctx;
  const nodes = [...ev.rollup];
  const budget = ev.budget;
  if (budget && !nodes.some((n) => n.cell === budget.cell)) {
    nodes.push({ path: [labels.budget], level: 1, declaredWeight: budget.weight, weight: budget.weight, score: budget.score, selfScore: budget.selfScore, rate: budget.weight > 0 ? budget.score / budget.weight : null, cell: budget.cell, children: [] });
  }
  let row = heading(ctx, start, labels.level1Block);
  const header = row;
  tableHeader(ctx, header, [labels.level1, labels.weight, labels.score, labels.rate, labels.selfScore, labels.selfDifference], header + nodes.length);
  row++;
  for (const n of nodes) {
    grid.text(row, 0, rollupName(ctx, n));
    subtotalCells(ctx, row, n);
    row++;
  }
  return { next: row, source: nodes.length > 0 ? toA1Range(header, 0, row - 1, 2) : null };
}

/**
 * Level-2 subtotals, grouped under a shaded row naming their level 1; nothing when no level-1
 * node has children.
 */
export function level2Block(ctx: BlockContext, start: number): number {
  const { grid, ev, labels } = ctx;
  const parents = ev.rollup.filter((n) => n.children.length > 0);
  if (parents.length === 0) return start;
  const count = parents.reduce((k, n) => k + 1 + n.children.length, 0);
  let row = heading(ctx, start, labels.level2Block);
  tableHeader(ctx, row, [labels.level2, labels.weight, labels.score, labels.rate, labels.selfScore, labels.selfDifference], row + count);
  row++;
  for (const parent of parents) {
    grid.text(row, 0, rollupName(ctx, parent));
    spanToEnd(ctx, row, 0);
    grid.style(toA1(row, 0), { bold: true, fill: GROUP_FILL });
    row++;
    for (const node of parent.children) {
      grid.text(row, 0, node.path[node.path.length - 1] ?? "");
      subtotalCells(ctx, row, node);
      row++;
    }
  }
  return row;
}

/** A completion or execution rate: a live formula in D, spanning D to F, on a fixed 0–100% data bar. */
function rateCell(ctx: BlockContext, row: number, target: number | null, actual: number | null): void {
  if (target === null || actual === null) return;
  const ratio = actual / target;
  ctx.grid.formula(row, 3, `=IFERROR(${toA1(row, 2)}/${toA1(row, 1)},"")`, Number.isFinite(ratio) ? ratio : "", "0.00%");
}

function rateBar(ctx: BlockContext, first: number, last: number): void {
  // A fixed 0–100% scale: 88% of target fills 88% of the bar, and a full bar means the target is met.
  ctx.grid.conditionalFormats.push({ type: "dataBar", range: toA1Range(first, 3, last, 3), color: "#638EC6", lowerBound: 0, upperBound: 1 });
}

/** The enrollment lines with a live completion formula and a data bar on it. */
export function enrollmentBlock(ctx: BlockContext, start: number): number {
  const { grid, ev, labels } = ctx;
  if (ev.enrollment.length === 0) return start;
  let row = heading(ctx, start, labels.enrollmentBlock);
  tableHeader(ctx, row, [labels.item, labels.target, labels.actual, labels.completion], row + ev.enrollment.length);
  row++;
  const first = row;
  for (const l of ev.enrollment) {
    const unit = l.line.unitText || parsedUnit(l.line.target) || parsedUnit(l.line.actual);
    grid.text(row, 0, l.line.name);
    const quantity = (col: number, v: number | null, text: string): void => {
      if (v === null) grid.text(row, col, text);
      else grid.number(row, col, v, quantityFormat(v, { operator: "", isPercent: false, unit }));
    };
    quantity(1, l.target, l.line.target.text);
    quantity(2, l.actual, l.line.actual.text);
    rateCell(ctx, row, l.target, l.actual);
    row++;
  }
  grid.style(toA1Range(first, 1, row - 1, 3), { hAlign: "Right" });
  rateBar(ctx, first, row - 1);
  return row;
}

/**
 * Budget execution: the 年度资金总额 row's planned and spent amounts (2 decimals, the unit in the
 * header when the workbook names one) and the execution rate as a formula with a data bar. Its
 * weight, score and self-score are on the level-1 table's 预算执行率 row.
 */
export function budgetBlock(ctx: BlockContext, start: number): number {
  const { grid, ev, labels } = ctx;
  const b = ev.budget;
  if (!b) return start;
  const unit = budgetUnit(b.block);
  const withUnit = (name: string): string => (unit === "" ? name : `${name}${ctx.ev.settings.language === "zh" ? `（${unit}）` : ` (${unit})`}`);
  let row = heading(ctx, start, labels.budgetBlock);
  tableHeader(ctx, row, [labels.item, withUnit(labels.planned), withUnit(labels.spent), labels.executionRate], row + 1);
  row++;
  grid.text(row, 0, labels.fundsTotal);
  const money = (col: number, v: number | null, text: string): void => {
    if (v === null) grid.text(row, col, text);
    else grid.number(row, col, v, MONEY_FORMAT);
  };
  money(1, b.planned, b.block.planned.text);
  money(2, b.spent, b.block.spent.text);
  rateCell(ctx, row, b.planned, b.spent);
  grid.style(toA1Range(row, 1, row, 3), { hAlign: "Right" });
  rateBar(ctx, row, row);
  return row + 1;
}

/**
 * Every finding: code, severity, a link to its cell, and the code's title with the message in the
 * language, spanning D to F.
 */
export function findingsBlock(ctx: BlockContext, start: number, list: readonly Finding[] = ctx.ev.findings, title: string = ctx.labels.findingsBlock): number {
  const { grid, ev, labels } = ctx;
  const lang = ev.settings.language;
  const findings = bySeverity(list);
  let row = heading(ctx, start, title);
  tableHeader(ctx, row, [labels.code, labels.severityLabel, labels.cell, labels.message], row + Math.max(findings.length, 1));
  row++;
  if (findings.length === 0) {
    grid.text(row, 0, labels.noFindings);
    return row + 1;
  }
  const first = row;
  for (const f of findings) {
    grid.text(row, 0, f.code);
    grid.text(row, 1, labels.severity[f.severity]);
    grid.text(row, 2, f.cell);
    grid.text(row, 3, findingTitled(f, lang));
    if (f.cell !== "") {
      grid.hyperlinks.push({ cell: toA1(row, 2), target: f.cell, tooltip: labels.goToCell });
      grid.style(toA1(row, 2), { fontColor: LINK_COLOR });
    }
    if (f.severity === "error") grid.style(toA1(row, 1), { bold: true });
    row++;
  }
  grid.style(toA1Range(first, 0, row - 1, 3), { vAlign: "Top" });
  grid.style(toA1Range(first, 3, row - 1, 3), { wrap: true });
  return row;
}
