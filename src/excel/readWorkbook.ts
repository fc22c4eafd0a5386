import type { CellBox, CellValue, SheetGrid } from "../core/types";
import { parseA1Range, splitAreaList, splitQualified, columnLetters, toA1Range } from "../core/cells/address";
import type { PortContext, PortRange, PortRangeAreas, PortWorksheet } from "./port";
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

/** Rows of each sheet read in the second sync; a sheet no longer than this is read in 2 syncs in all. */
export const HEAD_ROWS = 2_000;
export const HEAD_ADDRESS = `A1:${columnLetters(READ_WINDOW.columns - 1)}${HEAD_ROWS}`;
/**
 * The most response bytes one later sync asks for. Excel on the web refuses responses over 5 MB
 * (ResponsePayloadSizeLimitExceeded); windows are sized to stay under about 4 MB.
 */
export const RESPONSE_BUDGET_BYTES = 4_000_000;
/** Response bytes assumed per cell at least (`"",` and `"General",`), whatever the first rows showed. */
const MIN_CELL_BYTES = 14;
/** Response bytes assumed per cell of a sheet whose first rows are empty: nothing tells how full its cells are. */
const UNKNOWN_CELL_BYTES = 60;
/** Headroom over the bytes per row the first rows showed: later rows may be fuller. */
const DENSITY_HEADROOM = 1.5;

/** The properties read from every cell. */
const CELL_PROPERTIES = "values,numberFormat";

interface SheetRead {
  name: string;
  full: PortRange;
  head: PortRange;
  merges: PortRangeAreas | null;
}

/** One later read: a block of rows of one sheet, within its used columns. */
interface Window {
  sheet: number;
  row: number;
  rowCount: number;
  range: PortRange | null;
}

/**
 * Reads every user sheet into plain grids (values, number formats, merged areas). Sheets an
 * earlier run wrote are not read. No proxy leaves this function.
 *
 * - Sync 1: the sheet list and our marks.
 * - Sync 2: each sheet's used range, its merged areas, and the cells of its first {@link HEAD_ROWS}
 *   rows. A workbook whose sheets end within those rows is read in these 2 syncs, whatever its size.
 * - Then, for rows beyond: windows of rows over the used columns, as many rows as keep each
 *   response under {@link RESPONSE_BUDGET_BYTES} by the bytes per row the first rows showed (at
 *   least {@link MIN_CELL_BYTES} a cell); windows share a sync while their estimate fits. The
 *   syncs grow with the size of the data beyond the first rows, one per ~4 MB.
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
  // Each marked sheet's content, read in the same round trip as the cells, to check its digest:
  // its used range and the formulas of its first rows (the rest, if any, in windows after).
  const checks = candidates.map((c) => ({
    ...c,
    full: c.sheet !== null ? c.sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount") : null,
    head: c.sheet !== null ? c.sheet.getRange(HEAD_ADDRESS).getUsedRangeOrNullObject(true).load("formulas,rowIndex,columnIndex") : null,
  }));
  const mergesSupported = env.isSetSupported("ExcelApi", "1.13");

  const reads: SheetRead[] = sheets.items
    .filter((s) => !ours.has(s.name.toLowerCase()))
    .map((sheet) => {
      const full = sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
      return {
        name: sheet.name,
        full,
        head: sheet.getRange(HEAD_ADDRESS).getUsedRangeOrNullObject(true).load(`${CELL_PROPERTIES},rowIndex,columnIndex`),
        // The used range's merged areas: a merge that meets no value cannot matter to the grid.
        merges: mergesSupported ? full.getMergedAreasOrNullObject().load("address") : null,
      };
    });
  await context.sync(); // 2: the used ranges, the merges and the first rows of every sheet

  const windows: Window[] = [];
  for (const batch of planWindows(reads)) windows.push(...(await readWindows(context, reads, batch)));
  windows.sort((a, b) => a.sheet - b.sheet || a.row - b.row);

  const grids = reads.map((r, i): SheetGrid => gridOf(r, windows.filter((w) => w.sheet === i)));
  const markers: OutputMarker[] = [];
  const kept: KeptSheet[] = [];
  for (const c of checks) {
    if (c.sheet === null || c.full === null || c.head === null) markers.push({ name: c.name, sheet: null });
    else {
      const now = await markedDigest(context, c.sheet.name, c.full, c.head);
      if (now === c.kind.digest) markers.push({ name: c.name, sheet: c.sheet.name });
      else kept.push({ sheet: c.sheet.name, marker: c.name });
    }
  }
  return { grids, sheetNames, markers, kept };
}

/**
 * Reads one sync's windows (3…: the rows beyond the first, ~4 MB a sync). Should Excel still refuse
 * the response as too large (rows much fuller than the first ones), each window is read again in
 * two halves, one sync each.
 */
function readWindows(context: PortContext, reads: readonly SheetRead[], batch: readonly Window[]): Promise<Window[]> {
  return syncWindows(context, batch, (w) => {
    const r = reads[w.sheet] as SheetRead;
    const cols = usedColumns(r.full);
    w.range = sheet(context, r.name).getRange(toA1Range(w.row, cols.first, w.row + w.rowCount - 1, cols.last)).load(CELL_PROPERTIES);
  });
}

