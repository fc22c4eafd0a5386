import * as ExcelJS from "exceljs";
import { XlsxHost } from "../../../src/hosts/xlsx";
import { hostOf, rejection } from "./helpers";

async function reopen(host: XlsxHost): Promise<XlsxHost> {
  return XlsxHost.fromBuffer(await host.writeBuffer());
}

describe("workbook.names", () => {
  it("adds, loads and deletes names, and the names survive a save", async () => {
    const host = hostOf({ "Sheet 1": [[1, 2]], Data: [[3]] });
    await host.run(async (context) => {
      const names = context.workbook.names;
      names.add("Total", context.workbook.worksheets.getItem("Sheet 1").getRange("A1:B1"));
      names.add("Rate", "=Data!$A$1", "a rate");
      names.add("Gone", "Data!A1");
      await context.sync();
      names.getItem("gone").delete();
    });
    const again = await reopen(host);
    const got = await again.run(async (context) => {
      const names = context.workbook.names.load("items/name,items/formula");
      await context.sync();
      return names.items.map((n) => [n.name, n.formula]).sort();
    });
    expect(got).toEqual([["Rate", "=Data!$A$1"], ["Total", "='Sheet 1'!$A$1:$B$1"]]);
    expect(again.workbook.definedNames.model).toEqual([{ name: "Total", ranges: ["'Sheet 1'!$A$1:$B$1"] }, { name: "Rate", ranges: ["Data!$A$1"] }]);
  });

  it("rejects a duplicate name with ItemAlreadyExists and a constant with InvalidArgument", async () => {
    const host = hostOf({ Data: [[3]] });
    await host.run(async (context) => {
      context.workbook.names.add("Rate", "=Data!$A$1");
      await context.sync();
      context.workbook.names.add("RATE", "=Data!$A$1");
      expect((await rejection(context.sync())).code).toBe("ItemAlreadyExists");
      context.workbook.names.add("Half", "=0.5");
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
  });
});

describe("saving", () => {
  it("keeps an internal hyperlink through a save, written as Excel writes it", async () => {
    const host = hostOf({ Summary: [["see details"]], "Detail Sheet": [[1]] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Summary").getRange("A1").hyperlink = {
        documentReference: "'Detail Sheet'!A1", textToDisplay: "Details", screenTip: "Go to details",
      };
      context.workbook.worksheets.getItem("Summary").getRange("A2").hyperlink = { address: "https://example.com/" };
    });
    const again = await reopen(host);
    const ws = again.workbook.getWorksheet("Summary");
    expect(ws?.getCell("A1").value).toEqual({ text: "Details", hyperlink: "#'Detail Sheet'!A1" });
    expect(ws?.getCell("A2").value).toEqual({ text: "https://example.com/", hyperlink: "https://example.com/" });
  });

  it("keeps cell-value, custom and data-bar conditional formats through a save", async () => {
    const host = hostOf({ Sheet1: [[0.5], [0.9], [1.2]] });
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A3");
      const low = range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
      low.cellValue.format.fill.color = "#FFC7CE";
      low.cellValue.format.font.color = "#9C0006";
      low.cellValue.rule = { formula1: "=0.6", operator: "LessThan" };
      const custom = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      custom.custom.rule.formula = "=$A1>1";
      custom.custom.format.fill.color = "#C6EFCE";
      const bar = range.conditionalFormats.add("DataBar" as Excel.ConditionalFormatType);
      bar.dataBar.positiveFormat.fillColor = "#638EC6";
    });
    const again = await reopen(host);
    const cfs = (again.workbook.getWorksheet("Sheet1") as unknown as { conditionalFormattings: { ref: string; rules: Record<string, unknown>[] }[] }).conditionalFormattings;
    expect(cfs.map((cf) => cf.ref)).toEqual(["A1:A3", "A1:A3", "A1:A3"]);
    expect(cfs[0]?.rules[0]).toMatchObject({
      type: "cellIs", operator: "lessThan", formulae: ["0.6"],
      style: { fill: { bgColor: { argb: "FFFFC7CE" } }, font: { color: { argb: "FF9C0006" } } },
    });
    expect(cfs[1]?.rules[0]).toMatchObject({ type: "expression", formulae: ["$A1>1"], style: { fill: { bgColor: { argb: "FFC6EFCE" } } } });
    expect(cfs[2]?.rules[0]).toMatchObject({ type: "dataBar", color: { argb: "FF638EC6" } });
  });

  it("keeps formatting through a save", async () => {
    const host = hostOf({ Sheet1: [["a", "b"], ["c", "d"]] });
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      r.format.fill.color = "#FFFF00";
      r.format.font.bold = true;
      r.format.font.color = "#FF0000";
      r.format.horizontalAlignment = "Center";
      r.format.verticalAlignment = "Top";
      r.format.wrapText = true;
      r.format.columnWidth = 105;
      r.format.rowHeight = 30;
      const top = r.format.borders.getItem("EdgeTop");
      top.style = "Continuous";
      top.weight = "Medium";
      top.color = "#000000";
      r.format.borders.getItem("InsideHorizontal").style = "Continuous";
    });
    const again = await reopen(host);
    const ws = again.workbook.getWorksheet("Sheet1")!;
    const a1 = ws.getCell("A1");
    expect(a1.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } });
    expect(a1.font).toMatchObject({ bold: true, color: { argb: "FFFF0000" } });
    expect(a1.alignment).toMatchObject({ horizontal: "center", vertical: "top", wrapText: true });
    expect(a1.border.top).toEqual({ style: "medium", color: { argb: "FF000000" } });
    expect(a1.border.bottom).toMatchObject({ style: "thin" });
    expect(ws.getCell("A2").border.top).toMatchObject({ style: "thin" });
    expect(ws.getCell("A2").border.bottom).toBeUndefined();
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.getRow(2).height).toBe(30);
  });

  it("does not change the style of other cells that shared one", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    const shared = { font: { bold: false } } as Partial<ExcelJS.Style>;
    ws.getCell("A1").style = shared;
    ws.getCell("A2").style = shared;
    const host = XlsxHost.fromWorkbook(wb);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.font.bold = true;
    });
    expect([ws.getCell("A1").font.bold, ws.getCell("A2").font.bold]).toEqual([true, false]);
  });

  it("marks the saved workbook for a full recalculation on load", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.writeBuffer();
    expect(host.workbook.calcProperties.fullCalcOnLoad).toBe(true);
  });
});

describe("deleting a sheet", () => {
  it("turns names that pointed at it into #REF! names, which are dropped on save", async () => {
    const host = hostOf({ Data: [[1]], Out: [[2]] });
    const got = await host.run(async (context) => {
      context.workbook.names.add("Marker", context.workbook.worksheets.getItem("Out").getRange("A1"));
      context.workbook.names.add("Keep", "=Data!$A$1");
      context.workbook.worksheets.getItem("Out").delete();
      const names = context.workbook.names.load("items/name,items/formula");
      await context.sync();
      return names.items.map((n) => [n.name, n.formula]);
    });
    expect(got).toEqual([["Marker", "=#REF!$A$1"], ["Keep", "=Data!$A$1"]]);
    const again = await reopen(host);
    expect(again.workbook.definedNames.model).toEqual([{ name: "Keep", ranges: ["Data!$A$1"] }]);
  });

  it("refuses to delete the only visible sheet", async () => {
    const host = hostOf({ Only: [[1]] });
    const e = await rejection(host.run(async (context) => {
      context.workbook.worksheets.getItem("Only").delete();
    }));
    expect(e.code).toBe("InvalidOperation");
  });
});
