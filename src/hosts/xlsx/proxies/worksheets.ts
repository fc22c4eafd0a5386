/**
 * `Excel.WorksheetCollection` (`workbook.worksheets`): items (in tab order), getItem and add.
 * Sheet names compare case-insensitively.
 */
import type * as ExcelJS from "exceljs";
import type { PortWorksheetCollection } from "../../../excel/port";
import { addSheet, findSheet } from "../exceljs/sheets";
import { ClientCollection } from "../office/clientCollection";
import { apiError, MESSAGES } from "../office/errors";
import type { Session } from "../office/session";
import { Worksheet } from "./worksheet";

export class WorksheetCollection extends ClientCollection<ExcelJS.Workbook, Worksheet> implements PortWorksheetCollection {
  constructor(session: Session, path: string) {
    super(session, path, "WorksheetCollection");
  }

  protected listItems(wb: ExcelJS.Workbook): Worksheet[] {
    return wb.worksheets.map((ws) => {
      const item = new Worksheet(this.session, this.childPath("getItem", [ws.name]));
      item.settle(ws);
      return item;
    });
  }

  /** The sheet with that name; sync rejects with "ItemNotFound" when there is none. */
  getItem(key: string): Worksheet {
    return this.spawn(new Worksheet(this.session, this.childPath("getItem", [key])), "getItem", [key], (wb) => {
      const ws = typeof key === "string" ? findSheet(wb, key) : undefined;
      if (ws === undefined) throw apiError("ItemNotFound", MESSAGES.itemNotFound());
      return ws;
    });
  }

  /** The sheet with that name, or a null object when there is none. */
  getItemOrNullObject(key: string): Worksheet {
    return this.spawn(new Worksheet(this.session, this.childPath("getItemOrNullObject", [key])), "getItemOrNullObject", [key], (wb) =>
      typeof key === "string" ? (findSheet(wb, key) ?? null) : null,
    );
  }

  /** Adds a sheet at the end; a clash (ignoring case) makes sync reject with "ItemAlreadyExists". */
  add(name?: string): Worksheet {
    const args = name === undefined ? [] : [name];
    return this.spawn(new Worksheet(this.session, this.childPath("add", args)), "add", args, (wb) => addSheet(wb, name));
  }
}
