/**
 * Merged areas: merging a range (whole, or row by row) and listing the merges a range meets.
 */
import type * as ExcelJS from "exceljs";
import { type Box, intersect, isEntireColumns, isEntireRows } from "./a1";
import { apiError, MESSAGES } from "../office/errors";
import { cellsOf, mergeFresh, mergesOf, rowsOf } from "./internals";

function boxOf(m: { top: number; left: number; bottom: number; right: number }): Box {
  return { row: m.top - 1, col: m.left - 1, rowCount: m.bottom - m.top + 1, colCount: m.right - m.left + 1 };
}

/** The merged areas that meet the box, top to bottom, left to right. */
export function mergedAreas(ws: ExcelJS.Worksheet, box: Box): Box[] {
  return mergesOf(ws).map(boxOf).filter((b) => intersect(b, box) !== null).sort((a, b) => a.row - b.row || a.col - b.col);
}

/** True when a cell of the box is part of a merged area (a merged area that meets the box covers one of its cells). */
function touchesMerge(ws: ExcelJS.Worksheet, box: Box): boolean {
  const rows = rowsOf(ws);
  for (let r = box.row; r < box.row + box.rowCount; r++) {
    const row = rows[r];
    if (row === undefined) continue;
    const cells = cellsOf(row);
    for (let c = box.col; c < box.col + box.colCount; c++) if (cells[c]?.isMerged) return true;
  }
  return false;
}

/**
 * Merges the box into one cell, or each of its rows when `across` is true. Merges it meets are
 * split first, as in Excel; only the top-left value of each new merge stays.
 *
 * @throws HostApiError "InvalidArgument" for entire rows or columns
 */
export function mergeBox(ws: ExcelJS.Worksheet, box: Box, across: boolean): void {
  if (isEntireColumns(box) || isEntireRows(box)) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
  if (touchesMerge(ws, box)) {
    for (const m of mergedAreas(ws, box)) ws.unMergeCells(m.row + 1, m.col + 1, m.row + m.rowCount, m.col + m.colCount);
  }
  const parts: Box[] = across ? Array.from({ length: box.rowCount }, (_, i) => ({ ...box, row: box.row + i, rowCount: 1 })) : [box];
  for (const p of parts) {
    if (p.rowCount * p.colCount > 1) mergeFresh(ws, p.row + 1, p.col + 1, p.row + p.rowCount, p.col + p.colCount);
  }
}
