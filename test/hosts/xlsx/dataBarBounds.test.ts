import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import type { PortContext, PortDataBarConditionalFormat } from "../../../src/excel/port";
import { XlsxHost } from "../../../src/hosts/xlsx";
import { hostOf, rejection } from "./helpers";

type Rule = Record<string, unknown>;

function rulesOf(wb: ExcelJS.Workbook): Rule[] {
  const ws = wb.getWorksheet("Data") as unknown as { conditionalFormattings: { rules: Rule[] }[] };
  return ws.conditionalFormattings.flatMap((cf) => cf.rules);
}

async function sheetXml(host: XlsxHost): Promise<string> {
  const zip = await JSZip.loadAsync(await host.writeBuffer());
  return zip.file("xl/worksheets/sheet1.xml")!.async("string");
}

/** Adds a flat data bar on B1:B4 and applies `set` to it in the same batch. */
async function barWith(set: (bar: PortDataBarConditionalFormat, context: PortContext) => void | Promise<void>): Promise<XlsxHost> {
  const host = hostOf({ Data: [["a", 0.8847], ["b", 0.25], ["c", 1], ["d", 0]] });
  await host.run(async (context) => {
    const c = context.workbook.worksheets.getItem("Data").getRange("B1:B4").conditionalFormats.add("DataBar" as Excel.ConditionalFormatType);
    c.dataBar.positiveFormat.gradientFill = false;
    await set(c.dataBar, context);
  });
  return host;
}

