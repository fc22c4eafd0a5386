/**
 * `Excel.RangeBorderCollection` and `Excel.RangeBorder`: the lines along a range's sides.
 *
 * `getItem("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" |
 * "InsideVertical")` gives a border whose `style`, `weight` and `color` can be set and loaded.
 * Diagonal borders are not supported (sync rejects with "InvalidArgument").
 */
import { findCell } from "../internals";
import { applyBorder, decode, type EdgeChange, readEdgeKey, type Side, SIDES } from "../borderStyle";
import { ClientCollection } from "../clientCollection";
import { ClientObject } from "../clientObject";
import { apiError, MESSAGES } from "../errors";
import type { RangeTarget } from "../rangeCells";
import type { Session } from "../session";
import { fromArgb, toArgb } from "../style";

/** A border's target: the range and the side. */
export interface BorderTarget {
  range: RangeTarget;
  side: Side;
}

export class RangeBorder extends ClientObject<BorderTarget> {
  protected readonly scalarNames = ["sideIndex", "style", "weight", "color"] as const;

  constructor(session: Session, path: string) {
    super(session, path, "RangeBorder");
  }

  protected readScalar(t: BorderTarget, name: string): unknown {
    if (name === "sideIndex") return t.side;
    const { ws, box } = t.range;
    const edge = findCell(ws, box.row + 1, box.col + 1)?.style?.border?.[readEdgeKey(t.side)];
    if (name === "color") return fromArgb(edge?.color) ?? "#000000";
    const decoded = decode(edge?.style);
    return name === "style" ? decoded.lineStyle : decoded.weight;
  }

  get sideIndex(): string { return this.prop("sideIndex"); }

  get style(): string { return this.prop("style"); }
  set style(value: string) { this.change("style", value, () => ({ lineStyle: value })); }

  get weight(): string { return this.prop("weight"); }
  set weight(value: string) { this.change("weight", value, () => ({ weight: value })); }

  get color(): string { return this.prop("color"); }
  set color(value: string) { this.change("color", value, () => ({ argb: toArgb(value, "RangeBorder.color") })); }

  private change(name: string, value: unknown, make: () => EdgeChange): void {
    this.queueSet(name, value, (t) => applyBorder(t.range.ws, t.range.box, t.side, make()));
  }
}

export class RangeBorderCollection extends ClientCollection<RangeTarget, RangeBorder> {
  constructor(session: Session, path: string) {
    super(session, path, "RangeBorderCollection");
  }

  protected listItems(t: RangeTarget): RangeBorder[] {
    return SIDES.map((side) => {
      const b = new RangeBorder(this.session, this.childPath("getItem", [side]));
      b.settle({ range: t, side });
      return b;
    });
  }

  /** The border along one side. */
  getItem(index: string): RangeBorder {
    return this.spawn(new RangeBorder(this.session, this.childPath("getItem", [index])), "getItem", [index], (t) => {
      if (!(SIDES as readonly string[]).includes(index)) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      return { range: t, side: index as Side };
    });
  }
}
