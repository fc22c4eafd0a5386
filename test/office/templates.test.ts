import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { XlsxHost } from "../../src/hosts/xlsx";
import { compute } from "../../src/excel/compute";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { inspectWorkbook } from "../../src/excel/inspect";
import { templateSheets } from "../../src/office/templates";
import { DEFAULT_SETTINGS } from "../../src/core/types";

const ROOT = path.join(__dirname, "..", "..");

function hostWithSheet(): XlsxHost {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1");
  return XlsxHost.fromWorkbook(wb);
}

const env = (host: XlsxHost) => ({ isSetSupported: (n: string, v: string) => host.capabilities.isSetSupported(n, v), charts: false, now: () => new Date(0), version: "test" });

describe("insertTemplate", () => {
  it("writes the worked example in one read and one write, and it scores as examples/seed.xlsx does", async () => {
    const host = hostWithSheet();
    const names = await host.run((ctx) => insertTemplate(ctx, templateSheets("example")));
    expect(names).toEqual(["绩效评价", "参保情况"]);
    expect(host.syncCount).toBe(2);
    const expected = JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "seed.expected.json"), "utf8")) as { total: number; grade: string; findings: { code: string; cell: string }[] };
    const result = await host.run((ctx) => compute(ctx, DEFAULT_SETTINGS, env(host)));
    expect(result.evaluation!.total).toBe(expected.total);
    expect(result.evaluation!.grade).toBe(expected.grade);
    expect(result.evaluation!.findings.map((f) => [f.code, f.cell]).sort()).toEqual(expected.findings.map((f) => [f.code, f.cell]).sort());
  });

  it("takes a free name when the sheet exists and leaves the existing sheet alone", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("绩效评价").getCell("A1").value = "mine";
    const host = XlsxHost.fromWorkbook(wb);
    const names = await host.run((ctx) => insertTemplate(ctx, templateSheets("example")));
    expect(names).toEqual(["绩效评价 (2)", "参保情况"]);
    expect(host.workbook.getWorksheet("绩效评价")!.getCell("A1").value).toBe("mine");
  });

  it("writes a blank form whose indicator header and budget block the detector finds", async () => {
    const host = hostWithSheet();
    await host.run((ctx) => insertTemplate(ctx, templateSheets("blank")));
    const inspection = await host.run((ctx) => inspectWorkbook(ctx, env(host)));
    expect(inspection.tables.map((t) => [t.kind, t.range, t.rows])).toEqual([
      ["indicator", "项目支出绩效自评表!C12:J22", 9],
      ["budget", "项目支出绩效自评表!C5:I6", 1],
    ]);
    expect(inspection.tables[0]!.roles.map((r) => `${r.at} ${r.role} ${r.header}`)).toEqual([
      "C level1 一级指标", "D level2 二级指标", "E level3 三级指标", "F target 年度指标值", "G actual 实际完成值", "H weight 分值", "I selfScore 得分", "J reason 偏差原因分析及改进措施",
    ]);
    expect(inspection.tables[1]!.roles.map((r) => `${r.at} ${r.role} ${r.header}`)).toEqual([
      "E6 planned 全年预算数（A）", "F6 spent 全年执行数（B）", "G6 weight 分值", "H6 declaredRate 执行率", "I6 selfScore 得分",
    ]);
  });
});
