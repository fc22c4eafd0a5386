import { toA1Range } from "../../cells/address";
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
  /** Set by build(), which hands the rows over. */
  private built = false;
  private readonly formats: string[][] = [];
  readonly styles: { range: string; style: CellStyle }[] = [];
  readonly merges: string[] = [];
  /** The merges wider than one column, as numbers (merge() records them; no address is read back). */
  private readonly wide: { row: number; col: number; rowCount: number; colCount: number }[] = [];
  /** Column spans of merges wider than one column, keyed row × width + column; rebuilt only when merges change. */
  private spanCache: { count: number; spans: Map<number, number> } | null = null;
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly hyperlinks: PlanHyperlink[] = [];

  /** A blank row, copied for every new row. */
  private readonly emptyRow: PlanCell[];
  private readonly generalRow: string[];

  constructor(readonly width: number) {
    this.emptyRow = Array.from({ length: width }, () => EMPTY);
    this.generalRow = Array.from({ length: width }, () => "General");
  }

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
    if (this.built) throw new Error("PlanGrid: written after build()");
    while (this.rows.length <= row) {
      // Rows are made full width at once: build() pads to the width anyway.
      this.rows.push(this.emptyRow.slice());
      this.formats.push(this.generalRow.slice());
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
    if (row1 === row2 && col1 === col2) return;
    this.merges.push(toA1Range(row1, col1, row2, col2));
    const row = Math.min(row1, row2);
    const col = Math.min(col1, col2);
    const colCount = Math.abs(col2 - col1) + 1;
    if (colCount > 1) this.wide.push({ row, col, rowCount: Math.abs(row2 - row1) + 1, colCount });
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

  /**
   * The rectangle, every row `width` long. The grid hands its rows over (padded where they are
   * short): nothing may be written to it afterwards.
   */
  build(): { cells: PlanCell[][]; numberFormats: string[][] } {
    const pad = <T>(rows: T[][], fill: T): T[][] => {
      for (const r of rows) {
        if (r.length > this.width) r.length = this.width;
        while (r.length < this.width) r.push(fill);
      }
      return rows;
    };
    this.built = true;
    return { cells: pad(this.rows, EMPTY), numberFormats: pad(this.formats, "General") };
  }

  /** Cells covered by a merge wider than one column, as row × width + column: they do not size their column. */
  private wideMerged(): Set<number> {
    const out = new Set<number>();
    for (const box of this.wide) {
      for (let i = 0; i < box.rowCount; i++) for (let j = 0; j < box.colCount; j++) out.add((box.row + i) * this.width + box.col + j);
    }
    return out;
  }

  /**
   * Column widths in points that fit the content: the widest line in each column (headers
   * count up to `headerCap`), plus padding, within [min, cap] for that column.
   */
  fitColumns(opts: { skipRows: readonly number[]; caps: readonly number[]; min: number; headerRows: readonly number[]; headerCap: number }): number[] {
    const skip = this.wideMerged();
    const skipRows = new Set(opts.skipRows);
    const headerRows = new Set(opts.headerRows);
    const widths = Array.from({ length: this.width }, () => 0);
    const caps = widths.map((_, j) => opts.caps[j] ?? 330);
    for (let i = 0; i < this.rows.length; i++) {
      if (skipRows.has(i)) continue;
      const row = this.rows[i] as PlanCell[];
      const formats = this.formats[i] ?? [];
      const isHeader = headerRows.has(i);
      for (let j = 0; j < row.length; j++) {
        const cell = row[j] as PlanCell;
        if (cell.kind === "empty") continue;
        const widest = widths[j] ?? 0;
        // A column already at its cap, or a cell that cannot be wider than the widest so far, changes nothing.
        if (widest + 12 >= (caps[j] ?? 330)) continue;
        const format = formats[j] ?? "General";
        if (widthBound(cell, format) <= widest) continue;
        if (skip.has(i * this.width + j)) continue;
        let w = textLinesWidth(displayText(cell, format));
        if (isHeader) w = Math.min(w, opts.headerCap);
        if (w > widest) widths[j] = w;
      }
    }
    return widths.map((w, j) => Math.round(Math.min(Math.max(w + 12, opts.min), opts.caps[j] ?? 330)));
  }

  /** The merges' column spans, computed once per set of merges (layouts ask for every row). */
  private columnSpans(): Map<number, number> {
    if (this.spanCache?.count === this.merges.length) return this.spanCache.spans;
    const spans = new Map<number, number>();
    for (const box of this.wide) spans.set(box.row * this.width + box.col, box.colCount);
    this.spanCache = { count: this.merges.length, spans };
    return spans;
  }

  /**
   * Heights for the given rows where a wrapped cell needs more than one line. A cell that starts a
   * merge across columns wraps in the merge's whole width.
   */
  fitRowHeights(rows: readonly number[], wrapCols: readonly number[], widths: readonly number[]): { row: number; height: number }[] {
    const out: { row: number; height: number }[] = [];
    for (const i of rows) {
      const height = this.fitRowHeight(i, wrapCols, widths);
      if (height !== null) out.push({ row: i, height });
    }
    return out;
  }

  /** fitRowHeights for one row: its height, or null when every cell fits on one line. */
  fitRowHeight(row: number, wrapCols: readonly number[], widths: readonly number[]): number | null {
    const spans = this.columnSpans();
    let lines = 1;
    for (const j of wrapCols) {
      const cell = this.cell(row, j);
      if (cell.kind === "empty") continue;
      const format = this.format(row, j);
      const span = spans.get(row * this.width + j) ?? 1;
      let width = 0;
      for (let k = j; k < j + span && k < widths.length; k++) width += widths[k] ?? 0;
      // A text of one line no wider than the usable width (wrappedLines' own rule) takes one line.
      if (oneLineBound(cell, format) <= Math.max((width || 64) - 8, 12)) continue;
      const text = displayText(cell, format);
      if (text === "") continue;
      lines = Math.max(lines, wrappedLines(text, width || 64));
    }
    return lines > 1 ? linesHeight(lines) : null;
  }
}

