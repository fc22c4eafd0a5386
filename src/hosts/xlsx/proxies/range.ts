/**
 * `Excel.Range`: a rectangle of cells on one sheet.
 *
 * Loadable: values, formulas, numberFormat, rowIndex, columnIndex, rowCount, columnCount.
 * Settable: values, numberFormat, hyperlink.
 * Methods: getUsedRangeOrNullObject, getMergedAreasOrNullObject, merge.
 * Navigation: format, conditionalFormats.
 */
import type { PortRange } from "../../../excel/port";
import { intersect } from "../exceljs/a1";
import { type CellProperty, type RangeTarget, readCells, writeCells } from "../exceljs/cells";
import { setHyperlink } from "../exceljs/hyperlinks";
import { mergeBox, mergedAreas } from "../exceljs/merges";
import { usedBox } from "../exceljs/usedRange";
import { ClientObject } from "../office/clientObject";
import { apiError, MESSAGES } from "../office/errors";
import type { Session } from "../office/session";
import { ConditionalFormatCollection } from "./conditionalFormats";
import { RangeAreas } from "./rangeAreas";
import { RangeFormat } from "./rangeFormat";

export type { RangeTarget };

export class Range extends ClientObject<RangeTarget> implements PortRange {
  protected override readonly scalarNames = ["values", "formulas", "numberFormat", "rowIndex", "columnIndex", "rowCount", "columnCount"] as const;
  private formatProxy: RangeFormat | undefined;
  private cfProxy: ConditionalFormatCollection | undefined;

  constructor(session: Session, path: string) {
    super(session, path, "Range");
  }

  protected override readScalar(t: RangeTarget, name: string): unknown {
    switch (name) {
      case "rowIndex": return t.box.row;
      case "columnIndex": return t.box.col;
      case "rowCount": return t.box.rowCount;
      case "columnCount": return t.box.colCount;
      default: return readCells(t, name as CellProperty);
    }
  }

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
    this.formatProxy ??= new RangeFormat(this.session, `${this.path}.format`).followParent(this, (t) => t);
    return this.formatProxy;
  }

  /** Conditional formats that apply to the range. */
  get conditionalFormats(): ConditionalFormatCollection {
    this.checkUsable();
    this.cfProxy ??= new ConditionalFormatCollection(this.session, `${this.path}.conditionalFormats`).followParent(this, (t) => t);
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

  private writeProperty(name: CellProperty, input: unknown): void {
    this.queue(name, input, (t) => writeCells(t, name, input, `Range.${name}`));
  }
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
