import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { composeScoredPackage, inspectPackage } from "../../../src/hosts/xlsx/package";
import { readStoredEntries } from "../../../src/hosts/xlsx/package/zipEntries";
import { OUR_SHEETS, ourWorkbook } from "./ours";

const ROOT = path.join(__dirname, "..", "..", "..");
const CHANGED = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml", "docProps/app.xml"]);
const WORKBOOKS = [
  ...fs.readdirSync(path.join(ROOT, "examples")).filter((f) => f.endsWith(".xlsx")).map((f) => `examples/${f}`),
  ...fs.readdirSync(path.join(ROOT, "test", "fixtures")).filter((f) => f.endsWith(".xlsx") && f !== "not-xlsx.xlsx").map((f) => `test/fixtures/${f}`),
];

describe("composeScoredPackage on the repository's workbooks", () => {
  it("finds the workbooks to try", () => {
    expect(WORKBOOKS).toEqual(
      expect.arrayContaining(["examples/english.xlsx", "examples/seed.xlsx", "examples/self-evaluation-form.xlsx", ...["bad-values", "empty", "enrollment-only", "formula-injection", "no-weight-column", "protected", "stray-cell", "unrelated"].map((f) => `test/fixtures/${f}.xlsx`)]),
    );
  });

  it.each(WORKBOOKS)("keeps %s's parts and adds our sheets after its own", async (file) => {
    const original = new Uint8Array(fs.readFileSync(path.join(ROOT, file)));
    expect((await inspectPackage(original)).ok).toBe(true);
    const out = await composeScoredPackage(original, await ourWorkbook(), { removeSheets: [], definedNames: [], zipDate: new Date(Date.UTC(2023, 1, 28)) });
    const after = new Map((await readStoredEntries(out)).map((e) => [e.name, e]));
    for (const e of await readStoredEntries(original)) {
      if (CHANGED.has(e.name)) continue;
      expect({ name: e.name, same: Buffer.from(after.get(e.name)?.raw ?? []).equals(Buffer.from(e.raw)) }).toEqual({ name: e.name, same: true });
    }
    const before = new ExcelJS.Workbook();
    await before.xlsx.load(Buffer.from(original) as unknown as ArrayBuffer);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...before.worksheets.map((w) => w.name), ...OUR_SHEETS]);
    expect((wb.getWorksheet(OUR_SHEETS[0]) as ExcelJS.Worksheet).getCell("D4").value).toEqual({ formula: "B4*C4", result: 29.4 });
  });
});

describe("inspectPackage on the repository's workbooks", () => {
  it("reports NOT_A_ZIP for test/fixtures/not-xlsx.xlsx", async () => {
    const result = await inspectPackage(new Uint8Array(fs.readFileSync(path.join(ROOT, "test", "fixtures", "not-xlsx.xlsx"))));
    expect(result.ok ? "ok" : result.problem.code).toBe("NOT_A_ZIP");
  });
});
