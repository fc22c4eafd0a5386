/**
 * Range addresses as the Excel JavaScript API reads and writes them.
 *
 * - `Box` is a rectangle on a sheet, 0-based, the way `Range.rowIndex` / `columnIndex` count.
 * - Addresses accept "A1", "A1:D5", "$A$1", entire columns "A:C" and entire rows "2:4", optionally
 *   prefixed with the sheet ("'My Sheet'!A1").
 * - Formatting follows Excel: a range spanning every row prints as columns ("Sheet1!A:C"), one
 *   spanning every column prints as rows ("Sheet1!2:4"), and the whole sheet as "Sheet1!1:1048576".
 */
import { columnLetters, quoteSheetName, toA1 } from "../../../core/cells/address";

/** Rows in a worksheet (Excel 2007 and later). */
export const MAX_ROWS = 1048576;
/** Columns in a worksheet (A to XFD). */
export const MAX_COLS = 16384;

/** A rectangle of cells, 0-based. */
export interface Box {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/** A parsed address: the rectangle, and the sheet name if the address named one. */
export interface ParsedAddress {
  sheet: string | null;
  box: Box;
}

function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

type Corner = { row: number | null; col: number | null };

function parseCorner(text: string): Corner | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?([0-9]{1,7})?$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const col = m[1] === undefined ? null : letterIndex(m[1]);
  const row = m[2] === undefined ? null : Number(m[2]) - 1;
  if (col !== null && col >= MAX_COLS) return null;
  if (row !== null && (row < 0 || row >= MAX_ROWS)) return null;
  return { row, col };
}

/**
 * Parses an A1 address, optionally sheet-qualified.
 *
 * @returns the rectangle and sheet, or null when the text is not an address Excel accepts
 * @example
 * parseAddress("'Q1 data'!B2:C3") //=> { sheet: "Q1 data", box: { row: 1, col: 1, rowCount: 2, colCount: 2 } }
 */
export function parseAddress(address: string): ParsedAddress | null {
  let text = address.trim();
  let sheet: string | null = null;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    const prefix = text.slice(0, bang);
    text = text.slice(bang + 1);
    const quoted = /^'((?:[^']|'')+)'$/.exec(prefix);
    sheet = quoted?.[1] !== undefined ? quoted[1].replace(/''/g, "'") : prefix;
    if (sheet === "") return null;
  }
  const parts = text.split(":");
  if (parts.length > 2 || parts.length === 0) return null;
  const a = parseCorner(parts[0] ?? "");
  const b = parts.length === 2 ? parseCorner(parts[1] ?? "") : a;
  if (!a || !b) return null;
  // Both corners must be of one kind: cells ("A1:B2"), whole columns ("A:B") or whole rows ("1:2").
  const kind = (c: Corner): string => (c.row === null ? "col" : c.col === null ? "row" : "cell");
  if (kind(a) !== kind(b)) return null;
  if (parts.length === 1 && kind(a) !== "cell") return null;
  const r1 = a.row ?? 0;
  const r2 = b.row ?? MAX_ROWS - 1;
  const c1 = a.col ?? 0;
  const c2 = b.col ?? MAX_COLS - 1;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { sheet, box: { row, col, rowCount: Math.abs(r2 - r1) + 1, colCount: Math.abs(c2 - c1) + 1 } };
}

/** True when the box spans every row of the sheet (entire columns). */
export function isEntireColumns(box: Box): boolean {
  return box.row === 0 && box.rowCount === MAX_ROWS;
}

/** True when the box spans every column of the sheet (entire rows). */
export function isEntireRows(box: Box): boolean {
  return box.col === 0 && box.colCount === MAX_COLS;
}

/** True for the "unbounded" ranges of the Excel docs: entire rows or entire columns. */
export function isUnbounded(box: Box): boolean {
  return isEntireColumns(box) || isEntireRows(box);
}

/**
 * Formats a box the way `Range.address` does, without the sheet.
 *
 * @example
 * localAddress({ row: 0, col: 0, rowCount: 1048576, colCount: 16384 }) //=> "1:1048576"
 */
export function localAddress(box: Box): string {
  const lastRow = box.row + box.rowCount - 1;
  const lastCol = box.col + box.colCount - 1;
  if (isEntireRows(box)) return `${box.row + 1}:${lastRow + 1}`;
  if (isEntireColumns(box)) return `${columnLetters(box.col)}:${columnLetters(lastCol)}`;
  const a = toA1(box.row, box.col);
  const b = toA1(lastRow, lastCol);
  return a === b ? a : `${a}:${b}`;
}

/**
 * Formats a sheet-qualified address the way `Range.address` does.
 *
 * @example
 * qualifiedAddress("My Sheet", { row: 0, col: 0, rowCount: 1, colCount: 1 }) //=> "'My Sheet'!A1"
 */
export function qualifiedAddress(sheet: string, box: Box): string {
  return `${quoteSheetName(sheet)}!${localAddress(box)}`;
}

/**
 * Formats an absolute reference the way `NamedItem.formula` shows one ("='Sheet 1'!$A$1:$B$2").
 *
 * @example
 * absoluteReference("Data", { row: 0, col: 0, rowCount: 1, colCount: 1 }) //=> "Data!$A$1"
 */
export function absoluteReference(sheet: string, box: Box): string {
  const abs = (r: number, c: number): string => `$${columnLetters(c)}$${r + 1}`;
  const a = abs(box.row, box.col);
  const b = abs(box.row + box.rowCount - 1, box.col + box.colCount - 1);
  return `${quoteSheetName(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

/** The overlap of two boxes, or null when they do not meet. */
export function intersect(a: Box, b: Box): Box | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const lastRow = Math.min(a.row + a.rowCount, b.row + b.rowCount) - 1;
  const lastCol = Math.min(a.col + a.colCount, b.col + b.colCount) - 1;
  if (lastRow < row || lastCol < col) return null;
  return { row, col, rowCount: lastRow - row + 1, colCount: lastCol - col + 1 };
}
