/** The user's selection, one per sheet as in Excel; kept by the host (it is not saved in the file). */
import type * as ExcelJS from "exceljs";
import { type Box, parseAddress } from "./a1";
import type { HostState } from "./hostState";
import { setActiveIndex } from "./sheets";

/** The sheet's selection: the last one made through the API, else the file's active cell, else A1. */
export function selectedBox(state: HostState, ws: ExcelJS.Worksheet): Box {
  const chosen = state.selections.get(ws);
  if (chosen !== undefined) return chosen;
  const view = (ws.views?.[0] ?? {}) as { activeCell?: unknown };
  const fromFile = typeof view.activeCell === "string" ? parseAddress(view.activeCell) : null;
  return fromFile?.box ?? { row: 0, col: 0, rowCount: 1, colCount: 1 };
}

/** Selects a range, like Range.select: its sheet becomes the active one. */
export function selectBox(state: HostState, ws: ExcelJS.Worksheet, box: Box): void {
  const index = ws.workbook.worksheets.indexOf(ws);
  setActiveIndex(ws.workbook, index);
  state.selections.set(ws, box);
}
