/** Small builders for the xlsx host tests: workbooks made in memory with ExcelJS. */
import * as ExcelJS from "exceljs";
import type { PortRange } from "../../../src/excel/port";
import { XlsxHost, type HostOptions } from "../../../src/hosts/xlsx";

/** A workbook with one sheet per entry, each filled from a 2-D array starting at A1 (null = no cell). */
export function workbookOf(sheets: Record<string, (ExcelJS.CellValue | null)[][]>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, i) => row.forEach((v, j) => {
      if (v !== null) ws.getCell(i + 1, j + 1).value = v;
    }));
  }
  return wb;
}

/** A host over a workbook built by {@link workbookOf}. */
export function hostOf(sheets: Record<string, (ExcelJS.CellValue | null)[][]>, options?: HostOptions): XlsxHost {
  return XlsxHost.fromWorkbook(workbookOf(sheets), options);
}

/** What `load(BOUNDS)` makes readable: where a range starts and how big it is. */
export const BOUNDS = "rowIndex,columnIndex,rowCount,columnCount";

/** A range's [rowIndex, columnIndex, rowCount, columnCount], after `load(BOUNDS)` and a sync. */
export function boundsOf(r: PortRange): [number, number, number, number] {
  return [r.rowIndex, r.columnIndex, r.rowCount, r.columnCount];
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string; name: string; debugInfo: { code: string; message: string; errorLocation?: string } }> {
  try {
    await p;
  } catch (e) {
    return e as never;
  }
  throw new Error("expected a rejection");
}

/** The error a function throws (fails the test when it does not throw). */
export function thrown(f: () => unknown): { code: string; message: string; name: string } {
  try {
    f();
  } catch (e) {
    return e as never;
  }
  throw new Error("expected a throw");
}
