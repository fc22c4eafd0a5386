import ExcelJS from "exceljs";
import { compute } from "../../src/excel/compute";
import { XlsxHost } from "../../src/hosts/xlsx";
import { DEFAULT_SETTINGS } from "../../src/core/types";

const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

/**
 * A project at row `top`: 项目名称, a blank row, the header and two leaves whose hand-worked total
 * is 0.6a + 40 (A: ≥100, actual a, weight 60; B: ≥10, 10, weight 40; self-scores equal the scores).
 */
function addProject(ws: ExcelJS.Worksheet, top: number, name: string, a: number): number {
  ws.getRow(top).values = ["项目名称", name];
  ws.getRow(top + 2).values = HEADER;
  ws.getRow(top + 3).values = ["产出", "数量", "指标A", "≥100", a, 60, (60 * a) / 100, "原因"];
  ws.getRow(top + 4).values = ["产出", "质量", "指标B", "≥10", 10, 40, 40];
  return top + 6;
}

async function run(wb: ExcelJS.Workbook) {
  const host = XlsxHost.fromWorkbook(wb);
  const env = { isSetSupported: (n: string, v: string) => host.capabilities.isSetSupported(n, v), charts: host.capabilities.charts, now: () => new Date(0), version: "test" };
  const result = await host.run((ctx) => compute(ctx, DEFAULT_SETTINGS, env));
  return { host, result };
}

describe("compute with several projects", () => {
  it("scores twelve projects on twelve sheets and writes two sheets in 3 syncs", async () => {
    const wb = new ExcelJS.Workbook();
    for (let i = 0; i < 12; i++) addProject(wb.addWorksheet(`项目${i + 1}`), 1, `项目${i + 1}`, 40 + 5 * i);
    const { host, result } = await run(wb);
    expect(result.projects.map((p) => p.total)).toEqual(Array.from({ length: 12 }, (_, i) => 64 + 3 * i));
    expect(result.evaluation).toBe(result.projects[0]);
    expect(result.outputSheets).toEqual(["评分表", "汇总"]);
    expect(host.syncCount).toBe(3);
    const table = host.workbook.getWorksheet("评分表")!;
    // Each block: title, header, 2 rows, total, blank: 6 rows.
    expect(Array.from({ length: 12 }, (_, i) => table.getCell(`A${1 + 6 * i}`).value)).toEqual(Array.from({ length: 12 }, (_, i) => `项目${i + 1}`));
    expect((table.getCell("J71").value as ExcelJS.CellFormulaValue).formula).toBe("SUM(J69:J70)");
    const summary = host.workbook.getWorksheet("汇总")!;
    // The overview's 12 rows (5–16) point at the 12 blocks' total rows (5, 11, … 71).
    expect(Array.from({ length: 12 }, (_, i) => (summary.getCell(`B${5 + i}`).value as ExcelJS.CellFormulaValue).formula)).toEqual(
      Array.from({ length: 12 }, (_, i) => `IFERROR(评分表!J${5 + 6 * i}/评分表!F${5 + 6 * i}*100,"")`),
    );
    // The grade distribution: heading at row 18, header 19, 优 to 差 at 20–23.
    expect([20, 21, 22, 23].map((r) => [summary.getCell(`A${r}`).value, (summary.getCell(`B${r}`).value as ExcelJS.CellFormulaValue).formula])).toEqual([
      ["优", 'COUNTIF(C5:C16,"优")'],
      ["良", 'COUNTIF(C5:C16,"良")'],
      ["中", 'COUNTIF(C5:C16,"中")'],
      ["差", 'COUNTIF(C5:C16,"差")'],
    ]);
  });

  it("scores two projects on one sheet each on its own", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("合并");
    addProject(ws, addProject(ws, 1, "一号", 90), "二号", 20);
    const { result } = await run(wb);
    // 0.6 × 90 + 40 = 94; 0.6 × 20 + 40 = 52.
    expect(result.projects.map((p) => [p.projectName, p.total, p.grade])).toEqual([
      ["一号", 94, "优"],
      ["二号", 52, "差"],
    ]);
    expect(result.workbookFindings).toEqual([]);
  });
});
