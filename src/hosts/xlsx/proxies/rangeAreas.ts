/**
 * `Excel.RangeAreas`: several rectangles on one sheet, as `getMergedAreasOrNullObject` returns.
 *
 * Loadable: address ("Sheet1!A1:A3,Sheet1!C5:D5", each area sheet-qualified and comma
 * separated, like Excel), areaCount, cellCount; `areas` is a collection of the areas as ranges.
 */
import type * as ExcelJS from "exceljs";
import { type Box, qualifiedAddress } from "../a1";
import { ClientCollection } from "../clientCollection";
import { ClientObject } from "../clientObject";
import type { Session } from "../session";
import { Range } from "./range";

/** The target of a RangeAreas: the sheet and its rectangles, top to bottom, left to right. */
export interface AreasTarget {
  ws: ExcelJS.Worksheet;
  boxes: Box[];
}

export class RangeCollection extends ClientCollection<AreasTarget, Range> {
  constructor(session: Session, path: string) {
    super(session, path, "RangeCollection");
  }

  protected listItems(t: AreasTarget): Range[] {
    return t.boxes.map((box, i) => {
      const r = new Range(this.session, `${this.path}.getItemAt(${i})`);
      r.settle({ ws: t.ws, box });
      return r;
    });
  }
}

export class RangeAreas extends ClientObject<AreasTarget> {
  protected readonly scalarNames = ["address", "areaCount", "cellCount"] as const;
  private areasProxy: RangeCollection | undefined;

  constructor(session: Session, path: string) {
    super(session, path, "RangeAreas");
  }

  protected readScalar(t: AreasTarget, name: string): unknown {
    if (name === "address") return t.boxes.map((b) => qualifiedAddress(t.ws.name, b)).join(",");
    if (name === "areaCount") return t.boxes.length;
    return t.boxes.reduce((n, b) => n + b.rowCount * b.colCount, 0);
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    return name === "areas" ? (this.areas as ClientObject<unknown>) : undefined;
  }

  get address(): string { return this.prop("address"); }
  get areaCount(): number { return this.prop("areaCount"); }
  get cellCount(): number { return this.prop("cellCount"); }

  /** The areas as ranges. */
  get areas(): RangeCollection {
    this.checkUsable();
    this.areasProxy ??= new RangeCollection(this.session, `${this.path}.areas`).followParent(this, (t) => t);
    return this.areasProxy;
  }
}