/** The widest line of a text, in points. */
function textLinesWidth(text: string): number {
  if (!text.includes("\n")) return textWidth(text);
  let w = 0;
  for (const line of text.split("\n")) w = Math.max(w, textWidth(line));
  return w;
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
  /** textWidth of prefix and suffix together. */
  literalWidth: number;
  /** True when prefix or suffix holds a line break. */
  literalBreak: boolean;
}

/** widthBound for a text known to be a single line; Infinity when it may hold a line break. */
function oneLineBound(cell: PlanCell, format: string): number {
  if (cell.kind === "text") return cell.text.includes("\n") ? Infinity : cell.text.length * 11;
  if (cell.kind === "formula" && typeof cell.value === "string") return cell.value.includes("\n") ? Infinity : cell.value.length * 11;
  if (cell.kind !== "empty" && format !== "General" && format !== "" && parsedFormat(format).literalBreak) return Infinity;
  return widthBound(cell, format);
}

/** Powers of ten that doubles hold exactly, for counting integer digits. */
const TENS = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * An upper bound, in points, of the widest line of displayText(cell, format), found without
 * building the text: the text's length at the widest character's points, or for a number its
 * literals plus the most characters its digits, sign, separators, point and decimals can take
 * (every one of them 6 points wide). Infinity when no cheap bound holds (a huge or non-finite number).
 */
export function widthBound(cell: PlanCell, format: string): number {
  if (cell.kind === "empty") return 0;
  if (cell.kind === "text") return cell.text.length * 11;
  const v = cell.value;
  if (typeof v === "string") return v.length * 11;
  const general = format === "General" || format === "";
  const f = general ? null : parsedFormat(format);
  const x = f?.percent ? v * 100 : v;
  if (!Number.isFinite(x)) return Infinity;
  const decimals = f === null ? 9 : f.decimals;
  // Rounding to `decimals` (after Excel's 15 significant digits) moves the magnitude by less than this.
  const magnitude = Math.abs(x) * (1 + 1e-14) + (TENS[decimals] !== undefined ? 1 / (TENS[decimals] as number) : 1);
  let digits = 1;
  while (digits < TENS.length && magnitude >= (TENS[digits] as number)) digits++;
  if (digits >= TENS.length) return Infinity;
  let chars = (x < 0 ? 1 : 0) + digits + (decimals > 0 ? decimals + 1 : 0);
  if (f !== null) chars += (f.thousands && !f.percent ? Math.floor((digits - 1) / 3) : 0) + (f.percent ? 1 : 0);
  return chars * 6 + (f?.literalWidth ?? 0);
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
    const prefix = numberAt < 0 ? "" : parts.slice(0, numberAt).join("");
    const suffix = numberAt < 0 ? parts.join("") : parts.slice(numberAt + 1).join("");
    f = {
      decimals: /0\.(0+)/.exec(format)?.[1]?.length ?? 0,
      percent: bare.includes("%"),
      thousands: bare.includes(","),
      prefix,
      suffix,
      literalWidth: textWidth(prefix) + textWidth(suffix),
      literalBreak: prefix.includes("\n") || suffix.includes("\n"),
    };
    formatCache.set(format, f);
  }
  return f;
}
