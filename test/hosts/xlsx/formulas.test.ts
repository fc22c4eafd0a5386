/**
 * Formulas as Excel would see them (docs/scoring-rules.md §2): a formula with no cached result is
 * evaluated on read, one the engine cannot evaluate is a FORMULA_NOT_EVALUATED finding naming the
 * cell, and every formula we write is saved with its result, equal to the core's own number.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli, tempCopy, ROOT } from "../../cli/run";
import { toA1 } from "../../../src/core/cells/address";
import { layoutWorkbook } from "../../../src/core/layout/layoutWorkbook";
import { compute } from "../../../src/excel/compute";
import { XlsxHost } from "../../../src/hosts/xlsx";
import { DEFAULT_SETTINGS } from "../../../src/core/types";

const SEED = path.join(ROOT, "examples", "seed.xlsx");

/** The seed with some of its numbers replaced by formulas that carry no cached result, as a program would write them. */
async function uncached(file: string, formulas: Record<string, string>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("绩效评价");
  if (ws === undefined) throw new Error("no 绩效评价");
  for (const [address, formula] of Object.entries(formulas)) ws.getCell(address).value = { formula } as ExcelJS.CellFormulaValue;
  await wb.xlsx.writeFile(file);
}

interface Report {
  total: number;
  findings: { code: string; cell: string; message: string }[];
}

describe("formulas without a cached result", () => {
  let dir: string;
  let plain: Report;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), "perfscore-formulas-"));
    plain = JSON.parse((await runCli([SEED, "-o", path.join(dir, "plain.xlsx"), "--json", "--lang", "en"])).stdout) as Report;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("are read as Excel would calculate them: the same total as the numbers they stand for", async () => {
    const { paths } = tempCopy(SEED);
    const input = paths[0] as string;
    // G5 is a weight of 2, G7 a weight of 5, H16 a score of 10.
    await uncached(input, { G5: "1+1", G7: "SUM(2,3)", H16: "IF(G16>5,G16,0)" });
    const r = await runCli([input, "-o", path.join(dir, "a.xlsx"), "--json", "--lang", "en"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.total).toBe(plain.total);
    expect(report.findings.filter((f) => f.code === "FORMULA_NOT_EVALUATED")).toEqual([]);
  });

  it("raise FORMULA_NOT_EVALUATED naming the cell when the engine cannot evaluate one, never a silent number", async () => {
    const { paths } = tempCopy(SEED);
    const input = paths[0] as string;
    await uncached(input, { H8: "NOSUCHFUNCTION(5)", H9: "H10+UnknownName" });
    const r = await runCli([input, "-o", path.join(dir, "b.xlsx"), "--json", "--lang", "en"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const found = report.findings.filter((f) => f.code === "FORMULA_NOT_EVALUATED");
    expect(found.map((f) => f.cell).sort()).toEqual(["绩效评价!H8", "绩效评价!H9"]);
    expect(found.find((f) => f.cell === "绩效评价!H8")?.message).toBe(
      "The cell's formula =NOSUCHFUNCTION(5) has no result saved in the file, and the tool cannot evaluate it (it uses a function the tool does not implement); it was read as blank. Open and save the file once in Excel (so that Excel calculates it), or type the value in, then try again.",
    );
    expect(found.find((f) => f.cell === "绩效评价!H9")?.message).toContain("it uses a name the tool cannot resolve");
  });

  it("count in a review as in one workbook: the file's row counts the error and names it as its most serious finding", async () => {
    const { paths } = tempCopy(SEED);
    const input = paths[0] as string;
    await uncached(input, { H8: "NOSUCHFUNCTION(5)" });
    const out = path.join(dir, "review.xlsx");
    const r = await runCli(["review", input, "-o", out, "--out-dir", path.join(dir, "copies"), "--json", "--lang", "en"]);
    expect(r.code).toBe(0);
    const review = JSON.parse(r.stdout) as { projects: { findings: Record<string, number>; topFinding: { code: string; cell: string } | null }[] };
    const single = JSON.parse((await runCli([input, "-o", path.join(dir, "single.xlsx"), "--json", "--lang", "en"])).stdout) as { findings: { code: string; severity: string }[] };
    const counts: Record<string, number> = { error: 0, warning: 0, info: 0 };
    for (const f of single.findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
    expect(counts.error).toBeGreaterThan(0);
    expect(review.projects).toHaveLength(1);
    expect(review.projects[0]!.findings).toEqual(counts);
    expect(review.projects[0]!.topFinding).toMatchObject({ code: "FORMULA_NOT_EVALUATED", cell: "绩效评价!H8" });
  });

  it("in Chinese too", async () => {
    const { paths } = tempCopy(SEED);
    const input = paths[0] as string;
    await uncached(input, { H8: "H8+1" });
    const r = await runCli([input, "-o", path.join(dir, "c.xlsx"), "--json", "--lang", "zh"]);
    const found = (JSON.parse(r.stdout) as Report).findings.filter((f) => f.code === "FORMULA_NOT_EVALUATED");
    expect(found.map((f) => f.message)).toEqual([
      "该单元格的公式 =H8+1 在文件中没有计算结果，本工具也无法计算（存在循环引用），已按空白读取。请在 Excel 中打开并保存一次（让 Excel 计算公式），或改填数值后重试。",
    ]);
  });
});

describe("our formulas carry cached results", () => {
  it.each(["seed", "self-evaluation-form", "english", "projects"])("examples/%s.xlsx: every formula we write is saved with the core's own value", async (name) => {
    const host = await XlsxHost.fromFile(path.join(ROOT, "examples", `${name}.xlsx`));
    const now = () => new Date(Date.UTC(2023, 1, 28));
    const settings = { ...DEFAULT_SETTINGS, language: "zh" as const };
    const result = await host.run((c) => compute(c, settings, { isSetSupported: (n, v) => host.capabilities.isSetSupported(n, v), charts: false, now, version: "test" }));
    const [scoreTableName, summaryName] = result.outputSheets as [string, string];
    const plans = layoutWorkbook(result, { scoreTableName, summaryName, version: "test", generatedAt: now().toISOString() });
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load((await host.writeBuffer()) as unknown as ArrayBuffer);
    let compared = 0;
    const mismatches: string[] = [];
    for (const plan of plans) {
      const ws = saved.getWorksheet(plan.name);
      plan.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell.kind !== "formula") return;
          const got = ws?.getCell(toA1(r, c));
          const cached = got?.result ?? (got?.value as ExcelJS.CellFormulaValue | undefined)?.result;
          const same = typeof cell.value === "number" ? typeof cached === "number" && Math.abs(cached - cell.value) <= 1e-9 * Math.max(1, Math.abs(cell.value)) : (cached ?? "") === cell.value;
          compared++;
          if (!same) mismatches.push(`${plan.name}!${toA1(r, c)} =${cell.formula.replace(/^=/, "")}: cached ${JSON.stringify(cached)}, core ${JSON.stringify(cell.value)}`);
        }),
      );
    }
    expect(compared).toBeGreaterThan(20);
    expect(mismatches).toEqual([]);
    expect(host.formulaProblems).toEqual([]);
  }, 60_000);
});
