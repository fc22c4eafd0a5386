import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import * as os from "os";
import { ROOT, runCli, tempCopy } from "./run";

interface ExpectedProject {
  name: string;
  sheet: string;
  table: string;
  total: number;
  grade: string;
  selfTotal: number | null;
  weightTotal: number;
  indicators: Record<string, unknown>[];
  enrollment: Record<string, unknown>[];
  budget: Record<string, unknown> | null;
  findings: { code: string; cell: string }[];
}

interface Expected {
  projects: ExpectedProject[];
  workbookFindings: { code: string; cell: string }[];
}

/** Compares numbers within 1e-9 and everything else exactly. */
function expectClose(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === "number") {
    expect({ where, diff: Math.abs((actual as number) - expected) < 1e-9 }).toEqual({ where, diff: true });
  } else {
    expect({ where, value: actual }).toEqual({ where, value: expected });
  }
}

const brief = (fs: { code: string; cell: string }[]) => fs.map((f) => `${f.code}@${f.cell}`).sort();

describe("perfscore on examples/projects.xlsx (three projects)", () => {
  const expected = JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "projects.expected.json"), "utf8")) as Expected;
  const { paths } = tempCopy(path.join(ROOT, "examples", "projects.xlsx"));
  const input = paths[0]!;
  let report: Record<string, unknown> & Expected & { outputSheets: string[]; file: string; host: { syncs: number; actions: number } };
  let code: number;

  beforeAll(async () => {
    const result = await runCli([input, "--json"]);
    code = result.code;
    report = JSON.parse(result.stdout);
  });

  it("exits 0 with projects, workbook findings, output sheets and host at the top level and no project's fields", () => {
    expect(code).toBe(0);
    expect(Object.keys(report)).toEqual(["file", "projects", "workbookFindings", "outputSheets", "keptEditedSheets", "host"]);
  });

  it("matches each project's hand-worked totals, indicators, enrollment lines, budget and findings", () => {
    expect(report.projects).toHaveLength(expected.projects.length);
    expected.projects.forEach((e, p) => {
      const got = report.projects[p]!;
      for (const k of ["name", "sheet", "table", "total", "grade", "selfTotal", "weightTotal"] as const) expectClose(got[k], e[k], `projects[${p}].${k}`);
      for (const list of ["indicators", "enrollment"] as const) {
        expect(got[list]).toHaveLength(e[list].length);
        e[list].forEach((x, i) => {
          for (const [k, v] of Object.entries(x)) expectClose((got[list][i] as Record<string, unknown>)[k], v, `projects[${p}].${list}[${i}].${k}`);
        });
      }
      if (e.budget === null) expect(got.budget).toBeNull();
      else for (const [k, v] of Object.entries(e.budget)) expectClose((got.budget as Record<string, unknown>)[k], v, `projects[${p}].budget.${k}`);
      expect(brief(got.findings)).toEqual(brief(e.findings));
    });
    expect(brief(report.workbookFindings)).toEqual(brief(expected.workbookFindings));
  });

  it("writes two sheets in 3 syncs however many projects there are", () => {
    expect(report.outputSheets).toEqual(["评分表", "汇总"]);
    expect(report.host.syncs).toBe(3);
    // 2,029 before styles were grouped over RangeAreas (issue 9 §3).
    expect(report.host.actions).toBe(202);
  });

  it("writes the overview: one row per project, each linked to its block on the score table", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report.file);
    const summary = wb.getWorksheet("汇总")!;
    const rows = [5, 6, 7].map((r) => {
      const total = summary.getCell(`B${r}`).value as ExcelJS.CellFormulaValue;
      return [summary.getCell(`A${r}`).value, total.formula, summary.getCell(`H${r}`).value];
    });
    expect(rows).toEqual([
      [{ text: "就业创业补助资金项目", hyperlink: "#评分表!A1" }, 'IFERROR(评分表!J8/评分表!F8*100,"")', { text: "就业补助", hyperlink: "#就业补助!B5" }],
      [{ text: "城乡居民医保补助项目", hyperlink: "#评分表!A10" }, 'IFERROR(评分表!J17/评分表!F17*100,"")', { text: "医保项目", hyperlink: "#医保项目!B5" }],
      [{ text: "医疗救助项目", hyperlink: "#评分表!A19" }, 'IFERROR(评分表!J24/评分表!F24*100,"")', { text: "医保项目", hyperlink: "#医保项目!B13" }],
    ]);
    const table = wb.getWorksheet("评分表")!;
    expect([1, 10, 19].map((r) => table.getCell(`A${r}`).value)).toEqual(["就业创业补助资金项目", "城乡居民医保补助项目", "医疗救助项目"]);
  });

  it("prints each project's total and grade in the human report", async () => {
    const { paths: again } = tempCopy(path.join(ROOT, "examples", "projects.xlsx"));
    const human = await runCli([again[0]!, "--lang", "en"]);
    expect(human.stdout.split("\n").slice(0, 4)).toEqual([
      "3 projects",
      "1. 就业创业补助资金项目 (就业补助)",
      "   Total 95.50, grade Excellent (优) (self-assessed 95.50)",
      "   Findings: 0 errors, 0 warnings, 0 notes",
    ]);
    expect(human.stdout).toContain("3. 医疗救助项目 (医保项目)\n   Total 84.00, grade Good (良) (self-assessed 94.00)\n   Findings: 0 errors, 2 warnings, 0 notes\n");
    expect(human.stdout).toContain("Findings that belong to no project:\n  [warning] UNASSIGNED_TABLE 参保汇总!B4: ");
  });
});

