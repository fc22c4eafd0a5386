import { quoteSheetName, toA1, toA1Range } from "../../cells/address";
import type { Evaluation, Grade, RollupNode } from "../../types";
import type { LayoutLabels } from "../labels";
import type { ScoreTableAnchors } from "../scoreTableColumns";
import { bySeverity, findingTitled } from "./findingText";
import { excelRound } from "./numbers";
import type { PlanGrid } from "./planGrid";
import { parsedUnit, quantityFormat } from "./units";

export const SUMMARY_WIDTH = 6;
export const HEADER_FILL = "#D9E1F2";
const LINK_COLOR = "#0563C1";

/** A summary block writer: starts at `row`, returns the next free row. */
export interface BlockContext {
  grid: PlanGrid;
  ev: Evaluation;
  labels: LayoutLabels;
}

/** A bold section heading spanning the sheet's width. */
export function heading(ctx: BlockContext, row: number, text: string): number {
  ctx.grid.text(row, 0, text);
  ctx.grid.merge(row, 0, row, SUMMARY_WIDTH - 1);
  ctx.grid.style(toA1(row, 0), { bold: true, fontSize: 12 });
  return row + 1;
}

/** A header row of a small table, with the table's border. */
function tableHeader(ctx: BlockContext, row: number, names: readonly string[], lastRow: number): void {
  names.forEach((n, j) => ctx.grid.text(row, j, n));
  const last = names.length - 1;
  ctx.grid.style(toA1Range(row, 0, row, last), { bold: true, fill: HEADER_FILL, hAlign: "Center", vAlign: "Center", wrap: true });
  ctx.grid.style(toA1Range(row, 0, Math.max(row, lastRow), last), { border: true });
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
  const x = `ROUND(${b(totalRow)},2)`;
  const g = ev.settings.gradeBands;
  const name = (k: Grade): string => `"${labels.grade[k]}"`;
  const gradeFormula = `=IF(ISNUMBER(${b(totalRow)}),IF(${x}>=${g.excellent},${name("优")},IF(${x}>=${g.good},${name("良")},IF(${x}>=${g.fair},${name("中")},${name("差")}))),"")`;
  labelRow(ctx, row, labels.gradeLabel, (c) => grid.formula(row, c, gradeFormula, typeof total === "number" ? labels.grade[gradeOf(total, g)] : ""));
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
 * The grade a spreadsheet's nested IF gives: the total rounded to 2 decimals (as ROUND does)
 * against the bands.
 *
 * @example
 * gradeOf(89.995, { excellent: 90, good: 80, fair: 60 }) //=> "优"
 */
export function gradeOf(total: number, bands: { excellent: number; good: number; fair: number }): Grade {
  const x = excelRound(total, 2);
  if (x >= bands.excellent) return "优";
  if (x >= bands.good) return "良";
  if (x >= bands.fair) return "中";
  return "差";
}

function rollupName(ctx: BlockContext, node: RollupNode): string {
  if (ctx.ev.budget && node.cell === ctx.ev.budget.cell) return ctx.labels.budget;
  return node.path[node.path.length - 1] ?? "";
}

/**
 * Level-1 subtotals (weight, score, rate), the budget item included. Its first three columns
 * are the chart's source.
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
  tableHeader(ctx, header, [labels.level1, labels.weight, labels.score, labels.rate], header + nodes.length);
  row++;
  for (const n of nodes) {
    grid.text(row, 0, rollupName(ctx, n));
    grid.number(row, 1, n.weight, "0.00");
    grid.number(row, 2, n.score, "0.00");
    grid.number(row, 3, n.rate, "0.00%");
    row++;
  }
  if (nodes.length > 0) grid.style(toA1Range(header + 1, 1, row - 1, 3), { hAlign: "Right" });
  return { next: row, source: nodes.length > 0 ? toA1Range(header, 0, row - 1, 2) : null };
}

/** Level-2 subtotals under their level-1 names; nothing when no level-1 node has children. */
export function level2Block(ctx: BlockContext, start: number): number {
  const { grid, ev, labels } = ctx;
  const rows = ev.rollup.flatMap((n) => n.children.map((c) => ({ parent: rollupName(ctx, n), node: c })));
  if (rows.length === 0) return start;
  let row = heading(ctx, start, labels.level2Block);
  tableHeader(ctx, row, [labels.level1, labels.level2, labels.weight, labels.score, labels.rate], row + rows.length);
  row++;
  const first = row;
  for (const { parent, node } of rows) {
    grid.text(row, 0, parent);
    grid.text(row, 1, node.path[node.path.length - 1] ?? "");
    grid.number(row, 2, node.weight, "0.00");
    grid.number(row, 3, node.score, "0.00");
    grid.number(row, 4, node.rate, "0.00%");
    row++;
  }
  grid.style(toA1Range(first, 2, row - 1, 4), { hAlign: "Right" });
  return row;
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
    if (l.target !== null && l.actual !== null) {
      const ratio = l.actual / l.target;
      grid.formula(row, 3, `=IFERROR(${toA1(row, 2)}/${toA1(row, 1)},"")`, Number.isFinite(ratio) ? ratio : "", "0.00%");
    }
    row++;
  }
  grid.style(toA1Range(first, 1, row - 1, 3), { hAlign: "Right" });
  // A fixed 0–100% scale: 88% of target fills 88% of the cell, and a full bar means the target is met.
  grid.conditionalFormats.push({ type: "dataBar", range: toA1Range(first, 3, row - 1, 3), color: "#638EC6", lowerBound: 0, upperBound: 1 });
  return row;
}

