/**
 * `Excel.Range`: a rectangle of cells on one sheet.
 *
 * Loadable: address, addressLocal, rowIndex, columnIndex, rowCount, columnCount, cellCount,
 * isEntireRow, isEntireColumn, values, formulas, numberFormat.
 * Settable: values, formulas, numberFormat, hyperlink.
 * Methods: getCell, getResizedRange, getOffsetRange, getRow, getColumn, getUsedRange,
 * getUsedRangeOrNullObject, getMergedAreasOrNullObject, merge, unmerge.
 * Navigation: format, conditionalFormats, worksheet.
 */
import * as ExcelJS from "exceljs";
import { type Box, intersect, isEntireColumns, isEntireRows, MAX_COLS, MAX_ROWS, qualifiedAddress } from "../a1";
import { readValue } from "../cellRead";
import { ClientObject } from "../clientObject";
import { apiError, MESSAGES } from "../errors";
import { cellsOf, mergesOf, rowsOf } from "../internals";
import { type CellProperty, type RangeTarget, readCells, writeCells } from "../rangeCells";
import type { Session } from "../session";
import { usedBox } from "../usedRange";
import { ConditionalFormatCollection } from "./conditionalFormatCollection";
import { RangeAreas } from "./rangeAreas";
import { RangeFormat } from "./rangeFormat";
import { Worksheet } from "./worksheet";

export type { RangeTarget };

/** What `Range.hyperlink` accepts. */
interface HyperlinkInput {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

function checkBox(box: Box, location: string): Box {
  const ok = Number.isInteger(box.row) && Number.isInteger(box.col) && box.row >= 0 && box.col >= 0 &&
    box.rowCount >= 1 && box.colCount >= 1 && box.row + box.rowCount <= MAX_ROWS && box.col + box.colCount <= MAX_COLS;
  if (!ok) throw apiError("InvalidArgument", MESSAGES.invalidArgument(), location);
  return box;
}

export class Range extends ClientObject<RangeTarget> {
  protected readonly scalarNames = [
    "address", "addressLocal", "rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount",
    "isEntireRow", "isEntireColumn", "values", "formulas", "numberFormat",
  ] as const;
  private formatProxy: RangeFormat | undefined;
  private cfProxy: ConditionalFormatCollection | undefined;
  private sheetProxy: Worksheet | undefined;

  constructor(session: Session, path: string) {
    super(session, path, "Range");
  }

  protected readScalar(t: RangeTarget, name: string): unknown {
    const { ws, box } = t;
    switch (name) {
      case "address":
      case "addressLocal":
        return qualifiedAddress(ws.name, box);
      case "rowIndex":
        return box.row;
      case "columnIndex":
        return box.col;
      case "rowCount":
        return box.rowCount;
      case "columnCount":
        return box.colCount;
      case "cellCount":
        return box.rowCount * box.colCount;
      case "isEntireRow":
        return isEntireRows(box);
      case "isEntireColumn":
        return isEntireColumns(box);
      default:
        return readCells(t, name as CellProperty);
    }
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    if (name === "format") return this.format as ClientObject<unknown>;
    if (name === "worksheet") return this.worksheet as ClientObject<unknown>;
    return undefined;
  }

  get address(): string { return this.prop("address"); }
  get addressLocal(): string { return this.prop("addressLocal"); }
  get rowIndex(): number { return this.prop("rowIndex"); }
  get columnIndex(): number { return this.prop("columnIndex"); }
  get rowCount(): number { return this.prop("rowCount"); }
  get columnCount(): number { return this.prop("columnCount"); }
  get cellCount(): number { return this.prop("cellCount"); }
  get isEntireRow(): boolean { return this.prop("isEntireRow"); }
  get isEntireColumn(): boolean { return this.prop("isEntireColumn"); }

  get values(): unknown[][] { return this.prop("values"); }
  set values(input: unknown[][]) { this.writeProperty("values", input); }
  get formulas(): unknown[][] { return this.prop("formulas"); }
  set formulas(input: unknown[][]) { this.writeProperty("formulas", input); }
  get numberFormat(): unknown[][] { return this.prop("numberFormat"); }
  set numberFormat(input: unknown[][]) { this.writeProperty("numberFormat", input); }

