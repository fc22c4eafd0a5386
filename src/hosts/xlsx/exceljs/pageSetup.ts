/**
 * How a sheet prints, kept in ExcelJS's `ws.pageSetup`.
 *
 * - Orientation "Portrait" | "Landscape" → `orientation`; paper size `Excel.PaperType` → the
 *   file's paper code ("Letter" 1, "A4" 9…).
 * - Zoom takes either `{ scale }` (10–400 %) or fit-to-pages `{ horizontalFitToPages?,
 *   verticalFitToPages? }` (0 = as many pages as needed; an omitted one keeps its current value),
 *   never both.
 * - Print title rows are entire rows of this sheet ("$1:$2"), stored as `pageSetup.printTitlesRow`
 *   ("1:2"), which ExcelJS saves as the sheet's `_xlnm.Print_Titles` name.
 */
import type * as ExcelJS from "exceljs";
import { isEntireRows, parseAddress } from "./a1";
import { apiError, MESSAGES } from "../office/errors";

/** `Excel.PaperType` values in the order of the file format's paper codes (1 = Letter … 41). */
const PAPER_TYPES = [
  "Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5",
  "Folio", "Quatro", "Paper10x14", "Paper11x17", "Note", "Envelope9", "Envelope10", "Envelope11", "Envelope12", "Envelope14",
  "Csheet", "Dsheet", "Esheet", "EnvelopeDL", "EnvelopeC5", "EnvelopeC3", "EnvelopeC4", "EnvelopeC6", "EnvelopeC65",
  "EnvelopeB4", "EnvelopeB5", "EnvelopeB6", "EnvelopeItaly", "EnvelopeMonarch", "EnvelopePersonal", "FanfoldUS",
  "FanfoldStdGerman", "FanfoldLegalGerman",
] as const;

const ORIENTATIONS: Readonly<Record<string, "portrait" | "landscape">> = { Portrait: "portrait", Landscape: "landscape" };

/** The largest fit-to-pages count Excel accepts. */
const MAX_FIT_PAGES = 32767;

/** `ws.pageSetup` as ExcelJS keeps it, with the members its typings leave out or make read-only. */
interface PageSetupModel {
  orientation?: string;
  paperSize?: number;
  scale?: number;
  fitToPage?: boolean;
  fitToWidth?: number;
  fitToHeight?: number;
  printTitlesRow?: string;
}

/** What `zoom` takes (`Excel.PageLayoutZoomOptions`). */
export interface ZoomOptions {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
}

function pageSetup(ws: ExcelJS.Worksheet): PageSetupModel {
  const sheet = ws as unknown as { pageSetup?: PageSetupModel };
  sheet.pageSetup ??= {};
  return sheet.pageSetup;
}

function invalid(detail: string): never {
  throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} ${detail}`);
}

function isCount(n: unknown, min: number, max: number): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= min && n <= max;
}

/** Sets the orientation ("Portrait" | "Landscape"). */
export function setOrientation(ws: ExcelJS.Worksheet, value: string): void {
  const o = ORIENTATIONS[value];
  if (o === undefined) invalid(`'${String(value)}' is not a page orientation.`);
  pageSetup(ws).orientation = o;
}

/** Sets the paper size (an `Excel.PaperType` name). */
export function setPaperSize(ws: ExcelJS.Worksheet, value: string): void {
  const code = (PAPER_TYPES as readonly string[]).indexOf(value) + 1;
  if (code === 0) invalid(`'${String(value)}' is not an Excel.PaperType.`);
  pageSetup(ws).paperSize = code;
}

/** Sets the zoom: a scale, or fit-to-pages counts. */
export function setZoom(ws: ExcelJS.Worksheet, zoom: ZoomOptions): void {
  if (zoom === null || typeof zoom !== "object") invalid("zoom must be an object.");
  const { horizontalFitToPages: h, verticalFitToPages: v, scale } = zoom;
  const fit = h !== undefined || v !== undefined;
  if (fit && scale !== undefined) invalid("zoom takes either scale or fit-to-pages counts, not both.");
  const setup = pageSetup(ws);
  if (scale !== undefined) {
    if (!isCount(scale, 10, 400)) invalid("zoom.scale must be a whole percentage from 10 to 400.");
    setup.scale = scale;
    setup.fitToPage = false;
    return;
  }
  if (!fit) invalid("zoom needs scale, horizontalFitToPages or verticalFitToPages.");
  if (h !== undefined && !isCount(h, 0, MAX_FIT_PAGES)) invalid("zoom.horizontalFitToPages must be a whole number from 0 to 32767.");
  if (v !== undefined && !isCount(v, 0, MAX_FIT_PAGES)) invalid("zoom.verticalFitToPages must be a whole number from 0 to 32767.");
  setup.fitToPage = true;
  setup.fitToWidth = h ?? setup.fitToWidth ?? 1;
  setup.fitToHeight = v ?? setup.fitToHeight ?? 1;
}

/** Sets the rows repeated at the top of every printed page: entire rows of this sheet, e.g. "$1:$2". */
export function setPrintTitleRows(ws: ExcelJS.Worksheet, rows: string): void {
  const parsed = typeof rows === "string" ? parseAddress(rows.trim().replace(/^=/, "")) : null;
  const ok = parsed !== null && (parsed.sheet === null || parsed.sheet.toLowerCase() === ws.name.toLowerCase()) && isEntireRows(parsed.box);
  if (!ok) invalid('Print title rows must be entire rows of this worksheet, e.g. "$1:$2".');
  pageSetup(ws).printTitlesRow = `${parsed.box.row + 1}:${parsed.box.row + parsed.box.rowCount}`;
}