/**
 * Loads each window (`load` queues its range and sets `range`) and syncs once. Should Excel refuse
 * the response as too large, each window is loaded again in two halves, one sync each; the parts
 * come back in row order, each with its own range.
 */
async function syncWindows<W extends { row: number; rowCount: number; range: PortRange | null }>(context: PortContext, batch: readonly W[], load: (w: W) => void): Promise<W[]> {
  for (const w of batch) load(w);
  try {
    await context.sync();
    return [...batch];
  } catch (e) {
    if ((e as { code?: unknown }).code !== "ResponsePayloadSizeLimitExceeded" || batch.every((w) => w.rowCount === 1)) throw e;
  }
  const out: W[] = [];
  for (const w of batch) {
    const half = Math.ceil(w.rowCount / 2);
    const parts = w.rowCount === 1 ? [w] : [{ ...w, rowCount: half }, { ...w, row: w.row + half, rowCount: w.rowCount - half }];
    // A refused response must be asked for again in smaller parts, one after another.
    for (const part of parts) out.push(...(await syncWindows(context, [{ ...part, range: null }], load)));
  }
  return out;
}

/** Rows per window so that one response stays within the budget, from the bytes a row took in the first rows (0: unknown). */
function rowsPerWindow(cols: number, seenRowBytes: number): { rows: number; rowBytes: number } {
  const rowBytes = seenRowBytes === 0 ? cols * UNKNOWN_CELL_BYTES : Math.max(cols * MIN_CELL_BYTES, seenRowBytes * DENSITY_HEADROOM);
  return { rows: Math.max(1, Math.floor(RESPONSE_BUDGET_BYTES / rowBytes)), rowBytes };
}

/**
 * The digest of one of our earlier sheets as it is now (cellsDigest over its used range's
 * formulas). Its first {@link HEAD_ROWS} rows came with sync 2; a longer sheet's other rows are
 * read in windows of at most ~4 MB a response, one sync each, so a re-run on a very long score
 * table stays under Excel on the web's response limit too. A sheet with content beyond the read
 * window's columns is one we never wrote: null, never equal to a mark's digest.
 */
async function markedDigest(context: PortContext, name: string, full: PortRange, head: PortRange): Promise<string | null> {
  if (full.isNullObject) return cellsDigest(name, 0, 0, []);
  const lastCol = full.columnIndex + full.columnCount - 1;
  const end = full.rowIndex + full.rowCount;
  if (lastCol >= READ_WINDOW.columns || end > READ_WINDOW.rows || head.isNullObject) return null;
  if (end <= HEAD_ROWS) return cellsDigest(name, head.rowIndex, head.columnIndex, head.formulas);
  const width = lastCol - full.columnIndex + 1;
  const rows: unknown[][] = [];
  const blank = (): unknown[] => new Array<unknown>(width).fill("");
  for (let r = full.rowIndex; r < head.rowIndex; r++) rows.push(blank());
  for (const line of head.formulas) {
    const row = blank();
    line.forEach((v, j) => (row[head.columnIndex - full.columnIndex + j] = v));
    rows.push(row);
  }
  while (full.rowIndex + rows.length < HEAD_ROWS) rows.push(blank());
  const seen = head.formulas.length > 0 ? (jsonBytes(head.formulas) / head.formulas.length) * (width / Math.max(1, head.formulas[0]?.length ?? 1)) : 0;
  const step = rowsPerWindow(width, seen).rows;
  type Rows = { row: number; rowCount: number; range: PortRange | null };
  const load = (w: Rows): void => {
    w.range = sheet(context, name).getRange(toA1Range(w.row, full.columnIndex, w.row + w.rowCount - 1, lastCol)).load("formulas");
  };
  for (let row = HEAD_ROWS; row < end; row += step) {
    // One window per round trip, by design: each response must stay under Excel on the web's limit.
    for (const part of await syncWindows<Rows>(context, [{ row, rowCount: Math.min(step, end - row), range: null }], load)) rows.push(...(part.range as PortRange).formulas);
  }
  return cellsDigest(name, full.rowIndex, full.columnIndex, rows);
}

function sheet(context: PortContext, name: string): PortWorksheet {
  return context.workbook.worksheets.getItem(name);
}

/** The used columns within the read window: first and last, 0-based. */
function usedColumns(full: PortRange): { first: number; last: number } {
  return { first: full.columnIndex, last: Math.min(full.columnIndex + full.columnCount, READ_WINDOW.columns) - 1 };
}

/** The last row to read (exclusive), within the read window; 0 for an empty sheet. */
function endRow(full: PortRange): number {
  return full.isNullObject ? 0 : Math.min(full.rowIndex + full.rowCount, READ_WINDOW.rows);
}

/** UTF-8 bytes of a value's JSON, as a response carries it. */
function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}
const encoder = new TextEncoder();

/**
 * The windows of rows beyond {@link HEAD_ROWS}, grouped into syncs: each window as many rows as
 * keep its estimated response within the budget, and windows together in a sync while their
 * estimates fit.
 */
