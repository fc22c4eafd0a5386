import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetPlan } from "../../../src/core/layout/sheetPlan";
import type { PortPageLayout, PortWorksheet } from "../../../src/excel/port";
import { writePlans } from "../../../src/excel/writePlans";
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

function printSetup(layout: PortPageLayout): void {
  layout.orientation = "Landscape";
  layout.paperSize = "A4";
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.setPrintTitleRows("$1:$2");
}

describe("worksheet.pageLayout", () => {
  it("sets orientation, paper, fit to width and print titles at sync, not before", async () => {
    const host = hostOf({ Data: [["Title"], ["Name", "Rate"], ["a", 0.5]] });
    await host.run(async (context) => {
      printSetup(context.workbook.worksheets.getItem("Data").pageLayout);
      expect(setupOf(host.workbook, "Data").orientation).toBe("portrait");
      await context.sync();
      expect(setupOf(host.workbook, "Data")).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" });
    });
  });

  it("rejects loading the page layout: the xlsx host loads only what the code path reads", async () => {
    const host = hostOf({ Data: [["x"]] });
    const err = await rejection(host.run(async (context) => {
      context.workbook.worksheets.load("items/name,items/pageLayout/orientation");
      await context.sync();
    }));
    expect([err.code, err.debugInfo.errorLocation]).toEqual(["InvalidArgument", "WorksheetCollection.load"]);
  });

  it("saves a file that carries the page setup (sheet XML, print-title name, ExcelJS read-back)", async () => {
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
  });

  it("writes a percentage scale without fit to page", async () => {
    const host = hostOf({ Data: [["x"]] });
    await host.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Data").pageLayout;
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.zoom = { scale: 80 };
      layout.paperSize = "Letter";
    });
    const buf = await host.writeBuffer();
    const sheetXml = await (await partsOf(buf)).sheet(1);
    expect(sheetXml).not.toContain("pageSetUpPr");
    expect(sheetXml).toMatch(/<pageSetup [^>]*scale="80"/);
    expect(sheetXml).toMatch(/<pageSetup [^>]*paperSize="1"/);
    expect(setupOf(await reread(buf), "Data")).toMatchObject({ scale: 80, fitToPage: false, paperSize: 1 });
  });

  it("quotes a sheet name with an apostrophe in the saved print-title name", async () => {
    const host = hostOf({ "Bob's": [["Title"], ["Head"], ["x"]] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Bob's").pageLayout.setPrintTitleRows("$2:$3");
    });
    expect(setupOf(host.workbook, "Bob's").printTitlesRow).toBe("2:3");
    const buf = await host.writeBuffer();
    expect((await partsOf(buf)).workbook).toContain(">&apos;Bob&apos;&apos;s&apos;!$2:$3</definedName>");
    expect(setupOf(await reread(buf), "Bob's").printTitlesRow).toBe("2:3");
  });

  it.each<[string, (l: PortPageLayout, ws: PortWorksheet) => void]>([
    ["an unknown orientation", (l) => (l.orientation = "Sideways" as Excel.PageOrientation)],
    ["an unknown paper type", (l) => (l.paperSize = "A0" as Excel.PaperType)],
    ["a scale and fit-to-pages together", (l) => (l.zoom = { scale: 90, horizontalFitToPages: 1 })],
    ["a scale out of 10–400", (l) => (l.zoom = { scale: 5 })],
    ["a fractional page count", (l) => (l.zoom = { horizontalFitToPages: 1.5 })],
    ["an empty zoom", (l) => (l.zoom = {})],
    ["print titles that are not entire rows", (l) => l.setPrintTitleRows("A1:B2")],
    ["print titles on another sheet (address)", (l) => l.setPrintTitleRows("Other!$1:$2")],
  ])("rejects %s with InvalidArgument at sync", async (_what, act) => {
    const host = hostOf({ Data: [["x"]], Other: [["y"]] });
    const before = JSON.stringify(setupOf(host.workbook, "Data"));
    const err = await rejection(host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      act(ws.pageLayout, ws);
      await context.sync();
    }));
    expect(err.code).toBe("InvalidArgument");
    expect(err.debugInfo.errorLocation).toMatch(/^PageLayout\./);
    expect(JSON.stringify(setupOf(host.workbook, "Data"))).toBe(before);
  });

  it("is dead once the run ends", async () => {
    const host = hostOf({ Data: [["x"]] });
    let layout: PortPageLayout | undefined;
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
