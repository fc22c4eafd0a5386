/**
 * Maps the API's border `style` + `weight` to ExcelJS's single border style name, and back, and
 * applies an edge change to the cells along one side of a range.
 *
 * - EdgeTop/EdgeBottom/EdgeLeft/EdgeRight set the outer edge of the range.
 * - InsideHorizontal/InsideVertical set the lines between the range's rows/columns (on both
 *   neighbouring cells, so either cell read alone shows the line).
 */
import type * as ExcelJS from "exceljs";
import { type Box, isUnbounded } from "./a1";
import { apiError, MESSAGES } from "../office/errors";
import { patchCell, type Style } from "./style";

/** The API's border line styles. */
export type LineStyle = "None" | "Continuous" | "Dash" | "DashDot" | "DashDotDot" | "Dot" | "Double" | "SlantDashDot";
/** The API's border weights. */
export type Weight = "Hairline" | "Thin" | "Medium" | "Thick";
/** The sides the host supports. */
export const SIDES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;
export type Side = (typeof SIDES)[number];

type Edge = Partial<ExcelJS.Border> | undefined;
type EdgeKey = "top" | "bottom" | "left" | "right";

const LINE_STYLES: readonly string[] = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const WEIGHTS: readonly string[] = ["Hairline", "Thin", "Medium", "Thick"];

/** Decodes an ExcelJS border style into the API's style and weight. */
export function decode(style: string | undefined): { lineStyle: LineStyle; weight: Weight } {
  switch (style) {
    case undefined: return { lineStyle: "None", weight: "Thin" };
    case "hair": return { lineStyle: "Continuous", weight: "Hairline" };
    case "medium": return { lineStyle: "Continuous", weight: "Medium" };
    case "thick": return { lineStyle: "Continuous", weight: "Thick" };
    case "dashed": return { lineStyle: "Dash", weight: "Thin" };
    case "mediumDashed": return { lineStyle: "Dash", weight: "Medium" };
    case "dashDot": return { lineStyle: "DashDot", weight: "Thin" };
    case "mediumDashDot": return { lineStyle: "DashDot", weight: "Medium" };
    case "dashDotDot": return { lineStyle: "DashDotDot", weight: "Thin" };
    case "mediumDashDotDot": return { lineStyle: "DashDotDot", weight: "Medium" };
    case "dotted": return { lineStyle: "Dot", weight: "Thin" };
    case "double": return { lineStyle: "Double", weight: "Thick" };
    case "slantDashDot": return { lineStyle: "SlantDashDot", weight: "Medium" };
    default: return { lineStyle: "Continuous", weight: "Thin" };
  }
}

/** Encodes the API's style and weight as an ExcelJS border style; undefined for "None". */
export function encode(lineStyle: LineStyle, weight: Weight): ExcelJS.BorderStyle | undefined {
  const heavy = weight === "Medium" || weight === "Thick";
  switch (lineStyle) {
    case "None": return undefined;
    case "Continuous": return weight === "Hairline" ? "hair" : weight === "Medium" ? "medium" : weight === "Thick" ? "thick" : "thin";
    case "Dash": return heavy ? "mediumDashed" : "dashed";
    case "DashDot": return heavy ? "mediumDashDot" : "dashDot";
    case "DashDotDot": return heavy ? "mediumDashDotDot" : "dashDotDot";
    case "Dot": return "dotted";
    case "Double": return "double";
    default: return "slantDashDot";
  }
}

/** A change to one edge: a new line style, weight or colour. */
export type EdgeChange = { lineStyle: string } | { weight: string } | { argb: string };

/** Applies a change to one edge record. */
export function changeEdge(old: Edge, change: EdgeChange): Edge {
  const now = decode(old?.style);
  if ("lineStyle" in change) {
    if (!LINE_STYLES.includes(change.lineStyle)) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
    const style = encode(change.lineStyle as LineStyle, now.weight);
    return style === undefined ? undefined : { ...old, style };
  }
  if ("weight" in change) {
    if (!WEIGHTS.includes(change.weight)) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
    const lineStyle = now.lineStyle === "None" ? "Continuous" : now.lineStyle;
    return { ...old, style: encode(lineStyle, change.weight as Weight) };
  }
  return { ...old, style: old?.style ?? "thin", color: { argb: change.argb } };
}

/** The cells along a side of a box, with the edge of each that the side means; an outer edge visits only its own line of cells. */
function* edgesOf(box: Box, side: Side): Generator<[number, number, EdgeKey]> {
  const last = { row: box.row + box.rowCount - 1, col: box.col + box.colCount - 1 };
  switch (side) {
    case "EdgeTop":
      for (let c = box.col; c <= last.col; c++) yield [box.row, c, "top"];
      return;
    case "EdgeBottom":
      for (let c = box.col; c <= last.col; c++) yield [last.row, c, "bottom"];
      return;
    case "EdgeLeft":
      for (let r = box.row; r <= last.row; r++) yield [r, box.col, "left"];
      return;
    case "EdgeRight":
      for (let r = box.row; r <= last.row; r++) yield [r, last.col, "right"];
      return;
  }
  for (let r = box.row; r <= last.row; r++) {
    for (let c = box.col; c <= last.col; c++) {
      if (side === "InsideHorizontal") {
        if (r < last.row) yield [r, c, "bottom"];
        if (r > box.row) yield [r, c, "top"];
      } else {
        if (c < last.col) yield [r, c, "right"];
        if (c > box.col) yield [r, c, "left"];
      }
    }
  }
}

/**
 * Applies an edge change along a side of the box.
 *
 * @throws HostApiError "InvalidArgument" for entire rows or columns (not supported by the host)
 */
export function applyBorder(ws: ExcelJS.Worksheet, box: Box, side: Side, change: EdgeChange): void {
  if (isUnbounded(box)) {
    throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} The xlsx host does not set borders on entire rows or columns.`);
  }
  // One patch per edge key (the same change for every cell), and one share map per key.
  const byEdge = new Map<EdgeKey, { patch: (old: Style) => Style; shared: Map<Style | string, Style> }>();
  const edge = (key: EdgeKey): { patch: (old: Style) => Style; shared: Map<Style | string, Style> } => {
    let e = byEdge.get(key);
    if (e === undefined) {
      const patch = (old: Style): Style => {
        const border: Record<string, unknown> = { ...old.border };
        const next = changeEdge(old.border?.[key], change);
        if (next === undefined) delete border[key];
        else border[key] = next;
        return { border: border as Partial<ExcelJS.Borders> };
      };
      byEdge.set(key, (e = { patch, shared: new Map() }));
    }
    return e;
  };
  // Rows are looked up once each: ws.getCell(r, c) decodes an address for every cell.
  let rowIndex = -1;
  let row: ExcelJS.Row | undefined;
  for (const [r, c, key] of edgesOf(box, side)) {
    if (r !== rowIndex) {
      rowIndex = r;
      row = ws.getRow(r + 1);
    }
    const e = edge(key);
    patchCell((row as ExcelJS.Row).getCell(c + 1), e.patch, e.shared);
  }
}
