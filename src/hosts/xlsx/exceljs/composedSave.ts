/**
 * Saving a workbook opened from a file without rewriting the user's parts: the user's package is
 * kept from open, our new sheets are written by ExcelJS alone, and composeScoredPackage puts them
 * into the user's package (see ../package/README.md). What the code path did to the workbook is
 * worked out by comparing it with the snapshot taken at open: sheets added are ours, sheets gone
 * are an earlier run's, names gone are removed, names on our sheets are added.
 */
import type * as ExcelJS from "exceljs";
import { composeScoredPackage, type AddedName } from "../package/composeScoredPackage";
import { zipDateFor } from "../package/zipDateFor";
import { listNames, nameFormula } from "./definedNames";
import { withOnlySheets } from "./internals";
import { renderWorkbookParts } from "./file";
import { cacheResults } from "./formulas";

/** What the workbook held when it was opened. */
export interface OpenSnapshot {
  /** The package's bytes, as read. */
  readonly original: Uint8Array;
  /** Each sheet of the file and its name at open. */
  readonly sheets: ReadonlyMap<ExcelJS.Worksheet, string>;
  /** The defined names ExcelJS read (built-in ones left out). */
  readonly names: readonly string[];
}

/** Takes the snapshot of a workbook just loaded from `original`. */
export function snapshotOf(wb: ExcelJS.Workbook, original: Uint8Array): OpenSnapshot {
  return { original, sheets: new Map(wb.worksheets.map((ws) => [ws, ws.name])), names: listNames(wb) };
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The sheet a name's formula ("='评分表'!$A$1") points at, or null. */
function sheetOfFormula(formula: string): string | null {
  const body = formula.replace(/^=/, "");
  const bang = body.lastIndexOf("!");
  if (bang < 0) return null;
  return body.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
}

/**
 * The user's package with the code path's changes: the sheets it deleted removed, the sheets it
 * added written in, the names it deleted removed and the names on its sheets added, marked for a
 * full recalculation when opened. The sheet the user had open stays the active one.
 *
 * @returns the composed package's bytes; every part of the user's the changes do not need is copied as stored
 */
export async function saveComposed(wb: ExcelJS.Workbook, snap: OpenSnapshot, now: Date = new Date()): Promise<Buffer> {
  const current = wb.worksheets;
  const ours = current.filter((ws) => !snap.sheets.has(ws));
  const removeSheets = [...snap.sheets].filter(([ws]) => !current.includes(ws)).map(([, name]) => name);
  const namesNow = listNames(wb);
  const removeNames = snap.names.filter((n) => !namesNow.some((m) => same(m, n)));
  const ourNames = ours.map((ws) => ws.name);
  const definedNames: AddedName[] = [];
  for (const name of namesNow) {
    const formula = nameFormula(wb, name);
    const sheet = sheetOfFormula(formula);
    if (sheet === null || formula.startsWith("=#REF!")) continue;
    const onOurs = ourNames.some((n) => same(n, sheet));
    const isNew = !snap.names.some((n) => same(n, name));
    if (onOurs || isNew) definedNames.push({ name, formula: formula.slice(1) });
  }
  // Every formula we wrote carries its result, for readers that do not calculate.
  cacheResults(wb, ours);
  const ourParts = ours.length === 0 ? null : await withOnlySheets(wb, ours, async () => renderWorkbookParts(wb));
  const out = await composeScoredPackage(snap.original, ourParts, {
    removeSheets,
    removeNames,
    definedNames,
    zipDate: zipDateFor(process.env["SOURCE_DATE_EPOCH"], now),
    fullCalcOnLoad: true,
    // No activeSheet: making one of ours the active tab means taking tabSelected off the user's
    // sheet part, and the user's sheets are never changed. The file opens where the user left it.
  });
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
