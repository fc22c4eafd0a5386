import { toA1Range } from "../../cells/address";
import type { Language } from "../../types";
import type { CellStyle, PageSetup } from "../sheetPlan";

/**
 * Excel's own body font for the language (Office 2016 and later): 等线 (DengXian) for Chinese,
 * Calibri for English. Written once over the whole block so bold and italic cells keep the
 * family in every spreadsheet, and the output matches the rest of the user's workbook. Both
 * fall back to a CJK face for Chinese names in English output.
 *
 * @example
 * fontFor("zh") //=> "等线"
 */
export function fontFor(language: Language): string {
  return language === "en" ? "Calibri" : "等线";
}

/** The body font size the row heights and column widths are estimated for. */
export const BODY_FONT_SIZE = 11;

/**
 * The first style entry of a plan: the font family and the body size over the whole block of
 * cells. The size is explicit so the sheet does not depend on the workbook's default font (a
 * file whose cell fonts carry no size opens at 10 points in LibreOffice, and the row heights here
 * are estimated for 11).
 *
 * @param rows - the block's row count; @param cols - its column count
 * @example
 * fontStyle("zh", 3, 13) //=> { range: "A1:M3", style: { fontName: "等线", fontSize: 11 } }
 */
export function fontStyle(language: Language, rows: number, cols: number): { range: string; style: CellStyle } {
  return { range: toA1Range(0, 0, Math.max(rows, 1) - 1, Math.max(cols, 1) - 1), style: { fontName: fontFor(language), fontSize: BODY_FONT_SIZE } };
}

/**
 * How an output sheet prints: landscape A4, every column on one page width, and the given rows
 * repeated on every page.
 *
 * @param printTitleRows - e.g. "$1:$2", or null for none
 * @example
 * printSetup("$1:$2").orientation //=> "Landscape"
 */
export function printSetup(printTitleRows: string | null): PageSetup {
  return { orientation: "Landscape", paper: "A4", fitToWidth: true, printTitleRows };
}
