/**
 * Reading and writing the .xlsx package with ExcelJS: the one place bytes become a workbook and
 * a workbook becomes bytes. (A save path that keeps the user's own parts byte for byte replaces
 * `saveWorkbook` here.)
 */
import * as ExcelJS from "exceljs";
import { HostOpenError } from "../office/errors";
import { dropIncompleteRules } from "./conditionalFormats";
import { dropBrokenNames } from "./definedNames";
import { installExcelJsPatches } from "./patches";

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b]);

/** An error's message; structural, since errors from Node's fs may come from another realm (as under Jest). */
export function messageOf(e: unknown): string {
  return typeof e === "object" && e !== null && typeof (e as { message?: unknown }).message === "string" ? (e as { message: string }).message : String(e);
}

function describeOpenProblem(buf: Buffer, source: string): string | null {
  if (buf.length === 0) return `${source} is empty, not an .xlsx workbook.`;
  if (buf.subarray(0, 4).equals(OLE_MAGIC)) {
    return `${source} is an OLE compound file (D0CF11E0): either a password-protected (encrypted) workbook or an old .xls file. Remove the password or save it as .xlsx, then try again.`;
  }
  if (!buf.subarray(0, 2).equals(ZIP_MAGIC)) return `${source} is not an .xlsx workbook (it is not a zip package).`;
  return null;
}

/**
 * Reads .xlsx bytes into an ExcelJS workbook.
 *
 * @param source - how the bytes are named in messages, e.g. the file's path
 * @throws HostOpenError when the bytes are empty, an OLE file (encrypted or .xls), not a zip, or a broken package
 */
export async function loadWorkbook(buf: Buffer, source: string): Promise<ExcelJS.Workbook> {
  const problem = describeOpenProblem(buf, source);
  if (problem !== null) throw new HostOpenError(problem);
  installExcelJsPatches();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new HostOpenError(`${source} could not be read as an .xlsx workbook: ${messageOf(e)}`, e);
  }
  return wb;
}

/**
 * The workbook as .xlsx bytes, marked for a full recalculation when opened. Conditional formats
 * never given a rule, and names left pointing at deleted sheets, are dropped (ExcelJS cannot write
 * them validly). `useSharedStrings: false` writes text inline (what the package composer wants).
 */
export async function saveWorkbook(wb: ExcelJS.Workbook, options: { useSharedStrings?: boolean } = {}): Promise<Buffer> {
  installExcelJsPatches();
  wb.calcProperties.fullCalcOnLoad = true;
  dropIncompleteRules(wb);
  dropBrokenNames(wb);
  return Buffer.from((await wb.xlsx.writeBuffer(options.useSharedStrings === false ? { useSharedStrings: false, useStyles: true } : undefined)) as ArrayBuffer);
}
