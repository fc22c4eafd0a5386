/**
 * `Excel.RangeFormat` and what hangs below it: `font`, `fill` and `borders.getItem(side)`. The code
 * path only writes formatting, so every property here is settable and none is loadable: reading
 * one throws "PropertyNotLoaded", loading one makes sync reject with "InvalidArgument".
 *
 * The target is a sheet and one or more rectangles: a Range's format has one, a RangeAreas' format
 * (ExcelApi 1.9) has each of its areas, and every set applies to each area on its own (borders
 * included: the inside lines of one area, never between two).
 */
import type * as ExcelJS from "exceljs";
import type { PortRangeBorder, PortRangeBorderCollection, PortRangeFill, PortRangeFont, PortRangeFormat } from "../../../excel/port";
import { applyBorder, type EdgeChange, type Side, SIDES } from "../exceljs/borders";
import type { Box } from "../exceljs/a1";
import { fontChange, setAlignment, setColumnWidth, setFill, setFont, setRowHeight, setWrap } from "../exceljs/format";
import { toArgb } from "../exceljs/style";
import { ClientObject } from "../office/clientObject";
import { apiError, MESSAGES } from "../office/errors";
import type { Session } from "../office/session";

/** What a format applies to: the sheet and its rectangles. */
export interface FormatTarget {
  ws: ExcelJS.Worksheet;
  boxes: Box[];
}

/** Runs `apply` on each rectangle of the target. */
function each(t: FormatTarget, apply: (ws: ExcelJS.Worksheet, box: Box) => void): void {
  for (const box of t.boxes) apply(t.ws, box);
}

export class RangeFormat extends ClientObject<FormatTarget> implements PortRangeFormat {
  private fillProxy: RangeFill | undefined;
  private fontProxy: RangeFont | undefined;
  private bordersProxy: RangeBorderCollection | undefined;

  constructor(session: Session, path: string) {
    super(session, path, "RangeFormat");
  }

  get fill(): RangeFill {
    this.checkUsable();
    this.fillProxy ??= new RangeFill(this.session, `${this.path}.fill`).followParent(this, (t) => t);
    return this.fillProxy;
  }

  get font(): RangeFont {
    this.checkUsable();
    this.fontProxy ??= new RangeFont(this.session, `${this.path}.font`).followParent(this, (t) => t);
    return this.fontProxy;
  }

  get borders(): RangeBorderCollection {
    this.checkUsable();
    this.bordersProxy ??= new RangeBorderCollection(this.session, `${this.path}.borders`).followParent(this, (t) => t);
    return this.bordersProxy;
  }

  get columnWidth(): number { return this.prop("columnWidth"); }
  set columnWidth(points: number) { this.queue("columnWidth", points, (t) => each(t, (ws, box) => setColumnWidth(ws, box, points))); }

  get rowHeight(): number { return this.prop("rowHeight"); }
  set rowHeight(points: number) { this.queue("rowHeight", points, (t) => each(t, (ws, box) => setRowHeight(ws, box, points))); }

  get horizontalAlignment(): PortRangeFormat["horizontalAlignment"] { return this.prop("horizontalAlignment"); }
  set horizontalAlignment(value: PortRangeFormat["horizontalAlignment"]) {
    this.queue("horizontalAlignment", value, (t) => each(t, (ws, box) => setAlignment(ws, box, "horizontal", value)));
  }

  get verticalAlignment(): PortRangeFormat["verticalAlignment"] { return this.prop("verticalAlignment"); }
  set verticalAlignment(value: PortRangeFormat["verticalAlignment"]) {
    this.queue("verticalAlignment", value, (t) => each(t, (ws, box) => setAlignment(ws, box, "vertical", value)));
  }

  get wrapText(): boolean { return this.prop("wrapText"); }
  set wrapText(value: boolean) { this.queue("wrapText", value, (t) => each(t, (ws, box) => setWrap(ws, box, value))); }
}

/** `Excel.RangeFont`: bold, italic, color ("#RRGGBB"), size (points) and name. */
export class RangeFont extends ClientObject<FormatTarget> implements PortRangeFont {
  constructor(session: Session, path: string) {
    super(session, path, "RangeFont");
  }

  get bold(): boolean { return this.prop("bold"); }
  set bold(value: boolean) { this.queue("bold", value, (t) => each(t, (ws, box) => setFont(ws, box, fontChange("bold", value)))); }

  get italic(): boolean { return this.prop("italic"); }
  set italic(value: boolean) { this.queue("italic", value, (t) => each(t, (ws, box) => setFont(ws, box, fontChange("italic", value)))); }

  get size(): number { return this.prop("size"); }
  set size(value: number) { this.queue("size", value, (t) => each(t, (ws, box) => setFont(ws, box, fontChange("size", value)))); }

  get name(): string { return this.prop("name"); }
  set name(value: string) { this.queue("name", value, (t) => each(t, (ws, box) => setFont(ws, box, fontChange("name", value)))); }

  get color(): string { return this.prop("color"); }
  set color(value: string) {
    this.queue("color", value, (t) => each(t, (ws, box) => setFont(ws, box, { color: { argb: toArgb(value, "RangeFont.color") } })));
  }
}

/** `Excel.RangeFill`: the background colour, "#RRGGBB". */
export class RangeFill extends ClientObject<FormatTarget> implements PortRangeFill {
  constructor(session: Session, path: string) {
    super(session, path, "RangeFill");
  }

  get color(): string { return this.prop("color"); }
  set color(color: string) { this.queue("color", color, (t) => each(t, (ws, box) => setFill(ws, box, toArgb(color, "RangeFill.color")))); }
}

/** A border's target: the range and the side. */
interface BorderTarget {
  range: FormatTarget;
  side: Side;
}

/** `Excel.RangeBorderCollection`: one border by side (diagonals are not supported: "InvalidArgument"). */
export class RangeBorderCollection extends ClientObject<FormatTarget> implements PortRangeBorderCollection {
  constructor(session: Session, path: string) {
    super(session, path, "RangeBorderCollection");
  }

  /** The border along one side. */
  getItem(index: Parameters<PortRangeBorderCollection["getItem"]>[0]): RangeBorder {
    return this.spawn(new RangeBorder(this.session, this.childPath("getItem", [index])), "getItem", [index], (t) => {
      if (!(SIDES as readonly string[]).includes(index)) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      return { range: t, side: index as Side };
    });
  }
}

/** `Excel.RangeBorder`: line style, weight and colour along one side. */
export class RangeBorder extends ClientObject<BorderTarget> implements PortRangeBorder {
  constructor(session: Session, path: string) {
    super(session, path, "RangeBorder");
  }

  get style(): PortRangeBorder["style"] { return this.prop("style"); }
  set style(value: PortRangeBorder["style"]) { this.change("style", value, { lineStyle: value }); }

  get weight(): PortRangeBorder["weight"] { return this.prop("weight"); }
  set weight(value: PortRangeBorder["weight"]) { this.change("weight", value, { weight: value }); }

  get color(): string { return this.prop("color"); }
  set color(value: string) {
    this.queue("color", value, (t) => each(t.range, (ws, box) => applyBorder(ws, box, t.side, { argb: toArgb(value, "RangeBorder.color") })));
  }

  private change(name: string, value: unknown, change: EdgeChange): void {
    this.queue(name, value, (t) => each(t.range, (ws, box) => applyBorder(ws, box, t.side, change)));
  }
}
