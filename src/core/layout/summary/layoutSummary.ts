import { toA1, toA1Range } from "../../cells/address";
import type { Evaluation } from "../../types";
import { PlanGrid } from "../sheetGrid/planGrid";
import { fontStyle, printSetup } from "../sheetGrid/sheetDefaults";
import {
  type BlockContext,
  budgetBlock,
  enrollmentBlock,
  findingsBlock,
  heading,
  labelRow,
  level1Block,
  level2Block,
  SUMMARY_WIDTH,
  type TotalCells,
  totalsBlock,
} from "./summaryBlocks";
import { layoutLabels } from "../labels";
import { layoutNarrative } from "../narrative/layoutNarrative";
import type { ScoreTableAnchors } from "../scoreTable/scoreTableColumns";
import type { SheetPlan } from "../sheetPlan";

/** Column caps in points: A names, labels and codes; B to F numbers, severities and cell references. */
const CAPS = [260, 120, 120, 120, 120, 120];
/** Narrowest a number column gets, so headers wrap to at most two lines. */
const NUMBER_MIN = 72;
/** Headers wider than this wrap (全年预算数（万元） still fits on one line). */
const HEADER_CAP = 100;
/** Narrowest the findings' message (D to F) gets: about 36 Chinese characters a line. */
const MESSAGE_MIN = 400;
/** The chart sits one blank column to the right of the grid. */
const CHART_COLUMN = SUMMARY_WIDTH + 1;
const CHART_ROWS = 16;

/**
 * Lays out the summary sheet, in blocks with bold headings: project, totals (live formulas on the
 * score table's total row), level-1 and level-2 subtotals, enrollment lines, budget execution,
 * findings (each linked to its cell), the narrative, and the settings used with the rules the
 * tool chose itself. A clustered column chart of score vs weight by level 1 sits to the right;
 * nothing on the sheet depends on it.
 *
 * @param ev - the evaluation
 * @param meta - the summary's sheet name, the tool version and the generation time (ISO)
 * @param anchors - where the score table put its total row
 * @returns the plan and the addresses of the total, grade, self-total and difference cells
 * @example
 * layoutSummary(ev, meta, anchors).cells.total //=> "B7" when the evaluation has a project name
 */
