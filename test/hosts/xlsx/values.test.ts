import * as ExcelJS from "exceljs";
import { XlsxHost } from "../../../src/hosts/xlsx";
import { hostOf, rejection } from "./helpers";

async function readBack(host: XlsxHost, address: string, what: "values" | "numberFormat" = "values"): Promise<unknown[][]> {
  return host.run(async (context) => {
    const r = context.workbook.worksheets.getItem("Sheet1").getRange(address).load(what);
    await context.sync();
    return r[what] as unknown[][];
  });
}

describe("Range.values", () => {
  it("turns a string beginning with = into a formula stored without the =", async () => {
    const host = hostOf({ Sheet1: [[1, 2]] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C1").values = [["=A1+B1"]];
    });
    const cell = host.workbook.getWorksheet("Sheet1")?.getCell("C1");
    expect(cell?.formula).toBe("A1+B1");
    // A new formula has no cached result: the host calculates it as Excel would (exceljs/formulas.ts).
    expect(await readBack(host, "A1:C1")).toEqual([[1, 2, 3]]);
  });

  it("keeps a string beginning with = as text in a cell formatted as Text", async () => {
    const host = hostOf({ Sheet1: [[]] });
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.numberFormat = [["@", "@"]];
      r.values = [["=1+1", "007"]];
    });
    const ws = host.workbook.getWorksheet("Sheet1");
    expect([ws?.getCell("A1").value, ws?.getCell("B1").value]).toEqual(["=1+1", "007"]);
  });

  it("stores number-like strings as numbers unless the cell is Text", async () => {
    const host = hostOf({ Sheet1: [[]] });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:E1").values = [["123", "1.5", "-2e3", "1,234.5", "abc"]];
      ws.getRange("A2").numberFormat = [["@"]];
      ws.getRange("A2").values = [["123"]];
    });
    expect(await readBack(host, "A1:E2")).toEqual([[123, 1.5, -2000, 1234.5, "abc"], ["123", "", "", "", ""]]);
  });

  it("turns percentages into fractions with a percent format, and TRUE into a boolean", async () => {
    const host = hostOf({ Sheet1: [[]] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").values = [["50%", "12.5%", "true"]];
    });
    expect(await readBack(host, "A1:C1")).toEqual([[0.5, 0.125, true]]);
    expect(await readBack(host, "A1:C1", "numberFormat")).toEqual([["0%", "0.0%", "General"]]);
  });

  it("drops a leading apostrophe and keeps the rest as text", async () => {
    const host = hostOf({ Sheet1: [[]] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["'=not a formula"]];
    });
    expect(await readBack(host, "A1")).toEqual([["=not a formula"]]);
  });

  it("leaves a cell unchanged for a null input and clears it for an empty string", async () => {
    const host = hostOf({ Sheet1: [[1, 2]] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[null, ""]] as unknown as string[][];
    });
    expect(await readBack(host, "A1:B1")).toEqual([[1, ""]]);
  });

  it("applies a single scalar to every cell", async () => {
    const host = hostOf({ Sheet1: [[]] });
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      r.values = 7 as unknown as number[][];
      r.numberFormat = "0.00" as unknown as string[][];
    });
    expect(await readBack(host, "A1:B2")).toEqual([[7, 7], [7, 7]]);
    expect(await readBack(host, "A1:B2", "numberFormat")).toEqual([["0.00", "0.00"], ["0.00", "0.00"]]);
  });

  it("rejects a 2-D array of the wrong shape with InvalidArgument and writes nothing", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    const e = await rejection(host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[9, 9, 9], [9, 9, 9]];
      await context.sync();
    }));
    expect(e.code).toBe("InvalidArgument");
    expect(e.message).toBe("The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    expect(await readBack(host, "A1")).toEqual([[1]]);
  });

  it("rejects a ragged array with InvalidArgument", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    const e = await rejection(host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2], [3]];
    }));
    expect(e.code).toBe("InvalidArgument");
  });

  it("reads an empty string for the covered cells of a merged area", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.getCell("A1").value = "title";
    ws.mergeCells("A1:C2");
    const host = XlsxHost.fromWorkbook(wb);
    expect(ws.getCell("B1").value).toBe("title");
    expect(await readBack(host, "A1:C2")).toEqual([["title", "", ""], ["", "", ""]]);
  });

  it("reads dates as serial numbers, errors as text, rich text and hyperlinks as their text", async () => {
    const host = hostOf({
      Sheet1: [[
        new Date(Date.UTC(2024, 0, 1)),
        { error: "#DIV/0!" } as ExcelJS.CellErrorValue,
        { richText: [{ text: "ab" }, { text: "c" }] },
        { text: "go", hyperlink: "https://example.com" },
        { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue,
        { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue,
        true,
      ]],
    });
    expect(await readBack(host, "A1:G1")).toEqual([[45292, "#DIV/0!", "abc", "go", "#DIV/0!", 2, true]]);
  });

  it("reads General for cells without a number format", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    host.workbook.getWorksheet("Sheet1")!.getCell("B1").numFmt = "0.0%";
    expect(await readBack(host, "A1:C1", "numberFormat")).toEqual([["General", "0.0%", "General"]]);
  });

  it("reads null for cell-level properties of entire columns and rejects writes to them", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    const values = await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A:B").load("values,rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      return [r.values, r.rowIndex, r.columnIndex, r.rowCount, r.columnCount];
    });
    expect(values).toEqual([null, 0, 0, 1048576, 2]);
    const e = await rejection(host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A:A").values = "x" as unknown as string[][];
    }));
    expect(e.code).toBe("InvalidArgument");
  });
});
