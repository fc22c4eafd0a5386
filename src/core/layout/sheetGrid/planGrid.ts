import { parseA1Range, toA1Range } from "../../cells/address";
import type { CellStyle, ConditionalFormat, PlanCell, PlanHyperlink } from "../sheetPlan";
import { formatFixed as fixed, formatTrimmed as trimmed, withThousands } from "../../text/formatNumber";
import { linesHeight, textWidth, wrappedLines } from "./textWidth";

const EMPTY: PlanCell = { kind: "empty" };

/** The most characters (UTF-16 code units, as Excel counts them) a cell may hold. */
export const EXCEL_CELL_LIMIT = 32767;

/**
 * Text cut to fit one Excel cell: over EXCEL_CELL_LIMIT it keeps the first 32,766 units (never
 * half a surrogate pair) and ends in a visible "…". Only a program-written input holds such text;
 * finding messages are already short (QUOTE_LIMIT, docs/scoring-rules.md §4.22).
 *
 * @example
 * fitCell("x".repeat(40000)).length //=> 32767
 */
export function fitCell(text: string): string {
  if (text.length <= EXCEL_CELL_LIMIT) return text;
  let end = EXCEL_CELL_LIMIT - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * A growing rectangle of plan cells with their number formats, styles and merges. Rows are
 * padded to the grid's width when built, so every row has the same length.
 */
export class PlanGrid {
  private readonly rows: PlanCell[][] = [];
  private readonly formats: string[][] = [];
  readonly styles: { range: string; style: CellStyle }[] = [];
  readonly merges: string[] = [];
  /** Column spans of merges wider than one column, keyed "row,col"; rebuilt only when merges change. */
  private spanCache: { count: number; spans: Map<string, number> } | null = null;
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly hyperlinks: PlanHyperlink[] = [];

  constructor(readonly width: number) {}

  get rowCount(): number {
    return this.rows.length;
  }

  /** Text as text ("@"), whatever it begins with, cut to fit a cell (fitCell); "" leaves the cell truly empty. */
  text(row: number, col: number, text: string): void {
    if (text === "") this.put(row, col, EMPTY, "General");
    else this.put(row, col, { kind: "text", text: fitCell(text) }, "@");
  }

  /** A number; a non-finite one leaves the cell empty. */
  number(row: number, col: number, value: number | null, format = "General"): void {
    if (value === null || !Number.isFinite(value)) this.put(row, col, EMPTY, "General");
    else this.put(row, col, { kind: "number", value }, format);
  }

  formula(row: number, col: number, formula: string, value: number | string, format = "General"): void {
    this.put(row, col, { kind: "formula", formula, value }, format);
  }

  /** Marks a row as present (for blank spacer rows). */
  touch(row: number): void {
    while (this.rows.length <= row) {
      this.rows.push([]);
      this.formats.push([]);
    }
  }

  cell(row: number, col: number): PlanCell {
    return this.rows[row]?.[col] ?? EMPTY;
  }

  format(row: number, col: number): string {
    return this.formats[row]?.[col] ?? "General";
  }

  style(range: string, style: CellStyle): void {
    this.styles.push({ range, style });
  }

  merge(row1: number, col1: number, row2: number, col2: number): void {
    if (row1 !== row2 || col1 !== col2) this.merges.push(toA1Range(row1, col1, row2, col2));
  }

  private put(row: number, col: number, cell: PlanCell, format: string): void {
    this.touch(row);
    const r = this.rows[row] as PlanCell[];
    const f = this.formats[row] as string[];
    while (r.length < col) {
      r.push(EMPTY);
      f.push("General");
    }
    r[col] = cell;
    f[col] = format;
  }

  /** The rectangle, every row `width` long. */
  build(): { cells: PlanCell[][]; numberFormats: string[][] } {
    const cells = this.rows.map((r) => Array.from({ length: this.width }, (_, j) => r[j] ?? EMPTY));
    const numberFormats = this.formats.map((r) => Array.from({ length: this.width }, (_, j) => r[j] ?? "General"));
    return { cells, numberFormats };
  }

  /** Cells covered by a merge wider than one column: they do not size their column. */
  private wideMerged(): Set<string> {
    const out = new Set<string>();
    for (const m of this.merges) {
      const box = parseA1Range(m);
      if (!box || box.colCount < 2) continue;
      for (let i = 0; i < box.rowCount; i++) for (let j = 0; j < box.colCount; j++) out.add(`${box.row + i},${box.col + j}`);
    }
    return out;
  }

  /**
   * Column widths in points that fit the content: the widest line in each column (headers
   * count up to `headerCap`), plus padding, within [min, cap] for that column.
   */
  fitColumns(opts: { skipRows: readonly number[]; caps: readonly number[]; min: number; headerRows: readonly number[]; headerCap: number }): number[] {
    const skip = this.wideMerged();
    const widths = Array.from({ length: this.width }, () => 0);
    this.rows.forEach((row, i) => {
      if (opts.skipRows.includes(i)) return;
      row.forEach((cell, j) => {
        if (skip.has(`${i},${j}`)) return;
        const lines = displayText(cell, this.format(i, j)).split("\n");
        let w = Math.max(...lines.map((l) => textWidth(l)));
        if (opts.headerRows.includes(i)) w = Math.min(w, opts.headerCap);
        widths[j] = Math.max(widths[j] ?? 0, w);
      });
    });
    return widths.map((w, j) => Math.round(Math.min(Math.max(w + 12, opts.min), opts.caps[j] ?? 330)));
  }

  /** The merges' column spans, computed once per set of merges (layouts ask for every row). */
  private columnSpans(): Map<string, number> {
    if (this.spanCache?.count === this.merges.length) return this.spanCache.spans;
    const spans = new Map<string, number>();
    for (const m of this.merges) {
      const box = parseA1Range(m);
      if (box && box.colCount > 1) spans.set(`${box.row},${box.col}`, box.colCount);
    }
    this.spanCache = { count: this.merges.length, spans };
    return spans;
  }

  /**
   * Heights for the given rows where a wrapped cell needs more than one line. A cell that starts a
   * merge across columns wraps in the merge's whole width.
   */
  fitRowHeights(rows: readonly number[], wrapCols: readonly number[], widths: readonly number[]): { row: number; height: number }[] {
    const spans = this.columnSpans();
    const out: { row: number; height: number }[] = [];
    for (const i of rows) {
      let lines = 1;
      for (const j of wrapCols) {
        const text = displayText(this.cell(i, j), this.format(i, j));
        const span = spans.get(`${i},${j}`) ?? 1;
        const width = widths.slice(j, j + span).reduce((s, w) => s + w, 0) || 64;
        if (text !== "") lines = Math.max(lines, wrappedLines(text, width));
      }
      if (lines > 1) out.push({ row: i, height: linesHeight(lines) });
    }
    return out;
  }
}

/**
 * Approximates what a cell shows, for sizing: numbers through a simplified reading of their
 * number format (decimals, percent, thousands, quoted literals).
 *
 * @example
 * displayText({ kind: "number", value: 0.8847 }, "0.00%") //=> "88.47%"
 */
export function displayText(cell: PlanCell, format: string): string {
  if (cell.kind === "empty") return "";
  if (cell.kind === "text") return cell.text;
  const v = cell.value;
  if (typeof v === "string") return v;
  if (format === "General" || format === "") return trimmed(v, 9);
  const f = parsedFormat(format);
  const body = f.percent ? `${fixed(v * 100, f.decimals)}%` : f.thousands ? withThousands(fixed(v, f.decimals)) : fixed(v, f.decimals);
  return `${f.prefix}${body}${f.suffix}`;
}

interface ParsedFormat {
  decimals: number;
  percent: boolean;
  thousands: boolean;
  /** Literal text before and after the number. */
  prefix: string;
  suffix: string;
}

const formatCache = new Map<string, ParsedFormat>();

/** Reads a number format once: every cell of a column usually shares it. */
function parsedFormat(format: string): ParsedFormat {
  let f = formatCache.get(format);
  if (f === undefined) {
    const bare = format.replace(/"[^"]*"/g, "");
    const parts: string[] = [];
    let numberAt = -1;
    for (const m of format.matchAll(/"([^"]*)"|([#0,.%]+)|([^"#0,.%]+)/g)) {
      if (m[1] !== undefined) parts.push(m[1]);
      else if (m[3] !== undefined) parts.push(m[3]);
      else if (numberAt < 0) {
        numberAt = parts.length;
        parts.push("");
      }
    }
    f = {
      decimals: /0\.(0+)/.exec(format)?.[1]?.length ?? 0,
      percent: bare.includes("%"),
      thousands: bare.includes(","),
      prefix: numberAt < 0 ? "" : parts.slice(0, numberAt).join(""),
      suffix: numberAt < 0 ? parts.join("") : parts.slice(numberAt + 1).join(""),
    };
    formatCache.set(format, f);
  }
  return f;
}
