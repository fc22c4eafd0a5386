/**
 * `Excel.Range`: a rectangle of cells on one sheet.
 *
 * Loadable: address, values, formulas, numberFormat, rowIndex, columnIndex, rowCount, columnCount.
 * Settable: values, numberFormat, hyperlink. Writing values records an edit, which fires the
 * sheet's onChanged handlers after the sync.
 * Methods: getUsedRangeOrNullObject, getMergedAreasOrNullObject, merge, select, setRowProperties
 * and setColumnProperties (sizes only), setCellProperties (formats and hyperlinks).
 * Navigation: format, conditionalFormats.
 */
import type { PortRange } from "../../../excel/port";
import { intersect, qualifiedAddress } from "../exceljs/a1";
import { hostStateOf } from "../exceljs/hostState";
import { selectBox } from "../exceljs/selection";
import { type CellProperty, type RangeTarget, readCells, writeCells } from "../exceljs/cells";
import { setHyperlink } from "../exceljs/hyperlinks";
import { setCellProperties } from "../exceljs/cellProperties";
import { mergeBox, mergedAreas } from "../exceljs/merges";
import { setColumnWidth, setRowHeight } from "../exceljs/format";
import { usedBox } from "../exceljs/usedRange";
import { ClientObject } from "../office/clientObject";
import { apiError, MESSAGES } from "../office/errors";
import type { Session } from "../office/session";
import { ConditionalFormatCollection } from "./conditionalFormats";
import { RangeAreas } from "./rangeAreas";
import { RangeFormat } from "./rangeFormat";

export type { RangeTarget };

export class Range extends ClientObject<RangeTarget> implements PortRange {
  protected override readonly scalarNames = ["address", "values", "formulas", "numberFormat", "rowIndex", "columnIndex", "rowCount", "columnCount"] as const;
  private formatProxy: RangeFormat | undefined;
  private cfProxy: ConditionalFormatCollection | undefined;

  constructor(session: Session, path: string) {
    super(session, path, "Range");
  }

  protected override readScalar(t: RangeTarget, name: string): unknown {
    switch (name) {
      case "address": return qualifiedAddress(t.ws.name, t.box);
      case "rowIndex": return t.box.row;
      case "columnIndex": return t.box.col;
      case "rowCount": return t.box.rowCount;
      case "columnCount": return t.box.colCount;
      default: return readCells(t, name as CellProperty);
    }
  }

  get address(): string { return this.prop("address"); }
  get rowIndex(): number { return this.prop("rowIndex"); }
  get columnIndex(): number { return this.prop("columnIndex"); }
  get rowCount(): number { return this.prop("rowCount"); }
  get columnCount(): number { return this.prop("columnCount"); }

  get values(): PortRange["values"] { return this.prop("values"); }
  set values(input: PortRange["values"]) { this.writeProperty("values", input); }
  get formulas(): PortRange["formulas"] { return this.prop("formulas"); }
  get numberFormat(): PortRange["numberFormat"] { return this.prop("numberFormat"); }
  set numberFormat(input: PortRange["numberFormat"]) { this.writeProperty("numberFormat", input); }

  get hyperlink(): PortRange["hyperlink"] { return this.prop("hyperlink"); }
  set hyperlink(link: PortRange["hyperlink"]) {
    this.queue("hyperlink", link, (t) => setHyperlink(t.ws, t.box, link, "Range.hyperlink"));
  }

  /** Formatting of the range. */
  get format(): RangeFormat {
    this.checkUsable();
    this.formatProxy ??= new RangeFormat(this.session, `${this.path}.format`).followParent(this, (t) => ({ ws: t.ws, boxes: [t.box] }));
    return this.formatProxy;
  }

  /** Conditional formats that apply to the range. */
  get conditionalFormats(): ConditionalFormatCollection {
    this.checkUsable();
    this.cfProxy ??= new ConditionalFormatCollection(this.session, `${this.path}.conditionalFormats`).followParent(this, (t) => ({ ws: t.ws, boxes: [t.box] }));
    return this.cfProxy;
  }

  /** The used part of the range; an empty one gives a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    const args = [valuesOnly ?? false];
    return this.spawn(new Range(this.session, this.childPath("getUsedRangeOrNullObject", args)), "getUsedRangeOrNullObject", args, (t) => {
      const used = usedBox(t.ws, valuesOnly ?? false);
      const box = used === null ? null : intersect(used, t.box);
      return box === null ? null : { ws: t.ws, box };
    });
  }

  /** The merged areas that meet the range; none gives a null object. */
  getMergedAreasOrNullObject(): RangeAreas {
    return this.spawn(new RangeAreas(this.session, this.childPath("getMergedAreasOrNullObject", [])), "getMergedAreasOrNullObject", [], (t) => {
      const boxes = mergedAreas(t.ws, t.box);
      return boxes.length === 0 ? null : { ws: t.ws, boxes };
    });
  }

