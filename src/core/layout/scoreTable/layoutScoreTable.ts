import { toA1, toA1Range } from "../../cells/address";
import type { Evaluation, LevelNode } from "../../types";
import { assignFindings } from "../findingText";
import { groupIndexOf, levelGroups } from "../../model/levelGroups";
import { isClose } from "../../numbers/tolerances";
import { sum } from "../sheetGrid/numbers";
import { PlanGrid } from "../sheetGrid/planGrid";
import { fontStyle, printSetup } from "../sheetGrid/sheetDefaults";
import { type BodyRow, writeBudgetRow, writeIndicatorRow } from "./scoreRows";
import { layoutLabels } from "../labels";
import { SCORE_COLUMNS as C, SCORE_COLUMN_COUNT, type ScoreTableAnchors } from "./scoreTableColumns";
import type { SheetPlan } from "../sheetPlan";

const TITLE_ROW = 0;
const HEADER_ROW = 1;
const FIRST_DATA_ROW = 2;
const HEADER_FILL = "#D9E1F2";
const TOTAL_FILL = "#F2F2F2";
const SOFT_RED = "#FFC7CE";
const DARK_RED = "#9C0006";
const LAST_COL = SCORE_COLUMN_COUNT - 1;
/** Column caps in points: names ≈ 30 CJK characters, findings wider, numbers narrow. */
const CAPS = [342, 60, 342, 60, 342, 60, 180, 180, 80, 80, 80, 80, 360];

/**
 * Lays out the score table: a title row, a header row, one row per scored indicator in input
 * order, the budget-execution row (when the evaluation has one) and a total row.
 *
 * - Level-1 and level-2 names and their declared weights are merged over each group's rows.
 * - Targets and actuals that are numbers are written in base units with a number format that
 *   shows the operator and the unit; other values keep the workbook's text, as text.
 * - 完成率, 得分 (for rows the engine marks `hasFormulaScore`), 差异 and the totals are live
 *   formulas whose `value` is what a spreadsheet computes from the written cells.
 * - A live score formula is used only when it reproduces the engine's score; otherwise the
 *   engine's number is written.
 *
 * @param ev - the evaluation
 * @param name - the sheet name
 * @returns the plan and the positions other sheets refer to
 * @example
 * layoutScoreTable(ev, "评分表").anchors.totalRow //=> 2 + ev.indicators.length + (ev.budget ? 1 : 0)
 */
export function layoutScoreTable(ev: Evaluation, name: string): { plan: SheetPlan; anchors: ScoreTableAnchors } {
  const { plan, anchors } = layoutScoreTables([ev], name);
  return { plan, anchors: anchors[0] as ScoreTableAnchors };
}

/**
 * Lays out the score table of several projects (docs/scoring-rules.md §1.6): each project's
 * table as layoutScoreTable writes it, one after another with a blank row between, its title row
 * naming the project. Every formula refers to its own block's rows. With one project the sheet is
 * exactly layoutScoreTable's; with several nothing is frozen (each block has its own header) and
 * no rows repeat on printed pages.
 *
 * @param evs - the projects' evaluations, in workbook order (at least one)
 * @param name - the sheet name
 * @returns the plan and, per project, the positions other sheets refer to
 * @example
 * layoutScoreTables([a, b], "评分表").anchors[1].titleRow //=> a.indicators.length + 4 (a has no budget)
 */
