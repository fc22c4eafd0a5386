/**
 * `Excel.NamedItemCollection` (`workbook.names`) and `Excel.NamedItem`, backed by ExcelJS's
 * `workbook.definedNames` (see ../exceljs/definedNames.ts for the rules).
 *
 * - `add` takes a Range or a sheet-qualified reference ("=Data!$B$2", "'Q 1'!A1:B3"); a constant
 *   or a formula ("=0.5") is rejected with "InvalidArgument", a clash (ignoring case) with
 *   "ItemAlreadyExists". The comment is not saved (ExcelJS has no place for it).
 * - `formula` reads like Excel's: "='Sheet 1'!$A$1:$B$2"; after its sheet is deleted, "=#REF!$A$1".
 */
import type * as ExcelJS from "exceljs";
import type { PortNamedItem, PortNamedItemCollection, PortRange } from "../../../excel/port";
import { type Box, isUnbounded, parseAddress } from "../exceljs/a1";
import { addName, deleteName, isValidName, listNames, nameFormula, storedName } from "../exceljs/definedNames";
import { findSheet } from "../exceljs/sheets";
import { ClientCollection } from "../office/clientCollection";
import { ClientObject } from "../office/clientObject";
import { apiError, MESSAGES } from "../office/errors";
import type { Session } from "../office/session";
import { ownRange } from "./range";

/** A named item's target: the workbook and the name as stored. */
interface NameTarget {
  wb: ExcelJS.Workbook;
  name: string;
}

export class NamedItem extends ClientObject<NameTarget> implements PortNamedItem {
  protected override readonly scalarNames = ["name", "formula"] as const;

  constructor(session: Session, path: string) {
    super(session, path, "NamedItem");
  }

  protected override readScalar(t: NameTarget, name: string): unknown {
    return name === "name" ? t.name : nameFormula(t.wb, t.name);
  }

  get name(): string { return this.prop("name"); }
  get formula(): string { return this.prop("formula"); }

  /** Removes the name. */
  delete(): void {
    this.queue("delete", [], (t) => deleteName(t.wb, t.name));
  }
}

export class NamedItemCollection extends ClientCollection<ExcelJS.Workbook, NamedItem> implements PortNamedItemCollection {
  constructor(session: Session, path: string) {
    super(session, path, "NamedItemCollection");
  }

  protected listItems(wb: ExcelJS.Workbook): NamedItem[] {
    return listNames(wb).map((name) => {
      const item = new NamedItem(this.session, this.childPath("getItem", [name]));
      item.settle({ wb, name });
      return item;
    });
  }

  /** Adds a name for a range, given as a Range or a sheet-qualified reference. */
  add(name: string, reference: PortRange | string, comment?: string): NamedItem {
    const range = typeof reference === "string" ? null : ownRange(this.session, reference);
    const refArg = range === null ? reference : range.asArgument(this.session);
    const args = comment === undefined ? [name, refArg] : [name, refArg, comment];
    return this.spawn(new NamedItem(this.session, this.childPath("getItem", [name])), "add", args, (wb) => {
      if (!isValidName(name)) throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} (name '${String(name)}')`);
      if (storedName(wb, name) !== undefined) throw apiError("ItemAlreadyExists", MESSAGES.itemAlreadyExists());
      const target = range === null ? parseReference(wb, reference as string) : range.currentTarget();
      if (target === null) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      // ExcelJS stores a name cell by cell, so a name over entire rows or columns would build millions of entries.
      if (isUnbounded(target.box)) throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} The xlsx host cannot name entire rows or columns.`);
      addName(wb, name, target.ws.name, target.box);
      return { wb, name };
    });
  }

  /** The named item; sync rejects with "ItemNotFound" when there is none. */
  getItem(name: string): NamedItem {
    return this.spawn(new NamedItem(this.session, this.childPath("getItem", [name])), "getItem", [name], (wb) => {
      const stored = storedName(wb, name);
      if (stored === undefined) throw apiError("ItemNotFound", MESSAGES.itemNotFound());
      return { wb, name: stored };
    });
  }
}

function parseReference(wb: ExcelJS.Workbook, reference: string): { ws: ExcelJS.Worksheet; box: Box } | null {
  const parsed = parseAddress(reference.trim().replace(/^=/, ""));
  if (parsed === null || parsed.sheet === null) return null;
  const ws = findSheet(wb, parsed.sheet);
  return ws === undefined ? null : { ws, box: parsed.box };
}
