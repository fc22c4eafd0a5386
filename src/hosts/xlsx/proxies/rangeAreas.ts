/**
 * `Excel.RangeAreas` (ExcelApi 1.9): several rectangles on one sheet, as `getMergedAreasOrNullObject`
 * and `Worksheet.getRanges` return.
 * Loadable: address ("Sheet1!A1:A3,Sheet1!C5:D5", each area sheet-qualified and comma
 * separated, like Excel).
 * Navigation: format (every set applies to each area), conditionalFormats (one rule over all the
 * areas).
 */
import type * as ExcelJS from "exceljs";
import type { PortRangeAreas } from "../../../excel/port";
import { type Box, qualifiedAddress } from "../exceljs/a1";
import { ClientObject } from "../office/clientObject";
import type { Session } from "../office/session";
import { ConditionalFormatCollection } from "./conditionalFormats";
import { RangeFormat } from "./rangeFormat";

/** The target of a RangeAreas: the sheet and its rectangles, top to bottom, left to right. */
export interface AreasTarget {
  ws: ExcelJS.Worksheet;
  boxes: Box[];
}

export class RangeAreas extends ClientObject<AreasTarget> implements PortRangeAreas {
  protected override readonly scalarNames = ["address"] as const;
  private formatProxy: RangeFormat | undefined;
  private cfProxy: ConditionalFormatCollection | undefined;

  constructor(session: Session, path: string) {
    super(session, path, "RangeAreas");
  }

  protected override readScalar(t: AreasTarget): unknown {
    return t.boxes.map((b) => qualifiedAddress(t.ws.name, b)).join(",");
  }

  get address(): string { return this.prop("address"); }

  /** Formatting of every area. */
  get format(): RangeFormat {
    this.checkUsable();
    this.formatProxy ??= new RangeFormat(this.session, `${this.path}.format`).followParent(this, (t) => t);
    return this.formatProxy;
  }

  /** Conditional formats of the areas: a format added here covers them all. */
  get conditionalFormats(): ConditionalFormatCollection {
    this.checkUsable();
    this.cfProxy ??= new ConditionalFormatCollection(this.session, `${this.path}.conditionalFormats`).followParent(this, (t) => t);
    return this.cfProxy;
  }
}
