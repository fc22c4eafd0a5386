/**
 * `Excel.Worksheet`.
 *
 * Loadable: name, position, visibility, id, tabColor. Settable: name, tabColor, visibility.
 * Methods: delete (names that pointed at the sheet become "#REF!", as in Excel), activate, getRange, getRangeByIndexes, getCell, getUsedRange,
 * getUsedRangeOrNullObject. Navigation: freezePanes, charts, pageLayout (also loadable as "pageLayout/…").
 */
import type * as ExcelJS from "exceljs";
import { MAX_COLS, MAX_ROWS, parseAddress } from "../a1";
import { ClientObject } from "../clientObject";
import { apiError, MESSAGES } from "../errors";
import type { Session } from "../session";
import { toArgb, fromArgb } from "../style";
import { usedBox } from "../usedRange";
import { ChartCollection } from "./charts";
import { WorksheetFreezePanes } from "./freezePanes";
import { PageLayout } from "./pageLayout";
import { Range } from "./range";
import { breakNamesOf } from "./brokenNames";
import { activeIndex, checkSheetName, findSheet, setActiveIndex } from "./sheetLookup";

const VISIBILITY: Readonly<Record<string, "visible" | "hidden" | "veryHidden">> = {
  Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden",
};

export class Worksheet extends ClientObject<ExcelJS.Worksheet> {
  protected readonly scalarNames = ["name", "position", "visibility", "id", "tabColor"] as const;
  private freezeProxy: WorksheetFreezePanes | undefined;
  private chartsProxy: ChartCollection | undefined;
  private pageLayoutProxy: PageLayout | undefined;

  constructor(session: Session, path: string) {
    super(session, path, "Worksheet");
  }

  protected readScalar(ws: ExcelJS.Worksheet, name: string): unknown {
    switch (name) {
      case "name": return ws.name;
      case "position": return ws.workbook.worksheets.indexOf(ws);
      case "visibility": return Object.keys(VISIBILITY).find((k) => VISIBILITY[k] === ws.state) ?? "Visible";
      case "id": return `{00000000-0001-0000-${String(ws.id).padStart(4, "0")}-000000000000}`;
      default: return fromArgb(ws.properties.tabColor) ?? "";
    }
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    return name === "pageLayout" ? (this.pageLayout as ClientObject<unknown>) : undefined;
  }

  get name(): string { return this.prop("name"); }
  set name(value: string) {
    this.queueSet("name", value, (ws) => {
      checkSheetName(value);
      const clash = findSheet(ws.workbook, value);
      if (clash !== undefined && clash !== ws) throw apiError("ItemAlreadyExists", MESSAGES.itemAlreadyExists());
      ws.name = value;
    });
  }
  get position(): number { return this.prop("position"); }
  get id(): string { return this.prop("id"); }
  get visibility(): string { return this.prop("visibility"); }
  set visibility(value: string) {
    this.queueSet("visibility", value, (ws) => {
      const state = VISIBILITY[value];
      if (state === undefined) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      ws.state = state;
    });
  }
  get tabColor(): string { return this.prop("tabColor"); }
  set tabColor(value: string) {
    this.queueSet("tabColor", value, (ws) => {
      if (value === "") delete (ws.properties as { tabColor?: unknown }).tabColor;
      else ws.properties.tabColor = { argb: toArgb(value, "Worksheet.tabColor") };
    });
  }

  /** Frozen rows and columns of the sheet. */
  get freezePanes(): WorksheetFreezePanes {
    this.checkUsable();
    this.freezeProxy ??= new WorksheetFreezePanes(this.session, `${this.path}.freezePanes`).followParent(this, (ws) => ws);
    return this.freezeProxy;
  }

  /** The sheet's charts (recorded by the host; ExcelJS cannot save charts). */
  get charts(): ChartCollection {
    this.checkUsable();
    this.chartsProxy ??= new ChartCollection(this.session, `${this.path}.charts`).followParent(this, (ws) => ws);
    return this.chartsProxy;
  }

  /** How the sheet prints (ExcelApi 1.9): orientation, paper size, zoom and print title rows. */
  get pageLayout(): PageLayout {
    this.checkUsable();
    this.pageLayoutProxy ??= new PageLayout(this.session, `${this.path}.pageLayout`).followParent(this, (ws) => ws);
    return this.pageLayoutProxy;
  }

  /** Deletes the sheet. Excel refuses to delete the only visible sheet. */
  delete(): void {
    this.queue("delete", [], (ws) => {
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
    });
  }

  /** Makes the sheet the active one. */
  activate(): void {
    this.queue("activate", [], (ws) => setActiveIndex(ws.workbook, ws.workbook.worksheets.indexOf(ws)));
  }

  /** The range at an A1 address; no address gives the whole sheet. */
  getRange(address?: string): Range {
    const args = address === undefined ? [] : [address];
    return this.spawn(new Range(this.session, this.childPath("getRange", args)), "getRange", args, (ws) => {
      if (address === undefined || address === "") return { ws, box: { row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLS } };
      const parsed = typeof address === "string" ? parseAddress(address) : null;
      if (parsed === null || (parsed.sheet !== null && parsed.sheet.toLowerCase() !== ws.name.toLowerCase())) {
        throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} (address '${String(address)}')`);
      }
      return { ws, box: parsed.box };
    });
  }

  /** The range starting at (row, column), 0-based, of the given size. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    const args = [startRow, startColumn, rowCount, columnCount];
    return this.spawn(new Range(this.session, this.childPath("getRangeByIndexes", args)), "getRangeByIndexes", args, (ws) => {
      const ok = [startRow, startColumn, rowCount, columnCount].every((n) => Number.isInteger(n)) && startRow >= 0 && startColumn >= 0 &&
        rowCount >= 1 && columnCount >= 1 && startRow + rowCount <= MAX_ROWS && startColumn + columnCount <= MAX_COLS;
      if (!ok) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      return { ws, box: { row: startRow, col: startColumn, rowCount, colCount: columnCount } };
    });
  }

  /** One cell, 0-based. */
  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** The used range; an empty sheet gives a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    const args = [valuesOnly ?? false];
    return this.spawn(new Range(this.session, this.childPath("getUsedRangeOrNullObject", args)), "getUsedRangeOrNullObject", args, (ws) => {
      const box = usedBox(ws, valuesOnly ?? false);
      return box === null ? null : { ws, box };
    });
  }

  /** The used range; an empty sheet gives A1, as in Excel. */
  getUsedRange(valuesOnly?: boolean): Range {
    const args = [valuesOnly ?? false];
    return this.spawn(new Range(this.session, this.childPath("getUsedRange", args)), "getUsedRange", args, (ws) => ({
      ws, box: usedBox(ws, valuesOnly ?? false) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 },
    }));
  }
}