export function layoutSummary(
  ev: Evaluation,
  meta: { summaryName: string; version: string; generatedAt: string },
  anchors: ScoreTableAnchors,
): { plan: SheetPlan; cells: TotalCells } {
  const lang = ev.settings.language;
  const labels = layoutLabels(lang);
  const grid = new PlanGrid(SUMMARY_WIDTH);
  const ctx: BlockContext = { grid, ev, labels, headerRows: [] };

  grid.text(0, 0, labels.summaryTitle);
  grid.merge(0, 0, 0, SUMMARY_WIDTH - 1);
  grid.style("A1", { bold: true, fontSize: 14 });
  let row = 2;
  if (ev.projectName) {
    row = heading(ctx, row, labels.project);
    const r = row;
    labelRow(ctx, r, labels.projectName, (c) => grid.text(r, c, ev.projectName ?? ""));
    row += 2;
  }
  const totals = totalsBlock(ctx, row, anchors);
  const l1 = level1Block(ctx, totals.next + 1);
  // A block that writes nothing returns its start row; a blank row follows each block that does.
  const gap = (start: number, next: number): number => (next > start ? next + 1 : start);
  row = gap(l1.next + 1, level2Block(ctx, l1.next + 1));
  row = gap(row, enrollmentBlock(ctx, row));
  row = gap(row, budgetBlock(ctx, row));
  const findingsStart = row;
  row = findingsBlock(ctx, row) + 1;
  const findingsEnd = row - 2;

  row = heading(ctx, row, labels.narrativeBlock);
  const narrativeRow = row;
  const narrative = layoutNarrative(ev)[lang];
  grid.text(row, 0, narrative);
  grid.merge(row, 0, row, SUMMARY_WIDTH - 1);
  grid.style(toA1(row, 0), { wrap: true, vAlign: "Top", hAlign: "Left" });
  row += 2;

  const wideRows = [narrativeRow, ...settingsBlock(ctx, row)];

  const widths = summaryWidths(grid, ctx.headerRows);
  const allColumns = range(0, SUMMARY_WIDTH - 1);
  const rowHeights = [
    { row: 0, height: 24 },
    ...grid.fitRowHeights([...ctx.headerRows, ...range(findingsStart, findingsEnd), ...wideRows], allColumns, widths),
  ].sort((a, b) => a.row - b.row);

  const { cells, numberFormats } = grid.build();
  const plan: SheetPlan = {
    role: "summary",
    name: meta.summaryName,
    cells,
    numberFormats,
    styles: [fontStyle(lang, cells.length, SUMMARY_WIDTH), ...grid.styles],
    merges: grid.merges,
    columnWidths: widths,
    rowHeights,
    freeze: null,
    conditionalFormats: grid.conditionalFormats,
    hyperlinks: grid.hyperlinks,
    chart: chartFor(l1.source, labels.chartTitle),
    tabColor: null,
    // The title row repeats so a second printed page still says what it is.
    page: printSetup("$1:$1"),
  };
  return { plan, cells: totals.cells };

  /** The settings used, the rules the tool chose itself, the version and the time. Returns the wide (merged) rows. */
  function settingsBlock(c: BlockContext, start: number): number[] {
    const s = ev.settings;
    let r = heading(c, start, labels.settingsBlock);
    const line = (label: string, write: (col: number) => void): void => {
      const at = r;
      labelRow(c, at, label, write);
      r++;
    };
    line(labels.reverseLabel, (col) => grid.text(r, col, labels.reverse[s.reverse]));
    line(labels.overCompletion, (col) => grid.number(r, col, s.overCompletionThreshold, "0.00"));
    line(labels.mismatchTolerance, (col) => grid.number(r, col, s.mismatchTolerance, "0.00"));
    const g = s.gradeBands;
    const sep = lang === "zh" ? "；" : "; ";
    const bands = [`${labels.grade["优"]} ≥ ${g.excellent}`, `${labels.grade["良"]} ≥ ${g.good}`, `${labels.grade["中"]} ≥ ${g.fair}`, `${labels.grade["差"]} < ${g.fair}`].join(sep);
    line(labels.gradeBands, (col) => grid.text(r, col, bands));
    line(labels.languageLabel, (col) => grid.text(r, col, labels.languageName));
    const wide: number[] = [];
    for (const text of [labels.oursHeading, ...labels.ours]) {
      grid.text(r, 0, text);
      grid.merge(r, 0, r, SUMMARY_WIDTH - 1);
      grid.style(toA1(r, 0), { wrap: true, vAlign: "Top", italic: text === labels.oursHeading });
      wide.push(r);
      r++;
    }
    line(labels.version, (col) => grid.text(r, col, meta.version));
    line(labels.generatedAt, (col) => grid.text(r, col, readableTime(meta.generatedAt)));
    grid.style(toA1Range(start + 1, 1, r - 1, 1), { hAlign: "Left" });
    return wide;
  }
}

/**
 * Fits the columns to their content (headers wrap beyond HEADER_CAP), numbers no narrower than
 * NUMBER_MIN, then widens D to F evenly until a finding's message has MESSAGE_MIN points.
 */
function summaryWidths(grid: PlanGrid, headerRows: readonly number[]): number[] {
  const fitted = grid.fitColumns({ skipRows: [], caps: CAPS, min: 56, headerRows, headerCap: HEADER_CAP });
  const widths = fitted.map((w, j) => (j === 0 ? w : Math.max(w, NUMBER_MIN)));
  const message = widths.slice(3).reduce((s, w) => s + w, 0);
  if (message < MESSAGE_MIN) {
    const extra = Math.ceil((MESSAGE_MIN - message) / (SUMMARY_WIDTH - 3));
    for (let j = 3; j < SUMMARY_WIDTH; j++) widths[j] = (widths[j] ?? 0) + extra;
  }
  return widths;
}

/**
 * An ISO time as a person reads it, in UTC: "2023-02-28T00:00:00.000Z" → "2023-02-28 00:00 UTC".
 * Text that is not a time is returned as is.
 *
 * @example
 * readableTime("2023-02-28T08:05:00Z") //=> "2023-02-28 08:05 UTC"
 */
export function readableTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)} UTC`;
}

function range(from: number, to: number): number[] {
  return to < from ? [] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function chartFor(source: string | null, title: string): SheetPlan["chart"] {
  if (source === null) return null;
  const top = Number(/[0-9]+/.exec(source)?.[0] ?? "1") - 1;
  return { type: "ColumnClustered", source, title, topLeft: toA1(top, CHART_COLUMN), bottomRight: toA1(top + CHART_ROWS, CHART_COLUMN + 7) };
}
