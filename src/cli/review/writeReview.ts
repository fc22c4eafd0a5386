/**
 * Writes the review workbook: a new, blank workbook opened in the xlsx host, filled through the
 * same Office.js path the add-in uses (writePlans), then saved to a temporary file and renamed.
 */
import * as path from "path";
import { pathToFileURL } from "url";
import { Workbook } from "../../hosts/xlsx/exceljs/internals";
import { MARKER_PREFIX } from "../../excel/readWorkbook";
import { writePlans } from "../../excel/writePlans";
import { XlsxHost } from "../../hosts/xlsx";
import { writeOutput } from "../files";
import type { ReviewLayout } from "./layoutReview";

/**
 * The link from the review workbook's folder to a file: a relative path with each segment
 * percent-encoded (spaces, `#` and Chinese names survive every reader), or a file: URL when no
 * relative path exists (another drive on Windows).
 *
 * @example
 * relativeHref("/r/review.xlsx", "/r/a b/x.scored.xlsx") //=> "a%20b/x.scored.xlsx"
 */
export function relativeHref(reviewFile: string, target: string): string {
  const rel = path.relative(path.dirname(reviewFile), target);
  if (path.isAbsolute(rel)) return pathToFileURL(target).href;
  return rel.split(path.sep).map(encodeURIComponent).join("/");
}

/**
 * Writes the layout into a new workbook at `file` (writeOutput: a temporary file, then rename).
 *
 * - Sheets, formats, formulas and conditional formats go through writePlans in one host run;
 *   the links to the scored copies are set as `Range.hyperlink.address` in the same run, and the
 *   marks writePlans leaves for re-runs are removed (the review is not a scored workbook).
 * - The AutoFilter over the project table is set on the ExcelJS workbook the host wraps, just
 *   before saving: the xlsx host has no `Worksheet.autoFilter` (ExcelApi 1.9) to go through.
 *
 * @throws FileProblem when the file cannot be written (the caller reports it)
 */
export async function writeReview(layout: ReviewLayout, file: string): Promise<void> {
  const host = XlsxHost.fromWorkbook(new Workbook());
  const env = { isSetSupported: (n: string, v: string) => host.capabilities.isSetSupported(n, v), charts: false };
  await host.run(async (context) => {
    await writePlans(context, layout.plans, [], env);
    const names = context.workbook.names.load("items/name");
    const sheets = context.workbook.worksheets;
    for (const link of layout.links) {
      const range = sheets.getItem(link.sheet).getRange(link.cell);
      range.hyperlink = { address: link.address, screenTip: link.tooltip };
    }
    const first = layout.plans[0];
    if (first !== undefined) sheets.getItem(first.name).activate();
    await context.sync();
    for (const n of names.items) if (n.name.startsWith(MARKER_PREFIX)) n.delete();
    await context.sync();
  });
  const sheet = host.workbook.getWorksheet(layout.filter.sheet);
  if (sheet !== undefined) sheet.autoFilter = layout.filter.range;
  writeOutput(file, await host.writeBuffer());
}
