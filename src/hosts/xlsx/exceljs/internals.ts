/**
 * The one module that touches ExcelJS internals: its private fields (`_rows`, `_cells`,
 * `_columns`, `_merges`, `definedNames.matrixMap`, `conditionalFormattings`) and its private
 * modules (`require("exceljs/lib/…")`).
 *
 * ExcelJS's public iterators (`eachRow({ includeEmpty })`, `row.getCell`) create rows and cells as
 * they go, so a single stray value at XFD1048576 would make them build a 1048576 × 16384 grid. The
 * sparse arrays behind them let the host visit only cells that exist.
 *
 * These names are those of ExcelJS 4.4.0, the version the project pins. {@link checkExcelJsVersion}
 * refuses any other version before anything here is used, so an upgrade fails loudly at the first
 * open instead of quietly reading or writing wrong cells.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as ExcelJS from "exceljs";

/** The ExcelJS version whose internals this module knows. */
export const EXCELJS_VERSION = "4.4.0";

/** Thrown when the installed ExcelJS is not the version this module was written against. */
export class ExcelJsVersionError extends Error {
  override readonly name = "ExcelJsVersionError";
  /** @param found - the version in exceljs/package.json */
  constructor(readonly found: string) {
    super(
      `The xlsx host needs ExcelJS ${EXCELJS_VERSION} exactly (it relies on its internals), but ExcelJS ${found} is installed. ` +
        `Install exceljs@${EXCELJS_VERSION}, or check src/hosts/xlsx/exceljs/internals.ts against the new version and update EXCELJS_VERSION.`,
    );
  }
}

/**
 * Throws {@link ExcelJsVersionError} unless the installed ExcelJS is {@link EXCELJS_VERSION}.
 *
 * @param read - reads exceljs/package.json (replaceable in tests)
 */
export function checkExcelJsVersion(read: () => { version?: unknown } = () => require("exceljs/package.json") as { version?: unknown }): void {
  const found = read().version;
  if (found !== EXCELJS_VERSION) throw new ExcelJsVersionError(String(found));
}

/** A prototype of one of ExcelJS's private xform classes, for the patches. */
export function xformPrototype(module: "sheet/hyperlink-xform" | "sheet/worksheet-xform" | "book/workbook-xform" | "sheet/cf/cfvo-xform"): Record<string, unknown> {
  checkExcelJsVersion();
  const loaded = (() => {
    switch (module) {
      case "sheet/hyperlink-xform": return require("exceljs/lib/xlsx/xform/sheet/hyperlink-xform");
      case "sheet/worksheet-xform": return require("exceljs/lib/xlsx/xform/sheet/worksheet-xform");
      case "book/workbook-xform": return require("exceljs/lib/xlsx/xform/book/workbook-xform");
      default: return require("exceljs/lib/xlsx/xform/sheet/cf/cfvo-xform");
    }
  })() as { prototype: Record<string, unknown> };
  return loaded.prototype;
}

interface RowInternals {
  _cells: (ExcelJS.Cell | undefined)[];
}

interface WorksheetInternals {
  _rows: (ExcelJS.Row | undefined)[];
  _columns?: (ExcelJS.Column | undefined)[];
  _merges: Record<string, MergeRect>;
  conditionalFormattings?: ConditionalFormatting[];
}

/** A merged area, 1-based inclusive, as ExcelJS keeps it. */
export interface MergeRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A conditional formatting block as ExcelJS keeps it: a range and its rules. */
export interface ConditionalFormatting {
  ref: string;
  rules: Record<string, unknown>[];
}

/** ExcelJS's defined-name store. */
interface DefinedNamesInternals {
  matrixMap: Record<string, unknown>;
  add(locStr: string, name: string): void;
  getRanges(name: string): { name: string; ranges: string[] };
}

function internals(ws: ExcelJS.Worksheet): WorksheetInternals {
  return ws as unknown as WorksheetInternals;
}

/** The sparse row array (index = row number − 1); holes are rows that were never touched. */
export function rowsOf(ws: ExcelJS.Worksheet): (ExcelJS.Row | undefined)[] {
  return internals(ws)._rows;
}

/** The sparse cell array of a row (index = column number − 1). */
export function cellsOf(row: ExcelJS.Row): (ExcelJS.Cell | undefined)[] {
  return (row as unknown as RowInternals)._cells;
}

/** The columns created so far, without creating more (ExcelJS's getColumn fills every gap). */
export function columnsOf(ws: ExcelJS.Worksheet): (ExcelJS.Column | undefined)[] {
  return internals(ws)._columns ?? [];
}

/** ExcelJS's Worksheet class prototype (lib/doc/worksheet), for the load patch in patches.ts. */
export function worksheetPrototype(): Record<string, unknown> {
  checkExcelJsVersion();
  return (require("exceljs/lib/doc/worksheet") as { prototype: Record<string, unknown> }).prototype;
}

/**
 * Merges a merged area read from a file (an A1 range) without ExcelJS's scan of every earlier
 * area, and without merging styles (each cell keeps its own, as ExcelJS does on load).
 *
 * @returns the area's 1-based inclusive bounds
 */