const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

/** A project at row `top` whose hand-worked total is 0.6a + 40 (A: ≥100 → a, weight 60; B: met, weight 40). */
function addProject(ws: ExcelJS.Worksheet, top: number, name: string, a: number): number {
  ws.getRow(top).values = ["项目名称", name];
  ws.getRow(top + 2).values = HEADER;
  ws.getRow(top + 3).values = ["产出", "数量", "指标A", "≥100", a, 60, (60 * a) / 100, "原因"];
  ws.getRow(top + 4).values = ["产出", "质量", "指标B", "≥10", 10, 40, 40];
  return top + 6;
}

describe("perfscore on workbooks built with 2 and 12 projects", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-projects-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reports twelve projects on twelve sheets with their hand-worked totals", async () => {
    const wb = new ExcelJS.Workbook();
    for (let i = 0; i < 12; i++) addProject(wb.addWorksheet(`项目${i + 1}`), 1, `项目${i + 1}`, 40 + 5 * i);
    const input = path.join(dir, "twelve.xlsx");
    await wb.xlsx.writeFile(input);
    const result = await runCli([input, "--json"]);
    const report = JSON.parse(result.stdout) as { projects: { name: string; total: number; grade: string }[]; outputSheets: string[] };
    // 0.6 × (40 + 5i) + 40 = 64 + 3i.
    expect(report.projects.map((p) => [p.name, p.total, p.grade])).toEqual(
      Array.from({ length: 12 }, (_, i) => [`项目${i + 1}`, 64 + 3 * i, i < 6 ? "中" : i < 9 ? "良" : "优"]),
    );
    expect(report.outputSheets).toEqual(["评分表", "汇总"]);
  });

  it("reports two projects on one sheet with their hand-worked totals", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("合并");
    addProject(ws, addProject(ws, 1, "一号", 90), "二号", 20);
    const input = path.join(dir, "two.xlsx");
    await wb.xlsx.writeFile(input);
    const result = await runCli([input, "--json"]);
    const report = JSON.parse(result.stdout) as { projects: { name: string; table: string; total: number; grade: string }[]; total?: number };
    // 0.6 × 90 + 40 = 94; 0.6 × 20 + 40 = 52.
    expect(report.projects.map((p) => [p.name, p.table, p.total, p.grade])).toEqual([
      ["一号", "合并!A3", 94, "优"],
      ["二号", "合并!A9", 52, "差"],
    ]);
    expect(report.total).toBeUndefined();
  });
});
