/**
 * The review workbook as data: SheetPlans for the review sheet (one row per project, the grade
 * distribution above it) and the failures sheet, plus the two things a SheetPlan cannot carry
 * (links to other files, and the AutoFilter). Pure: no ExcelJS, no Office, no files.
 */
import type { Grade, Language } from "../../core/types";
import type { CellStyle, ConditionalFormat, PlanCell, SheetPlan } from "../../core/layout/sheetPlan";
import { toA1, toA1Range } from "../../core/cells/address";
import { terms } from "../../core/text/terms";
import { reviewText } from "./reviewText";
import type { Review, ReviewProject } from "./types";

/** A link from a cell to another file, relative to the review workbook's folder. */
export interface FileLink {
  sheet: string;
  cell: string;
  address: string;
  tooltip: string;
}

export interface ReviewLayout {
  plans: SheetPlan[];
  links: FileLink[];
  /** The project table's header and rows, for an AutoFilter. */
  filter: { sheet: string; range: string };
}

export interface ReviewLayoutOptions {
  lang: Language;
  /** The link to a project's scored copy, relative to the review workbook. */
  href(project: ReviewProject): string;
}

const GRADES: readonly Grade[] = ["优", "良", "中", "差"];
const COLUMNS = 13;
/** Rows above the project table: title, counts, blank, the distribution (3 rows), the heading. */
const HEADER_ROW = 7;
const FIRST_DATA_ROW = HEADER_ROW + 1;
const HEADER_STYLE: CellStyle = { bold: true, fill: "#DDEBF7", border: true, hAlign: "Center", vAlign: "Center", wrap: true };

const empty: PlanCell = { kind: "empty" };
const text = (t: string): PlanCell => ({ kind: "text", text: t });
const num = (n: number | null): PlanCell => (n === null ? empty : { kind: "number", value: n });
const formula = (f: string, value: number | string): PlanCell => ({ kind: "formula", formula: f, value });

/** A block of cells and formats filled row by row. */
class Block {
  readonly cells: PlanCell[][] = [];
  readonly formats: string[][] = [];
  constructor(private readonly width: number) {}
  set(row: number, col: number, cell: PlanCell, format?: string): void {
    while (this.cells.length <= row) {
      this.cells.push(new Array<PlanCell>(this.width).fill(empty));
      this.formats.push(new Array<string>(this.width).fill("General"));
    }
    this.cells[row]![col] = cell;
    this.formats[row]![col] = format ?? (cell.kind === "text" ? "@" : "General");
  }
}

/** Estimated width in points: CJK about square, Latin about half, at 11 pt. */
function widthOf(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 11 : 6;
  return w + 10;
}

function fit(values: string[], min: number, max: number): number {
  return Math.min(max, Math.max(min, ...values.map(widthOf)));
}

/**
 * Lays out a review.
 *
 * - Review sheet (审核总览 / Review): a title and the counts; the grade distribution as live
 *   `COUNTIF` formulas over the grade column, with each grade's share; then one row per project
 *   in the order given (the caller sorts: largest |self − score| first), with the difference as a
 *   formula of the row, findings by severity, the most serious finding and a link to the copy.
 * - Failures sheet (失败 / Failures), only when a file failed: the file and the reason.
 *
 * @param review - the projects (sorted) and failures
 * @param options - language and the link for each project
 * @returns the plans, the file links and the AutoFilter range
 * @example
 * layoutReview({ files: 0, projects: [], failures: [], distribution: { 优: 0, 良: 0, 中: 0, 差: 0 } }, { lang: "en", href: () => "" }).plans.map((p) => p.name) //=> ["Review"]
 */
export function layoutReview(review: Review, options: ReviewLayoutOptions): ReviewLayout {
  const plans = [layoutProjects(review, options)];
  if (review.failures.length > 0) plans.push(layoutFailures(review, options.lang));
  const sheet = plans[0]!.name;
  const last = FIRST_DATA_ROW + Math.max(review.projects.length, 1) - 1;
  const links = review.projects.map((p, i) => ({ sheet, cell: toA1(FIRST_DATA_ROW + i, 12), address: options.href(p), tooltip: reviewText(options.lang).openScoredCopy }));
  return { plans, links, filter: { sheet, range: toA1Range(HEADER_ROW, 0, last, COLUMNS - 1) } };
}