export function layoutScoreTables(evs: readonly Evaluation[], name: string): { plan: SheetPlan; anchors: ScoreTableAnchors[] } {
  const first = evs[0];
  if (first === undefined) throw new RangeError("layoutScoreTables needs at least one evaluation");
  const language = first.settings.language;
  const grid = new PlanGrid(SCORE_COLUMN_COUNT);
  const anchors: ScoreTableAnchors[] = [];
  const blocks: { top: number; body: BodyRow[]; singleRowNames: Set<number> }[] = [];
  let top = 0;
  for (const ev of evs) {
    const block = writeBlock(grid, ev, name, top);
    anchors.push(block.anchors);
    blocks.push({ top, body: block.body, singleRowNames: block.singleRowNames });
    top = block.anchors.totalRow + 2;
  }
  const titleRows = blocks.map((b) => b.top + TITLE_ROW);
  const headerRows = blocks.map((b) => b.top + HEADER_ROW);
  const widths = grid.fitColumns({ skipRows: titleRows, caps: CAPS, min: 40, headerRows, headerCap: 80 });
  const rowHeights: { row: number; height: number }[] = [];
  const bodyCols = [C.level3, C.target, C.actual, C.findings];
  const singleNameCols = [...bodyCols, C.level1, C.level2];
  for (const b of blocks) {
    rowHeights.push({ row: b.top + TITLE_ROW, height: 24 }, ...grid.fitRowHeights([b.top + HEADER_ROW], range(0, LAST_COL), widths));
    for (const r of b.body) {
      const height = grid.fitRowHeight(r.row, b.singleRowNames.has(r.row) ? singleNameCols : bodyCols, widths);
      if (height !== null) rowHeights.push({ row: r.row, height });
    }
  }
  const { cells, numberFormats } = grid.build();
  const single = evs.length === 1;
  const plan: SheetPlan = {
    role: "scoreTable",
    name,
    cells,
    numberFormats,
    styles: [fontStyle(language, cells.length, SCORE_COLUMN_COUNT), ...grid.styles],
    merges: grid.merges,
    columnWidths: widths,
    rowHeights,
    freeze: single ? { rows: HEADER_ROW + 1, columns: 0 } : null,
    conditionalFormats: grid.conditionalFormats,
    hyperlinks: [],
    chart: null,
    tabColor: null,
    page: printSetup(single ? `$${TITLE_ROW + 1}:$${HEADER_ROW + 1}` : null),
  };
  return { plan, anchors };
}