  /** Reading a hyperlink is not supported by the xlsx host. */
  get hyperlink(): HyperlinkInput { return this.prop("hyperlink"); }
  set hyperlink(link: HyperlinkInput) {
    this.queueSet("hyperlink", link, (t) => applyHyperlink(t, link, "Range.hyperlink"));
  }

  /** Formatting of the range. */
  get format(): RangeFormat {
    this.checkUsable();
    this.formatProxy ??= new RangeFormat(this.session, `${this.path}.format`).followParent(this, (t) => t);
    return this.formatProxy;
  }

  /** Conditional formats that apply to the range. */
  get conditionalFormats(): ConditionalFormatCollection {
    this.checkUsable();
    this.cfProxy ??= new ConditionalFormatCollection(this.session, `${this.path}.conditionalFormats`).followParent(this, (t) => t);
    return this.cfProxy;
  }

  /** The sheet that holds the range. */
  get worksheet(): Worksheet {
    this.checkUsable();
    this.sheetProxy ??= new Worksheet(this.session, `${this.path}.worksheet`).followParent(this, (t) => t.ws);
    return this.sheetProxy;
  }

  /** The cell at (row, column) relative to the range's top-left cell. */
  getCell(row: number, column: number): Range {
    return this.derive("getCell", [row, column], (b) => ({ row: b.row + row, col: b.col + column, rowCount: 1, colCount: 1 }));
  }

  /** The range grown or shrunk by the given number of rows and columns. */
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derive("getResizedRange", [deltaRows, deltaColumns], (b) => ({
      ...b, rowCount: b.rowCount + deltaRows, colCount: b.colCount + deltaColumns,
    }));
  }

  /** The range moved by the given number of rows and columns. */
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derive("getOffsetRange", [rowOffset, columnOffset], (b) => ({ ...b, row: b.row + rowOffset, col: b.col + columnOffset }));
  }

  /** One row of the range (0-based). */
  getRow(row: number): Range {
    return this.derive("getRow", [row], (b) => ({ ...b, row: b.row + row, rowCount: 1 }));
  }

  /** One column of the range (0-based). */
  getColumn(column: number): Range {
    return this.derive("getColumn", [column], (b) => ({ ...b, col: b.col + column, colCount: 1 }));
  }

  /** The used part of the range; an empty one gives a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this.spawn(new Range(this.session, this.childPath("getUsedRangeOrNullObject", [valuesOnly ?? false])),
      "getUsedRangeOrNullObject", [valuesOnly ?? false], (t) => usedWithin(t, valuesOnly ?? false));
  }

  /** The used part of the range; an empty one makes sync reject with "ItemNotFound", as in Excel. */
  getUsedRange(valuesOnly?: boolean): Range {
    return this.spawn(new Range(this.session, this.childPath("getUsedRange", [valuesOnly ?? false])),
      "getUsedRange", [valuesOnly ?? false], (t) => {
        const used = usedWithin(t, valuesOnly ?? false);
        if (used === null) throw apiError("ItemNotFound", MESSAGES.itemNotFound());
        return used;
      });
  }

  /** The merged areas that meet the range; none gives a null object. */
  getMergedAreasOrNullObject(): RangeAreas {
    return this.spawn(new RangeAreas(this.session, this.childPath("getMergedAreasOrNullObject", [])),
      "getMergedAreasOrNullObject", [], (t) => {
        const boxes = mergesOf(t.ws)
          .map((m) => ({ row: m.top - 1, col: m.left - 1, rowCount: m.bottom - m.top + 1, colCount: m.right - m.left + 1 }))
          .filter((b) => intersect(b, t.box) !== null)
          .sort((a, b) => a.row - b.row || a.col - b.col);
        return boxes.length === 0 ? null : { ws: t.ws, boxes };
      });
  }

  /** Merges the range into one cell, or each of its rows when `across` is true. */
  merge(across?: boolean): void {
    this.queue("merge", [across ?? false], (t) => {
      const { ws, box } = t;
      if (isEntireColumns(box) || isEntireRows(box)) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      const clear = !touchesMerge(ws, box);
      if (!clear) unmergeWithin(ws, box);
      const parts: Box[] = across ? Array.from({ length: box.rowCount }, (_, i) => ({ ...box, row: box.row + i, rowCount: 1 })) : [box];
      for (const p of parts) {
        if (p.rowCount * p.colCount > 1) mergeFresh(ws, p);
      }
    });
  }

  /** Splits every merge that meets the range. */
  unmerge(): void {
    this.queue("unmerge", [], (t) => unmergeWithin(t.ws, t.box));
  }

  private writeProperty(name: CellProperty, input: unknown): void {
    this.queueSet(name, input, (t) => writeCells(t, name, input, `Range.${name}`));
  }

  private derive(op: string, args: number[], make: (b: Box) => Box): Range {
    const location = `Range.${op}`;
    return this.spawn(new Range(this.session, this.childPath(op, args)), op, args, (t) => ({ ws: t.ws, box: checkBox(make(t.box), location) }));
  }
}

