/**
 * Typed access to ExcelJS 4.4 internals the host needs for speed.
 *
 * ExcelJS's public iterators (`eachRow({ includeEmpty })`, `row.getCell`) create rows and cells as
 * they go, so a single stray value at XFD1048576 would make them build a 1048576 × 16384 grid. The
 * sparse arrays behind them (`_rows`, `_cells`, `_merges`, `_columns`) let the host visit only
 * cells that exist. These names are stable across ExcelJS 4.x; the host pins 4.4.0.
 */
import type * as ExcelJS from "exceljs";

interface RowInternals {
  _cells: (ExcelJS.Cell | undefined)[];
}

interface WorksheetInternals {
  _rows: (ExcelJS.Row | undefined)[];
  _columns?: (ExcelJS.Column | undefined)[];
  _merges: Record<string, { top: number; left: number; bottom: number; right: number }>;
}

/** A merged area, 1-based inclusive, as ExcelJS keeps it. */
export interface MergeRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The sparse row array (index = row number − 1); holes are rows that were never touched. */
export function rowsOf(ws: ExcelJS.Worksheet): (ExcelJS.Row | undefined)[] {
  return (ws as unknown as WorksheetInternals)._rows;
}

/** The sparse cell array of a row (index = column number − 1). */
export function cellsOf(row: ExcelJS.Row): (ExcelJS.Cell | undefined)[] {
  return (row as unknown as RowInternals)._cells;
}

/** The columns created so far, without creating more (ExcelJS's getColumn fills every gap). */
export function columnsOf(ws: ExcelJS.Worksheet): (ExcelJS.Column | undefined)[] {
  return (ws as unknown as WorksheetInternals)._columns ?? [];
}

/** Every merged area of the sheet. */
export function mergesOf(ws: ExcelJS.Worksheet): MergeRect[] {
  return Object.values((ws as unknown as WorksheetInternals)._merges).map((m) => ({
    top: m.top,
    left: m.left,
    bottom: m.bottom,
    right: m.right,
  }));
}

/** The cell at 1-based row and column if it exists; never creates one. */
export function findCell(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell | undefined {
  const r = rowsOf(ws)[row - 1];
  return r === undefined ? undefined : cellsOf(r)[col - 1];
}
