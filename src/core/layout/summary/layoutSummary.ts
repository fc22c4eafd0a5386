import { toA1, toA1Range } from "../../cells/address";
import { PROFILES } from "../../score/profiles";
import type { Evaluation, WorkbookEvaluation } from "../../types";
import { PlanGrid } from "../sheetGrid/planGrid";
import { fontStyle, printSetup } from "../sheetGrid/sheetDefaults";
import {
  type BlockContext,
  budgetBlock,
  enrollmentBlock,
  findingsBlock,
  HEADER_FILL,
  heading,
  labelRow,
  level1Block,
  level2Block,
  SUMMARY_WIDTH,
  type TotalCells,
  totalsBlock,
} from "./summaryBlocks";
import { layoutLabels } from "../labels";
import { OVERVIEW_WIDTH, overviewBlock } from "./overviewBlock";
import { layoutNarrative } from "../narrative/layoutNarrative";
import type { ScoreTableAnchors } from "../scoreTable/scoreTableColumns";
import type { SheetPlan } from "../sheetPlan";

/** Column caps in points: A names, labels and codes; B to F numbers, severities and cell references (G, H: the overview of several projects). */
const CAPS = [260, 120, 120, 120, 120, 120, 120, 120];
/** Narrowest a number column gets, so headers wrap to at most two lines. */
const NUMBER_MIN = 72;
/** Headers wider than this wrap (全年预算数（万元） still fits on one line). */
const HEADER_CAP = 100;
/** Narrowest the findings' message (D to F) gets: about 36 Chinese characters a line. */
const MESSAGE_MIN = 400;
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
  const { plan, cells } = layoutProjectsSummary({ projects: [ev], workbookFindings: [] }, meta, [anchors]);
  return { plan, cells: cells[0] as TotalCells };
}

/**
 * Lays out the summary of a workbook's projects (docs/scoring-rules.md §1.6). One project gives
 * exactly layoutSummary's sheet. Several give, after the title: the overview (one row per project,
 * linked to its block on the score table) and the grade distribution (overviewBlock), the findings
 * that belong to no project, then each project's blocks as layoutSummary writes them under a
 * numbered heading, and the settings once at the end. The chart then shows each project's total.
 *
 * @param wb - the projects' evaluations and the workbook's own findings
 * @param meta - the summary's sheet name, the tool version and the generation time (ISO)
 * @param anchors - each project's block on the score table, in project order
 * @returns the plan and, per project, the addresses of its total, grade, self-total and difference cells
 * @example
 * layoutProjectsSummary({ projects: [a, b], workbookFindings: [] }, meta, anchors).plan.cells[2][0]
 * //=> { kind: "text", text: "项目总览" }
 */
export function layoutProjectsSummary(
  wb: WorkbookEvaluation,
  meta: { summaryName: string; version: string; generatedAt: string },
  anchors: readonly ScoreTableAnchors[],
): { plan: SheetPlan; cells: TotalCells[] } {
  const evs = wb.projects;
  const first = evs[0];
  if (first === undefined) throw new RangeError("layoutProjectsSummary needs at least one evaluation");
  const lang = first.settings.language;
  const labels = layoutLabels(lang);
  const multi = evs.length > 1;
  const width = multi ? OVERVIEW_WIDTH : SUMMARY_WIDTH;
  const grid = new PlanGrid(width);
  const headerRows: number[] = [];
  // The title, like the section headings, runs on over its empty row: no merge.
  const headingRows: number[] = [0];
  const ctxOf = (ev: Evaluation): BlockContext => ({ grid, ev, labels, headerRows, headingRows });

  grid.text(0, 0, labels.summaryTitle);
  grid.style("A1", { bold: true, fontSize: 14 });
  let row = 2;
  const heightRows: number[] = [];
  const wideRows: number[] = [];
  let chart: SheetPlan["chart"] = null;
  if (multi) {
    const overview = overviewBlock(ctxOf(first), row, evs, anchors);
    row = overview.next + 1;
    chart = chartFor(overview.source, labels.projectsChartTitle, OVERVIEW_WIDTH + 1);
    if (wb.workbookFindings.length > 0) {
      const start = row;
      row = findingsBlock(ctxOf(first), row, wb.workbookFindings, labels.workbookFindings) + 1;
      heightRows.push(...range(start, row - 2));
    }
  }
  const cells: TotalCells[] = [];
  evs.forEach((ev, i) => {
    const ctx = ctxOf(ev);
    if (multi) {
      row = heading(ctx, row, `${i + 1}. ${ev.projectName ?? ev.detection.indicatorTable?.sheet ?? ""}`);
      grid.style(toA1Range(row - 1, 0, row - 1, width - 1), { fill: HEADER_FILL });
      grid.style(toA1(row - 1, 0), { fontSize: 13 });
      row++;
    }
    // With several projects the numbered heading names the project: no 项目 block under it.
    const details = projectBlocks(ctx, row, anchors[i] as ScoreTableAnchors, !multi);
    cells.push(details.cells);
    heightRows.push(...details.heightRows);
    wideRows.push(...details.wideRows);
    if (!multi) chart = chartFor(details.source, labels.chartTitle, SUMMARY_WIDTH + 1);
    row = details.next;
  });

  wideRows.push(...settingsBlock(ctxOf(first), row, meta));

  const widths = summaryWidths(grid, headerRows, headingRows);
  const allColumns = range(0, width - 1);
  const rowHeights = [{ row: 0, height: 24 }, ...grid.fitRowHeights([...headerRows, ...heightRows, ...wideRows], allColumns, widths)].sort((a, b) => a.row - b.row);

  const { cells: planCells, numberFormats } = grid.build();
  const plan: SheetPlan = {
    role: "summary",
    name: meta.summaryName,
    cells: planCells,
    numberFormats,
    styles: [fontStyle(lang, planCells.length, width), ...grid.styles],
    merges: grid.merges,
    columnWidths: widths,
    rowHeights,
    freeze: null,
    conditionalFormats: grid.conditionalFormats,
    hyperlinks: grid.hyperlinks,
    chart,
    tabColor: null,
    // The title row repeats so a second printed page still says what it is.
    page: printSetup("$1:$1"),
  };
  return { plan, cells };
}

