import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8, strToU8, zipSync } from "fflate";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { composeScoredPackage, PackageComposeError, PackageReadError } from "../../../src/hosts/xlsx/package";
import { readStoredEntries, type StoredEntry } from "../../../src/hosts/xlsx/package/zipEntries";
import { canonical } from "../../../src/hosts/xlsx/package/xmlParts";
import { OUR_SHEETS, ourWorkbook } from "./ours";
import { fixtureParts } from "../../../scripts/buildPackageFixtures";

const FIXTURES = path.join(__dirname, "..", "..", "fixtures", "package");
const ZIP_DATE = new Date(Date.UTC(2023, 1, 28, 12, 0, 0));
const CHANGED = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml", "docProps/app.xml"]);
const MARKERS = [
  { name: "PerfScore_Result", formula: `'${OUR_SHEETS[0]}'!$A$1`, comment: "perfscore" },
  { name: "PerfScore_Local", formula: `'${OUR_SHEETS[0]}'!$D$3`, localSheet: OUR_SHEETS[0] },
];

function load(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)));
}

function elementKids(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

function parse(bytes: Uint8Array): Element {
  const root = new DOMParser().parseFromString(strFromU8(bytes), "application/xml").documentElement;
  if (!root) throw new Error("no root");
  return root;
}

/** Attributes and texts that count what an addition grew. */
const COUNTS = new Set(["count", "size"]);

/**
 * True when `out` is `orig` with only additions: same name, orig's attributes kept (counts may
 * grow), orig's children present in order, each itself only extended; a counter's text may grow.
 */
function extendsElement(orig: Element, out: Element): boolean {
  if (orig.namespaceURI !== out.namespaceURI || orig.localName !== out.localName) return false;
  for (let i = 0; i < orig.attributes.length; i++) {
    const a = orig.attributes.item(i);
    if (!a || a.name.startsWith("xmlns")) continue;
    const value = a.namespaceURI ? out.getAttributeNS(a.namespaceURI, a.localName ?? "") : out.getAttribute(a.name);
    if (value !== a.value && !(COUNTS.has(a.name) && Number(value) >= Number(a.value))) return false;
  }
  const origKids = elementKids(orig);
  if (origKids.length === 0) {
    const text = (orig.textContent ?? "").trim();
    const outText = (out.textContent ?? "").trim();
    return text === outText || (orig.localName === "i4" && Number(outText) >= Number(text));
  }
  const outKids = elementKids(out);
  let j = 0;
  for (const k of origKids) {
    while (j < outKids.length && !extendsElement(k, outKids[j] as Element)) j++;
    if (j === outKids.length) return false;
    j++;
  }
  return true;
}

async function storedByName(bytes: Uint8Array): Promise<Map<string, StoredEntry>> {
  return new Map((await readStoredEntries(bytes)).map((e) => [e.name, e]));
}

describe.each(["kitchen-sink.xlsx", "macro.xlsm", "minimal.xlsx"])("composeScoredPackage on %s", (file) => {
  let original: Uint8Array;
  let ours: Uint8Array;
  let composed: Uint8Array;
  beforeAll(async () => {
    original = load(file);
    ours = await ourWorkbook();
    composed = await composeScoredPackage(original, ours, { removeSheets: [], definedNames: MARKERS, zipDate: ZIP_DATE });
  });

  it("copies every unchanged part with its stored bytes, CRC and time", async () => {
    const before = await storedByName(original);
    const after = await storedByName(composed);
    const unchanged = [...before.keys()].filter((n) => !CHANGED.has(n));
    expect(unchanged.length).toBe(({ "kitchen-sink.xlsx": 11, "macro.xlsm": 12, "minimal.xlsx": 5 } as Record<string, number>)[file]);
    for (const name of unchanged) {
      const a = before.get(name) as StoredEntry;
      const b = after.get(name);
      expect({ name, raw: b && Buffer.from(b.raw).equals(Buffer.from(a.raw)), crc: b?.crc32, date: b?.dosDate, time: b?.dosTime }).toEqual({ name, raw: true, crc: a.crc32, date: a.dosDate, time: a.dosTime });
    }
  });

  it("adds exactly our two worksheet parts and one relationships part for neither", () => {
    const before = Object.keys(unzipSync(original));
    const after = Object.keys(unzipSync(composed));
    expect(after.filter((n) => !before.includes(n)).sort()).toEqual(["xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"]);
    expect(before.filter((n) => !after.includes(n))).toEqual([]);
  });

  it("changes the workbook, its relationships, content types, styles and app.xml only by additions", () => {
    const a = unzipSync(original);
    const b = unzipSync(composed);
    for (const name of CHANGED) {
      if (!a[name]) continue;
      expect({ name, extends: extendsElement(parse(a[name] as Uint8Array), parse(b[name] as Uint8Array)) }).toEqual({ name, extends: true });
    }
  });

  it("lists our sheets after the user's, with fresh ids and the markers", () => {
    const wb = strFromU8(unzipSync(composed)["xl/workbook.xml"] as Uint8Array);
    const sheets = [...wb.matchAll(/<sheet name="([^"]+)" sheetId="(\d+)" r:id="(rId\d+)"/g)].map((m) => m.slice(1));
    expect(sheets).toEqual([
      ["自评表", "1", "rId1"],
      ["数据", "2", "rId2"],
      ["评分结果", "3", file === "kitchen-sink.xlsx" ? "rId6" : file === "macro.xlsm" ? "rId7" : "rId5"],
      ["评分说明", "4", file === "kitchen-sink.xlsx" ? "rId7" : file === "macro.xlsm" ? "rId8" : "rId6"],
    ]);
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="2">'评分结果'!$1:$2</definedName>`);
    expect(wb).toContain(`<definedName name="PerfScore_Result" comment="perfscore">'评分结果'!$A$1</definedName>`);
    expect(wb).toContain(`<definedName name="PerfScore_Local" localSheetId="2">'评分结果'!$D$3</definedName>`);
  });

  it("gives ExcelJS our cells with their values and styles, and the user's cells unchanged", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(composed) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["自评表", "数据", "评分结果", "评分说明"]);
    const r = wb.getWorksheet("评分结果") as ExcelJS.Worksheet;
    expect(r.getCell("A1").value).toBe("绩效自评评分结果");
    expect(r.getCell("A1").font).toMatchObject({ bold: true, size: 14, name: "宋体" });
    expect(r.getCell("A1").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(r.getCell("A2").border.top).toEqual({ style: "thin" });
    expect(r.getCell("C3").value).toBe(0.9833);
    expect(r.getCell("C3").numFmt).toBe("0.00%");
    expect(r.getCell("D3").value).toEqual({ formula: "B3*C3", result: 39.33 });
    expect(r.model.merges).toEqual(["A1:D1"]);
    // ExcelJS 4.4 reads no location-only hyperlink (the host patches its reader); the XML test below checks the link.
    expect(r.getCell("A5").value).toBe("说明");
    expect((wb.getWorksheet("评分说明") as ExcelJS.Worksheet).getCell("A2").value).toBe("ID_x0041_");
    const u = wb.getWorksheet("自评表") as ExcelJS.Worksheet;
    expect([u.getCell("C2").value, u.getCell("G5").value, u.getCell("A8").value]).toEqual(["参保人数", { formula: "SUM(G2:G4)", result: 98.73 }, "ID_x0041_"]);
  });

  it("points our cells' styles at appended records, leaving the user's records in place", () => {
    const a = strFromU8(unzipSync(original)["xl/styles.xml"] as Uint8Array);
    const b = strFromU8(unzipSync(composed)["xl/styles.xml"] as Uint8Array);
    const xfCount = (s: string): number => Number(/<cellXfs count="(\d+)"/.exec(s)?.[1]);
    expect(xfCount(a)).toBe(4);
    expect(xfCount(b)).toBeGreaterThan(4);
    const sheet = strFromU8(unzipSync(composed)["xl/worksheets/sheet3.xml"] as Uint8Array);
    const used = [...sheet.matchAll(/ s="(\d+)"/g)].map((m) => Number(m[1]));
    expect(used.every((s) => s >= 4 && s < xfCount(b))).toBe(true);
    expect(sheet).toMatch(/<cfRule type="cellIs" dxfId="(\d+)"/);
    expect(Number(/<cfRule type="cellIs" dxfId="(\d+)"/.exec(sheet)?.[1])).toBe(file === "minimal.xlsx" ? 0 : 1);
    expect(sheet).not.toContain('t="s"');
    expect(sheet).toContain("<x14:id>{50455246-5343-4F52-8000-000100000001}</x14:id>");
    expect(sheet).toContain('<hyperlink ref="A5" location="\'评分说明\'!A1"/>');
  });

  it("writes the same bytes twice for the same inputs and zip date", async () => {
    const again = await composeScoredPackage(original, await ourWorkbook(), { removeSheets: [], definedNames: MARKERS, zipDate: ZIP_DATE });
    expect(Buffer.from(again).equals(Buffer.from(composed))).toBe(true);
  });

  it("writes the same bytes when an earlier run's sheets are replaced by the same sheets", async () => {
    const rerun = await composeScoredPackage(composed, ours, { removeSheets: [...OUR_SHEETS], definedNames: MARKERS, zipDate: ZIP_DATE });
    expect(Buffer.from(rerun).equals(Buffer.from(composed))).toBe(true);
  });

  it("restores the original parts when our sheets are removed again", async () => {
    const undone = await composeScoredPackage(composed, null, { removeSheets: [...OUR_SHEETS], definedNames: [], zipDate: ZIP_DATE });
    const a = unzipSync(original);
    const b = unzipSync(undone);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) {
      if (name === "xl/styles.xml") continue;
      const same = name.endsWith(".xml") || name.endsWith(".rels") ? canonical(parse(b[name] as Uint8Array)) === canonical(parse(a[name] as Uint8Array)) : Buffer.from(b[name] as Uint8Array).equals(Buffer.from(a[name] as Uint8Array));
      expect({ name, same }).toEqual({ name, same: true });
    }
    expect(extendsElement(parse(a["xl/styles.xml"] as Uint8Array), parse(b["xl/styles.xml"] as Uint8Array))).toBe(true);
  });
});

describe("composeScoredPackage", () => {
  it("keeps an .xlsm a macro-enabled workbook with its VBA project", async () => {
    const out = unzipSync(await composeScoredPackage(load("macro.xlsm"), await ourWorkbook(), { removeSheets: [], definedNames: [], zipDate: ZIP_DATE }));
    const types = strFromU8(out["[Content_Types].xml"] as Uint8Array);
    expect(types).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    expect(types).toContain('<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
    expect(strFromU8(out["xl/_rels/workbook.xml.rels"] as Uint8Array)).toContain('Target="vbaProject.bin"');
    expect(Buffer.from(out["xl/vbaProject.bin"] as Uint8Array).equals(Buffer.from(unzipSync(load("macro.xlsm"))["xl/vbaProject.bin"] as Uint8Array))).toBe(true);
  });

  it("adds our sheet titles to the worksheets run of app.xml, before the named ranges", async () => {
    const out = unzipSync(await composeScoredPackage(load("kitchen-sink.xlsx"), await ourWorkbook(), { removeSheets: [], definedNames: [], zipDate: ZIP_DATE }));
    const app = strFromU8(out["docProps/app.xml"] as Uint8Array);
    expect(app).toContain("<vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>4</vt:i4></vt:variant>");
    expect(app).toContain('<vt:vector size="5" baseType="lpstr"><vt:lpstr>自评表</vt:lpstr><vt:lpstr>数据</vt:lpstr><vt:lpstr>评分结果</vt:lpstr><vt:lpstr>评分说明</vt:lpstr><vt:lpstr>自评表!Print_Area</vt:lpstr></vt:vector>');
  });

  it("removes a sheet with its drawing, chart, scoped names and view index", async () => {
    const out = unzipSync(await composeScoredPackage(load("kitchen-sink.xlsx"), null, { removeSheets: ["数据"], definedNames: [], zipDate: ZIP_DATE }));
    expect(Object.keys(out).filter((n) => /sheet2|drawing|chart/.test(n))).toEqual([]);
    const wb = strFromU8(out["xl/workbook.xml"] as Uint8Array);
    // LocalName was scoped to 数据; Cols and Total refer to it and would be #REF!.
    expect([...wb.matchAll(/<definedName name="([^"]+)"/g)].map((m) => m[1])).toEqual(["_xlnm.Print_Area", "Rate"]);
    expect(wb).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">');
    expect(wb).toContain('activeTab="0"');
    const types = strFromU8(out["[Content_Types].xml"] as Uint8Array);
    expect(types).not.toMatch(/sheet2|drawing1|chart1/);
    expect(strFromU8(out["xl/calcChain.xml"] as Uint8Array)).toBe(strFromU8(unzipSync(load("kitchen-sink.xlsx"))["xl/calcChain.xml"] as Uint8Array));
  });

  it("drops a removed sheet's calcChain entries and the part when none remain", async () => {
    const out = unzipSync(await composeScoredPackage(load("kitchen-sink.xlsx"), null, { removeSheets: ["自评表"], definedNames: [], zipDate: ZIP_DATE }));
    expect(out["xl/calcChain.xml"]).toBeUndefined();
    const names = [...strFromU8(out["xl/workbook.xml"] as Uint8Array).matchAll(/<definedName ([^>]*)>([^<]*)</g)].map((m) => `${m[1]} ${m[2]}`);
    expect(names).toEqual([`name="Cols" '数据'!$A:$B`, `name="LocalName" localSheetId="0" '数据'!$A$1`, `name="Rate" 0.1`, `name="Total" SUM('数据'!$A:$A)`]);
    expect(strFromU8(out["xl/_rels/workbook.xml.rels"] as Uint8Array)).not.toContain("calcChain");
    expect(strFromU8(out["[Content_Types].xml"] as Uint8Array)).not.toContain("calcChain");
  });

  it("replaces a marker name of the same name and scope", async () => {
    const first = await composeScoredPackage(load("kitchen-sink.xlsx"), null, { removeSheets: [], definedNames: [{ name: "Rate", formula: "0.2" }], zipDate: ZIP_DATE });
    const wb = strFromU8(unzipSync(first)["xl/workbook.xml"] as Uint8Array);
    expect([...wb.matchAll(/<definedName name="Rate">([^<]*)</g)].map((m) => m[1])).toEqual(["0.2"]);
  });

  it("throws PackageComposeError when one of our sheet names is taken", async () => {
    const once = await composeScoredPackage(load("minimal.xlsx"), await ourWorkbook(), { removeSheets: [], definedNames: [], zipDate: ZIP_DATE });
    await expect(composeScoredPackage(once, await ourWorkbook(), { removeSheets: [], definedNames: [], zipDate: ZIP_DATE })).rejects.toThrow(
      new PackageComposeError('the workbook already has a sheet named "评分结果"; remove it first (removeSheets)'),
    );
  });

  it("sets fullCalcOnLoad on the user's calcPr when asked, keeping its calcId", async () => {
    const out = unzipSync(await composeScoredPackage(load("minimal.xlsx"), await ourWorkbook(), { removeSheets: [], definedNames: [], zipDate: ZIP_DATE, fullCalcOnLoad: true }));
    expect(strFromU8(out["xl/workbook.xml"] as Uint8Array)).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
  });

  it("copies every part unchanged when there is nothing to remove or add", async () => {
    const original = load("kitchen-sink.xlsx");
    const out = await composeScoredPackage(original, null, { removeSheets: ["no such sheet"], definedNames: [], zipDate: ZIP_DATE });
    const a = await readStoredEntries(original);
    const b = await readStoredEntries(out);
    expect(b.map((e) => [e.name, Buffer.from(e.raw).toString("base64"), e.crc32, e.dosDate, e.dosTime])).toEqual(a.map((e) => [e.name, Buffer.from(e.raw).toString("base64"), e.crc32, e.dosDate, e.dosTime]));
  });

  it("adds our styles part, its relationship and content type when the user's workbook has none", async () => {
    const parts = fixtureParts({ file: "x.xlsx", macro: false, rich: false });
    delete parts["xl/styles.xml"];
    const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"] as Uint8Array);
    parts["xl/_rels/workbook.xml.rels"] = strToU8(rels.replace(/<Relationship Id="rId3"[^>]*\/>/, ""));
    const original = zipSync(parts, { mtime: new Date(2023, 1, 28) });
    const out = await composeScoredPackage(original, await ourWorkbook(), { removeSheets: [], definedNames: [], zipDate: ZIP_DATE });
    const files = unzipSync(out);
    expect(strFromU8(files["xl/_rels/workbook.xml.rels"] as Uint8Array)).toContain('<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>');
    expect(strFromU8(files["[Content_Types].xml"] as Uint8Array)).toContain('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    expect((wb.getWorksheet("评分结果") as ExcelJS.Worksheet).getCell("A1").font).toMatchObject({ bold: true, name: "宋体" });
  });

  it("throws PackageReadError when a part it must edit does not match its CRC", async () => {
    const zip = Buffer.from(zipSync(fixtureParts({ file: "x.xlsx", macro: false, rich: false }), { mtime: new Date(2023, 1, 28), level: 0 }));
    const at = zip.indexOf("<sheet name=");
    zip.write("<sheet nbme=", at);
    await expect(composeScoredPackage(new Uint8Array(zip), null, { removeSheets: ["数据"], definedNames: [], zipDate: ZIP_DATE })).rejects.toThrow(
      new PackageReadError("xl/workbook.xml: the data do not match the size and CRC the zip directory declares"),
    );
  });
});

describe("composeScoredPackage with activeSheet", () => {
  it("opens on our sheet and unselects the user's tab, editing only that sheet's part", async () => {
    const original = load("kitchen-sink.xlsx");
    const out = await composeScoredPackage(original, await ourWorkbook(), { removeSheets: [], definedNames: [], zipDate: ZIP_DATE, activeSheet: OUR_SHEETS[0] });
    const files = unzipSync(out);
    expect(strFromU8(files["xl/workbook.xml"] as Uint8Array)).toContain('activeTab="2"');
    expect(strFromU8(files["xl/worksheets/sheet3.xml"] as Uint8Array)).toContain('<dimension ref="A1:D5"/><sheetViews><sheetView workbookViewId="0" tabSelected="1"/></sheetViews><sheetFormatPr');
    const before = strFromU8(unzipSync(original)["xl/worksheets/sheet2.xml"] as Uint8Array);
    expect(strFromU8(files["xl/worksheets/sheet2.xml"] as Uint8Array)).toBe(before.replace('<sheetView tabSelected="1" workbookViewId="0"/>', '<sheetView workbookViewId="0"/>').replace("\r\n", "\n"));
    const a = await storedByName(original);
    const b = await storedByName(out);
    expect(Buffer.from((b.get("xl/worksheets/sheet1.xml") as StoredEntry).raw).equals(Buffer.from((a.get("xl/worksheets/sheet1.xml") as StoredEntry).raw))).toBe(true);
  });

  it("throws PackageComposeError for an active sheet the result does not have", async () => {
    await expect(composeScoredPackage(load("minimal.xlsx"), null, { removeSheets: [], definedNames: [], zipDate: ZIP_DATE, activeSheet: "缺失" })).rejects.toThrow(
      new PackageComposeError('the active sheet "缺失" is not a sheet of the result'),
    );
  });
});

describe("composeScoredPackage on a Strict Open XML workbook", () => {
  it("throws PackageComposeError naming the workbook part", async () => {
    const parts = fixtureParts({ file: "x.xlsx", macro: false, rich: false });
    const wb = strFromU8(parts["xl/workbook.xml"] as Uint8Array);
    parts["xl/workbook.xml"] = strToU8(wb.replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"'));
    await expect(composeScoredPackage(zipSync(parts, { mtime: new Date(2023, 1, 28) }), await ourWorkbook(), { removeSheets: [], definedNames: [], zipDate: ZIP_DATE })).rejects.toThrow(
      new PackageComposeError("xl/workbook.xml is in http://purl.oclc.org/ooxml/spreadsheetml/main, not transitional SpreadsheetML (a Strict Open XML workbook); save it as an ordinary .xlsx first"),
    );
  });
});