/** Budget execution: planned, spent, the rate as a formula, weight, score and self-score. */
export function budgetBlock(ctx: BlockContext, start: number): number {
  const { grid, ev, labels } = ctx;
  const b = ev.budget;
  if (!b) return start;
  let row = heading(ctx, start, labels.budgetBlock);
  tableHeader(ctx, row, [labels.planned, labels.spent, labels.executionRate, labels.weight, labels.score, labels.selfScore], row + 1);
  row++;
  const unit = parsedUnit(b.block.planned) || parsedUnit(b.block.spent);
  const money = (col: number, v: number | null, text: string): void => {
    if (v === null) grid.text(row, col, text);
    else grid.number(row, col, v, quantityFormat(v, { operator: "", isPercent: false, unit }));
  };
  money(0, b.planned, b.block.planned.text);
  money(1, b.spent, b.block.spent.text);
  if (b.planned !== null && b.spent !== null) {
    const ratio = b.spent / b.planned;
    grid.formula(row, 2, `=IFERROR(${toA1(row, 1)}/${toA1(row, 0)},"")`, Number.isFinite(ratio) ? ratio : "", "0.00%");
  }
  grid.number(row, 3, b.weight, "0.00");
  grid.number(row, 4, b.score, "0.00");
  grid.number(row, 5, b.selfScore, "0.00");
  grid.style(toA1Range(row, 0, row, 5), { hAlign: "Right" });
  return row + 1;
}

/** Every finding: severity, code, a link to its cell, and the message in the language. */
export function findingsBlock(ctx: BlockContext, start: number): number {
  const { grid, ev, labels } = ctx;
  const lang = ev.settings.language;
  const findings = bySeverity(ev.findings);
  let row = heading(ctx, start, labels.findingsBlock);
  tableHeader(ctx, row, [labels.severityLabel, labels.code, labels.cell, labels.message], row + Math.max(findings.length, 1));
  row++;
  if (findings.length === 0) {
    grid.text(row, 0, labels.noFindings);
    return row + 1;
  }
  const first = row;
  for (const f of findings) {
    grid.text(row, 0, labels.severity[f.severity]);
    grid.text(row, 1, f.code);
    grid.text(row, 2, f.cell);
    grid.text(row, 3, findingTitled(f, lang));
    if (f.cell !== "") {
      grid.hyperlinks.push({ cell: toA1(row, 2), target: f.cell, tooltip: labels.goToCell });
      grid.style(toA1(row, 2), { fontColor: LINK_COLOR });
    }
    if (f.severity === "error") grid.style(toA1(row, 0), { bold: true });
    row++;
  }
  grid.style(toA1Range(first, 0, row - 1, 3), { vAlign: "Top" });
  grid.style(toA1Range(first, 3, row - 1, 3), { wrap: true });
  return row;
}
