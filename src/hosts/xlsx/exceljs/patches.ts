/**
 * Fixes ExcelJS 4.4.0's handling of links to places inside the workbook, so a saved link opens
 * in Excel and LibreOffice and survives a round trip through the host.
 *
 * - Writing: ExcelJS writes every hyperlink with an external relationship, and for an internal
 *   target ("#'Sheet'!A1") also a `location`, which Excel joins into "#'Sheet'!A1##'Sheet'!A1"
 *   (exceljs issue #3027). The patched renderer writes an internal link the way Excel does: a
 *   `location` without "#" and no relationship id. (The unused relationship ExcelJS still adds is
 *   harmless.)
 * - Reading: ExcelJS drops links that have only a `location` (exceljs issue #920). The patched
 *   reconcile turns them back into "#location" hyperlinks.
 *
 * - Data bar bounds: "autoMin" / "autoMax" (`Excel` "Automatic") exist only in the Excel 2010
 *   extension of a rule. ExcelJS writes a data bar's bounds both in the rule and in the extension,
 *   so the patched renderer of the rule's `cfvo` writes them as "min" / "max" there, as Excel does.
 * - Print titles and print areas: ExcelJS quotes the sheet name of these built-in names without
 *   doubling an apostrophe inside it ("'Bob's'!$1:$2"), which no reader accepts; the patched
 *   workbook writer doubles it ("'Bob''s'!$1:$2").
 *
 * - Loading merged areas: ExcelJS compares each merged area of a file with every area before it,
 *   so a sheet of N merges costs N² (a 50,000-row 自评表 has about 20,000). The patched loader
 *   finds overlaps through the cells already covered, and still refuses them as ExcelJS does.
 *
 * The patches are installed once per process and only change the cases above. Installing them
 * first checks the ExcelJS version (see internals.ts) and throws ExcelJsVersionError on any other.
 */
import type * as ExcelJS from "exceljs";
import { checkExcelJsVersion, mergeLoaded, worksheetPrototype, xformPrototype } from "./internals";

interface XmlStream {
  leafNode(name: string, attributes: Record<string, unknown>): void;
}

interface HyperlinkModel {
  address: string;
  rId?: string;
  target?: string;
  tooltip?: string;
}

interface WorkbookModel {
  sheets?: ({ name: string } | undefined)[];
  definedNames?: { name: string; ranges: string[]; localSheetId?: number }[];
}

interface CfvoModel {
  type: string;
  value?: unknown;
}

interface SheetModel {
  hyperlinks?: HyperlinkModel[];
  relationships?: { Id: string; Type: string; Target: string; TargetMode?: string }[];
}

const HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

let installed = false;

/** Installs the patches (idempotent). */
export function installExcelJsPatches(): void {
  if (installed) return;
  checkExcelJsVersion();
  installed = true;
  const HyperlinkXform = xformPrototype("sheet/hyperlink-xform");
  const originalRender = HyperlinkXform.render as (this: unknown, xml: XmlStream, model: HyperlinkModel) => void;
  HyperlinkXform.render = function render(this: unknown, xml: XmlStream, model: HyperlinkModel): void {
    if (typeof model.target === "string" && model.target.startsWith("#")) {
      xml.leafNode("hyperlink", { ref: model.address, location: model.target.slice(1), tooltip: model.tooltip });
      return;
    }
    originalRender.call(this, xml, model);
  };

  const WorksheetXform = xformPrototype("sheet/worksheet-xform");
  const originalReconcile = WorksheetXform.reconcile as (this: unknown, model: SheetModel, options: unknown) => void;
  WorksheetXform.reconcile = function reconcile(this: unknown, model: SheetModel, options: unknown): void {
    const links = model.hyperlinks ?? [];
    links.forEach((link, i) => {
      if (link.rId === undefined && typeof link.target === "string") {
        const id = `perfscoreLocation${i}`;
        model.relationships = [...(model.relationships ?? []), { Id: id, Type: HYPERLINK_REL, Target: `#${link.target}` }];
        link.rId = id;
      }
    });
    originalReconcile.call(this, model, options);
  };

  const WorkbookXform = xformPrototype("book/workbook-xform");
  const originalPrepare = WorkbookXform.prepare as (this: unknown, model: WorkbookModel) => void;
  WorkbookXform.prepare = function prepare(this: unknown, model: WorkbookModel): void {
    originalPrepare.call(this, model);
    const sheets = (model.sheets ?? []).filter((sheet) => sheet !== undefined);
    for (const name of model.definedNames ?? []) {
      const sheet = name.localSheetId === undefined ? undefined : sheets[name.localSheetId];
      if (!name.name.startsWith("_xlnm.Print_") || sheet === undefined || !sheet.name.includes("'")) continue;
      const written = `'${sheet.name}'!`;
      const quoted = `'${sheet.name.replace(/'/g, "''")}'!`;
      name.ranges = name.ranges.map((r) => (r.startsWith(written) ? quoted + r.slice(written.length) : r));
    }
  };

  worksheetPrototype()._parseMergeCells = function parseMergeCells(this: ExcelJS.Worksheet, model: { mergeCells?: string[] }): void {
    const covered = new Set<number>();
    for (const range of model.mergeCells ?? []) {
      const m = mergeLoaded(this, range);
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          const key = r * 16384 + c;
          if (covered.has(key)) throw new Error("Cannot merge already merged cells");
          covered.add(key);
        }
      }
    }
  };

  const CfvoXform = xformPrototype("sheet/cf/cfvo-xform");
  const originalCfvoRender = CfvoXform.render as (this: unknown, xml: XmlStream, model: CfvoModel) => void;
  CfvoXform.render = function render(this: unknown, xml: XmlStream, model: CfvoModel): void {
    const type = model.type === "autoMin" ? "min" : model.type === "autoMax" ? "max" : model.type;
    originalCfvoRender.call(this, xml, type === model.type ? model : { ...model, type });
  };
}
