/**
 * `Excel.NamedItemCollection` (`workbook.names`) and `Excel.NamedItem`, backed by ExcelJS's
 * `workbook.definedNames`.
 *
 * - Names refer to ranges only: ExcelJS keeps a defined name as the cells it covers, so a name for
 *   a constant or a formula ("=0.5", "=SUM(…)") cannot be stored and `add` rejects it with
 *   "InvalidArgument".
 * - Names compare case-insensitively; a clash makes `add` reject with "ItemAlreadyExists".
 * - `formula` reads like Excel's: "='Sheet 1'!$A$1:$B$2"; after its sheet is deleted, "=#REF!$A$1".
 *   Built-in names (_xlnm.*) are not listed.
 * - Comments are kept for the run only (ExcelJS does not save them).
 */
import type * as ExcelJS from "exceljs";
import { absoluteReference, type Box, isUnbounded, parseAddress } from "../a1";
import { ClientCollection } from "../clientCollection";
import { ClientObject } from "../clientObject";
import { apiError, MESSAGES } from "../errors";
import type { Session } from "../session";
import { REF_SHEET } from "./brokenNames";
import { Range } from "./range";
import { findSheet } from "./sheetLookup";

/** A named item's target: the workbook and the name as stored. */
export interface NameTarget {
  wb: ExcelJS.Workbook;
  name: string;
}

interface DefinedNamesInternals {
  matrixMap: Record<string, unknown>;
  add(locStr: string, name: string): void;
  getRanges(name: string): { name: string; ranges: string[] };
}

function definedNames(wb: ExcelJS.Workbook): DefinedNamesInternals {
  return wb.definedNames as unknown as DefinedNamesInternals;
}

/** The stored spelling of a name, matched case-insensitively; undefined when absent. */
function storedName(wb: ExcelJS.Workbook, name: string): string | undefined {
  const key = name.toLowerCase();
  const names = definedNames(wb);
  return Object.keys(names.matrixMap).find((n) => n.toLowerCase() === key && names.getRanges(n).ranges.length > 0);
}

/** The areas a name covers, parsed. */
function areasOf(wb: ExcelJS.Workbook, name: string): { sheet: string; box: Box }[] {
  return definedNames(wb).getRanges(name).ranges.flatMap((r) => {
    const parsed = parseAddress(r);
    return parsed === null || parsed.sheet === null ? [] : [{ sheet: parsed.sheet, box: parsed.box }];
  });
}

function isValidName(name: unknown): name is string {
  if (typeof name !== "string" || name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name)) return false;
  // A name must not read as a cell reference (A1, XFD10) or R1C1 reference.
  return !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^[Rr][0-9]*[Cc]?[0-9]*$/.test(name) && !/^[Cc][0-9]*$/.test(name);
}

const comments = new WeakMap<ExcelJS.Workbook, Map<string, string>>();

export class NamedItem extends ClientObject<NameTarget> {
  protected readonly scalarNames = ["name", "formula", "value", "type", "visible", "comment"] as const;

  constructor(session: Session, path: string) {
    super(session, path, "NamedItem");
  }

  protected readScalar(t: NameTarget, name: string): unknown {
    const list = areasOf(t.wb, t.name);
    const broken = list.some((a) => a.sheet === REF_SHEET);
    const areas = list.map((a) => (a.sheet === REF_SHEET ? `#REF!${absoluteReference("x", a.box).slice(2)}` : absoluteReference(a.sheet, a.box))).join(",");
    switch (name) {
      case "name": return t.name;
      case "formula": return `=${areas}`;
      case "value": return broken ? "#REF!" : areas;
      case "type": return broken ? "Error" : "Range";
      case "visible": return true;
      default: return comments.get(t.wb)?.get(t.name.toLowerCase()) ?? "";
    }
  }

  get name(): string { return this.prop("name"); }
  get formula(): string { return this.prop("formula"); }
  get value(): string { return this.prop("value"); }
  get type(): string { return this.prop("type"); }
  get visible(): boolean { return this.prop("visible"); }
  get comment(): string { return this.prop("comment"); }

  /** Removes the name. */
  delete(): void {
    this.queue("delete", [], (t) => {
      const stored = storedName(t.wb, t.name);
      if (stored !== undefined) delete definedNames(t.wb).matrixMap[stored];
      comments.get(t.wb)?.delete(t.name.toLowerCase());
    });
  }

  /** The range the name refers to (its first area). */
  getRange(): Range {
    return this.spawn(new Range(this.session, this.childPath("getRange", [])), "getRange", [], (t) => {
      const area = areasOf(t.wb, t.name)[0];
      const ws = area === undefined ? undefined : findSheet(t.wb, area.sheet);
      if (area === undefined || ws === undefined) throw apiError("InvalidOperation", `The named item '${t.name}' does not refer to a range.`);
      return { ws, box: area.box };
    });
  }
}

export class NamedItemCollection extends ClientCollection<ExcelJS.Workbook, NamedItem> {
  constructor(session: Session, path: string) {
    super(session, path, "NamedItemCollection");
  }

  protected listItems(wb: ExcelJS.Workbook): NamedItem[] {
    return Object.keys(definedNames(wb).matrixMap)
      .filter((n) => !n.startsWith("_xlnm.") && definedNames(wb).getRanges(n).ranges.length > 0)
      .map((n) => this.bound(wb, n));
  }

  /**
   * Adds a name for a range.
   *
   * @param reference - a Range, or a sheet-qualified reference such as "=Data!$B$2" or "'Q 1'!A1:B3"
   */
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    const refArg = typeof reference === "string" ? reference : reference.asArgument(this.session);
    const args = comment === undefined ? [name, refArg] : [name, refArg, comment];
    return this.spawn(new NamedItem(this.session, this.childPath("getItem", [name])), "add", args, (wb) => {
      if (!isValidName(name)) throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} (name '${String(name)}')`);
      if (storedName(wb, name) !== undefined) throw apiError("ItemAlreadyExists", MESSAGES.itemAlreadyExists());
      const target = typeof reference === "string" ? parseReference(wb, reference) : reference.currentTarget();
      if (target === null) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      // ExcelJS stores a name cell by cell, so a name over entire rows or columns would build millions of entries.
      if (isUnbounded(target.box)) throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} The xlsx host cannot name entire rows or columns.`);
      definedNames(wb).add(absoluteReference(target.ws.name, target.box), name);
      if (comment !== undefined && comment !== "") {
        const map = comments.get(wb) ?? new Map<string, string>();
        map.set(name.toLowerCase(), comment);
        comments.set(wb, map);
      }
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

  /** The named item, or a null object when there is none. */
  getItemOrNullObject(name: string): NamedItem {
    return this.spawn(new NamedItem(this.session, this.childPath("getItemOrNullObject", [name])), "getItemOrNullObject", [name], (wb) => {
      const stored = storedName(wb, name);
      return stored === undefined ? null : { wb, name: stored };
    });
  }

  private bound(wb: ExcelJS.Workbook, name: string): NamedItem {
    const item = new NamedItem(this.session, this.childPath("getItem", [name]));
    item.settle({ wb, name });
    return item;
  }
}

function parseReference(wb: ExcelJS.Workbook, reference: string): { ws: ExcelJS.Worksheet; box: Box } | null {
  const parsed = parseAddress(reference.trim().replace(/^=/, ""));
  if (parsed === null || parsed.sheet === null) return null;
  const ws = findSheet(wb, parsed.sheet);
  return ws === undefined ? null : { ws, box: parsed.box };
}