function usedWithin(t: RangeTarget, valuesOnly: boolean): RangeTarget | null {
  const used = usedBox(t.ws, valuesOnly);
  const box = used === null ? null : intersect(used, t.box);
  return box === null ? null : { ws: t.ws, box };
}

/** True when a cell of the box is part of a merged area (a merged area that meets the box covers one of its cells). */
function touchesMerge(ws: ExcelJS.Worksheet, box: Box): boolean {
  const rows = rowsOf(ws);
  for (let r = box.row; r < box.row + box.rowCount; r++) {
    const row = rows[r];
    if (row === undefined) continue;
    const cells = cellsOf(row);
    for (let c = box.col; c < box.col + box.colCount; c++) if (cells[c]?.isMerged) return true;
  }
  return false;
}

/**
 * Merges a box that meets no other merge. ExcelJS's mergeCells first compares the box with every
 * merge on the sheet, which makes writing a sheet of N merges cost N²; the box is known to be
 * clear, so that scan runs against an empty index and the new merge is added to the real one.
 */
function mergeFresh(ws: ExcelJS.Worksheet, box: Box): void {
  const internals = ws as unknown as { _merges: Record<string, unknown> };
  const all = internals._merges;
  internals._merges = {};
  try {
    ws.mergeCells(box.row + 1, box.col + 1, box.row + box.rowCount, box.col + box.colCount);
  } finally {
    internals._merges = Object.assign(all, internals._merges);
  }
}

function unmergeWithin(ws: ExcelJS.Worksheet, box: Box): void {
  for (const m of mergesOf(ws)) {
    const mb = { row: m.top - 1, col: m.left - 1, rowCount: m.bottom - m.top + 1, colCount: m.right - m.left + 1 };
    if (intersect(mb, box) !== null) ws.unMergeCells(m.top, m.left, m.bottom, m.right);
  }
}

function applyHyperlink(t: RangeTarget, link: HyperlinkInput, location: string): void {
  const { ws, box } = t;
  if (link === null || typeof link !== "object" || isEntireColumns(box) || isEntireRows(box)) {
    throw apiError("InvalidArgument", MESSAGES.invalidArgument(), location);
  }
  const target = link.documentReference !== undefined && link.documentReference !== ""
    ? `#${link.documentReference.replace(/^#/, "")}`
    : link.address;
  if (target === undefined || target === "") throw apiError("InvalidArgument", MESSAGES.invalidArgument(), location);
  for (let i = 0; i < box.rowCount; i++) {
    for (let j = 0; j < box.colCount; j++) {
      const cell = ws.getCell(box.row + i + 1, box.col + j + 1);
      if (cell.type === ExcelJS.ValueType.Merge) continue;
      const shown = readValue(cell, false);
      const text = link.textToDisplay ?? (shown === "" ? (link.documentReference ?? link.address ?? "") : String(shown));
      const value: ExcelJS.CellHyperlinkValue = link.screenTip === undefined
        ? { text, hyperlink: target }
        : { text, hyperlink: target, tooltip: link.screenTip };
      cell.value = value;
    }
  }
}
