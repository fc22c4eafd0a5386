/**
 * The grade at a band edge is one grade everywhere (docs/scoring-rules.md §3.4): a workbook whose
 * total is 89.9949999999925 grades 良 in the CLI's JSON and on the summary sheet after LibreOffice
 * recalculates every formula; one at exactly 89.995 grades 优 in both. LibreOffice's ROUND is an
 * implementation of the spreadsheet rule we did not write, so agreement here is evidence that our
 * excelRound reproduces it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { Writable } from "stream";
import { main } from "../../src/cli/main";
import { convert, makeRecalcProfile, readFormulaCells, requireTools } from "./libreoffice";

/** The CLI in-process (the code under test, not a possibly stale build), its stdout collected. */
async function cliJson(argv: string[]): Promise<{ total: number; grade: string }> {
  let stdout = "";
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      stdout += chunk.toString("utf8");
      cb();
    },
  });
  const code = await main([...argv, "--json"], out, out);
  expect(code).toBe(0);
  return JSON.parse(stdout) as { total: number; grade: string };
}

/** One level-1 group, one leaf of weight 100 self-scored `self`: the total is `self` exactly. */
async function workbookWithTotal(file: string, self: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评表");
  ws.addRow(["一级指标", "二级指标", "三级指标", "分值", "得分"]);
  ws.addRow(["产出指标", "数量指标", "完成率", 100, self]);
  await wb.xlsx.writeFile(file);
}

describe.each([
  { self: 89.9949999999925, grade: "良" },
  { self: 89.995, grade: "优" },
])("a total of $self", ({ self, grade }) => {
  let dir: string;
  let profile: string;
  beforeAll(() => {
    requireTools();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-grade-edge-"));
    profile = makeRecalcProfile();
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  });

  it(`grades ${grade} in the JSON and on the sheet LibreOffice recalculates`, async () => {
    const input = path.join(dir, "edge.xlsx");
    await workbookWithTotal(input, self);
    const output = path.join(dir, "edge.scored.xlsx");
    const json = await cliJson([input, "-o", output]);
    expect(json.total).toBe(self);
    expect(json.grade).toBe(grade);

    const recalculated = await readFormulaCells(convert(output, "xlsx", "xlsx", path.join(dir, "lo"), profile));
    const gradeCells = recalculated.cells.filter((c) => c.formula.includes("ROUND("));
    expect(gradeCells).toHaveLength(1);
    expect(gradeCells[0]?.result).toBe(grade);
  });
});
