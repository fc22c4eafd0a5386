import * as ExcelJS from "exceljs";
import { XlsxHost } from "../../../src/hosts/xlsx";

describe("XlsxHost performance", () => {
  it("reads a 20,000 × 12 used range in one sync, well under a few seconds", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    for (let r = 1; r <= 20000; r++) {
      const row = ws.getRow(r);
      for (let c = 1; c <= 12; c++) row.getCell(c).value = c % 3 === 0 ? `text ${r}` : r * c;
    }
    const host = XlsxHost.fromWorkbook(wb);
    const started = Date.now();
    const got = await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Data").getUsedRangeOrNullObject(true)
        .load("values,numberFormat,rowIndex,columnIndex");
      await context.sync();
      return { rows: used.values.length, last: used.values[19999], formats: used.numberFormat[0]?.[0] };
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(got.rows).toBe(20000);
    expect(got.last?.slice(0, 3)).toEqual([20000, 40000, "text 20000"]);
    expect(got.formats).toBe("General");
    expect(host.syncCount).toBe(1);
  });

  it("writes a 20,000 × 13 block in one sync, well under a few seconds", async () => {
    const host = XlsxHost.fromWorkbook(new ExcelJS.Workbook());
    host.workbook.addWorksheet("Out");
    const values = Array.from({ length: 20000 }, (_, r) => Array.from({ length: 13 }, (_, c) => (c === 0 ? `name ${r}` : r + c / 10)));
    const formats = values.map((row) => row.map((_, c) => (c === 0 ? "@" : "0.0")));
    const started = Date.now();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Out").getRange("A1:M20000");
      range.numberFormat = formats;
      range.values = values;
    });
    expect(Date.now() - started).toBeLessThan(3000);
    const ws = host.workbook.getWorksheet("Out");
    expect([ws?.getCell("A20000").value, ws?.getCell("M20000").value, ws?.getCell("B1").numFmt]).toEqual(["name 19999", 19999 + 1.2, "0.0"]);
    expect(host.syncCount).toBe(1);
  });
});
