import * as path from "path";
import ExcelJS from "exceljs";
import { compute, freeName, type ComputeEnv } from "../../src/excel/compute";
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
  it.each([10, 1000, 20000])("reads in 2 syncs and writes in 1 per request at %i rows", async (rows) => {
    const host = XlsxHost.fromWorkbook(formWorkbook(rows));
    const result = await run(host);
    expect(result.status).toBe("scored");
    expect(result.evaluation!.indicators).toHaveLength(rows);
    const writes = host.syncs.slice(2);
    for (const s of host.syncs) expect(s.bytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    const total = writes.reduce((s, x) => s + x.bytes, 0);
    if (total <= 4_000_000) expect(host.syncCount).toBe(3);
    else expect(host.syncCount).toBe(2 + writes.length);
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(total / 3_000_000) + 1);
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
    const texts: string[] = [];
    out.eachRow((row) => row.eachCell((c) => {
      if (typeof c.value === "string") texts.push(c.value);
    }));
    expect(texts).toEqual(expect.arrayContaining(["=1+1", "+SUM(A1:A2)", '=HYPERLINK("http://x")', "@cmd", "-2+3", "001"]));
    out.eachRow((row) => row.eachCell((c) => {
      if (c.formula) expect(c.formula).not.toMatch(/HYPERLINK|^1\+1$|SUM\(A1:A2\)/);
    }));
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
    expect(result.problem?.en).toContain("Sales");
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(["Sales"]);
    expect(host.syncCount).toBe(2);
  });

  it("adds a native chart when the host supports charts", async () => {
    const host = XlsxHost.fromWorkbook(formWorkbook(10), { charts: true });
    const result = await host.run((ctx) => compute(ctx, DEFAULT_SETTINGS, envFor(host, true)));
    expect(host.charts).toHaveLength(1);
    expect(host.charts[0]!.sheet).toBe(result.outputSheets[1]);
    expect(host.charts[0]!.type).toBe("ColumnClustered");
  });

  it("relies on data bars when the host has no chart API", async () => {
    const host = await XlsxHost.fromFile(path.join(__dirname, "..", "..", "examples", "seed.xlsx"));
    const result = await run(host);
    expect(host.charts).toHaveLength(0);
    const summary = host.workbook.getWorksheet(result.outputSheets[1]!)!;
    const rules = (summary as unknown as { conditionalFormattings: { rules: { type: string }[] }[] }).conditionalFormattings;
    expect(rules.flatMap((c) => c.rules.map((r) => r.type))).toContain("dataBar");
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
