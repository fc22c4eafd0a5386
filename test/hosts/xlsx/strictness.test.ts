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
      expect(thrown(() => range.address).message).toContain("'address'");
    });
  });

  it("throws PropertyNotLoaded for collection items before load", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(thrown(() => sheets.items).message).toContain("'items'");
    });
  });

  it("throws PropertyNotLoaded for isNullObject before sync", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("Nope");
      expect(thrown(() => ws.isNullObject).code).toBe("PropertyNotLoaded");
      await context.sync();
      expect(ws.isNullObject).toBe(true);
    });
  });

  it("throws when a property of a null object is read", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("Nope").load("name");
      await context.sync();
      expect(thrown(() => ws.name).code).toBe("PropertyNotLoaded");
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
    expect(e.code).toBe("InvalidObjectPath");
    expect(e.message).toContain("outside the Excel.run that created it");
  });

  it("throws InvalidObjectPath when a dead proxy is written or called", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    const range = await host.run(async (context) => context.workbook.worksheets.getItem("Sheet1").getRange("A1"));
    expect(thrown(() => { range.values = [[2]]; }).code).toBe("InvalidObjectPath");
    expect(thrown(() => range.getCell(0, 0)).code).toBe("InvalidObjectPath");
    expect(thrown(() => range.load("values")).code).toBe("InvalidObjectPath");
  });

  it("throws InvalidObjectPath when a dead context is synced", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    let saved: Excel.RequestContext | undefined;
    await host.run(async (context) => {
      saved = context;
    });
    expect(thrown(() => saved?.workbook).code).toBe("InvalidObjectPath");
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

  it("accepts load arguments as a string, an array, select and a property object", async () => {
    const host = hostOf({ Sheet1: [[1, "a"]] });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const a = ws.getRange("A1:B1").load("values, address");
      const b = ws.getRange("A1:B1").load(["rowIndex", "columnCount"]);
      const c = ws.getRange("A1:B1").load({ select: "rowCount" });
      const d = ws.getRange("A1:B1").load({ format: { font: { bold: true } } } as never);
      await context.sync();
      expect([a.values, a.address, b.rowIndex, b.columnCount, c.rowCount, d.format.font.bold]).toEqual([[[1, "a"]], "Sheet1!A1:B1", 0, 2, 1, false]);
    });
  });

  it("rejects loading a property the host does not implement", async () => {
    const host = hostOf({ Sheet1: [[1]] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("text");
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
  });
});
