import type { PortContext } from "../../../src/excel/port";
import { hostOf, rejection, thrown } from "./helpers";

describe("XlsxHost strictness", () => {
  it("throws PropertyNotLoaded with Excel's wording when a property is read before load and sync", async () => {
    const host = hostOf({ Sheet1: [[1, 2]] });
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      const e = thrown(() => range.values);
      expect(e.code).toBe("PropertyNotLoaded");
      expect(e.message).toBe(
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
      expect(e.name).toBe("RichApi.Error");
    });
  });

  it("throws PropertyNotLoaded when a property is read after load but before sync", async () => {
    const host = hostOf({ Sheet1: [[1, 2]] });
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").load("values");
      expect(thrown(() => range.values).code).toBe("PropertyNotLoaded");
      await context.sync();
      expect(range.values).toEqual([[1, 2]]);
    });
  });

  it("throws PropertyNotLoaded for a property that was not among those loaded", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
      expect(thrown(() => range.rowCount).message).toBe(
        "The property 'rowCount' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
    });
  });

  it("throws PropertyNotLoaded for collection items before load", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(thrown(() => sheets.items).message).toBe(
        "The property 'items' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
    });
  });

  it("throws PropertyNotLoaded for isNullObject before sync", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Sheet1").getRange("C3:D4").getUsedRangeOrNullObject();
      expect(thrown(() => used.isNullObject).code).toBe("PropertyNotLoaded");
      await context.sync();
      expect(used.isNullObject).toBe(true);
    });
  });

  it("throws when a property of a null object is read", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Sheet1").getRange("C3:D4").getUsedRangeOrNullObject().load("values");
      await context.sync();
      const e = thrown(() => used.values);
      expect([e.code, e.message]).toEqual([
        "PropertyNotLoaded",
        "The property 'values' is not available because the object is a null object (isNullObject is true). Check isNullObject before reading its properties.",
      ]);
    });
  });

  it("throws InvalidObjectPath when a proxy is read after its run ended", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    const range = await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
      return r;
    });
    const e = thrown(() => range.values);
    expect([e.code, e.message]).toEqual([
      "InvalidObjectPath",
      "The object path 'workbook.worksheets.getItem(\"Sheet1\").getRange(\"A1\")' isn't working for what you're trying to do. This object cannot be used outside the Excel.run that created it: copy what you need into plain values inside the batch, or load it again in a new Excel.run.",
    ]);
  });

  it("throws InvalidObjectPath when a dead proxy is written or called", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    const range = await host.run(async (context) => context.workbook.worksheets.getItem("Sheet1").getRange("A1"));
    expect(thrown(() => { range.values = [[2]]; }).code).toBe("InvalidObjectPath");
    expect(thrown(() => range.getUsedRangeOrNullObject()).code).toBe("InvalidObjectPath");
    expect(thrown(() => range.load("values")).code).toBe("InvalidObjectPath");
  });

  it("throws InvalidObjectPath when a dead context is synced", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    let saved: PortContext | undefined;
    await host.run(async (context) => {
      saved = context;
    });
    expect(thrown(() => saved?.workbook).code).toBe("InvalidObjectPath");
    expect(thrown(() => saved?.application).code).toBe("InvalidObjectPath");
    expect((await rejection(saved!.sync())).code).toBe("InvalidObjectPath");
  });

  it("rejects a proxy of another run passed as an argument", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.run(async (outer) => {
      const range = outer.workbook.worksheets.getItem("Sheet1").getRange("A1");
      await host.run(async (inner) => {
        const e = thrown(() => inner.workbook.names.add("x", range));
        expect(e.code).toBe("InvalidRequestContext");
      });
    });
  });

  it("does not write a set property until sync", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[5]];
      expect(host.workbook.getWorksheet("Sheet1")?.getCell("A1").value).toBe(1);
      await context.sync();
      expect(host.workbook.getWorksheet("Sheet1")?.getCell("A1").value).toBe(5);
    });
  });

  it("rejects sync with ItemNotFound for a missing sheet", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Missing").getRange("A1").load("values");
      const e = await rejection(context.sync());
      expect(e.code).toBe("ItemNotFound");
      expect(e.name).toBe("RichApi.Error");
      expect(e.debugInfo).toEqual({ code: "ItemNotFound", message: e.message, errorLocation: "WorksheetCollection.getItem" });
    });
  });

  it("keeps the effects of actions before a failing one and drops those after it", async () => {
    const host = hostOf({ Sheet1: [[1, 1]] });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").values = [[2]];
      context.workbook.worksheets.getItem("Missing");
      ws.getRange("B1").values = [[2]];
      await rejection(context.sync());
    });
    const ws = host.workbook.getWorksheet("Sheet1");
    expect([ws?.getCell("A1").value, ws?.getCell("B1").value]).toEqual([2, 1]);
  });

  it("rejects the run when the final implicit sync fails", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    const e = await rejection(host.run(async (context) => {
      context.workbook.worksheets.getItem("Missing").getRange("A1").values = [[1]];
    }));
    expect(e.code).toBe("ItemNotFound");
  });

  it("loads the comma-separated properties it is given, spaces allowed, and paths through items", async () => {
    const host = hostOf({ Sheet1: [[1, "a"]], Two: [] });
    await host.run(async (context) => {
      const a = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").load("values, rowIndex ,columnCount");
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      expect([a.values, a.rowIndex, a.columnCount, sheets.items.map((s) => s.name)]).toEqual([[[1, "a"]], 0, 2, ["Sheet1", "Two"]]);
      expect(thrown(() => a.rowCount).code).toBe("PropertyNotLoaded");
    });
  });

  it("rejects loading a property the host does not implement", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("text");
      const e = await rejection(context.sync());
      expect([e.code, e.message, e.debugInfo.errorLocation]).toEqual([
        "InvalidArgument",
        "The argument is invalid or missing or has an incorrect format. The property 'text' of Range cannot be loaded in the xlsx host.",
        "Range.load",
      ]);
    });
  });
});