function layoutProjects(review: Review, { lang, href }: ReviewLayoutOptions): SheetPlan {
  const t = reviewText(lang);
  const words = terms(lang);
  const b = new Block(COLUMNS);
  const n = review.projects.length;
  const last = FIRST_DATA_ROW + Math.max(n, 1) - 1;
  const gradeRange = `$E$${FIRST_DATA_ROW + 1}:$E$${last + 1}`;

  b.set(0, 0, text(t.title));
  b.set(1, 0, text(t.counts(review.files, review.files - review.failures.length, n, review.failures.length)));

  b.set(3, 0, text(t.grade));
  b.set(4, 0, text(t.projectCount));
  b.set(5, 0, text(t.share));
  GRADES.forEach((g, i) => {
    const count = review.distribution[g];
    b.set(3, 1 + i, text(words.grade[g]));
    b.set(4, 1 + i, formula(`=COUNTIF(${gradeRange},"${words.grade[g]}")`, count), "0");
    b.set(5, 1 + i, formula(`=IFERROR(${toA1(4, 1 + i)}/$F$5,"")`, n > 0 ? count / n : ""), "0.00%");
  });
  b.set(3, 5, text(t.sum));
  b.set(4, 5, formula("=SUM(B5:E5)", n), "0");

  b.set(6, 0, text(t.tableHeading));
  const c = t.columns;
  const severityHeader = (s: "error" | "warning" | "info"): string => words.severity[s].many.replace(/^./, (ch) => ch.toUpperCase());
  const headers = [c.file, c.department, c.project, c.total, c.grade, c.scoreSum, c.selfTotal, c.difference, severityHeader("error"), severityHeader("warning"), severityHeader("info"), c.topFinding, c.scoredCopy];
  headers.forEach((h, i) => b.set(HEADER_ROW, i, text(h)));

  review.projects.forEach((p, i) => {
    const r = FIRST_DATA_ROW + i;
    const top = p.topFinding;
    b.set(r, 0, text(p.file));
    b.set(r, 1, p.department === null ? empty : text(p.department));
    b.set(r, 2, p.project === null ? empty : text(p.project));
    b.set(r, 3, num(p.total), "0.00");
    b.set(r, 4, text(words.grade[p.grade]));
    b.set(r, 5, num(p.scoreSum), "0.00");
    b.set(r, 6, num(p.selfTotal), "0.00");
    b.set(r, 7, formula(`=IF(ISNUMBER(${toA1(r, 6)}),${toA1(r, 6)}-${toA1(r, 5)},"")`, p.difference ?? ""), "0.00");
    b.set(r, 8, num(p.findings.error), "0");
    b.set(r, 9, num(p.findings.warning), "0");
    b.set(r, 10, num(p.findings.info), "0");
    b.set(r, 11, top === null ? empty : text(`[${words.severity[top.severity].one}] ${top.title} · ${top.cell}`));
    b.set(r, 12, text(href(p)));
  });
  if (n === 0) b.set(FIRST_DATA_ROW, 0, empty);

  const data = toA1Range(FIRST_DATA_ROW, 0, last, COLUMNS - 1);
  const first = FIRST_DATA_ROW + 1;
  const conditionalFormats: ConditionalFormat[] = [
    { type: "custom", range: `H${first}:H${last + 1}`, formula: `AND(ISNUMBER(H${first}),H${first}>=0.005)`, fill: "#FCE4D6", fontColor: "#833C0B" },
    { type: "custom", range: `H${first}:H${last + 1}`, formula: `AND(ISNUMBER(H${first}),H${first}<=-0.005)`, fill: "#DDEBF7", fontColor: "#1F4E79" },
    { type: "custom", range: `E${first}:E${last + 1}`, formula: `E${first}="${words.grade["差"]}"`, fill: "#FFC7CE", fontColor: "#9C0006" },
    { type: "cellValue", range: `I${first}:I${last + 1}`, operator: "GreaterThan", formula1: "0", fill: "#FFC7CE", fontColor: "#9C0006" },
  ];
  const col = (i: number): string[] => review.projects.map((_, k) => {
    const cell = b.cells[FIRST_DATA_ROW + k]?.[i];
    return cell?.kind === "text" ? cell.text : "";
  });
  return {
    role: "scoreTable",
    name: t.reviewSheet,
    cells: b.cells,
    numberFormats: b.formats,
    styles: [
      { range: toA1Range(0, 0, b.cells.length - 1, COLUMNS - 1), style: { fontName: lang === "en" ? "Calibri" : "等线", fontSize: 11 } },
      { range: "A1", style: { bold: true, fontSize: 14 } },
      { range: "A4:F6", style: { border: true, hAlign: "Center" } },
      { range: "A4:F4", style: { bold: true, fill: "#DDEBF7" } },
      { range: "A4:A6", style: { bold: true, fill: "#DDEBF7" } },
      { range: "A7", style: { bold: true } },
      { range: toA1Range(HEADER_ROW, 0, HEADER_ROW, COLUMNS - 1), style: HEADER_STYLE },
      { range: data, style: { border: true, vAlign: "Center" } },
      { range: `D${first}:K${last + 1}`, style: { hAlign: "Right" } },
      { range: `E${first}:E${last + 1}`, style: { hAlign: "Center" } },
      { range: `M${first}:M${last + 1}`, style: { fontColor: "#0563C1" } },
    ],
    merges: ["A1:M1", "A2:M2", "A7:M7"],
    columnWidths: [
      fit([c.file, ...col(0)], 90, 260),
      fit([c.department, ...col(1)], 80, 220),
      fit([c.project, ...col(2)], 100, 260),
      // Number columns fit their header on one line where it is short enough, on two past 120 pt.
      ...headers.slice(3, 11).map((h) => fit([h], 48, 120)),
      fit([c.topFinding, ...col(11)], 120, 360),
      fit([c.scoredCopy, ...col(12)], 100, 300),
    ],
    rowHeights: [{ row: 0, height: 24 }, { row: HEADER_ROW, height: 32 }],
    freeze: { rows: FIRST_DATA_ROW, columns: 0 },
    conditionalFormats,
    hyperlinks: [],
    chart: null,
    tabColor: "#2F5597",
    page: { orientation: "Landscape", paper: "A4", fitToWidth: true, printTitleRows: `$${FIRST_DATA_ROW}:$${FIRST_DATA_ROW}` },
  };
}

