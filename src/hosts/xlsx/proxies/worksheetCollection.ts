/**
 * `Excel.WorksheetCollection` (`workbook.worksheets`): items (in tab order), getItem,
 * getItemOrNullObject, add and getActiveWorksheet. Sheet names compare case-insensitively.
 */
import type * as ExcelJS from "exceljs";
import { ClientCollection } from "../clientCollection";
import { apiError, MESSAGES } from "../errors";
import type { Session } from "../session";
import { activeIndex, checkSheetName, findSheet } from "./sheetLookup";
import { Worksheet } from "./worksheet";

export class WorksheetCollection extends ClientCollection<ExcelJS.Workbook, Worksheet> {
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

  /** The sheet with that name, or a null object. */
  getItemOrNullObject(key: string): Worksheet {
    return this.spawn(new Worksheet(this.session, this.childPath("getItemOrNullObject", [key])), "getItemOrNullObject", [key],
      (wb) => (typeof key === "string" ? findSheet(wb, key) : undefined) ?? null);
  }

  /** Adds a sheet at the end; a clash (ignoring case) makes sync reject with "ItemAlreadyExists". */
  add(name?: string): Worksheet {
    const args = name === undefined ? [] : [name];
    return this.spawn(new Worksheet(this.session, this.childPath("add", args)), "add", args, (wb) => {
      let sheetName = name;
      if (sheetName === undefined) {
        let n = wb.worksheets.length + 1;
        while (findSheet(wb, `Sheet${n}`) !== undefined) n++;
        sheetName = `Sheet${n}`;
      }
      checkSheetName(sheetName);
      if (findSheet(wb, sheetName) !== undefined) throw apiError("ItemAlreadyExists", MESSAGES.itemAlreadyExists());
      return wb.addWorksheet(sheetName);
    });
  }

  /** The active sheet. */
  getActiveWorksheet(): Worksheet {
    return this.spawn(new Worksheet(this.session, this.childPath("getActiveWorksheet", [])), "getActiveWorksheet", [], (wb) => {
      const ws = wb.worksheets[activeIndex(wb)];
      if (ws === undefined) throw apiError("ItemNotFound", MESSAGES.itemNotFound());
      return ws;
    });
  }
}
