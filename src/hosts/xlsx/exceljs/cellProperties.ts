/**
 * `Range.setCellProperties` (ExcelApi 1.9): one entry per cell, each setting that cell's format
 * and hyperlink. The host takes the part of `Excel.SettableCellProperties` the code path writes:
 * `format.font` (name, size, bold, italic, color), `format.fill.color`, `format.horizontalAlignment`,
 * `format.verticalAlignment`, `format.wrapText`, and `hyperlink`. Anything else is refused with
 * "InvalidArgument" naming it, so a write the host cannot model never passes silently.
 */
import type * as ExcelJS from "exceljs";
import type { Box } from "./a1";
import { fontChange, setAlignment, setFill, setFont, setWrap } from "./format";
import { type HyperlinkInput, setHyperlink } from "./hyperlinks";
import { toArgb } from "./style";
import { apiError, MESSAGES } from "../office/errors";

const LOCATION = "Range.setCellProperties";
const FORMAT_KEYS = new Set(["font", "fill", "horizontalAlignment", "verticalAlignment", "wrapText"]);
const FONT_KEYS = new Set(["name", "size", "bold", "italic", "color"]);

function bad(why: string): never {
  throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} ${why}`, LOCATION);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * Checks the whole argument against the box first (Excel runs a call whole or not at all), then
 * applies each cell's entry.
 *
 * @throws HostApiError "InvalidArgument" for a shape other than the box's or a property the host does not set
 */
export function setCellProperties(ws: ExcelJS.Worksheet, box: Box, entries: unknown): void {
  if (!Array.isArray(entries) || entries.length !== box.rowCount) bad(`Give one row of entries per row of the range (${box.rowCount}).`);
  const rows = entries as unknown[];
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== box.colCount) bad(`Give one entry per column of the range (${box.colCount}).`);
    for (const entry of row as unknown[]) check(entry);
  }
  rows.forEach((row, i) => {
    (row as Record<string, unknown>[]).forEach((entry, j) => {
      const cell: Box = { row: box.row + i, col: box.col + j, rowCount: 1, colCount: 1 };
      apply(ws, cell, entry);
    });
  });
}

function check(entry: unknown): void {
  if (!isObject(entry)) bad("Each entry must be an object.");
  for (const key of Object.keys(entry)) if (key !== "format" && key !== "hyperlink") bad(`The xlsx host does not set '${key}'.`);
  const format = entry.format;
  if (format !== undefined) {
    if (!isObject(format)) bad("format must be an object.");
    for (const key of Object.keys(format)) if (!FORMAT_KEYS.has(key)) bad(`The xlsx host does not set format.${key}.`);
    if (format.font !== undefined) {
      if (!isObject(format.font)) bad("format.font must be an object.");
      for (const key of Object.keys(format.font)) if (!FONT_KEYS.has(key)) bad(`The xlsx host does not set format.font.${key}.`);
    }
    if (format.fill !== undefined && (!isObject(format.fill) || Object.keys(format.fill).some((k) => k !== "color"))) bad("The xlsx host sets only format.fill.color.");
  }
  if (entry.hyperlink !== undefined && !isObject(entry.hyperlink)) bad("hyperlink must be an object.");
}

function apply(ws: ExcelJS.Worksheet, cell: Box, entry: Record<string, unknown>): void {
  const format = entry.format as Record<string, unknown> | undefined;
  if (format !== undefined) {
    const font = format.font as Record<string, unknown> | undefined;
    if (font !== undefined) {
      for (const key of ["name", "size", "bold", "italic"] as const) {
        if (font[key] !== undefined) setFont(ws, cell, fontChange(key, font[key]));
      }
      if (font.color !== undefined) setFont(ws, cell, { color: { argb: toArgb(font.color as string, `${LOCATION} format.font.color`) } });
    }
    const fill = format.fill as { color?: unknown } | undefined;
    if (fill?.color !== undefined) setFill(ws, cell, toArgb(fill.color as string, `${LOCATION} format.fill.color`));
    if (format.horizontalAlignment !== undefined) setAlignment(ws, cell, "horizontal", format.horizontalAlignment as string);
    if (format.verticalAlignment !== undefined) setAlignment(ws, cell, "vertical", format.verticalAlignment as string);
    if (format.wrapText !== undefined) setWrap(ws, cell, format.wrapText as boolean);
  }
  if (entry.hyperlink !== undefined) setHyperlink(ws, cell, entry.hyperlink as HyperlinkInput, LOCATION);
}
