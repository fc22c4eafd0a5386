/**
 * Reading and writing the .xlsx package with ExcelJS: the one place bytes become a workbook and
 * a workbook becomes bytes. (A save path that keeps the user's own parts byte for byte replaces
 * `saveWorkbook` here.)
 */
import type * as ExcelJS from "exceljs";
import { Workbook } from "./internals";
import { HostOpenError } from "../office/errors";
import { dropIncompleteRules } from "./conditionalFormats";
import { dropBrokenNames } from "./definedNames";
import { installExcelJsPatches } from "./patches";

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b]);

/** An error's message; structural, since errors from Node's fs may come from another realm (as under Jest). */
export function messageOf(e: unknown): string {
  return typeof e === "object" &&
    e !== null &&
    typeof (e as { message?: unknown }).message === "string"
    ? (e as { message: string }).message
    : String(e);
}

function describeOpenProblem(buf: Buffer, source: string): string | null {
  if (buf.length === 0) return `${source} is empty, not an .xlsx workbook.`;
  if (buf.subarray(0, 4).equals(OLE_MAGIC)) {
    return `${source} is an OLE compound file (D0CF11E0): either a password-protected (encrypted) workbook or an old .xls file. Remove the password or save it as .xlsx, then try again.`;
  }
  if (!buf.subarray(0, 2).equals(ZIP_MAGIC))
    return `${source} is not an .xlsx workbook (it is not a zip package).`;
  return null;
}

/**
 * Reads .xlsx bytes into an ExcelJS workbook.
 *
 * @param source - how the bytes are named in messages, e.g. the file's path
 * @throws HostOpenError when the bytes are empty, an OLE file (encrypted or .xls), not a zip, or a broken package
 */
export async function loadWorkbook(
  buf: Buffer,
  source: string,
): Promise<ExcelJS.Workbook> {
  const problem = describeOpenProblem(buf, source);
  if (problem !== null) throw new HostOpenError(problem);
  installExcelJsPatches();
  const wb = new Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new HostOpenError(
      `${source} could not be read as an .xlsx workbook: ${messageOf(e)}`,
      e,
    );
  }
  return wb;
}

/**
 * The workbook as .xlsx bytes, marked for a full recalculation when opened. Conditional formats
 * never given a rule, and names left pointing at deleted sheets, are dropped (ExcelJS cannot write
 * them validly). `useSharedStrings: false` writes text inline (what the package composer wants).
 */
export async function saveWorkbook(
  wb: ExcelJS.Workbook,
  options: { useSharedStrings?: boolean } = {},
): Promise<Buffer> {
  installExcelJsPatches();
  wb.calcProperties.fullCalcOnLoad = true;
  dropIncompleteRules(wb);
  dropBrokenNames(wb);
  return Buffer.from(
    (await wb.xlsx.writeBuffer(
      options.useSharedStrings === false
        ? { useSharedStrings: false, useStyles: true }
        : undefined,
    )) as ArrayBuffer,
  );
}

/** The parts ExcelJS renders when it writes, by name: XML as text (media, which our sheets never hold, as bytes). */
export type RenderedParts = Map<string, string | Uint8Array>;

/** The steps of ExcelJS 4.4.0's XLSX.write, each appending parts to the zip it is given. */
interface XlsxWriter {
  prepareModel(model: unknown, options: object): void;
  addContentTypes(zip: PartSink, model: unknown): Promise<void>;
  addOfficeRels(zip: PartSink, model: unknown): Promise<void>;
  addWorkbookRels(zip: PartSink, model: unknown): Promise<void>;
  addWorksheets(zip: PartSink, model: unknown): Promise<void>;
  addSharedStrings(zip: PartSink, model: unknown): Promise<void>;
  addDrawings(zip: PartSink, model: unknown): void;
  addTables(zip: PartSink, model: unknown): void;
  addThemes(zip: PartSink, model: unknown): Promise<void>;
  addStyles(zip: PartSink, model: unknown): Promise<void>;
  addApp(zip: PartSink, model: unknown): Promise<void>;
  addCore(zip: PartSink, model: unknown): Promise<void>;
  addWorkbook(zip: PartSink, model: unknown): Promise<void>;
}

interface PartSink {
  append(
    data: string | Uint8Array,
    options: { name: string; base64?: boolean },
  ): void;
}

/**
 * What saveWorkbook would write, as parts rather than a zip: ExcelJS's own writer steps, in its
 * order, into a sink that keeps each part. The package composer takes our parts from here, so
 * they are never deflated by ExcelJS only to be inflated and parsed again.
 */
export async function renderWorkbookParts(
  wb: ExcelJS.Workbook,
): Promise<RenderedParts> {
  installExcelJsPatches();
  wb.calcProperties.fullCalcOnLoad = true;
  dropIncompleteRules(wb);
  dropBrokenNames(wb);
  const parts: RenderedParts = new Map();
  const zip: PartSink = {
    append(data, options) {
      parts.set(
        options.name,
        options.base64 === true && typeof data === "string"
          ? new Uint8Array(Buffer.from(data, "base64"))
          : data,
      );
    },
  };
  const xlsx = wb.xlsx as unknown as XlsxWriter;
  const model = (wb as unknown as { model: unknown }).model;
  // The same sequence as XLSX.write (exceljs/lib/xlsx/xlsx.js), less the zip.
  xlsx.prepareModel(model, { useSharedStrings: false, useStyles: true });
  await xlsx.addContentTypes(zip, model);
  await xlsx.addOfficeRels(zip, model);
  await xlsx.addWorkbookRels(zip, model);
  await xlsx.addWorksheets(zip, model);
  await xlsx.addSharedStrings(zip, model);
  xlsx.addDrawings(zip, model);
  xlsx.addTables(zip, model);
  await Promise.all([xlsx.addThemes(zip, model), xlsx.addStyles(zip, model)]);
  // No addMedia: the workbook's images are the user's (they stay in the user's package), and
  // our sheets point at none (the composer refuses a sheet of ours with an internal part).
  await Promise.all([xlsx.addApp(zip, model), xlsx.addCore(zip, model)]);
  await xlsx.addWorkbook(zip, model);
  return parts;
}