  /** Merges the range into one cell, or each of its rows when `across` is true. */
  merge(across?: boolean): void {
    this.queue("merge", [across ?? false], (t) => mergeBox(t.ws, t.box, across ?? false));
  }

  /** Selects the range in the UI; its sheet becomes the active one. */
  select(): void {
    this.queue("select", [], (t) => selectBox(hostStateOf(t.ws.workbook), t.ws, t.box));
  }

  /**
   * Sets row properties (ExcelApi 1.9), one entry per row of the range, in order. The host supports
   * `format.rowHeight`; an empty entry leaves its row alone.
   */
  setRowProperties(rows: Excel.SettableRowProperties[]): void {
    this.queue("setRowProperties", rows, (t) => {
      for (const [i, height] of lineProperties(rows, t.box.rowCount, "rowHeight", "Range.setRowProperties")) {
        setRowHeight(t.ws, { ...t.box, row: t.box.row + i, rowCount: 1 }, height);
      }
    });
  }

  /**
   * Sets column properties (ExcelApi 1.9), one entry per column of the range, in order. The host
   * supports `format.columnWidth`; an empty entry leaves its column alone.
   */
  setColumnProperties(columns: Excel.SettableColumnProperties[]): void {
    this.queue("setColumnProperties", columns, (t) => {
      for (const [j, width] of lineProperties(columns, t.box.colCount, "columnWidth", "Range.setColumnProperties")) {
        setColumnWidth(t.ws, { ...t.box, col: t.box.col + j, colCount: 1 }, width);
      }
    });
  }

  /**
   * Sets each cell's format and hyperlink (ExcelApi 1.9): one entry per cell, row by row. The host
   * sets fonts, fills, alignment, wrapping and hyperlinks (exceljs/cellProperties.ts).
   */
  setCellProperties(cells: Excel.SettableCellProperties[][]): void {
    this.queue("setCellProperties", cells, (t) => setCellProperties(t.ws, t.box, cells));
  }

  private writeProperty(name: CellProperty, input: unknown): void {
    this.queue(name, input, (t) => {
      writeCells(t, name, input, `Range.${name}`);
      if (name === "values") hostStateOf(t.ws.workbook).edits.push({ ws: t.ws, box: t.box });
    });
  }
}

/**
 * The (index, size) pairs of a setRowProperties/setColumnProperties argument: one entry per line of
 * the range, each empty or `{ format: { <key>: points } }`.
 *
 * @throws HostApiError "InvalidArgument" for a length other than the range's, or any other property
 */
function lineProperties(entries: unknown, count: number, key: "rowHeight" | "columnWidth", location: string): [number, number][] {
  const bad = (why: string): never => {
    throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} ${why}`, location);
  };
  if (!Array.isArray(entries) || entries.length !== count) bad(`Give one entry per ${key === "rowHeight" ? "row" : "column"} of the range (${count}).`);
  const out: [number, number][] = [];
  (entries as unknown[]).forEach((entry, i) => {
    if (entry === null || typeof entry !== "object") bad("Each entry must be an object.");
    const { format, ...rest } = entry as { format?: unknown };
    if (Object.keys(rest).length > 0) bad(`The xlsx host sets only format.${key}.`);
    if (format === undefined) return;
    if (format === null || typeof format !== "object") bad("format must be an object.");
    const { [key]: size, ...others } = format as Record<string, unknown>;
    if (Object.keys(others).length > 0) bad(`The xlsx host sets only format.${key}.`);
    if (size === undefined) return;
    if (typeof size !== "number" || !(size >= 0)) bad(`format.${key} must be a number of points.`);
    out.push([i, size as number]);
  });
  return out;
}

/**
 * The range an argument names, when it is a range of this host and of the same live run.
 *
 * @throws HostApiError "InvalidRequestContext" for a proxy of another run, "InvalidArgument" for anything else
 */
export function ownRange(session: Session, value: PortRange): Range {
  if (!(value instanceof Range)) throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} The xlsx host takes only its own ranges.`);
  value.asArgument(session);
  return value;
}
