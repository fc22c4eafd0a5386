/**
 * `Excel.Worksheet`: its id and name (loadable), onChanged (handlers fire after a sync that wrote
 * values on the sheet), tab colour (settable), delete (names that pointed at the
 * sheet become "#REF!", as in Excel), activate, getRange, getRanges, getUsedRangeOrNullObject, and the
 * freezePanes, pageLayout and charts below it.
 */
import type * as ExcelJS from "exceljs";
import type { PortEventHandlerResult, PortEventHandlers, PortWorksheet, PortWorksheetChangedEventArgs } from "../../../excel/port";
import { splitAreaList } from "../../../core/cells/address";
import { type ChangeListener, hostStateOf, worksheetId } from "../exceljs/hostState";
import { MAX_COLS, MAX_ROWS, parseAddress } from "../exceljs/a1";
import { deleteSheet, setActiveIndex } from "../exceljs/sheets";
import { toArgb } from "../exceljs/style";
import { usedBox } from "../exceljs/usedRange";
import { ClientObject } from "../office/clientObject";
import { apiError, MESSAGES } from "../office/errors";
import type { Session } from "../office/session";
import { ChartCollection } from "./charts";
import { WorksheetFreezePanes } from "./freezePanes";
import { PageLayout } from "./pageLayout";
import { Range } from "./range";
import { RangeAreas } from "./rangeAreas";

export class Worksheet extends ClientObject<ExcelJS.Worksheet> implements PortWorksheet {
  protected override readonly scalarNames = ["id", "name"] as const;
  private freezeProxy: WorksheetFreezePanes | undefined;
  private chartsProxy: ChartCollection | undefined;
  private pageLayoutProxy: PageLayout | undefined;

  constructor(session: Session, path: string) {
    super(session, path, "Worksheet");
  }

  protected override readScalar(ws: ExcelJS.Worksheet, name: string): unknown {
    return name === "id" ? worksheetId(ws) : ws.name;
  }

  get id(): string { return this.prop("id"); }
  get name(): string { return this.prop("name"); }

  /** Cell edits on the sheet (ExcelApi 1.7): a handler takes effect, and is removed, at the next sync. */
  get onChanged(): PortEventHandlers<PortWorksheetChangedEventArgs> {
    this.checkUsable();
    return { add: (handler) => this.addChangedHandler(handler) };
  }

  private addChangedHandler(handler: (args: PortWorksheetChangedEventArgs) => Promise<unknown>): PortEventHandlerResult {
    let listener: ChangeListener | null = null;
    this.queue("onChanged.add", [], (ws) => {
      listener = { ws, handler };
      hostStateOf(ws.workbook).listeners.add(listener);
    });
    const session = this.session;
    const path = `${this.path}.onChanged`;
    return {
      // Queued in the context the handler was added with, as Office.js requires.
      remove: () =>
        session.enqueue({ path, op: "remove", args: [] }, "EventHandlerResult.remove", () => {
          if (listener !== null) hostStateOf(listener.ws.workbook).listeners.delete(listener);
        }),
    };
  }

  get tabColor(): string { return this.prop("tabColor"); }
  set tabColor(value: string) {
    this.queue("tabColor", value, (ws) => {
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

  /** How the sheet prints (ExcelApi 1.9). */
  get pageLayout(): PageLayout {
    this.checkUsable();
    this.pageLayoutProxy ??= new PageLayout(this.session, `${this.path}.pageLayout`).followParent(this, (ws) => ws);
    return this.pageLayoutProxy;
  }

  /** Deletes the sheet. Excel refuses to delete the only visible sheet. */
  delete(): void {
    this.queue("delete", [], deleteSheet);
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

  /**
   * Several rectangles at once (ExcelApi 1.9): addresses separated by commas or semicolons, each
   * local or qualified with this sheet's name.
   */
  getRanges(address?: string): RangeAreas {
    const args = address === undefined ? [] : [address];
    return this.spawn(new RangeAreas(this.session, this.childPath("getRanges", args)), "getRanges", args, (ws) => {
      if (address === undefined || address === "") return { ws, boxes: [{ row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLS }] };
      const boxes = typeof address === "string" ? splitAreaList(address, ",;").map((part) => parseAddress(part)) : [null];
      if (boxes.length === 0 || boxes.some((p) => p === null || (p.sheet !== null && p.sheet.toLowerCase() !== ws.name.toLowerCase()))) {
        throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} (address '${String(address)}')`);
      }
      return { ws, boxes: boxes.map((p) => (p as NonNullable<typeof p>).box) };
    });
  }

  /** The used range; an empty sheet gives a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    const args = [valuesOnly ?? false];
    return this.spawn(new Range(this.session, this.childPath("getUsedRangeOrNullObject", args)), "getUsedRangeOrNullObject", args, (ws) => {
      const box = usedBox(ws, valuesOnly ?? false);
      return box === null ? null : { ws, box };
    });
  }
}
