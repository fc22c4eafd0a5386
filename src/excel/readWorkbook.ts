import type { CellBox, CellValue, SheetGrid } from "../core/types";
import { parseA1Range, splitQualified, columnLetters, toA1Range } from "../core/cells/address";
import type { PortContext } from "./port";
import { cellsDigest, parseMarker } from "./markers";

/** The most rows and columns read from one sheet: a stray value at XFD1048576 must not make us load 17 billion cells. */
export const READ_WINDOW = { rows: 60_000, columns: 64 } as const;
export const READ_WINDOW_ADDRESS = `A1:${columnLetters(READ_WINDOW.columns - 1)}${READ_WINDOW.rows}`;

/** Workbook names that mark the sheets this tool wrote (see markers.ts for their shape). */
export { MARKER_PREFIX } from "./markers";

export interface OutputMarker {
  /** The workbook name, e.g. PerfScore_ScoreTable. */
  name: string;
  /** The sheet it points at, or null when that sheet is gone (#REF!). */
  sheet: string | null;
}

/** A sheet an earlier run wrote that the user has edited since: kept, not read. */
export interface KeptSheet {
  sheet: string;
  /** The mark that points at it; it stays, so that later runs keep the sheet too (and do not read it). */
  marker: string;
}

export interface WorkbookRead {
  grids: SheetGrid[];
  /** Every sheet's name, in workbook order, ours included. */
  sheetNames: string[];
  /** Marks left by an earlier run on sheets unchanged since (to replace), or on sheets now gone. */
  markers: OutputMarker[];
  /** Our earlier sheets the user has edited since: neither read nor replaced. */
  kept: KeptSheet[];
}

export interface ReadEnv {
  isSetSupported(name: string, version: string): boolean;
}

/**
 * Reads every user sheet into plain grids (values, number formats, merged areas) in exactly two
 * round trips, whatever the workbook's size: one for the sheet list and our marks, one for all
 * cells at once. Sheets an earlier run wrote are not read. No proxy leaves this function.
 */
export async function readWorkbook(context: PortContext, env: ReadEnv): Promise<WorkbookRead> {
  const sheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name,items/formula");
  await context.sync(); // 1: which sheets exist, and which of them are ours

  const sheetNames = sheets.items.map((s) => s.name);
  const existing = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
  // Only names of our exact shape are marks (markers.ts); a mark whose sheet is gone (the user
  // deleted it: "=#REF!$A$1") still names a mark to remove.
  const candidates = names.items.flatMap((n) => {
    const kind = parseMarker(n.name);
    if (kind === null) return [];
    const target = splitQualified(n.formula.replace(/^=/, ""))?.sheet;
    const sheet = target === undefined ? null : (existing.get(target.toLowerCase()) ?? null);
    return [{ name: n.name, kind, sheet }];
  });
  const ours = new Set(candidates.flatMap((c) => (c.sheet === null ? [] : [c.sheet.name.toLowerCase()])));
  // Each marked sheet's content, read in the same round trip as the cells, to check its digest.
  const checks = candidates.map((c) => ({ ...c, used: c.sheet !== null ? c.sheet.getUsedRangeOrNullObject(true).load("formulas,rowIndex,columnIndex") : null }));
  const mergesSupported = env.isSetSupported("ExcelApi", "1.13");

  const reads = sheets.items
    .filter((s) => !ours.has(s.name.toLowerCase()))
    .map((sheet) => {
      const window = sheet.getRange(READ_WINDOW_ADDRESS);
      return {
        name: sheet.name,
        full: sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
        cells: window.getUsedRangeOrNullObject(true).load("values,numberFormat,rowIndex,columnIndex"),
        merges: mergesSupported ? window.getMergedAreasOrNullObject().load("address") : null,
      };
    });
  await context.sync(); // 2: all cells of all sheets at once

  const grids = reads.map((r): SheetGrid => {
    if (r.cells.isNullObject) return { name: r.name, rowIndex: 0, columnIndex: 0, values: [], numberFormats: [], merges: [] };
    const clipped =
      !r.full.isNullObject &&
      (r.full.rowIndex + r.full.rowCount > READ_WINDOW.rows || r.full.columnIndex + r.full.columnCount > READ_WINDOW.columns);
    const grid = trimGrid({
      name: r.name,
      rowIndex: r.cells.rowIndex,
      columnIndex: r.cells.columnIndex,
      values: r.cells.values as CellValue[][],
      numberFormats: r.cells.numberFormat as string[][],
      merges: r.merges && !r.merges.isNullObject ? parseAreas(r.merges.address) : [],
    });
    if (!clipped) return grid;
    const f = r.full;
    return { ...grid, readWindow: READ_WINDOW_ADDRESS, clippedFrom: toA1Range(f.rowIndex, f.columnIndex, f.rowIndex + f.rowCount - 1, f.columnIndex + f.columnCount - 1) };
  });
  const markers: OutputMarker[] = [];
  const kept: KeptSheet[] = [];
  for (const c of checks) {
    if (c.sheet === null) markers.push({ name: c.name, sheet: null });
    else if (c.used !== null) {
      const now = c.used.isNullObject ? cellsDigest(c.sheet.name, 0, 0, []) : cellsDigest(c.sheet.name, c.used.rowIndex, c.used.columnIndex, c.used.formulas);
      if (now === c.kind.digest) markers.push({ name: c.name, sheet: c.sheet.name });
      else kept.push({ sheet: c.sheet.name, marker: c.name });
    }
  }
  return { grids, sheetNames, markers, kept };
}

/** Parses a RangeAreas address ("Sheet1!A1:B2,Sheet1!C5") into boxes. */
export function parseAreas(address: string): CellBox[] {
  const boxes: CellBox[] = [];
  for (const part of splitAreas(address)) {
    const local = splitQualified(part)?.address ?? part;
    const box = parseA1Range(local);
    if (box) boxes.push(box);
  }
  return boxes;
}

/** Splits on commas that are not inside a quoted sheet name. */
function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur !== "") parts.push(cur);
  return parts;
}

/** Drops empty rows and columns around the data, so a mostly empty window costs nothing later. */
export function trimGrid(grid: SheetGrid): SheetGrid {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  grid.values.forEach((row, i) => {
    for (let j = 0; j < row.length; j++) {
      if (row[j] === "" || row[j] === null || row[j] === undefined) continue;
      if (i < top) top = i;
      if (i > bottom) bottom = i;
      if (j < left) left = j;
      if (j > right) right = j;
    }
  });
  if (bottom < 0) return { ...grid, values: [], numberFormats: [] };
  if (top === 0 && left === 0 && bottom === grid.values.length - 1 && right === (grid.values[0]?.length ?? 0) - 1) return grid;
  const cut = <T>(rows: T[][]) => rows.slice(top, bottom + 1).map((r) => r.slice(left, right + 1));
  return { ...grid, rowIndex: grid.rowIndex + top, columnIndex: grid.columnIndex + left, values: cut(grid.values), numberFormats: cut(grid.numberFormats) };
}
