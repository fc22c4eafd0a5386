import { hostOf, rejection } from "./helpers";

describe("WorksheetCollection", () => {
  it("loads sheet names in tab order", async () => {
    const host = hostOf({ First: [[1]], Second: [[2]] });
    host.workbook.addWorksheet("Third");
    const got = await host.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
    expect(got).toEqual(["First", "Second", "Third"]);
  });

  it("adds a sheet and rejects a duplicate name regardless of case with ItemAlreadyExists", async () => {
    const host = hostOf({ Data: [[1]] });
    await host.run(async (context) => {
      context.workbook.worksheets.add("Scores");
      await context.sync();
      context.workbook.worksheets.add("SCORES");
      const e = await rejection(context.sync());
      expect(e.code).toBe("ItemAlreadyExists");
    });
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(["Data", "Scores"]);
  });

  it("recreates a sheet through getItem().delete() and add() in one sync", async () => {
    const host = hostOf({ Data: [[1]], Scores: [["old"]] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("scores").delete();
      const ws = context.workbook.worksheets.add("Scores");
      ws.getRange("A1").values = [["new"]];
      await context.sync();
    });
    expect(host.workbook.getWorksheet("Scores")?.getCell("A1").value).toBe("new");
  });

  it("activates a sheet: the workbook's active tab and the sheet's selected tab", async () => {
    const host = hostOf({ A: [[1]], B: [[2]] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("B").activate();
    });
    expect((host.workbook.views[0] as { activeTab?: number }).activeTab).toBe(1);
    expect(host.workbook.worksheets.map((ws) => (ws.views[0] as { tabSelected?: boolean } | undefined)?.tabSelected)).toEqual([false, true]);
  });

  it("freezes rows and sets the tab colour", async () => {
    const host = hostOf({ A: [[1]], B: [[1]] });
    await host.run(async (context) => {
      const a = context.workbook.worksheets.getItem("A");
      a.freezePanes.freezeRows(2);
      a.tabColor = "#1F4E79";
      context.workbook.worksheets.getItem("B").freezePanes.freezeAt(context.workbook.worksheets.getItem("B").getRange("A1:B3"));
    });
    const a = host.workbook.getWorksheet("A");
    expect(a?.views[0]).toMatchObject({ state: "frozen", xSplit: 0, ySplit: 2, topLeftCell: "A3" });
    expect(a?.properties.tabColor).toEqual({ argb: "FF1F4E79" });
    expect(host.workbook.getWorksheet("B")?.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 3, topLeftCell: "C4" });
  });

  it("rejects getRange with an address of another sheet", async () => {
    const host = hostOf({ A: [[1]], B: [[1]] });
    const e = await rejection(host.run(async (context) => {
      context.workbook.worksheets.getItem("A").getRange("B!A1").load("values");
    }));
    expect(e.code).toBe("InvalidArgument");
  });
});

describe("capabilities and charts", () => {
  it("supports ExcelApi up to 1.17", () => {
    const host = hostOf({ A: [[1]] });
    expect([
      host.capabilities.isSetSupported("ExcelApi", "1.7"),
      host.capabilities.isSetSupported("ExcelApi", "1.17"),
      host.capabilities.isSetSupported("ExcelApi", "1.18"),
      host.capabilities.charts,
    ]).toEqual([true, true, false, false]);
  });

  it("rejects charts.add with ApiNotFound when charts are off", async () => {
    const host = hostOf({ A: [[1, 2]] });
    const e = await rejection(host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("A");
      ws.charts.add("ColumnClustered", ws.getRange("A1:B1"));
    }));
    expect(e.code).toBe("ApiNotFound");
  });

  it("records charts in memory when charts are on", async () => {
    const host = hostOf({ A: [[1, 2]] }, { charts: true });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("A");
      const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:B1"), "Auto");
      chart.title.text = "Scores";
      chart.setPosition("D2", "J15");
    });
    expect(host.charts).toEqual([{ sheet: "A", type: "ColumnClustered", source: "A!A1:B1", title: "Scores", topLeft: "D2", bottomRight: "J15" }]);
  });
});
