/**
 * `Excel.WorksheetFreezePanes`: freezeRows and freezeAt, kept in the sheet's first view.
 */
import type * as ExcelJS from "exceljs";
import type { PortFreezePanes, PortRange } from "../../../excel/port";
import { type Box, MAX_COLS, MAX_ROWS, parseAddress } from "../exceljs/a1";
import { freeze } from "../exceljs/sheetView";
import { ClientObject } from "../office/clientObject";
import { apiError, MESSAGES } from "../office/errors";
import type { Session } from "../office/session";
import { ownRange } from "./range";

export class WorksheetFreezePanes extends ClientObject<ExcelJS.Worksheet> implements PortFreezePanes {
  constructor(session: Session, path: string) {
    super(session, path, "WorksheetFreezePanes");
  }

  /** Freezes the top rows. */
  freezeRows(count?: number): void {
    this.queue("freezeRows", [count ?? 1], (ws) => freeze(ws, count ?? 1, 0));
  }

  /** Freezes the rows above and the columns left of the end of the given range (a Range or an address). */
  freezeAt(frozenRange: PortRange | string): void {
    const range = typeof frozenRange === "string" ? null : ownRange(this.session, frozenRange);
    this.queue("freezeAt", [range === null ? frozenRange : range.asArgument(this.session)], (ws) => {
      const box: Box | null = range === null ? (parseAddress(frozenRange as string)?.box ?? null) : (range.currentTarget()?.box ?? null);
      if (box === null) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      freeze(ws, box.row === 0 && box.rowCount === MAX_ROWS ? 0 : box.row + box.rowCount, box.col === 0 && box.colCount === MAX_COLS ? 0 : box.col + box.colCount);
    });
  }
}
