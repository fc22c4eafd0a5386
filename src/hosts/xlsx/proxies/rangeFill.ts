/**
 * `Excel.RangeFill`: the background colour of a range. `color` is "#RRGGBB"; `clear()` removes it.
 */
import type * as ExcelJS from "exceljs";
import { ClientObject } from "../clientObject";
import type { RangeTarget } from "../rangeCells";
import { uniform } from "../rangeStyleRead";
import type { Session } from "../session";
import { fromArgb, styleBox, toArgb } from "../style";

function fillColor(cell: ExcelJS.Cell | undefined): string | undefined {
  const fill = cell?.style?.fill;
  if (fill === undefined || fill.type !== "pattern" || fill.pattern !== "solid") return undefined;
  return fromArgb(fill.fgColor);
}

export class RangeFill extends ClientObject<RangeTarget> {
  protected readonly scalarNames = ["color"] as const;

  constructor(session: Session, path: string) {
    super(session, path, "RangeFill");
  }

  protected readScalar(t: RangeTarget): unknown {
    // Excel reports an unfilled range as white.
    return uniform(t, (c) => fillColor(c) ?? "#FFFFFF");
  }

  get color(): string { return this.prop("color"); }
  set color(color: string) {
    this.queueSet("color", color, (t) => {
      const argb = toArgb(color, "RangeFill.color");
      styleBox(t.ws, t.box, () => ({ fill: { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } } }));
    });
  }

  /** Removes the fill. */
  clear(): void {
    this.queue("clear", [], (t) => styleBox(t.ws, t.box, () => ({ fill: undefined })));
  }
}
