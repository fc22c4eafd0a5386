/**
 * What happens to defined names when their sheet goes, as in Excel: a name that pointed at a
 * deleted sheet now reads "=#REF!$A$1". ExcelJS keeps such a name as cells on a sheet called
 * "#REF" (which is also how it reads "#REF!$A$1" from a file), so the host does the same.
 *
 * ExcelJS cannot write a "#REF!" name validly (it would quote the sheet as "'#REF'!"), so
 * `dropBrokenNames` removes them before saving; Excel itself would keep them in the file.
 */
import type * as ExcelJS from "exceljs";

/** The sheet name ExcelJS gives to a reference whose sheet is gone. */
export const REF_SHEET = "#REF";

interface DefinedNamesInternals {
  matrixMap: Record<string, unknown>;
  add(locStr: string, name: string): void;
  getRanges(name: string): { name: string; ranges: string[] };
}

function names(wb: ExcelJS.Workbook): DefinedNamesInternals {
  return wb.definedNames as unknown as DefinedNamesInternals;
}

function sheetOf(range: string): string {
  const bang = range.lastIndexOf("!");
  const prefix = bang < 0 ? "" : range.slice(0, bang);
  return prefix.replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
}

/** Turns every name that refers to the sheet into a "#REF!" name. */
export function breakNamesOf(wb: ExcelJS.Workbook, sheet: string): void {
  const dn = names(wb);
  const key = sheet.toLowerCase();
  const order = Object.keys(dn.matrixMap);
  for (const name of order) {
    const ranges = dn.getRanges(name).ranges;
    if (!ranges.some((r) => sheetOf(r).toLowerCase() === key)) continue;
    delete dn.matrixMap[name];
    for (const r of ranges) {
      const local = r.slice(r.lastIndexOf("!") + 1);
      dn.add(sheetOf(r).toLowerCase() === key ? `'${REF_SHEET}'!${local}` : r, name);
    }
  }
  // Keep the names in their original order (re-adding moved the broken ones to the end).
  const map = dn.matrixMap;
  dn.matrixMap = Object.fromEntries(order.filter((n) => n in map).map((n) => [n, map[n]]));
}

/** Removes names that refer to a sheet the workbook does not have (see the file comment). */
export function dropBrokenNames(wb: ExcelJS.Workbook): void {
  const dn = names(wb);
  const sheets = new Set(wb.worksheets.map((ws) => ws.name.toLowerCase()));
  for (const name of Object.keys(dn.matrixMap)) {
    const ranges = dn.getRanges(name).ranges;
    if (ranges.some((r) => !sheets.has(sheetOf(r).toLowerCase()))) delete dn.matrixMap[name];
  }
}
