/**
 * The port members the task pane's own jobs use (selection.ts, watchChanges.ts), on the xlsx host:
 * the selection, getItemOrNullObject, Worksheet.id and onChanged, a run given an earlier context,
 * and Excel's cell-edit mode.
 */
import { readSelection, selectRange } from "../../../src/excel/selection";
import { removeWatch, watchSheets, type SheetChange } from "../../../src/excel/watchChanges";
import { hostOf, rejection } from "./helpers";

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("selection", () => {
  it("starts at A1 of the active sheet; selectRange moves it and activates its sheet", async () => {
    const host = hostOf({ Data: [[1]], "My sheet": [[2]] });
    expect(await host.run((context) => readSelection(context))).toBe("Data!A1");
    expect(await host.run((context) => selectRange(context, "'My sheet'!B4:H25"))).toBe(true);
    expect(await host.run((context) => readSelection(context))).toBe("'My sheet'!B4:H25");
    expect(host.selectedAddress()).toBe("'My sheet'!B4:H25");
    // Each sheet keeps its own selection, as in Excel.
    expect(await host.run((context) => selectRange(context, "Data!C3"))).toBe(true);
    expect(host.selectedAddress()).toBe("Data!C3");
  });

  it("selectRange says false for a sheet that does not exist or a reference without a sheet, and changes nothing", async () => {
    const host = hostOf({ Data: [[1]] });
    expect(await host.run((context) => selectRange(context, "Gone!A1"))).toBe(false);
    expect(await host.run((context) => selectRange(context, "A1"))).toBe(false);
    expect(host.selectedAddress()).toBe("Data!A1");
  });

  it("a bad address in select makes the sync reject with InvalidArgument", async () => {
    const host = hostOf({ Data: [[1]] });
    const e = await rejection(host.run((context) => selectRange(context, "Data!ZZZZ0")));
    expect(e.code).toBe("InvalidArgument");
  });
});

describe("getItemOrNullObject and Worksheet.id", () => {
  it("gives a null object for a missing sheet and a stable, distinct id for each sheet", async () => {
    const host = hostOf({ Data: [[1]], Other: [[2]] });
    const [ids, missing] = await host.run(async (context) => {
      const a = context.workbook.worksheets.getItemOrNullObject("data").load("id,name");
      const b = context.workbook.worksheets.getItemOrNullObject("Other").load("id");
      const c = context.workbook.worksheets.getItemOrNullObject("Nope");
      await context.sync();
      return [[a.id, a.name, b.id], c.isNullObject] as const;
    });
    expect(missing).toBe(true);
    expect(ids[1]).toBe("Data");
    expect(ids[0]).not.toBe(ids[2]);
    expect(ids[0]).toMatch(/^\{[0-9A-F-]+\}$/);
  });
});

describe("onChanged", () => {
  it("fires after a sync that wrote values on a watched sheet, not for other sheets, and stops once removed", async () => {
    const host = hostOf({ Data: [[1]], Other: [[2]] });
    const changes: SheetChange[] = [];
    const watch = await host.run((context) => watchSheets(context, ["Data", "Gone"], (c) => changes.push(c)));
    expect(watch.handlers).toHaveLength(1);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Other").getRange("A1").values = [[3]];
      context.workbook.worksheets.getItem("Data").getRange("B2:C2").values = [[4, 5]];
      await context.sync();
    });
    await settle();
    expect(changes).toEqual([{ sheet: "Data", address: "B2:C2" }]);
    // Removed in the context it was added with, as Office.js requires.
    await host.run(watch.context, (context) => removeWatch(context, watch));
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [[9]];
      await context.sync();
    });
    await settle();
    expect(changes).toHaveLength(1);
  });

  it("removing outside the context it was added in throws InvalidObjectPath", async () => {
    const host = hostOf({ Data: [[1]] });
    const watch = await host.run((context) => watchSheets(context, ["Data"], () => undefined));
    const e = await rejection(host.run((context) => removeWatch(context, watch)));
    expect(e.code).toBe("InvalidObjectPath");
  });

  it("a context of another host is refused", async () => {
    const one = hostOf({ Data: [[1]] });
    const two = hostOf({ Data: [[1]] });
    const watch = await one.run((context) => watchSheets(context, ["Data"], () => undefined));
    const e = await rejection(two.run(watch.context, (context) => removeWatch(context, watch)));
    expect(e.code).toBe("InvalidRequestContext");
  });
});

describe("cell-edit mode", () => {
  it("every sync rejects with InvalidOperationInCellEditMode and changes nothing, until it ends", async () => {
    const host = hostOf({ Data: [[1]] });
    host.setCellEditMode(true);
    const write = () =>
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1").values = [[2]];
        await context.sync();
      });
    const e = await rejection(write());
    expect([e.name, e.code]).toEqual(["RichApi.Error", "InvalidOperationInCellEditMode"]);
    expect(host.workbook.getWorksheet("Data")?.getCell("A1").value).toBe(1);
    host.setCellEditMode(false);
    await write();
    expect(host.workbook.getWorksheet("Data")?.getCell("A1").value).toBe(2);
  });
});
