import * as path from "path";
import ExcelJS from "exceljs";
import { compute, freeName, type ComputeEnv } from "../../src/excel/compute";
import { BATCH_LIMIT_BYTES } from "../../src/excel/writePlans";
import { RESPONSE_BUDGET_BYTES } from "../../src/excel/readWorkbook";
import { XlsxHost } from "../../src/hosts/xlsx";
import { DEFAULT_SETTINGS } from "../../src/core/types";
import { formWorkbook } from "./workbooks";

function envFor(host: XlsxHost, charts = host.capabilities.charts): ComputeEnv {
  return { isSetSupported: (n, v) => host.capabilities.isSetSupported(n, v), charts, now: () => new Date(0), version: "test" };
}

async function run(host: XlsxHost, settings = DEFAULT_SETTINGS) {
  return host.run((ctx) => compute(ctx, settings, envFor(host)));
}

describe("compute", () => {
  // Up to 2,000 rows the read is 2 syncs; 20,000 rows read their rows beyond the first 2,000 in 2
  // more (windows sized to stay under ~4 MB a response) and write in 2 requests.
  it.each([
    [10, 3, [2, 7, 128]],
    [1000, 3, [2, 7, 253]],
    [20000, 6, [2, 7, 3, 3, 84, 320]],
  ])("reads the first 2,000 rows in 2 syncs, and at %i rows syncs %i times in all, with these actions", async (rows, syncs, actions) => {
    const host = XlsxHost.fromWorkbook(formWorkbook(rows), { responseLimitBytes: 5 * 1024 * 1024 });
    const result = await run(host);
    expect(result.status).toBe("scored");
    expect(result.evaluation!.indicators).toHaveLength(rows);
    expect(host.syncCount).toBe(syncs);
    // The two reads: the sheet list and our marks (2 loads), then the used range, its merges and the first rows of the one sheet (7 actions).
    expect(host.syncs.slice(0, 2).map((s) => [s.bytes, s.actions])).toEqual([[133, 2], [899, 7]]);
    expect(host.syncs.map((s) => s.actions)).toEqual(actions);
    expect(Math.max(...host.syncs.slice(2).map((s) => s.bytes))).toBeLessThanOrEqual(BATCH_LIMIT_BYTES);
    expect(Math.max(...host.syncs.map((s) => s.responseBytes))).toBeLessThanOrEqual(RESPONSE_BUDGET_BYTES);
  });

  it("writes text that begins with = as text, never as a formula", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    ws.addRow(["一级指标", "二级指标", "三级指标", "分值", "得分"]);
    ws.addRow(["=1+1", "+SUM(A1:A2)", '=HYPERLINK("http://x")', 50, 50]);
    ws.addRow(["@cmd", "-2+3", "001", 50, 50]);
    const host = XlsxHost.fromWorkbook(wb);
    const result = await run(host);
    const out = host.workbook.getWorksheet(result.outputSheets[0]!)!;
    const cells = ["A3", "C3", "E3", "A4", "C4", "E4"].map((a) => [out.getCell(a).value, out.getCell(a).type]);
    const text = ExcelJS.ValueType.String;
    expect(cells).toEqual([["=1+1", text], ["+SUM(A1:A2)", text], ['=HYPERLINK("http://x")', text], ["@cmd", text], ["-2+3", text], ["001", text]]);
  });

  it("leaves a user sheet named 汇总 alone and writes to a free name", async () => {
    const wb = formWorkbook(5);
    wb.addWorksheet("汇总").getCell("A1").value = "用户自己的汇总";
    const host = XlsxHost.fromWorkbook(wb);
    const result = await run(host);
    expect(result.outputSheets).toEqual(["评分表", "汇总 (2)"]);
    expect(host.workbook.getWorksheet("汇总")!.getCell("A1").value).toBe("用户自己的汇总");
    const again = await run(host);
    expect(again.outputSheets).toEqual(["评分表", "汇总 (2)"]);
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(["自评表", "汇总", "评分表", "汇总 (2)"]);
  });

  it("writes nothing when there is nothing to score", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sales").addRow(["Month", "Revenue"]);
    const host = XlsxHost.fromWorkbook(wb);
    const result = await run(host);
    expect(result.status).toBe("nothingToScore");
    expect(result.problem?.en).toBe(
      "No indicator table was found in Sales (it needs level-name columns such as 一级指标/Level 1 and a weight column such as 分值/Weight).",
    );
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(["Sales"]);
    expect(host.syncCount).toBe(2);
  });

  it("adds a native chart when the host supports charts", async () => {
    const host = XlsxHost.fromWorkbook(formWorkbook(10), { charts: true });
    const result = await host.run((ctx) => compute(ctx, DEFAULT_SETTINGS, envFor(host, true)));
    expect(result.outputSheets[1]).toBe("汇总");
    expect(host.charts).toEqual([
      { sheet: "汇总", type: "ColumnClustered", source: "汇总!A15:C20", title: "一级指标得分与分值", topLeft: "H15", bottomRight: "O31" },
    ]);
  });

  it("relies on data bars when the host has no chart API", async () => {
    const host = await XlsxHost.fromFile(path.join(__dirname, "..", "..", "examples", "seed.xlsx"));
    const result = await run(host);
    expect(host.charts).toEqual([]);
    const summary = host.workbook.getWorksheet(result.outputSheets[1]!)!;
    const rules = (summary as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(rules.map((c) => [c.ref, c.rules.map((r) => r.type)])).toEqual([["D41:D43", ["dataBar"]]]);
  });
});

describe("freeName", () => {
  it("returns the preferred name when it is free", () => {
    expect(freeName("汇总", ["Sheet1"])).toBe("汇总");
  });
  it("compares names without regard to case", () => {
    expect(freeName("Summary", ["SUMMARY", "Summary (2)"])).toBe("Summary (3)");
  });
});

describe("compute on a workbook it wrote before", () => {
  it("drops a mark whose sheet the user deleted and writes fresh sheets", async () => {
    const host = XlsxHost.fromWorkbook(formWorkbook(5));
    await run(host);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("汇总").delete();
      await ctx.sync();
    });
    const again = await run(host);
    expect(again.outputSheets).toEqual(["评分表", "汇总"]);
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(["自评表", "评分表", "汇总"]);
  });
});
