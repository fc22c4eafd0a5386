import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetPlan } from "../../../src/core/layout/sheetPlan";
import { writePlans } from "../../../src/excel/writePlans";
import { XlsxHost } from "../../../src/hosts/xlsx";
import { hostOf, rejection } from "./helpers";

type PageSetupModel = { orientation?: string; paperSize?: number; fitToPage?: boolean; fitToWidth?: number; fitToHeight?: number; scale?: number; printTitlesRow?: string };

function setupOf(wb: ExcelJS.Workbook, sheet: string): PageSetupModel {
  return wb.getWorksheet(sheet)!.pageSetup as PageSetupModel;
}

/** The saved package's parts: the workbook XML and each sheet's XML. */
async function partsOf(buf: Buffer): Promise<{ workbook: string; sheet: (n: number) => Promise<string> }> {
  const zip = await JSZip.loadAsync(buf);
  return {
    workbook: await zip.file("xl/workbook.xml")!.async("string"),
    sheet: async (n) => zip.file(`xl/worksheets/sheet${n}.xml`)!.async("string"),
  };
}

async function reread(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function printSetup(layout: Excel.PageLayout): void {
  layout.orientation = "Landscape";
  layout.paperSize = "A4";
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.setPrintTitleRows("$1:$2");
}

describe("worksheet.pageLayout", () => {
  it("sets orientation, paper, fit to width and print titles at sync, and loads them", async () => {
    const host = hostOf({ Data: [["Title"], ["Name", "Rate"], ["a", 0.5]] });
    await host.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Data").pageLayout;
      printSetup(layout);
      expect(setupOf(host.workbook, "Data").orientation).toBe("portrait");
      layout.load("orientation,paperSize,zoom");
      await context.sync();
      expect(layout.orientation).toBe("Landscape");
      expect(layout.paperSize).toBe("A4");
      expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      const titles = layout.getPrintTitleRowsOrNullObject().load("address");
      await context.sync();
      expect(titles.address).toBe("Data!1:2");
    });
    expect(setupOf(host.workbook, "Data")).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" });
  });

  it("reads Excel's defaults on an untouched sheet, and loads through the worksheet", async () => {
    const host = hostOf({ Data: [["x"]] });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      ws.load("name,pageLayout/orientation,pageLayout/paperSize,pageLayout/zoom");
      const titles = ws.pageLayout.getPrintTitleRowsOrNullObject();
      await context.sync();
      expect(ws.pageLayout.orientation).toBe("Portrait");
      expect(ws.pageLayout.paperSize).toBe("Letter");
      expect(ws.pageLayout.zoom).toEqual({ scale: 100 });
      expect(titles.isNullObject).toBe(true);
    });
  });

  it("saves a file that carries the page setup (sheet XML, print-title name, ExcelJS and host read-back)", async () => {
    const host = hostOf({ Data: [["Title"], ["Name", "Rate"], ["a", 0.5]], Other: [["x"]] });
    await host.run(async (context) => printSetup(context.workbook.worksheets.getItem("Data").pageLayout));
    const buf = await host.writeBuffer();

    const parts = await partsOf(buf);
    const sheetXml = await parts.sheet(1);
    expect(sheetXml).toMatch(/<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
    const pageSetup = /<pageSetup [^>]*\/>/.exec(sheetXml)?.[0] ?? "";
    for (const attr of ['orientation="landscape"', 'paperSize="9"', 'fitToWidth="1"', 'fitToHeight="0"']) expect(pageSetup).toContain(attr);
    expect(await parts.sheet(2)).not.toContain("pageSetUpPr");
    expect(parts.workbook).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Data&apos;!$1:$2</definedName>');

    expect(setupOf(await reread(buf), "Data")).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" });

    const again = await XlsxHost.fromBuffer(buf);
    await again.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Data").pageLayout.load("orientation,paperSize,zoom");
      const titles = layout.getPrintTitleRowsOrNullObject().load("address");
      await context.sync();
      expect(layout.toJSON()).toEqual({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
      expect(titles.address).toBe("Data!1:2");
    });
  });

  it("writes a percentage scale without fit to page", async () => {
    const host = hostOf({ Data: [["x"]] });
    await host.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Data").pageLayout;
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.zoom = { scale: 80 };
      layout.paperSize = "Letter";
      layout.load("zoom");
      await context.sync();
      expect(layout.zoom).toEqual({ scale: 80 });
    });
    const buf = await host.writeBuffer();
    const sheetXml = await (await partsOf(buf)).sheet(1);
    expect(sheetXml).not.toContain("pageSetUpPr");
    expect(sheetXml).toMatch(/<pageSetup [^>]*scale="80"/);
    expect(sheetXml).toMatch(/<pageSetup [^>]*paperSize="1"/);
    expect(setupOf(await reread(buf), "Data")).toMatchObject({ scale: 80, fitToPage: false, paperSize: 1 });
  });

  it("takes a Range of entire rows, and quotes a sheet name with an apostrophe in the saved name", async () => {
    const host = hostOf({ "Bob's": [["Title"], ["Head"], ["x"]] });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Bob's");
      ws.pageLayout.setPrintTitleRows(ws.getRange("2:3"));
    });
    expect(setupOf(host.workbook, "Bob's").printTitlesRow).toBe("2:3");
    const buf = await host.writeBuffer();
    expect((await partsOf(buf)).workbook).toContain(">&apos;Bob&apos;&apos;s&apos;!$2:$3</definedName>");
    expect(setupOf(await reread(buf), "Bob's").printTitlesRow).toBe("2:3");
  });

  it.each<[string, (l: Excel.PageLayout, ws: Excel.Worksheet, other: Excel.Worksheet) => void]>([
    ["an unknown orientation", (l) => (l.orientation = "Sideways" as Excel.PageOrientation)],
    ["an unknown paper type", (l) => (l.paperSize = "A0" as Excel.PaperType)],
    ["a scale and fit-to-pages together", (l) => (l.zoom = { scale: 90, horizontalFitToPages: 1 })],
    ["a scale out of 10–400", (l) => (l.zoom = { scale: 5 })],
    ["a fractional page count", (l) => (l.zoom = { horizontalFitToPages: 1.5 })],
    ["an empty zoom", (l) => (l.zoom = {})],
    ["print titles that are not entire rows", (l) => l.setPrintTitleRows("A1:B2")],
    ["print titles on another sheet (address)", (l) => l.setPrintTitleRows("Other!$1:$2")],
    ["print titles on another sheet (Range)", (l, _ws, other) => l.setPrintTitleRows(other.getRange("1:2"))],
  ])("rejects %s with InvalidArgument at sync", async (_what, act) => {
    const host = hostOf({ Data: [["x"]], Other: [["y"]] });
    const before = JSON.stringify(setupOf(host.workbook, "Data"));
    const err = await rejection(host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      act(ws.pageLayout, ws, context.workbook.worksheets.getItem("Other"));
      await context.sync();
    }));
    expect(err.code).toBe("InvalidArgument");
    expect(err.debugInfo.errorLocation).toMatch(/^PageLayout\./);
    expect(JSON.stringify(setupOf(host.workbook, "Data"))).toBe(before);
  });

  it("is dead once the run ends", async () => {
    const host = hostOf({ Data: [["x"]] });
    let layout: Excel.PageLayout | undefined;
    await host.run(async (context) => {
      layout = context.workbook.worksheets.getItem("Data").pageLayout;
    });
    expect(() => (layout!.orientation = "Landscape")).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  it("is what writePlans' page setup and data-bar bounds produce", async () => {
    const text = (t: string) => ({ kind: "text" as const, text: t });
    const plan: SheetPlan = {
      role: "scoreTable", name: "Scores",
      cells: [[text("Title"), text("")], [text("Name"), text("Rate")], [text("a"), { kind: "number", value: 0.8847 }]],
      numberFormats: [["@", "@"], ["@", "@"], ["@", "0.0%"]],
      styles: [], merges: [], columnWidths: [], rowHeights: [], freeze: null, hyperlinks: [], chart: null, tabColor: null,
      conditionalFormats: [{ type: "dataBar", range: "B3:B3", color: "#638EC6", lowerBound: 0, upperBound: 1 }],
      page: { orientation: "Landscape", paper: "A4", fitToWidth: true, printTitleRows: "$1:$2" },
    };
    const host = hostOf({ Form: [["x"]] });
    await host.run((context) => writePlans(context, [plan], [], { isSetSupported: host.capabilities.isSetSupported, charts: false }));
    const wb = await reread(await host.writeBuffer());
    expect(setupOf(wb, "Scores")).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" });
    const cfs = (wb.getWorksheet("Scores") as unknown as { conditionalFormattings: { rules: Record<string, unknown>[] }[] }).conditionalFormattings;
    expect(cfs[0]?.rules[0]).toMatchObject({ type: "dataBar", cfvo: [{ type: "num", value: 0 }, { type: "num", value: 1 }] });
  });
});
