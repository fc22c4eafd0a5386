/**
 * Workbooks saved by LibreOffice Calc (test/fixtures/libreoffice, built by
 * scripts/buildLibreOfficeFixtures.ts from examples/seed.xlsx). LibreOffice writes its own
 * styles, shared strings and document properties, and writes an Excel table without
 * `tableStyleInfo`.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { EXIT } from "../../src/cli/exitCodes";
import { ROOT, runCli, sha256, tempCopy } from "./run";

const FIXTURES = path.join(ROOT, "test", "fixtures", "libreoffice");
/** One part of a package, as text ("" when it is not there). */
const part = (file: string, name: string): string => {
  const u8 = unzipSync(new Uint8Array(fs.readFileSync(file)), { filter: (f) => f.name === name })[name];
  return u8 === undefined ? "" : strFromU8(u8);
};
const expected = JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "seed.expected.json"), "utf8")) as {
  total: number;
  grade: string;
  findings: { code: string; cell: string }[];
};

describe("the seed as LibreOffice saves it", () => {
  it("is read by LibreOffice's writer, not ours (the fixture is what it says)", () => {
    expect(part(path.join(FIXTURES, "seed-libreoffice.xlsx"), "docProps/app.xml")).toContain("<Application>LibreOffice");
  });

  it("scores exactly as the seed: the same total, grade and findings, exit 0, the input untouched", async () => {
    const { dir, paths } = tempCopy(path.join(FIXTURES, "seed-libreoffice.xlsx"));
    const before = sha256(paths[0]!);
    const r = await runCli([paths[0]!, "--json"]);
    expect(r.code).toBe(EXIT.scored);
    const report = JSON.parse(r.stdout) as typeof expected;
    expect(report.total).toBeCloseTo(expected.total, 9);
    expect(report.grade).toBe(expected.grade);
    expect(report.findings.map((f) => `${f.code}@${f.cell}`).sort()).toEqual(expected.findings.map((f) => `${f.code}@${f.cell}`).sort());
    expect(sha256(paths[0]!)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(["seed-libreoffice.scored.xlsx", "seed-libreoffice.xlsx"]);
  });
});

describe("the seed with an Excel table on another sheet, saved by LibreOffice (no tableStyleInfo)", () => {
  const file = path.join(FIXTURES, "seed-table-libreoffice.xlsx");

  it("holds a table part without tableStyleInfo (the fixture is what it says)", () => {
    expect(part(file, "docProps/app.xml")).toContain("<Application>LibreOffice");
    const table = part(file, "xl/tables/table1.xml");
    expect(table).toContain('ref="A1:B3"');
    expect(table).not.toContain("tableStyleInfo");
  });

  it("never ends in a stack trace, a half-written file or a changed input: scored (0) or one line and exit 4", async () => {
    const { dir, paths } = tempCopy(file);
    const before = sha256(paths[0]!);
    const r = await runCli([paths[0]!, "--lang", "en"]);
    expect([EXIT.scored, EXIT.cannotWrite]).toContain(r.code);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(sha256(paths[0]!)).toBe(before);
    const files = fs.readdirSync(dir).sort();
    if (r.code === EXIT.cannotWrite) {
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(files).toEqual(["seed-table-libreoffice.xlsx"]);
    } else {
      expect(files).toEqual(["seed-table-libreoffice.scored.xlsx", "seed-table-libreoffice.xlsx"]);
    }
  });

  // ExcelJS read the table's missing style as null and failed when it wrote the user's parts
  // ("Cannot read properties of null (reading 'theme')"). The package writer (issue 7 §1) keeps the
  // user's parts as they are, so the table part is copied, not rewritten.
  it("scores it as the seed (exit 0) and keeps the table part byte for byte", async () => {
    const { dir, paths } = tempCopy(file);
    const r = await runCli([paths[0]!, "--json"]);
    expect(r.code).toBe(EXIT.scored);
    expect((JSON.parse(r.stdout) as typeof expected).total).toBeCloseTo(expected.total, 9);
    const out = path.join(dir, "seed-table-libreoffice.scored.xlsx");
    expect(part(out, "xl/tables/table1.xml")).toBe(part(paths[0]!, "xl/tables/table1.xml"));
  });
});
