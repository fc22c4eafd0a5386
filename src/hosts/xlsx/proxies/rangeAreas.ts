/**
 * `Excel.RangeAreas`: several rectangles on one sheet, as `getMergedAreasOrNullObject` returns.
 * Loadable: address ("Sheet1!A1:A3,Sheet1!C5:D5", each area sheet-qualified and comma
 * separated, like Excel).
 */
import type * as ExcelJS from "exceljs";
import type { PortRangeAreas } from "../../../excel/port";
import { type Box, qualifiedAddress } from "../exceljs/a1";
import { ClientObject } from "../office/clientObject";
import type { Session } from "../office/session";

/** The target of a RangeAreas: the sheet and its rectangles, top to bottom, left to right. */
export interface AreasTarget {
  ws: ExcelJS.Worksheet;
  boxes: Box[];
}

export class RangeAreas extends ClientObject<AreasTarget> implements PortRangeAreas {
  protected override readonly scalarNames = ["address"] as const;

  constructor(session: Session, path: string) {
    super(session, path, "RangeAreas");
  }

  protected override readScalar(t: AreasTarget): unknown {
    return t.boxes.map((b) => qualifiedAddress(t.ws.name, b)).join(",");
  }

  get address(): string { return this.prop("address"); }
}
