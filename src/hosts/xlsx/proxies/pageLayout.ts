/**
 * `Excel.PageLayout` (ExcelApi 1.9): how a sheet prints, kept in ExcelJS's `ws.pageSetup`.
 *
 * - Loadable and settable: orientation ("Portrait" | "Landscape" → `orientation`), paperSize
 *   (`Excel.PaperType` → the file's paper code: "Letter" 1, "A4" 9…; a sheet without one reads
 *   "Letter", the file format's default), zoom.
 * - `zoom` takes either `{ scale }` (10–400 %) or fit-to-pages `{ horizontalFitToPages?,
 *   verticalFitToPages? }` (0 = as many pages as needed; an omitted one keeps its current value),
 *   never both; it reads back as whichever of the two is in force.
 * - `setPrintTitleRows` takes entire rows of this sheet ("$1:$2" or a Range) and stores them as
 *   `pageSetup.printTitlesRow` ("1:2"), which ExcelJS saves as the sheet's `_xlnm.Print_Titles`
 *   name; `getPrintTitleRowsOrNullObject` reads them back.
 * - Other members (margins, headers and footers, print area…) are not supported.
 */
import type * as ExcelJS from "exceljs";
import { type Box, isEntireRows, parseAddress } from "../a1";
import { ClientObject } from "../clientObject";
import { apiError, MESSAGES } from "../errors";
import type { Session } from "../session";
import { Range } from "./range";

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

/** What `zoom` takes and gives (`Excel.PageLayoutZoomOptions`). */
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

function applyZoom(ws: ExcelJS.Worksheet, zoom: ZoomOptions): void {
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

/** The rows of a print-title argument, checked to be entire rows of this sheet. */
function titleRows(ws: ExcelJS.Worksheet, rows: Range | string): Box {
  let box: Box | null = null;
  if (typeof rows === "string") {
    const parsed = parseAddress(rows.trim().replace(/^=/, ""));
    if (parsed !== null && (parsed.sheet === null || parsed.sheet.toLowerCase() === ws.name.toLowerCase())) box = parsed.box;
  } else {
    const target = rows.currentTarget();
    if (target !== null && target.ws === ws) box = target.box;
  }
  if (box === null || !isEntireRows(box)) invalid("Print title rows must be entire rows of this worksheet, e.g. \"$1:$2\".");
  return box;
}

export class PageLayout extends ClientObject<ExcelJS.Worksheet> {
  protected readonly scalarNames = ["orientation", "paperSize", "zoom"] as const;

  constructor(session: Session, path: string) {
    super(session, path, "PageLayout");
  }

  protected readScalar(ws: ExcelJS.Worksheet, name: string): unknown {
    const setup = pageSetup(ws);
    switch (name) {
      case "orientation": return setup.orientation === "landscape" ? "Landscape" : "Portrait";
      case "paperSize": return PAPER_TYPES[(setup.paperSize ?? 1) - 1] ?? "Letter";
      default: {
        const zoom: ZoomOptions = setup.fitToPage === true
          ? { horizontalFitToPages: setup.fitToWidth ?? 1, verticalFitToPages: setup.fitToHeight ?? 1 }
          : { scale: setup.scale ?? 100 };
        return zoom;
      }
    }
  }

  get orientation(): string { return this.prop("orientation"); }
  set orientation(value: string) {
    this.queueSet("orientation", value, (ws) => {
      const o = ORIENTATIONS[value];
      if (o === undefined) invalid(`'${String(value)}' is not a page orientation.`);
      pageSetup(ws).orientation = o;
    });
  }

  get paperSize(): string { return this.prop("paperSize"); }
  set paperSize(value: string) {
    this.queueSet("paperSize", value, (ws) => {
      const code = (PAPER_TYPES as readonly string[]).indexOf(value) + 1;
      if (code === 0) invalid(`'${String(value)}' is not an Excel.PaperType.`);
      pageSetup(ws).paperSize = code;
    });
  }

  get zoom(): ZoomOptions { return this.prop("zoom"); }
  set zoom(value: ZoomOptions) {
    this.queueSet("zoom", value, (ws) => applyZoom(ws, value));
  }

  /** Sets the rows repeated at the top of every printed page: entire rows, as "$1:$2" or a Range. */
  setPrintTitleRows(rows: Range | string): void {
    const arg = typeof rows === "string" ? rows : rows.asArgument(this.session);
    this.queue("setPrintTitleRows", [arg], (ws) => {
      const box = titleRows(ws, rows);
      pageSetup(ws).printTitlesRow = `${box.row + 1}:${box.row + box.rowCount}`;
    });
  }

  /** The print title rows as a Range; a null object when the sheet has none. */
  getPrintTitleRowsOrNullObject(): Range {
    return this.spawn(new Range(this.session, this.childPath("getPrintTitleRowsOrNullObject", [])), "getPrintTitleRowsOrNullObject", [], (ws) => {
      const text = pageSetup(ws).printTitlesRow;
      const parsed = text === undefined || text === "" ? null : parseAddress(text);
      return parsed === null ? null : { ws, box: parsed.box };
    });
  }
}
