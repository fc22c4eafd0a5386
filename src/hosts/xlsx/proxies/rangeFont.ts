/**
 * `Excel.RangeFont`: bold, italic, color ("#RRGGBB"), size (points) and name of a range's font.
 */
import type * as ExcelJS from "exceljs";
import { ClientObject } from "../clientObject";
import { apiError, MESSAGES } from "../errors";
import type { RangeTarget } from "../rangeCells";
import { uniform } from "../rangeStyleRead";
import type { Session } from "../session";
import { fromArgb, styleBox, toArgb } from "../style";

type Font = Partial<ExcelJS.Font>;

const DEFAULTS = { bold: false, italic: false, color: "#000000", size: 11, name: "Calibri" } as const;

export class RangeFont extends ClientObject<RangeTarget> {
  protected readonly scalarNames = ["bold", "italic", "color", "size", "name"] as const;

  constructor(session: Session, path: string) {
    super(session, path, "RangeFont");
  }

  protected readScalar(t: RangeTarget, name: string): unknown {
    return uniform(t, (c) => {
      const f: Font | undefined = c?.style?.font;
      switch (name) {
        case "bold": return f?.bold ?? DEFAULTS.bold;
        case "italic": return f?.italic ?? DEFAULTS.italic;
        case "color": return fromArgb(f?.color) ?? DEFAULTS.color;
        case "size": return f?.size ?? DEFAULTS.size;
        default: return f?.name ?? DEFAULTS.name;
      }
    });
  }

  get bold(): boolean { return this.prop("bold"); }
  set bold(value: boolean) { this.setFont("bold", value, () => ({ bold: this.bool(value) })); }

  get italic(): boolean { return this.prop("italic"); }
  set italic(value: boolean) { this.setFont("italic", value, () => ({ italic: this.bool(value) })); }

  get color(): string { return this.prop("color"); }
  set color(value: string) { this.setFont("color", value, () => ({ color: { argb: toArgb(value, "RangeFont.color") } })); }

  get size(): number { return this.prop("size"); }
  set size(value: number) {
    this.setFont("size", value, () => {
      if (typeof value !== "number" || !(value > 0 && value <= 409)) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      return { size: value };
    });
  }

  get name(): string { return this.prop("name"); }
  set name(value: string) {
    this.setFont("name", value, () => {
      if (typeof value !== "string" || value === "") throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      return { name: value };
    });
  }

  private bool(value: unknown): boolean {
    if (typeof value !== "boolean") throw apiError("InvalidArgument", MESSAGES.invalidArgument());
    return value;
  }

  private setFont(prop: string, value: unknown, make: () => Font): void {
    this.queueSet(prop, value, (t) => {
      const change = make();
      styleBox(t.ws, t.box, (old) => ({ font: { ...old.font, ...change } }));
    });
  }
}
