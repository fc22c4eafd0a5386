/**
 * Writes one input of `Range.values` into an ExcelJS cell, the way Excel parses
 * what it is given.
 *
 * - `null` leaves the cell unchanged (Excel's null-input rule); "" clears it.
 * - In a cell formatted as Text ("@"), a string is stored as that text, whatever it looks like.
 * - Otherwise a string starting with "=" becomes a formula (stored without the "=", as ExcelJS
 *   does); a plain number ("123", "-1.5", "1e3", "1,234.5") becomes a number; a percentage
 *   ("50%") becomes 0.5 and, in a General cell, the format "0%"; "TRUE"/"FALSE" become booleans;
 *   a leading apostrophe forces text and is dropped.
 * - A cell covered by a merge (not its top-left cell) cannot hold a value; the input is ignored.
 * - A hyperlink stays on its cell when a plain value is written there (Excel keeps links apart
 *   from values); the value becomes the link's text.
 */
import type * as ExcelJS from "exceljs";
import { ValueType } from "./internals";
import { isMergeSlave } from "./cellRead";
import { setNumberFormat } from "./style";

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;

/** The result of parsing an input string: what the cell will hold, and any format Excel adds. */
interface Parsed {
  value: ExcelJS.CellValue;
  format?: string;
}

function parseString(text: string): Parsed {
  if (text === "") return { value: null };
  if (text.startsWith("=") && text.length > 1) return { value: { formula: text.slice(1) } as ExcelJS.CellFormulaValue };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (PLAIN_NUMBER.test(text)) return { value: Number(text) };
  if (GROUPED_NUMBER.test(text)) return { value: Number(text.replace(/,/g, "")), format: "#,##0" };
  const pct = PERCENT.exec(text);
  if (pct?.[1] !== undefined) {
    const decimals = pct[1].includes(".") ? pct[1].split(".")[1]?.length ?? 0 : 0;
    return { value: Number(pct[1]) / 100, format: decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%" };
  }
  const upper = text.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  return { value: text };
}

/**
 * Checks one input element before anything is written, so a bad element fails the whole write.
 *
 * @returns true when Excel accepts the element
 */
export function isValidInput(input: unknown): boolean {
  if (input === null || input === undefined) return true;
  if (typeof input === "number") return Number.isFinite(input);
  return typeof input === "string" || typeof input === "boolean";
}

/**
 * Writes one input into a cell.
 *
 * @param cell - the target cell (created by the caller)
 * @param input - a number, string, boolean or null (null leaves the cell as it is)
 */
export function writeInput(cell: ExcelJS.Cell, input: unknown): void {
  if (input === null || input === undefined || isMergeSlave(cell)) return;
  if (typeof input !== "string") {
    store(cell, input as number | boolean);
    return;
  }
  const fmt = cell.style?.numFmt;
  if (fmt === "@") {
    store(cell, input === "" ? null : input);
    return;
  }
  const parsed = parseString(input);
  store(cell, parsed.value);
  if (parsed.format !== undefined && (fmt === undefined || fmt === "" || fmt === "General")) {
    setNumberFormat(cell, parsed.format);
  }
}

function store(cell: ExcelJS.Cell, value: ExcelJS.CellValue): void {
  const link = cell.type === ValueType.Hyperlink ? (cell.value as ExcelJS.CellHyperlinkValue) : undefined;
  const plain = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
  if (link !== undefined && plain && value !== "") {
    cell.value = link.tooltip === undefined
      ? { text: String(value), hyperlink: link.hyperlink }
      : { text: String(value), hyperlink: link.hyperlink, tooltip: link.tooltip };
    return;
  }
  cell.value = value;
}