/**
 * One project's blocks: project (when asked and named), totals, subtotals, enrollment, budget, findings and narrative.
 *
 * @returns the next free row, the totals' cells, the chart source, and the rows that size their
 *   own height (findings) and the wide rows (the narrative)
 */
function projectBlocks(ctx: BlockContext, start: number, anchors: ScoreTableAnchors, withProjectBlock: boolean): { next: number; cells: TotalCells; source: string | null; heightRows: number[]; wideRows: number[] } {
  const { grid, ev, labels } = ctx;
  const lang = ev.settings.language;
  let row = start;
  if (ev.projectName && withProjectBlock) {
    row = heading(ctx, row, labels.project);
    const r = row;
    labelRow(ctx, r, labels.projectName, (c) => grid.text(r, c, ev.projectName ?? ""));
    row += 2;
  }
  const totals = totalsBlock(ctx, row, anchors);
  const l1 = level1Block(ctx, totals.next + 1);
  // A block that writes nothing returns its start row; a blank row follows each block that does.
  const gap = (from: number, next: number): number => (next > from ? next + 1 : from);
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
  return { next: row, cells: totals.cells, source: l1.source, heightRows: range(findingsStart, findingsEnd), wideRows: [narrativeRow] };
}

/** The settings used, the rules the tool chose itself, the version and the time. Returns the wide (merged) rows. */
function settingsBlock(c: BlockContext, start: number, meta: { version: string; generatedAt: string }): number[] {
  const { grid, labels } = c;
  const s = c.ev.settings;
  const lang = s.language;
  let r = heading(c, start, labels.settingsBlock);
  const line = (label: string, write: (col: number) => void): void => {
    const at = r;
    labelRow(c, at, label, write);
    r++;
  };
  line(lang === "zh" ? "评分规则" : "Rule profile", (col) => grid.text(r, col, PROFILES.find((p) => p.id === s.profile)?.name[lang] ?? s.profile));
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
    grid.style(toA1(r, 0), text === labels.oursHeading ? { wrap: true, vAlign: "Top", italic: true } : { wrap: true, vAlign: "Top" });
    wide.push(r);
    r++;
  }
  line(labels.version, (col) => grid.text(r, col, meta.version));
  line(labels.generatedAt, (col) => grid.text(r, col, readableTime(meta.generatedAt)));
  grid.style(toA1Range(start + 1, 1, r - 1, 1), { hAlign: "Left" });
  return wide;
}

/**
 * Fits the columns to their content (headers wrap beyond HEADER_CAP), numbers no narrower than
 * NUMBER_MIN, then widens D to F evenly until a finding's message has MESSAGE_MIN points.
 */
function summaryWidths(grid: PlanGrid, headerRows: readonly number[], headingRows: readonly number[]): number[] {
  const fitted = grid.fitColumns({ skipRows: headingRows, caps: CAPS, min: 56, headerRows, headerCap: HEADER_CAP });
  const widths = fitted.map((w, j) => (j === 0 ? w : Math.max(w, NUMBER_MIN)));
  const message = widths.slice(3, SUMMARY_WIDTH).reduce((s, w) => s + w, 0);
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

function chartFor(source: string | null, title: string, column: number): SheetPlan["chart"] {
  if (source === null) return null;
  const top = Number(/[0-9]+/.exec(source)?.[0] ?? "1") - 1;
  return { type: "ColumnClustered", source, title, topLeft: toA1(top, column), bottomRight: toA1(top + CHART_ROWS, column + 7) };
}