describe("dataBar.lowerBoundRule / upperBoundRule", () => {
  it("fixes the bounds to numbers at sync: cfvo num 0 and 1", async () => {
    const host = hostOf({ Data: [["a", 0.8847]] });
    await host.run(async (context) => {
      const c = context.workbook.worksheets.getItem("Data").getRange("B1").conditionalFormats.add("DataBar" as Excel.ConditionalFormatType);
      c.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
      c.dataBar.upperBoundRule = { type: "Number", formula: "=1" };
      expect(rulesOf(host.workbook)).toEqual([]);
      await context.sync();
      expect(rulesOf(host.workbook)[0]?.cfvo).toEqual([{ type: "num", value: 0 }, { type: "num", value: 1 }]);
    });
    expect(rulesOf(host.workbook)[0]?.cfvo).toEqual([{ type: "num", value: 0 }, { type: "num", value: 1 }]);
  });

  it("saves the bounds in the rule and in its Excel 2010 extension, and reads them back", async () => {
    const host = await barWith((bar) => {
      bar.lowerBoundRule = { type: "Number", formula: "0" };
      bar.upperBoundRule = { type: "Number", formula: "1" };
    });
    const xml = await sheetXml(host);
    expect(xml).toContain('<dataBar><cfvo type="num" val="0"/><cfvo type="num" val="1"/>');
    expect(xml).toContain('<x14:cfvo type="num"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="num"><xm:f>1</xm:f></x14:cfvo>');
    const again = await XlsxHost.fromBuffer(await host.writeBuffer());
    expect(rulesOf(again.workbook)[0]).toMatchObject({ type: "dataBar", cfvo: [{ type: "num", value: 0 }, { type: "num", value: 1 }] });
  });

  it("maps the other bound types to their cfvo types", async () => {
    const host = await barWith((bar) => {
      bar.lowerBoundRule = { type: "Percent", formula: "10" };
      bar.upperBoundRule = { type: "Percentile", formula: "90" };
    });
    expect(rulesOf(host.workbook)[0]?.cfvo).toEqual([{ type: "percent", value: 10 }, { type: "percentile", value: 90 }]);
    const more = await barWith((bar) => {
      bar.lowerBoundRule = { type: "LowestValue" };
      bar.upperBoundRule = { type: "Formula", formula: "=MAX($B$1:$B$4)" };
    });
    expect(rulesOf(more.workbook)[0]?.cfvo).toEqual([{ type: "min" }, { type: "formula", value: "MAX($B$1:$B$4)" }]);
    await more.run(async (context) => {
      const bar = context.workbook.worksheets.getItem("Data").getRange("B1:B4").conditionalFormats.add("DataBar" as Excel.ConditionalFormatType).dataBar;
      bar.upperBoundRule = { type: "HighestValue" };
    });
    expect(rulesOf(more.workbook)[1]?.cfvo).toEqual([{ type: "min" }, { type: "max" }]);
  });

  it("writes Automatic as min/max in the rule and autoMin/autoMax in the extension", async () => {
    const host = await barWith((bar) => {
      bar.lowerBoundRule = { type: "Automatic" };
      bar.upperBoundRule = { type: "Automatic" };
    });
    const xml = await sheetXml(host);
    expect(xml).toContain('<dataBar><cfvo type="min"/><cfvo type="max"/>');
    expect(xml).toContain('<x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/>');
    expect(xml).not.toMatch(/<cfvo type="auto/);
    // ExcelJS lets the rule's own cfvo win over the extension's when it reads a file back.
    const again = await XlsxHost.fromBuffer(await host.writeBuffer());
    expect(rulesOf(again.workbook)[0]?.cfvo).toMatchObject([{ type: "min" }, { type: "max" }]);
  });

  it("keeps Automatic bounds as autoMin and autoMax in the workbook model", async () => {
    const host = await barWith(async (bar, context) => {
      bar.lowerBoundRule = { type: "Automatic" };
      bar.upperBoundRule = { type: "Automatic" };
      await context.sync();
    });
    expect(rulesOf(host.workbook)[0]?.cfvo).toEqual([{ type: "autoMin" }, { type: "autoMax" }]);
  });

  it("rejects loading a data bar's bounds: the xlsx host loads only what the code path reads", async () => {
    const err = await rejection(barWith(async (bar, context) => {
      (bar as unknown as { load(names: string): void }).load("lowerBoundRule");
      await context.sync();
    }));
    expect([err.code, err.debugInfo.errorLocation]).toEqual(["InvalidArgument", "DataBarConditionalFormat.load"]);
  });

  it.each<[string, (bar: PortDataBarConditionalFormat) => void]>([
    ["an upper bound of LowestValue", (bar) => (bar.upperBoundRule = { type: "LowestValue" })],
    ["a lower bound of HighestValue", (bar) => (bar.lowerBoundRule = { type: "HighestValue" })],
    ["a Number bound without a formula", (bar) => (bar.lowerBoundRule = { type: "Number" })],
    ["a Number bound that is not a number", (bar) => (bar.lowerBoundRule = { type: "Number", formula: "abc" })],
    ["a Percent bound over 100", (bar) => (bar.upperBoundRule = { type: "Percent", formula: "150" })],
    ["an unknown bound type", (bar) => (bar.lowerBoundRule = { type: "Invalid" })],
  ])("rejects %s with InvalidArgument at sync", async (_what, act) => {
    const host = hostOf({ Data: [["a", 1]] });
    const err = await rejection(host.run(async (context) => {
      const c = context.workbook.worksheets.getItem("Data").getRange("B1").conditionalFormats.add("DataBar" as Excel.ConditionalFormatType);
      act(c.dataBar);
      await context.sync();
    }));
    expect(err.code).toBe("InvalidArgument");
    expect(err.debugInfo.errorLocation).toMatch(/^DataBarConditionalFormat\.(lower|upper)BoundRule$/);
    expect(rulesOf(host.workbook)[0]?.cfvo).toEqual([{ type: "min" }, { type: "max" }]);
  });

  it("belongs to data bars only", async () => {
    const host = hostOf({ Data: [["a", 1]] });
    const err = await rejection(host.run(async (context) => {
      const c = context.workbook.worksheets.getItem("Data").getRange("B1").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      c.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
      await context.sync();
    }));
    expect(err.code).toBe("InvalidArgument");
  });
});
