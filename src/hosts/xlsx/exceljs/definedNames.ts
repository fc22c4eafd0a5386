/**
 * Defined names as Excel treats them, kept in ExcelJS's `workbook.definedNames`.
 *
 * - Names refer to ranges only: ExcelJS keeps a defined name as the cells it covers, so a name for
 *   a constant or a formula ("=0.5", "=SUM(…)") cannot be stored.
 * - Names compare case-insensitively.
 * - A name whose sheet is deleted reads "=#REF!$A$1", as in Excel. ExcelJS keeps such a name as
 *   cells on a sheet called "#REF" (which is also how it reads "#REF!$A$1" from a file). ExcelJS
 *   cannot write a "#REF!" name validly (it would quote the sheet as "'#REF'!"), so
 *   `dropBrokenNames` removes them before saving; Excel itself would keep them in the file.
 */
import type * as ExcelJS from "exceljs";
import { absoluteReference, type Box, parseAddress } from "./a1";
import { addDefinedName, definedNameKeys, definedNameRanges, deleteDefinedName, orderDefinedNames } from "./internals";

/** The sheet name ExcelJS gives to a reference whose sheet is gone. */
export const REF_SHEET = "#REF";

function sheetOf(range: string): string {
  const bang = range.lastIndexOf("!");
  const prefix = bang < 0 ? "" : range.slice(0, bang);
  return prefix.replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
}

/** The stored spelling of a name, matched case-insensitively; undefined when absent. */
export function storedName(wb: ExcelJS.Workbook, name: string): string | undefined {
  const key = name.toLowerCase();
  return definedNameKeys(wb).find((n) => n.toLowerCase() === key && definedNameRanges(wb, n).length > 0);
}

/** The user's names (built-in `_xlnm.*` names left out), in the order they were added. */
export function listNames(wb: ExcelJS.Workbook): string[] {
  return definedNameKeys(wb).filter((n) => !n.startsWith("_xlnm.") && definedNameRanges(wb, n).length > 0);
}

/**
 * A name's formula as Excel shows it: "='Sheet 1'!$A$1:$B$2"; "=#REF!$A$1" once its sheet is gone.
 *
 * @example
 * nameFormula(wb, "Total") //=> "='Sheet 1'!$A$1:$B$1"
 */
export function nameFormula(wb: ExcelJS.Workbook, name: string): string {
  const areas = definedNameRanges(wb, name).flatMap((r) => {
    const parsed = parseAddress(r);
    if (parsed === null || parsed.sheet === null) return [];
    return [parsed.sheet === REF_SHEET ? `#REF!${absoluteReference("x", parsed.box).slice(2)}` : absoluteReference(parsed.sheet, parsed.box)];
  });
  return `=${areas.join(",")}`;
}

/** Adds a name for a box of a sheet. */
export function addName(wb: ExcelJS.Workbook, name: string, sheet: string, box: Box): void {
  addDefinedName(wb, absoluteReference(sheet, box), name);
}

/** Removes a name (any case); nothing happens when there is none. */
export function deleteName(wb: ExcelJS.Workbook, name: string): void {
  const stored = storedName(wb, name);
  if (stored !== undefined) deleteDefinedName(wb, stored);
}

/** Whether Excel accepts this as a defined name: a letter, "_" or "\" first, and not a cell reference. */
export function isValidName(name: unknown): name is string {
  if (typeof name !== "string" || name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name)) return false;
  // A name must not read as a cell reference (A1, XFD10) or R1C1 reference.
  return !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^[Rr][0-9]*[Cc]?[0-9]*$/.test(name) && !/^[Cc][0-9]*$/.test(name);
}

/** Turns every name that refers to the sheet into a "#REF!" name. */
export function breakNamesOf(wb: ExcelJS.Workbook, sheet: string): void {
  const key = sheet.toLowerCase();
  const order = definedNameKeys(wb);
  for (const name of order) {
    const ranges = definedNameRanges(wb, name);
    if (!ranges.some((r) => sheetOf(r).toLowerCase() === key)) continue;
    deleteDefinedName(wb, name);
    for (const r of ranges) {
      const local = r.slice(r.lastIndexOf("!") + 1);
      addDefinedName(wb, sheetOf(r).toLowerCase() === key ? `'${REF_SHEET}'!${local}` : r, name);
    }
  }
  // Keep the names in their original order (re-adding moved the broken ones to the end).
  orderDefinedNames(wb, order);
}

/** Removes names that refer to a sheet the workbook does not have (see the file comment). */
export function dropBrokenNames(wb: ExcelJS.Workbook): void {
  const sheets = new Set(wb.worksheets.map((ws) => ws.name.toLowerCase()));
  for (const name of definedNameKeys(wb)) {
    if (definedNameRanges(wb, name).some((r) => !sheets.has(sheetOf(r).toLowerCase()))) deleteDefinedName(wb, name);
  }
}
