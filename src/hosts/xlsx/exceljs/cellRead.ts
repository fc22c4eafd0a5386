/**
 * Reads one ExcelJS cell the way `Range.values` and `Range.numberFormat` report it.
 *
 * - Numbers, strings and booleans as they are; an empty cell is "".
 * - A formula cell gives its cached result (a formula without one is calculated by exceljs/formulas.ts, through cells.ts).
 * - Rich text gives its plain text; a hyperlink cell gives its display text.
 * - A date gives its serial number in the 1900 date system (1904 when the workbook uses it).
 * - An error gives its text, e.g. "#DIV/0!".
 * - A cell covered by a merge, other than the merge's top-left cell, is empty: ExcelJS reports the
 *   top-left cell's value there, Excel does not.
 */
import type * as ExcelJS from "exceljs";
import { ValueType } from "./internals";

/** What `Range.values` holds for one cell. */
export type ApiValue = number | string | boolean;

const MS_PER_DAY = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * Converts a date to an Excel serial number.
 *
 * @example
 * toSerial(new Date(Date.UTC(2024, 0, 1)), false) //=> 45292
 */
export function toSerial(date: Date, date1904: boolean): number {
  return (date.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
}

function plain(value: unknown, date1904: boolean): ApiValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return toSerial(value, date1904);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.error === "string") return v.error;
    if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((r) => String(r.text ?? "")).join("");
    if ("text" in v && "hyperlink" in v) return plain(v.text, date1904);
    if ("formula" in v || "sharedFormula" in v) return plain(v.result, date1904);
  }
  return String(value);
}

/** True for a cell that a merge covers but that is not the merge's top-left cell. */
export function isMergeSlave(cell: ExcelJS.Cell): boolean {
  return cell.type === ValueType.Merge;
}

/**
 * The cell's value as `Range.values` reports it.
 *
 * @param cell - the cell, or undefined when it does not exist
 * @param date1904 - whether the workbook uses the 1904 date system
 */
export function readValue(cell: ExcelJS.Cell | undefined, date1904: boolean): ApiValue {
  if (cell === undefined || isMergeSlave(cell)) return "";
  return plain(cell.value, date1904);
}

/**
 * The cell as `Range.formulas` reports it: "=" and the formula for a formula cell (a shared
 * formula translated to this cell), otherwise what `Range.values` reports.
 */
export function readFormula(cell: ExcelJS.Cell | undefined, date1904: boolean): ApiValue {
  if (cell === undefined || isMergeSlave(cell)) return "";
  if (cell.type === ValueType.Formula) {
    const f = cell.formula;
    if (typeof f === "string" && f !== "") return `=${f}`;
  }
  return plain(cell.value, date1904);
}

/** The cell's number format; "General" when it has none. */
export function readNumberFormat(cell: ExcelJS.Cell | undefined, fallback: string | undefined): string {
  const fmt = cell?.style?.numFmt ?? fallback;
  return fmt === undefined || fmt === "" ? "General" : fmt;
}

/** True when the cell holds something `Range.values` would show (a merge-covered cell does not). */
export function hasValue(cell: ExcelJS.Cell): boolean {
  const t = cell.type;
  if (t === ValueType.Null || t === ValueType.Merge) return false;
  return !(t === ValueType.String && cell.value === "");
}

/** True when the cell holds a value or carries any formatting (what a non-values-only used range counts). */
export function hasValueOrFormat(cell: ExcelJS.Cell): boolean {
  if (cell.type !== ValueType.Null) return true;
  const style = cell.style as Record<string, unknown> | undefined;
  return style !== undefined && Object.keys(style).some((k) => style[k] !== undefined);
}
