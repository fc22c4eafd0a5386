/**
 * `Excel.WorksheetFreezePanes`: freezeRows, freezeColumns, freezeAt and unfreeze, kept in the
 * sheet's first view as ExcelJS models it (`state: "frozen"`, `xSplit`, `ySplit`, `topLeftCell`).
 */
import type * as ExcelJS from "exceljs";
import { toA1 } from "../../../core/cells/address";
import { type Box, MAX_COLS, MAX_ROWS, parseAddress } from "../a1";
import { ClientObject } from "../clientObject";
import { apiError, MESSAGES } from "../errors";
import type { Session } from "../session";
import type { Range } from "./range";

function freeze(ws: ExcelJS.Worksheet, rows: number, cols: number): void {
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

export class WorksheetFreezePanes extends ClientObject<ExcelJS.Worksheet> {
  protected readonly scalarNames = [] as const;

  constructor(session: Session, path: string) {
    super(session, path, "WorksheetFreezePanes");
  }

  protected readScalar(): unknown {
    return undefined;
  }

  /** Freezes the top rows. */
  freezeRows(count?: number): void {
    this.queue("freezeRows", [count ?? 1], (ws) => freeze(ws, count ?? 1, 0));
  }

  /** Freezes the left columns. */
  freezeColumns(count?: number): void {
    this.queue("freezeColumns", [count ?? 1], (ws) => freeze(ws, 0, count ?? 1));
  }

  /** Freezes the rows above and the columns left of the end of the given range (a Range or an address). */
  freezeAt(frozenRange: Range | string): void {
    const arg = typeof frozenRange === "string" ? frozenRange : frozenRange.asArgument(this.session);
    this.queue("freezeAt", [arg], (ws) => {
      let box: Box | null;
      if (typeof frozenRange === "string") {
        const parsed = parseAddress(frozenRange);
        box = parsed?.box ?? null;
      } else {
        box = frozenRange.currentTarget()?.box ?? null;
      }
      if (box === null) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      freeze(ws, box.row === 0 && box.rowCount === MAX_ROWS ? 0 : box.row + box.rowCount, box.col === 0 && box.colCount === MAX_COLS ? 0 : box.col + box.colCount);
    });
  }

  /** Removes frozen panes. */
  unfreeze(): void {
    this.queue("unfreeze", [], (ws) => freeze(ws, 0, 0));
  }
}
