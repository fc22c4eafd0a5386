/**
 * The sheet's first view as ExcelJS models it: frozen panes (`state: "frozen"`, `xSplit`,
 * `ySplit`, `topLeftCell`).
 */
import type * as ExcelJS from "exceljs";
import { toA1 } from "../../../core/cells/address";
import { MAX_COLS, MAX_ROWS } from "./a1";
import { apiError, MESSAGES } from "../office/errors";

/** Freezes the top `rows` rows and left `cols` columns; 0 and 0 unfreezes. */
export function freeze(ws: ExcelJS.Worksheet, rows: number, cols: number): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0 || rows >= MAX_ROWS || cols >= MAX_COLS) {
    throw apiError("InvalidArgument", MESSAGES.invalidArgument());
  }
  const old = (ws.views?.[0] ?? {}) as Partial<ExcelJS.WorksheetView>;
  const rest = (ws.views ?? []).slice(1);
  if (rows === 0 && cols === 0) {
    ws.views = [{ ...old, state: "normal" } as ExcelJS.WorksheetView, ...rest];
    return;
  }
  const view = { ...old, state: "frozen", xSplit: cols, ySplit: rows, topLeftCell: toA1(rows, cols) } as ExcelJS.WorksheetView;
  ws.views = [view, ...rest];
}
