/**
 * Helpers for the LibreOffice end-to-end suite: a fresh LibreOffice profile that recalculates
 * every formula on load, headless conversions, reading formula results back with ExcelJS, and
 * rendering PDFs to PNG with pdftoppm.
 *
 * Conversions run one at a time (execFileSync) and each run gets its own profile directory, so
 * LibreOffice's profile lock never bites.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

export const INSTALL_HINT = "LibreOffice is required: apt-get install -y libreoffice-calc fonts-noto-cjk poppler-utils";

/** How long one soffice conversion may take before the suite gives up on it. */
const CONVERT_TIMEOUT_MS = 120_000;

/**
 * Throws, with the install hint, when soffice or pdftoppm is missing. The suite calls this in
 * beforeAll so that a machine without LibreOffice fails loudly instead of skipping.
 */
export function requireTools(): { soffice: string } {
  const probe = (cmd: string, args: string[]): string => {
    try {
      return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 }).trim();
    } catch (e) {
      throw new Error(`${INSTALL_HINT}\n(${cmd} ${args.join(" ")} failed: ${e instanceof Error ? e.message : String(e)})`);
    }
  };
  const soffice = probe("soffice", ["--version"]);
  probe("pdftoppm", ["-v"]);
  return { soffice };
}

const RECALC_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * A fresh LibreOffice profile whose settings force a full recalculation of xlsx and ods files on
 * load ("always recalculate"), so cached results in the file are never trusted.
 *
 * @returns the profile directory (delete it when done)
 */
export function makeRecalcProfile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-lo-profile-"));
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), RECALC_ON_LOAD);
  return dir;
}

/**
 * `soffice --headless --convert-to <filter> --outdir <outDir> <file>` with the given profile.
 *
 * @param filter - e.g. "xlsx", "pdf", or "pdf:calc_pdf_Export:{...json options...}"
 * @param ext - the extension of the file the conversion writes
 * @returns the converted file's path; throws with soffice's output when it is not there
 */
export function convert(file: string, filter: string, ext: string, outDir: string, profile: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  const target = path.join(outDir, `${path.basename(file, path.extname(file))}.${ext}`);
  fs.rmSync(target, { force: true });
  let log = "";
  try {
    log = execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir, file],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: CONVERT_TIMEOUT_MS },
    );
  } catch (e) {
    const x = e as { message?: string; stdout?: string; stderr?: string };
    throw new Error(`soffice --convert-to ${filter} ${file} failed: ${x.message ?? ""}\n${x.stdout ?? ""}\n${x.stderr ?? ""}`);
  }
  if (!fs.existsSync(target) || fs.statSync(target).size === 0) {
    throw new Error(`soffice --convert-to ${filter} ${file} wrote no ${target}:\n${log}`);
  }
  return target;
}

/** PDF export options that put each sheet on one page of its own, so page N is sheet N. */
export const ONE_PAGE_PER_SHEET = 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}';

/**
 * Renders every page of a PDF to `<prefix>-N.png` (pdftoppm numbers pages from 1, zero-padded
 * when there are 10 or more).
 *
 * @returns the PNG files written, in page order
 */
export function renderPages(pdf: string, prefix: string, dpi = 80): string[] {
  fs.mkdirSync(path.dirname(prefix), { recursive: true });
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  for (const f of fs.readdirSync(dir)) if (f.startsWith(`${base}-`) && f.endsWith(".png")) fs.rmSync(path.join(dir, f));
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), pdf, prefix], { stdio: "pipe", timeout: CONVERT_TIMEOUT_MS });
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && /-\d+\.png$/.test(f))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)![1]) - Number(/-(\d+)\.png$/.exec(b)![1]))
    .map((f) => path.join(dir, f));
}

/** The number of pages of a PDF, from pdfinfo (poppler-utils). */
export function pageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8", timeout: 60_000 });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (m === null) throw new Error(`pdfinfo ${pdf}: no page count`);
  return Number(m[1]);
}

/** The text of one PDF page, from pdftotext (poppler-utils). */
export function pageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8", timeout: 60_000 });
}

/** A formula's result as read back: a number, a string ("" for an empty result), a boolean or an error code. */
export type FormulaResult = number | string | boolean | { error: string };

export interface FormulaCell {
  sheet: string;
  address: string;
  /** Without the leading "=", as ExcelJS gives it. */
  formula: string;
  result: FormulaResult;
}

/**
 * Every formula cell of a workbook, merge slaves excluded (ExcelJS repeats the master's value in
 * them). A result ExcelJS leaves undefined is an empty string: LibreOffice writes an empty text
 * result as `t="str"` with `<v></v>`, which ExcelJS drops, while a numeric 0 comes back as 0.
 */
export async function readFormulaCells(file: string): Promise<{ sheetNames: string[]; cells: FormulaCell[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheetNames: string[] = [];
  const cells: FormulaCell[] = [];
  wb.eachSheet((ws) => {
    sheetNames.push(ws.name);
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const v = cell.value as ExcelJS.CellFormulaValue;
        const raw: unknown = cell.result ?? v.result;
        let result: FormulaResult;
        if (raw === undefined || raw === null) result = "";
        else if (raw instanceof Date) result = raw.toISOString();
        else if (typeof raw === "object" && "error" in raw) result = { error: String(raw.error) };
        else result = raw as number | string | boolean;
        cells.push({ sheet: ws.name, address: cell.address, formula: cell.formula ?? v.formula, result });
      }),
    );
  });
  return { sheetNames, cells };
}

/** Whether a result is a spreadsheet error: an error value, or LibreOffice's "Err:5xx"/"#NAME?" text. */
export function isErrorResult(r: FormulaResult): boolean {
  if (typeof r === "object") return true;
  return typeof r === "string" && /^(#(NAME\?|VALUE!|REF!|DIV\/0!|N\/A|NUM!|NULL!)|Err:\d+)/.test(r);
}

