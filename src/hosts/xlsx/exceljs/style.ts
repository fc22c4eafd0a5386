/**
 * Cell styles and colours for the range formatting proxies.
 *
 * ExcelJS shares style objects between cells (cells read with one style id, and the cells of a
 * merge, point at one object), so a style is never mutated in place: every change builds a fresh
 * style object for the cell. Entire-row and entire-column ranges style the rows or columns
 * themselves plus the cells that exist, rather than creating a million cells.
 */
import type * as ExcelJS from "exceljs";
import { type Box, isEntireColumns, isEntireRows } from "./a1";
import { apiError, MESSAGES } from "../office/errors";
import { cellsOf, rowsOf } from "./internals";

/** A cell's style, with every part optional. */
export type Style = Partial<ExcelJS.Style>;

const NAMED: Readonly<Record<string, string>> = {
  black: "000000", white: "FFFFFF", red: "FF0000", green: "008000", blue: "0000FF", yellow: "FFFF00",
  orange: "FFA500", gray: "808080", grey: "808080", lightgray: "D3D3D3", lightgrey: "D3D3D3",
  darkgray: "A9A9A9", darkgrey: "A9A9A9", purple: "800080", lime: "00FF00", navy: "000080",
};

/**
 * Converts an Excel API colour ("#RRGGBB", "#RGB" or an HTML colour name) to an ExcelJS ARGB.
 *
 * @throws HostApiError "InvalidArgument" when the colour is not one Excel accepts
 * @example
 * toArgb("#1f4e79") //=> "FF1F4E79"
 */
export function toArgb(color: unknown, location: string): string {
  if (typeof color === "string") {
    const c = color.trim();
    const named = NAMED[c.toLowerCase()];
    if (named !== undefined) return `FF${named}`;
    const long = /^#([0-9a-fA-F]{6})$/.exec(c);
    if (long?.[1] !== undefined) return `FF${long[1].toUpperCase()}`;
    const short = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(c);
    if (short) return `FF${short.slice(1).map((h) => `${h}${h}`).join("").toUpperCase()}`;
  }
  throw apiError("InvalidArgument", MESSAGES.invalidArgument(), location);
}


/**
 * Replaces a cell's style with a fresh object built from the old one. With a `shared` map, cells
 * whose old styles are alike get one new object: ExcelJS then writes one style record for them
 * instead of one per cell, which is most of the cost of saving a large formatted sheet.
 */
export function patchCell(cell: ExcelJS.Cell, patch: (old: Style) => Style, shared?: Map<Style | string, Style>): void {
  const old = (cell.style ?? {}) as Style;
  if (shared === undefined) {
    cell.style = { ...old, ...patch(old) } as ExcelJS.Style;
    return;
  }
  // Cells already sharing a style object share the result; every new cell's empty style is alike.
  const key = Object.keys(old).length === 0 ? "" : old;
  let next = shared.get(key);
  if (next === undefined) {
    next = { ...old, ...patch(old) };
    shared.set(key, next);
  }
  cell.style = next as ExcelJS.Style;
}

/** Sets a cell's number format; "" and "General" remove it. Alike results share one style object through `shared`. */
export function setNumberFormat(cell: ExcelJS.Cell, format: string, shared?: Map<string, Map<Style | string, Style>>): void {
  const old = (cell.style ?? {}) as Style;
  let byFormat = shared?.get(format);
  if (shared !== undefined && byFormat === undefined) shared.set(format, (byFormat = new Map()));
  const key = Object.keys(old).length === 0 ? "" : old;
  const hit = byFormat?.get(key);
  if (hit !== undefined) {
    cell.style = hit as ExcelJS.Style;
    return;
  }
  const next: Style = { ...old };
  if (format === "" || format === "General") delete next.numFmt;
  else next.numFmt = format;
  byFormat?.set(key, next);
  cell.style = next as ExcelJS.Style;
}

function patchHolder(holder: { style: Style }, patch: (old: Style) => Style): void {
  holder.style = { ...holder.style, ...patch(holder.style ?? {}) };
}

/**
 * Applies a style change to every cell of a box.
 *
 * - A bounded box creates its cells and restyles each.
 * - An entire-columns box restyles the columns and the cells that exist in them; an entire-rows
 *   box restyles the rows and their existing cells.
 *
 * @param patch - builds the changed parts from a cell's old style
 */
export function styleBox(ws: ExcelJS.Worksheet, box: Box, patch: (old: Style) => Style): void {
  const lastRow = box.row + box.rowCount;
  const lastCol = box.col + box.colCount;
  const shared = new Map<Style | string, Style>();
  if (isEntireColumns(box) || isEntireRows(box)) {
    if (isEntireRows(box)) {
      for (let r = box.row; r < lastRow; r++) patchHolder(ws.getRow(r + 1) as unknown as { style: Style }, patch);
    } else {
      for (let c = box.col; c < lastCol; c++) patchHolder(ws.getColumn(c + 1) as unknown as { style: Style }, patch);
    }
    rowsOf(ws).forEach((row, ri) => {
      if (row === undefined || ri < box.row || ri >= lastRow) return;
      cellsOf(row).forEach((cell, ci) => {
        if (cell !== undefined && ci >= box.col && ci < lastCol) patchCell(cell, patch, shared);
      });
    });
    return;
  }
  for (let r = box.row; r < lastRow; r++) {
    const row = ws.getRow(r + 1);
    for (let c = box.col; c < lastCol; c++) patchCell(row.getCell(c + 1), patch, shared);
  }
}
