import { hostOf, rejection } from "./helpers";

describe("XlsxHost sync accounting", () => {
  it("counts explicit syncs and the implicit final one when work is queued", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      sheets.items[0]?.getRange("B1").load("values");
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("C1").values = [["x"]];
    });
    expect(host.syncCount).toBe(3);
    expect(host.syncs.map((s) => s.actions)).toEqual([1, 2, 3]);
  });

  it("does not add a final sync when nothing is queued", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.run(async (context) => {
      context.workbook.worksheets.load("items/name");
      await context.sync();
    });
    expect(host.syncCount).toBe(1);
  });

  it("records the request bytes of each sync: the UTF-8 JSON of each action's { path, op, args }", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    const big = Array.from({ length: 100 }, () => ["0123456789"]);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A100").values = big;
      await context.sync();
    });
    const sheet = 'workbook.worksheets.getItem("Sheet1")';
    const actions = [
      { path: "workbook.worksheets", op: "getItem", args: ["Sheet1"] },
      { path: sheet, op: "getRange", args: ["A1:A100"] },
      { path: `${sheet}.getRange("A1:A100")`, op: "values", args: big },
    ];
    expect(host.syncs).toEqual([{ bytes: actions.reduce((n, a) => n + Buffer.byteLength(JSON.stringify(a), "utf8"), 0), actions: 3, responseBytes: 0 }]);
    expect(host.syncs[0]?.bytes).toBe(1743);
  });

  it("resets its counters", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.run(async (context) => {
      context.workbook.worksheets.load("items");
    });
    host.resetCounters();
    expect([host.syncCount, host.syncs.length]).toEqual([0, 0]);
  });

  it("rejects an oversized request with RequestPayloadSizeLimitExceeded and writes nothing", async () => {
    const host = hostOf({ Sheet1: [[1]] }, { payloadLimitBytes: 1000 });
    const e = await rejection(host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").values = [["small"]];
      ws.getRange("B1:B200").values = Array.from({ length: 200 }, (_, i) => [`row ${i}`]);
      await context.sync();
    }));
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(e.message).toBe(`The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins". (2713 bytes; the limit is 1000.)`);
    expect(e.debugInfo.code).toBe("RequestPayloadSizeLimitExceeded");
    const ws = host.workbook.getWorksheet("Sheet1");
    expect([ws?.getCell("A1").value, ws?.getCell("B1").value]).toEqual([1, null]);
  });

  it("rejects a genuine write of more than 5 MB at the default limit", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    const rows = Array.from({ length: 70000 }, (_, i) => [`value number ${i} with some padding text`, `another text column ${i}`, i * 2]);
    const e = await rejection(host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:C70000").values = rows;
      await context.sync();
    }));
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.syncs).toEqual([{ bytes: 5592472, actions: 3, responseBytes: 0 }]);
    expect(e.message).toBe(`The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins". (5592472 bytes; the limit is 5242880.)`);
    expect(host.workbook.getWorksheet("Sheet1")?.getCell("A2").value).toBe(null);
  });

  it("accepts a request just under the limit once cut into batches", async () => {
    const host = hostOf({ Sheet1: [[1]] }, { payloadLimitBytes: 4000 });
    const rows = Array.from({ length: 200 }, (_, i) => [`row ${i}`]);
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A100").values = rows.slice(0, 100);
      await context.sync();
      ws.getRange("A101:A200").values = rows.slice(100);
      await context.sync();
    });
    expect(host.syncs).toEqual([{ bytes: 1333, actions: 3, responseBytes: 0 }, { bytes: 1384, actions: 2, responseBytes: 0 }]);
    expect(host.workbook.getWorksheet("Sheet1")?.getCell("A200").value).toBe("row 199");
  });

  it("rejects a response over the response limit when one is set", async () => {
    const host = hostOf({ Sheet1: [["a".repeat(500), "b".repeat(500)]] }, { responseLimitBytes: 600 });
    const e = await rejection(host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").load("values");
      await context.sync();
    }));
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(host.syncs).toEqual([{ bytes: 244, actions: 3, responseBytes: 1009 }]);
  });

  it("counts application no-ops as actions", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      context.application.suspendScreenUpdatingUntilNextSync();
      await context.sync();
    });
    expect(host.syncs[0]?.actions).toBe(2);
  });
});