function layoutFailures(review: Review, lang: Language): SheetPlan {
  const t = reviewText(lang);
  const b = new Block(2);
  b.set(0, 0, text(t.failuresTitle));
  b.set(1, 0, text(t.columns.file));
  b.set(1, 1, text(t.columns.reason));
  review.failures.forEach((f, i) => {
    b.set(2 + i, 0, text(f.file));
    b.set(2 + i, 1, text(f.reason));
  });
  const last = 1 + review.failures.length;
  return {
    role: "summary",
    name: t.failuresSheet,
    cells: b.cells,
    numberFormats: b.formats,
    styles: [
      { range: `A1:B${last + 1}`, style: { fontName: lang === "en" ? "Calibri" : "等线", fontSize: 11 } },
      { range: "A1", style: { bold: true, fontSize: 14 } },
      { range: "A2:B2", style: HEADER_STYLE },
      { range: `A3:B${last + 1}`, style: { border: true, wrap: true, vAlign: "Top" } },
    ],
    merges: ["A1:B1"],
    columnWidths: [fit([t.columns.file, ...review.failures.map((f) => f.file)], 90, 300), 420],
    rowHeights: [{ row: 0, height: 24 }],
    freeze: { rows: 2, columns: 0 },
    conditionalFormats: [],
    hyperlinks: [],
    chart: null,
    tabColor: "#C00000",
    page: { orientation: "Landscape", paper: "A4", fitToWidth: true, printTitleRows: "$2:$2" },
  };
}