export function mergeLoaded(ws: ExcelJS.Worksheet, range: string): MergeRect {
  const sheet = internals(ws);
  const all = sheet._merges;
  sheet._merges = {};
  try {
    (ws as unknown as { mergeCellsWithoutStyle(range: string): void }).mergeCellsWithoutStyle(range);
    const added = Object.values(sheet._merges)[0];
    if (added === undefined) throw new Error(`ExcelJS did not merge ${range}`);
    return { top: added.top, left: added.left, bottom: added.bottom, right: added.right };
  } finally {
    sheet._merges = Object.assign(all, sheet._merges);
  }
}

/** Every merged area of the sheet. */
export function mergesOf(ws: ExcelJS.Worksheet): MergeRect[] {
  return Object.values(internals(ws)._merges).map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
}

/**
 * Merges 1-based inclusive bounds known to meet no other merge. ExcelJS's mergeCells first
 * compares the new area with every merge on the sheet, which makes writing a sheet of N merges
 * cost N²; here that scan runs against an empty index and the new merge joins the real one.
 */
export function mergeFresh(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  const sheet = internals(ws);
  const all = sheet._merges;
  sheet._merges = {};
  try {
    ws.mergeCells(top, left, bottom, right);
  } finally {
    sheet._merges = Object.assign(all, sheet._merges);
  }
}


/** The sheet's conditional formatting blocks (the live list; replace it with {@link setConditionalFormattings}). */
export function conditionalFormattingsOf(ws: ExcelJS.Worksheet): ConditionalFormatting[] {
  return internals(ws).conditionalFormattings ?? [];
}

/** Replaces the sheet's conditional formatting blocks. */
export function setConditionalFormattings(ws: ExcelJS.Worksheet, list: ConditionalFormatting[]): void {
  internals(ws).conditionalFormattings = list;
}

function definedNamesOf(wb: ExcelJS.Workbook): DefinedNamesInternals {
  return wb.definedNames as unknown as DefinedNamesInternals;
}

/** Every defined name in the store, in the order they were added (built-in `_xlnm.*` ones included). */
export function definedNameKeys(wb: ExcelJS.Workbook): string[] {
  return Object.keys(definedNamesOf(wb).matrixMap);
}

/** The sheet-qualified ranges a defined name covers, as ExcelJS keeps them ("'Sheet 1'!$A$1:$B$2"). */
export function definedNameRanges(wb: ExcelJS.Workbook, name: string): string[] {
  return definedNamesOf(wb).getRanges(name).ranges;
}

/** Adds a range ("Sheet!$A$1:$B$2") to a defined name. */
export function addDefinedName(wb: ExcelJS.Workbook, range: string, name: string): void {
  definedNamesOf(wb).add(range, name);
}

/** Removes a defined name, spelled as stored. */
export function deleteDefinedName(wb: ExcelJS.Workbook, name: string): void {
  delete definedNamesOf(wb).matrixMap[name];
}

/** Puts the defined names back in the given order (names not listed are dropped). */
export function orderDefinedNames(wb: ExcelJS.Workbook, order: string[]): void {
  const store = definedNamesOf(wb);
  const map = store.matrixMap;
  store.matrixMap = Object.fromEntries(order.filter((n) => n in map).map((n) => [n, map[n]]));
}

interface WorkbookInternals {
  _worksheets: (ExcelJS.Worksheet | undefined)[];
  _definedNames: object;
}

/**
 * Runs `write` while the workbook holds only `sheets` (the others hidden from ExcelJS's sheet
 * store) and no defined names, then puts everything back, also when `write` throws.
 */
export async function withOnlySheets<T>(wb: ExcelJS.Workbook, sheets: readonly ExcelJS.Worksheet[], write: () => Promise<T>): Promise<T> {
  const inner = wb as unknown as WorkbookInternals;
  const savedSheets = inner._worksheets;
  const savedNames = inner._definedNames;
  const savedViews = wb.views;
  const keep = new Set(sheets);
  inner._worksheets = savedSheets.map((ws) => (ws !== undefined && keep.has(ws) ? ws : undefined));
  inner._definedNames = new (savedNames.constructor as new () => object)();
  const first = (savedViews?.[0] ?? {}) as unknown as Record<string, unknown>;
  wb.views = [{ ...first, activeTab: 0, firstSheet: 0 } as unknown as ExcelJS.WorkbookView];
  try {
    return await write();
  } finally {
    inner._worksheets = savedSheets;
    inner._definedNames = savedNames;
    wb.views = savedViews;
  }
}

/**
 * ExcelJS's workbook class and value types, from the modules that define them. `require("exceljs")`
 * also loads its streaming reader and writer (unzipper, archiver and their dependencies), which the
 * host never uses: about a third of ExcelJS's load time, paid at every start of the CLI. These are
 * the same classes the package's entry point exports (a workbook made through either is the same).
 */
export const Workbook: typeof ExcelJS.Workbook = require("exceljs/lib/doc/workbook");
export const ValueType: typeof ExcelJS.ValueType = (require("exceljs/lib/doc/enums") as { ValueType: typeof ExcelJS.ValueType }).ValueType;
