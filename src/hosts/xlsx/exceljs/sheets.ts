/**
 * Sheet names and the active sheet, as Excel treats them: names compare case-insensitively, must
 * be 1–31 characters, cannot contain : \ / ? * [ ] and cannot begin or end with an apostrophe.
 */
import type * as ExcelJS from "exceljs";
import { apiError, MESSAGES } from "../office/errors";
import { breakNamesOf } from "./definedNames";

/** The sheet with that name, ignoring case. */
export function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const key = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === key);
}

/** Throws "InvalidArgument" for a name Excel would refuse. */
export function checkSheetName(name: unknown): asserts name is string {
  const ok = typeof name === "string" && name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") && !name.endsWith("'");
  if (!ok) throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} (sheet name '${String(name)}')`);
}

/** Position of the active sheet (the workbook view's activeTab), 0 when unset. */
export function activeIndex(wb: ExcelJS.Workbook): number {
  const view = (wb.views as { activeTab?: number }[] | undefined)?.[0];
  const i = view?.activeTab ?? 0;
  return i >= 0 && i < wb.worksheets.length ? i : 0;
}

/** Makes the sheet at that position active and selected, like Worksheet.activate. */
export function setActiveIndex(wb: ExcelJS.Workbook, index: number): void {
  const views = (wb.views ?? []) as unknown as Record<string, unknown>[];
  const first = views[0] ?? { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, visibility: "visible" };
  wb.views = [{ ...first, activeTab: index }, ...views.slice(1)] as unknown as ExcelJS.WorkbookView[];
  wb.worksheets.forEach((ws, i) => {
    const v = (ws.views ?? []) as Partial<ExcelJS.WorksheetView>[];
    ws.views = [{ ...(v[0] ?? {}), tabSelected: i === index } as unknown as ExcelJS.WorksheetView, ...(v.slice(1) as ExcelJS.WorksheetView[])];
  });
}

/**
 * Deletes a sheet as Excel does: names that pointed at it become "#REF!" names, the active tab
 * moves to a neighbour, and the only visible sheet cannot go.
 *
 * @throws HostApiError "InvalidOperation" for the only visible sheet
 */
export function deleteSheet(ws: ExcelJS.Worksheet): void {
  const wb = ws.workbook;
  const visible = wb.worksheets.filter((s) => s.state === "visible");
  if (visible.length === 1 && visible[0] === ws) {
    throw apiError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
  }
  const active = activeIndex(wb);
  const pos = wb.worksheets.indexOf(ws);
  breakNamesOf(wb, ws.name);
  wb.removeWorksheet(ws.id);
  setActiveIndex(wb, Math.max(0, Math.min(active > pos ? active - 1 : active, wb.worksheets.length - 1)));
}

/**
 * Adds a sheet at the end.
 *
 * @throws HostApiError "InvalidArgument" for a name Excel refuses, "ItemAlreadyExists" for a clash (ignoring case)
 */
export function addSheet(wb: ExcelJS.Workbook, name: string | undefined): ExcelJS.Worksheet {
  let sheetName = name;
  if (sheetName === undefined) {
    let n = wb.worksheets.length + 1;
    while (findSheet(wb, `Sheet${n}`) !== undefined) n++;
    sheetName = `Sheet${n}`;
  }
  checkSheetName(sheetName);
  if (findSheet(wb, sheetName) !== undefined) throw apiError("ItemAlreadyExists", MESSAGES.itemAlreadyExists());
  return wb.addWorksheet(sheetName);
}
