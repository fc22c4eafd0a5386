/**
 * Range.setCellProperties on the xlsx host: each cell's font, fill, alignment, wrapping and link,
 * the shape checked against the range, and what the host does not model refused by name.
 */
import { hostOf, rejection } from "./helpers";

describe("Range.setCellProperties", () => {
  it("sets each cell's own format and link, and leaves an empty entry's cell alone", async () => {
    const host = hostOf({ Data: [["a", "b"], ["c", "d"]], Other: [[1]] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:B2").setCellProperties([
        [{ format: { font: { bold: true, size: 14, color: "#FF0000" }, fill: { color: "#D9E1F2" } } }, {}],
        [{ format: { horizontalAlignment: "Center", verticalAlignment: "Top", wrapText: true } }, { hyperlink: { documentReference: "Other!A1", screenTip: "go", textToDisplay: "d" } }],
      ]);
      await context.sync();
    });
    const ws = host.workbook.getWorksheet("Data")!;
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14, color: { argb: "FFFF0000" } });
    expect(ws.getCell("A1").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFD9E1F2" } });
    expect(ws.getCell("B1").style.font).toBeUndefined();
    expect(ws.getCell("A2").alignment).toEqual({ horizontal: "center", vertical: "top", wrapText: true });
    expect(ws.getCell("B2").value).toEqual({ text: "d", hyperlink: "#Other!A1", tooltip: "go" });
  });

  it("rejects a shape other than the range's, or a property it does not model, with InvalidArgument, and changes nothing", async () => {
    const host = hostOf({ Data: [["a", "b"]] });
    const wrongShape = await rejection(host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:B1").setCellProperties([[{ format: { font: { bold: true } } }]]);
      await context.sync();
    }));
    expect(wrongShape.code).toBe("InvalidArgument");
    expect(wrongShape.message).toContain("(2)");
    const unknown = await rejection(host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:B1").setCellProperties([[{ format: { font: { bold: true } } }, { format: { indentLevel: 2 } }]]);
      await context.sync();
    }));
    expect(unknown.code).toBe("InvalidArgument");
    expect(unknown.message).toContain("format.indentLevel");
    // The call is checked whole before it applies: A1 did not turn bold.
    expect(host.workbook.getWorksheet("Data")!.getCell("A1").font?.bold).toBeUndefined();
  });
});
