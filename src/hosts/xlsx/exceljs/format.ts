/**
 * Range formatting written into ExcelJS: alignment, wrapping, font, fill, column widths and row
 * heights.
 *
 * Column widths are points in the API and characters in the file. The conversion assumes the
 * default font (Calibri 11, maximum digit width 7 px at 96 dpi): one stored width unit is 7 px =
 * 5.25 pt, so chars = points / 5.25 (Excel's default 64 px column is 48 pt = 9.14 chars, which is
 * the width Excel itself writes for it).
 */
import type * as ExcelJS from "exceljs";
import { type Box, isEntireColumns } from "./a1";
import { apiError, MESSAGES } from "../office/errors";
import { type Style, styleBox } from "./style";

/** Points per stored column-width unit (see the file comment). */
export const POINTS_PER_WIDTH_UNIT = 5.25;

const HORIZONTAL: Readonly<Record<string, string | undefined>> = {
  General: undefined, Left: "left", Center: "center", Right: "right", Fill: "fill", Justify: "justify",
  CenterAcrossSelection: "centerContinuous", Distributed: "distributed",
};
const VERTICAL: Readonly<Record<string, string | undefined>> = {
  Top: "top", Center: "middle", Bottom: "bottom", Justify: "justify", Distributed: "distributed",
};

function invalid(): never {
  throw apiError("InvalidArgument", MESSAGES.invalidArgument());
}

/** Sets the width of the box's columns, in points. */
export function setColumnWidth(ws: ExcelJS.Worksheet, box: Box, points: number): void {
  if (typeof points !== "number" || !(points >= 0)) invalid();
  for (let c = box.col; c < box.col + box.colCount; c++) ws.getColumn(c + 1).width = points / POINTS_PER_WIDTH_UNIT;
}

/** Sets the height of the box's rows, in points (entire columns: the sheet's default row height). */
export function setRowHeight(ws: ExcelJS.Worksheet, box: Box, points: number): void {
  if (typeof points !== "number" || !(points >= 0)) invalid();
  if (isEntireColumns(box)) {
    ws.properties.defaultRowHeight = points;
    return;
  }
  for (let r = box.row; r < box.row + box.rowCount; r++) ws.getRow(r + 1).height = points;
}

/** Sets the horizontal or vertical alignment from the API's name ("Center", "Top"…). */
export function setAlignment(ws: ExcelJS.Worksheet, box: Box, key: "horizontal" | "vertical", value: string): void {
  const map = key === "horizontal" ? HORIZONTAL : VERTICAL;
  if (!Object.prototype.hasOwnProperty.call(map, value)) invalid();
  const mapped = map[value];
  styleBox(ws, box, (old): Style => {
    const alignment: Record<string, unknown> = { ...old.alignment };
    if (mapped === undefined) delete alignment[key];
    else alignment[key] = mapped;
    return { alignment: alignment as Style["alignment"] };
  });
}

/** Sets whether text wraps. */
export function setWrap(ws: ExcelJS.Worksheet, box: Box, wrap: boolean): void {
  if (typeof wrap !== "boolean") invalid();
  styleBox(ws, box, (old) => ({ alignment: { ...old.alignment, wrapText: wrap } }));
}

/** A font change, already checked: `bold`, `italic`, `size`, `name` or `color` (ARGB). */
export type FontChange = { bold: boolean } | { italic: boolean } | { size: number } | { name: string } | { color: { argb: string } };

/** Checks a font property as Excel does and gives the change. */
export function fontChange(property: "bold" | "italic" | "size" | "name", value: unknown): FontChange {
  switch (property) {
    case "bold":
    case "italic":
      if (typeof value !== "boolean") invalid();
      return property === "bold" ? { bold: value } : { italic: value };
    case "size":
      if (typeof value !== "number" || !(value > 0 && value <= 409)) invalid();
      return { size: value };
    default:
      if (typeof value !== "string" || value === "") invalid();
      return { name: value };
  }
}

/** Applies a font change to every cell of the box. */
export function setFont(ws: ExcelJS.Worksheet, box: Box, change: FontChange): void {
  styleBox(ws, box, (old) => ({ font: { ...old.font, ...change } }));
}

/** Fills the box with a solid colour (ARGB). */
export function setFill(ws: ExcelJS.Worksheet, box: Box, argb: string): void {
  styleBox(ws, box, () => ({ fill: { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } } }));
}
