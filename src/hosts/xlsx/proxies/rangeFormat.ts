/**
 * `Excel.RangeFormat`: alignment, wrapping, column width and row height of a range, with `fill`,
 * `font` and `borders` below it.
 *
 * Column widths are points in the API and characters in the file. The conversion assumes the
 * default font (Calibri 11, maximum digit width 7 px at 96 dpi): one stored width unit is 7 px =
 * 5.25 pt, so chars = points / 5.25 (Excel's default 64 px column is 48 pt = 9.14 chars, which is
 * the width Excel itself writes for it).
 */
import { isEntireColumns, isEntireRows } from "../a1";
import { ClientObject } from "../clientObject";
import { apiError, MESSAGES } from "../errors";
import { columnsOf, rowsOf } from "../internals";
import type { RangeTarget } from "../rangeCells";
import { uniform } from "../rangeStyleRead";
import type { Session } from "../session";
import { type Style, styleBox } from "../style";
import { RangeBorderCollection } from "./rangeBorders";
import { RangeFill } from "./rangeFill";
import { RangeFont } from "./rangeFont";

/** Points per stored column-width unit (see the file comment). */
export const POINTS_PER_WIDTH_UNIT = 5.25;
const DEFAULT_COLUMN_POINTS = 48;
const DEFAULT_ROW_POINTS = 15;

const HORIZONTAL: Readonly<Record<string, string | undefined>> = {
  General: undefined, Left: "left", Center: "center", Right: "right", Fill: "fill", Justify: "justify",
  CenterAcrossSelection: "centerContinuous", Distributed: "distributed",
};
const VERTICAL: Readonly<Record<string, string | undefined>> = {
  Top: "top", Center: "middle", Bottom: "bottom", Justify: "justify", Distributed: "distributed",
};

function apiName(map: Readonly<Record<string, string | undefined>>, value: string | undefined, fallback: string): string {
  return Object.keys(map).find((k) => map[k] === value && value !== undefined) ?? fallback;
}

export class RangeFormat extends ClientObject<RangeTarget> {
  protected readonly scalarNames = ["columnWidth", "rowHeight", "horizontalAlignment", "verticalAlignment", "wrapText"] as const;
  private fillProxy: RangeFill | undefined;
  private fontProxy: RangeFont | undefined;
  private bordersProxy: RangeBorderCollection | undefined;

  constructor(session: Session, path: string) {
    super(session, path, "RangeFormat");
  }

  protected readScalar(t: RangeTarget, name: string): unknown {
    switch (name) {
      case "columnWidth": {
        if (isEntireRows(t.box)) return null;
        const cols = columnsOf(t.ws);
        const widths = new Set<number>();
        for (let c = t.box.col; c < t.box.col + t.box.colCount && widths.size < 2; c++) {
          const w = cols[c]?.width;
          widths.add(w === undefined ? DEFAULT_COLUMN_POINTS : Math.round(w * POINTS_PER_WIDTH_UNIT * 100) / 100);
        }
        return widths.size === 1 ? [...widths][0] : null;
      }
      case "rowHeight": {
        if (isEntireColumns(t.box)) return null;
        const rows = rowsOf(t.ws);
        const heights = new Set<number>();
        for (let r = t.box.row; r < t.box.row + t.box.rowCount && heights.size < 2; r++) heights.add(rows[r]?.height ?? DEFAULT_ROW_POINTS);
        return heights.size === 1 ? [...heights][0] : null;
      }
      case "horizontalAlignment":
        return uniform(t, (c) => apiName(HORIZONTAL, c?.style?.alignment?.horizontal, "General"));
      case "verticalAlignment":
        return uniform(t, (c) => apiName(VERTICAL, c?.style?.alignment?.vertical, "Bottom"));
      default:
        return uniform(t, (c) => Boolean(c?.style?.alignment?.wrapText));
    }
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    if (name === "fill") return this.fill as ClientObject<unknown>;
    if (name === "font") return this.font as ClientObject<unknown>;
    if (name === "borders") return this.borders as ClientObject<unknown>;
    return undefined;
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
  set columnWidth(points: number) {
    this.queueSet("columnWidth", points, (t) => {
      if (typeof points !== "number" || !(points >= 0)) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      for (let c = t.box.col; c < t.box.col + t.box.colCount; c++) t.ws.getColumn(c + 1).width = points / POINTS_PER_WIDTH_UNIT;
    });
  }

  get rowHeight(): number { return this.prop("rowHeight"); }
  set rowHeight(points: number) {
    this.queueSet("rowHeight", points, (t) => {
      if (typeof points !== "number" || !(points >= 0)) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      if (isEntireColumns(t.box)) {
        t.ws.properties.defaultRowHeight = points;
        return;
      }
      for (let r = t.box.row; r < t.box.row + t.box.rowCount; r++) t.ws.getRow(r + 1).height = points;
    });
  }

  get horizontalAlignment(): string { return this.prop("horizontalAlignment"); }
  set horizontalAlignment(value: string) {
    this.setAlignment("horizontalAlignment", value, HORIZONTAL, "horizontal");
  }

  get verticalAlignment(): string { return this.prop("verticalAlignment"); }
  set verticalAlignment(value: string) {
    this.setAlignment("verticalAlignment", value, VERTICAL, "vertical");
  }

  get wrapText(): boolean { return this.prop("wrapText"); }
  set wrapText(value: boolean) {
    this.queueSet("wrapText", value, (t) => {
      if (typeof value !== "boolean") throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      styleBox(t.ws, t.box, (old) => ({ alignment: { ...old.alignment, wrapText: value } }));
    });
  }

  /** Excel sizes columns to their contents; the xlsx host cannot measure text, so this does nothing. */
  autofitColumns(): void {
    this.queue("autofitColumns", [], () => undefined);
  }

  /** Excel sizes rows to their contents; the xlsx host cannot measure text, so this does nothing. */
  autofitRows(): void {
    this.queue("autofitRows", [], () => undefined);
  }

  private setAlignment(name: string, value: string, map: Readonly<Record<string, string | undefined>>, key: "horizontal" | "vertical"): void {
    this.queueSet(name, value, (t) => {
      if (!Object.prototype.hasOwnProperty.call(map, value)) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      const mapped = map[value];
      styleBox(t.ws, t.box, (old): Style => {
        const alignment: Record<string, unknown> = { ...old.alignment };
        if (mapped === undefined) delete alignment[key];
        else alignment[key] = mapped;
        return { alignment: alignment as Style["alignment"] };
      });
    });
  }
}