/** One project's table with its title row at `top`. */
function writeBlock(grid: PlanGrid, ev: Evaluation, name: string, top: number): { anchors: ScoreTableAnchors; body: BodyRow[]; singleRowNames: Set<number> } {
  const labels = layoutLabels(ev.settings.language);
  const titleRow = top + TITLE_ROW;
  const headerRow = top + HEADER_ROW;
  const firstDataRow = top + FIRST_DATA_ROW;
  grid.text(titleRow, 0, ev.projectName || labels.scoreTableTitle);
  grid.merge(titleRow, 0, titleRow, LAST_COL);
  labels.columns.forEach((h, j) => grid.text(headerRow, j, h));

  const inds = ev.indicators;
  const rowCells = inds.map((ind) => Object.values(ind.row.cells));
  if (ev.budget) rowCells.push([ev.budget.cell, ...Object.values(ev.budget.block.cells)]);
  const findings = assignFindings(ev.findings, rowCells);

  const body: BodyRow[] = inds.map((ind, i) => writeIndicatorRow(grid, firstDataRow + i, ind, ev, findings[i] ?? []));
  const singleRowNames = writeLevelGroups(grid, ev, firstDataRow);
  const budgetRow = ev.budget ? firstDataRow + inds.length : null;
  if (ev.budget && budgetRow !== null) body.push(writeBudgetRow(grid, budgetRow, ev.budget, ev, findings[inds.length] ?? []));

  const lastDataRow = firstDataRow + body.length - 1;
  const totalRow = lastDataRow + 1;
  grid.text(totalRow, C.level1, labels.total);
  const totals = writeTotals(grid, firstDataRow, totalRow, body, ev.weightTotal, completeLevels(ev));
  styleTable(grid, top, body, totalRow);
  return {
    anchors: { sheet: name, titleRow, headerRow, firstDataRow, lastDataRow, budgetRow, totalRow, scoreSum: totals.score, weightTotal: totals.weight },
    body,
    singleRowNames,
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Writes level-1 and level-2 names and weights once per group, merged over the group's rows.
 *
 * @returns the rows whose level names are not merged (they size their own row height)
 */
function writeLevelGroups(grid: PlanGrid, ev: Evaluation, firstDataRow: number): Set<number> {
  const l1 = levelGroups(ev.indicators.map((s) => s.row.level1));
  const l2 = levelGroups(
    ev.indicators.map((s) => s.row.level2),
    groupIndexOf(l1, ev.indicators.length),
  );
  const single = new Set<number>();
  for (const [groups, nameCol, weightCol] of [[l1, C.level1, C.weight1], [l2, C.level2, C.weight2]] as const) {
    for (const g of groups) {
      const top = firstDataRow + g.start;
      const bottom = firstDataRow + g.end;
      grid.text(top, nameCol, g.node.name);
      grid.number(top, weightCol, g.node.weight, "0.00");
      grid.merge(top, nameCol, bottom, nameCol);
      grid.merge(top, weightCol, bottom, weightCol);
      if (top === bottom) single.add(top);
    }
  }
  return single;
}

/**
 * Writes the total row. Leaf 分值: a plain SUM when that equals the evaluation's applicable weight
 * total, else the sum over rows that have a score (not-applicable rows have an empty 得分), else the
 * number itself.
 */
function writeTotals(grid: PlanGrid, first: number, row: number, body: readonly BodyRow[], weightTotal: number, levels: { 1: boolean; 2: boolean }): { score: number; weight: number } {
  const last = row - 1;
  const col = (c: number): string => toA1Range(first, c, last, c);
  const has = body.length > 0;
  const numbersIn = (c: number): number[] => {
    const out: number[] = [];
    for (let r = first; r <= last; r++) {
      const cell = grid.cell(r, c);
      if (cell.kind === "number") out.push(cell.value);
    }
    return out;
  };
  for (const [c, complete] of [[C.weight1, levels[1]], [C.weight2, levels[2]]] as const) {
    const values = numbersIn(c);
    if (complete && values.length > 0) grid.formula(row, c, `=SUM(${col(c)})`, sum(values), "0.00");
  }

  // Sums left to right, as a spreadsheet's SUM adds.
  let scoreSum = 0;
  let plain = 0;
  let applicable = 0;
  for (const b of body) {
    plain += b.weight;
    if (b.score === null) continue;
    scoreSum += b.score;
    applicable += b.weight;
  }
  let weight = weightTotal;
  if (has && isClose(plain, weightTotal)) {
    weight = plain;
    grid.formula(row, C.weight, `=SUM(${col(C.weight)})`, plain, "0.00");
  } else if (has && isClose(applicable, weightTotal)) {
    weight = applicable;
    grid.formula(row, C.weight, `=SUMPRODUCT(${col(C.weight)},--ISNUMBER(${col(C.score)}))`, applicable, "0.00");
  } else {
    grid.number(row, C.weight, weightTotal, "0.00");
  }

  if (has) grid.formula(row, C.score, `=SUM(${col(C.score)})`, scoreSum, "0.00");
  else grid.number(row, C.score, 0, "0.00");

  let selfCount = 0;
  let selfSum = 0;
  for (const b of body) {
    if (b.selfScore === null) continue;
    selfCount++;
    selfSum += b.selfScore;
  }
  if (has && selfCount > 0) {
    grid.formula(row, C.selfScore, `=SUM(${col(C.selfScore)})`, selfSum, "0.00");
    const k = toA1(row, C.selfScore);
    grid.formula(row, C.difference, `=IF(ISNUMBER(${k}),${k}-${toA1(row, C.score)},"")`, selfSum - scoreSum, "0.00");
  }
  return { score: has ? scoreSum : 0, weight };
}

/**
 * The levels whose every row sits in a group with a declared weight, so that a SUM of the
 * level's column is the level's total. A partial sum (one weighted group among blank ones) would
 * read as a wrong total. The budget row is a level-1 item with a weight and no level 2.
 */
function completeLevels(ev: Evaluation): { 1: boolean; 2: boolean } {
  const all = (pick: (i: (typeof ev.indicators)[number]) => LevelNode | null): boolean =>
    ev.indicators.every((i) => {
      const node = pick(i);
      return node !== null && node.weight !== null;
    });
  return { 1: all((i) => i.row.level1), 2: ev.budget === null && all((i) => i.row.level2) };
}

/** Header, borders, alignment, the total row and the conditional formats. */
function styleTable(grid: PlanGrid, top: number, body: readonly BodyRow[], totalRow: number): void {
  const last = totalRow - 1;
  const titleRow = top + TITLE_ROW;
  const headerRow = top + HEADER_ROW;
  const firstDataRow = top + FIRST_DATA_ROW;
  const colRange = (c: number, r1 = firstDataRow, r2 = last): string => toA1Range(r1, c, r2, c);
  grid.style(toA1Range(titleRow, 0, titleRow, LAST_COL), { bold: true, fontSize: 14, hAlign: "Center", vAlign: "Center" });
  grid.style(toA1Range(headerRow, 0, headerRow, LAST_COL), { bold: true, fill: HEADER_FILL, hAlign: "Center", vAlign: "Center", wrap: true });
  grid.style(toA1Range(headerRow, 0, totalRow, LAST_COL), { border: true });
  if (body.length > 0) {
    grid.style(toA1Range(firstDataRow, 0, last, LAST_COL), { vAlign: "Center" });
    for (const c of [C.level1, C.level2]) grid.style(colRange(c), { hAlign: "Center", wrap: true });
    for (const c of [C.level3, C.findings]) grid.style(colRange(c), { hAlign: "Left", wrap: true });
    for (const c of [C.target, C.actual]) grid.style(colRange(c), { hAlign: "Right", wrap: true });
    for (const c of [C.weight1, C.weight2, C.weight, C.completion, C.score, C.selfScore, C.difference]) grid.style(colRange(c, firstDataRow, totalRow), { hAlign: "Right" });
    for (const b of body) {
      for (const c of [C.target, C.actual]) if (grid.cell(b.row, c).kind === "text") grid.style(toA1(b.row, c), { hAlign: "Left" });
      if (b.score === null) grid.style(toA1Range(b.row, C.level3, b.row, LAST_COL), { italic: true, fontColor: "#595959" });
    }
    completionRuns(body, false).forEach(([a, z]) =>
      grid.conditionalFormats.push({ type: "cellValue", range: colRange(C.completion, a, z), operator: "LessThan", formula1: "1", fill: SOFT_RED, fontColor: DARK_RED }),
    );
    // A reverse (≤) indicator misses its target above 100%.
    completionRuns(body, true).forEach(([a, z]) =>
      grid.conditionalFormats.push({ type: "cellValue", range: colRange(C.completion, a, z), operator: "GreaterThan", formula1: "1", fill: SOFT_RED, fontColor: DARK_RED }),
    );
    const j = toA1(firstDataRow, C.score);
    const f = toA1(firstDataRow, C.weight);
    grid.conditionalFormats.push({ type: "custom", range: colRange(C.score), formula: `=AND(ISNUMBER(${j}),${j}<${f})`, fill: SOFT_RED, fontColor: DARK_RED });
  }
  grid.style(toA1Range(totalRow, 0, totalRow, LAST_COL), { bold: true, fill: TOTAL_FILL, vAlign: "Center" });
}

/**
 * Runs of consecutive rows whose completion is a formula, either of positive rows (below 100% is
 * a miss) or of reverse rows (above 100% is a miss). Blank cells read as 0 in a cell-value rule,
 * so they are kept out of its range.
 */
function completionRuns(body: readonly BodyRow[], reverse: boolean): [number, number][] {
  const runs: [number, number][] = [];
  for (const b of body) {
    if (!b.hasCompletion || b.isReverse !== reverse) continue;
    const lastRun = runs[runs.length - 1];
    if (lastRun && lastRun[1] === b.row - 1) lastRun[1] = b.row;
    else runs.push([b.row, b.row]);
  }
  return runs;
}