export function planWindows(reads: readonly Pick<SheetRead, "full" | "head">[]): Window[][] {
  const syncs: Window[][] = [];
  let current: Window[] = [];
  let load = 0;
  reads.forEach((r, i) => {
    const end = endRow(r.full);
    const start = Math.max(HEAD_ROWS, r.full.isNullObject ? HEAD_ROWS : r.full.rowIndex);
    if (end <= start || usedColumns(r.full).last < usedColumns(r.full).first) return;
    const cols = usedColumns(r.full).last - usedColumns(r.full).first + 1;
    const { rows: step, rowBytes } = rowsPerWindow(cols, headRowBytes(r.head, cols));
    for (let row = start; row < end; row += step) {
      const rowCount = Math.min(step, end - row);
      const bytes = rowCount * rowBytes;
      if (current.length > 0 && load + bytes > RESPONSE_BUDGET_BYTES) {
        syncs.push(current);
        current = [];
        load = 0;
      }
      current.push({ sheet: i, row, rowCount, range: null });
      load += bytes;
    }
  });
  if (current.length > 0) syncs.push(current);
  return syncs;
}

/** The response bytes per row the first rows took, spread over `cols` columns; 0 when they were empty. */
function headRowBytes(head: PortRange, cols: number): number {
  if (head.isNullObject) return 0;
  const values = head.values;
  const rows = values.length;
  const width = values[0]?.length ?? 0;
  if (rows === 0 || width === 0) return 0;
  return ((jsonBytes(values) + jsonBytes(head.numberFormat)) / rows) * (cols / width);
}

/** One sheet's grid: the first rows and the windows after them, trimmed to the data. */
function gridOf(r: SheetRead, windows: readonly Window[]): SheetGrid {
  const empty: SheetGrid = { name: r.name, rowIndex: 0, columnIndex: 0, values: [], numberFormats: [], merges: [] };
  if (r.full.isNullObject) return empty;
  const window = { row: 0, col: 0, rowCount: READ_WINDOW.rows, colCount: READ_WINDOW.columns };
  const merges = r.merges && !r.merges.isNullObject ? parseAreas(r.merges.address).filter((b) => meets(b, window)) : [];
  let grid: SheetGrid;
  if (windows.length === 0) {
    if (r.head.isNullObject) return { ...empty, merges };
    grid = { name: r.name, rowIndex: r.head.rowIndex, columnIndex: r.head.columnIndex, values: r.head.values as CellValue[][], numberFormats: r.head.numberFormat as string[][], merges };
  } else {
    grid = joinWindows(r, windows, merges);
  }
  const trimmed = trimGrid(grid);
  const f = r.full;
  const clipped = f.rowIndex + f.rowCount > READ_WINDOW.rows || f.columnIndex + f.columnCount > READ_WINDOW.columns;
  if (!clipped) return trimmed;
  return { ...trimmed, readWindow: READ_WINDOW_ADDRESS, clippedFrom: toA1Range(f.rowIndex, f.columnIndex, f.rowIndex + f.rowCount - 1, f.columnIndex + f.columnCount - 1) };
}

function meets(a: CellBox, b: CellBox): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount;
}

/** The first rows and the windows as one block over the used columns, from the used range's first row. */
function joinWindows(r: SheetRead, windows: readonly Window[], merges: CellBox[]): SheetGrid {
  const cols = usedColumns(r.full);
  const width = cols.last - cols.first + 1;
  const top = r.full.rowIndex;
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const blankRow = (): void => {
    values.push(new Array<CellValue>(width).fill(""));
    numberFormats.push(new Array<string>(width).fill("General"));
  };
  if (!r.head.isNullObject) {
    const h = r.head;
    const hv = h.values as CellValue[][];
    const hf = h.numberFormat as string[][];
    for (let row = top; row < h.rowIndex; row++) blankRow();
    const offset = h.columnIndex - cols.first;
    hv.forEach((line, i) => {
      const v = new Array<CellValue>(width).fill("");
      const f = new Array<string>(width).fill("General");
      for (let j = 0; j < line.length && offset + j < width; j++) {
        v[offset + j] = line[j] as CellValue;
        f[offset + j] = hf[i]?.[j] ?? "General";
      }
      values.push(v);
      numberFormats.push(f);
    });
  }
  const first = windows[0] as Window;
  while (top + values.length < first.row) blankRow();
  for (const w of windows) {
    const range = w.range as PortRange;
    values.push(...(range.values as CellValue[][]));
    numberFormats.push(...(range.numberFormat as string[][]));
  }
  return { name: r.name, rowIndex: top, columnIndex: cols.first, values, numberFormats, merges };
}

/** Parses a RangeAreas address ("Sheet1!A1:B2,Sheet1!C5") into boxes. */
export function parseAreas(address: string): CellBox[] {
  const boxes: CellBox[] = [];
  for (const part of splitAreaList(address)) {
    const local = splitQualified(part)?.address ?? part;
    const box = parseA1Range(local);
    if (box) boxes.push(box);
  }
  return boxes;
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
