import * as ExcelJS from "exceljs";
import { XlsxHost } from "../../../src/hosts/xlsx";
import { BOUNDS, boundsOf, hostOf } from "./helpers";

describe("getUsedRangeOrNullObject", () => {
  it("reports the whole sheet for a stray value at XFD1048576, quickly and without building the grid", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.getCell("A1").value = "top";
    ws.getCell("XFD1048576").value = "stray";
    const host = XlsxHost.fromWorkbook(wb);
    const started = Date.now();
    const got = await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject(true)
        .load(`${BOUNDS},values`);
      await context.sync();
      return { size: boundsOf(used), values: used.values };
    });
    expect(Date.now() - started).toBeLessThan(2000);
    // Excel returns null cell-level properties for a range spanning every column.
    expect(got).toEqual({ size: [0, 0, 1048576, 16384], values: null });
    expect(ws.getRow(2).cellCount).toBe(0);
  });

  it("gives a null object for an empty sheet", async () => {
    const host = hostOf({ Empty: [] });
    const isNull = await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject();
      await context.sync();
      return used.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  it("bounds the used range by the cells with values, wherever the table sits", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.getCell("C3").value = 1;
    ws.getCell("E7").value = "x";
    ws.getCell("H20").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    const host = XlsxHost.fromWorkbook(wb);
    const got = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const values = sheet.getUsedRangeOrNullObject(true).load(BOUNDS);
      const all = sheet.getUsedRangeOrNullObject(false).load(BOUNDS);
      await context.sync();
      return [boundsOf(values), boundsOf(all)];
    });
    // C3:E7 and C3:H20
    expect(got).toEqual([[2, 2, 5, 3], [2, 2, 18, 6]]);
  });

  it("intersects a range with the sheet's used range", async () => {
    const host = hostOf({ Sheet1: [[1, 2, 3], [4, 5, 6]] });
    const got = await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const inside = ws.getRange("B1:Z100").getUsedRangeOrNullObject().load(BOUNDS);
      const outside = ws.getRange("K1:K5").getUsedRangeOrNullObject();
      await context.sync();
      return [boundsOf(inside), outside.isNullObject];
    });
    // B1:C2
    expect(got).toEqual([[0, 1, 2, 2], true]);
  });

  it("finds a sheet by its name in any case", async () => {
    const host = hostOf({ "My Sheet": [[null, null], [null, 1]] });
    const got = await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem("my sheet").getUsedRangeOrNullObject().load(BOUNDS);
      await context.sync();
      return boundsOf(used);
    });
    expect(got).toEqual([1, 1, 1, 1]);
  });
});

describe("getMergedAreasOrNullObject", () => {
  it("quotes a sheet name that needs it in the merged areas' address", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Bob's data").mergeCells("B2:C2");
    const host = XlsxHost.fromWorkbook(wb);
    const address = await host.run(async (context) => {
      const areas = context.workbook.worksheets.getItem("bob's DATA").getRange("A1:D4").getMergedAreasOrNullObject().load("address");
      await context.sync();
      return areas.address;
    });
    expect(address).toBe("'Bob''s data'!B2:C2");
  });

  it("lists merged areas comma separated, each sheet-qualified", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.mergeCells("C5:D5");
    ws.mergeCells("A1:A3");
    const host = XlsxHost.fromWorkbook(wb);
    const got = await host.run(async (context) => {
      const areas = context.workbook.worksheets.getItem("Sheet1").getRange("A1:F10").getMergedAreasOrNullObject().load("address");
      const none = context.workbook.worksheets.getItem("Sheet1").getRange("F1:F10").getMergedAreasOrNullObject();
      await context.sync();
      return [areas.address, none.isNullObject];
    });
    expect(got).toEqual(["Sheet1!A1:A3,Sheet1!C5:D5", true]);
  });
});

describe("Range.merge", () => {
  it("merges a range and keeps only the top-left value", async () => {
    const host = hostOf({ Sheet1: [["a", "b"], ["c", "d"]] });
    const got = await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      r.merge();
      const areas = r.getMergedAreasOrNullObject().load("address");
      r.load("values");
      await context.sync();
      return [areas.address, r.values];
    });
    expect(got).toEqual(["Sheet1!A1:B2", [["a", ""], ["", ""]]]);
  });

  it("merges each row on its own when across is true", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    const address = await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C2");
      r.merge(true);
      const areas = r.getMergedAreasOrNullObject().load("address");
      await context.sync();
      return areas.address;
    });
    expect(address).toBe("Sheet1!A1:C1,Sheet1!A2:C2");
  });
});
