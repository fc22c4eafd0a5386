import * as path from "path";
import { XlsxHost } from "../../src/hosts/xlsx";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { evaluateWorkbook } from "../../src/core/evaluate";
import { DEFAULT_SETTINGS } from "../../src/core/types";
import type { SheetGrid } from "../../src/core/types";
import { readStoredOverrides, restrictGrids } from "../../src/office/overrides";

const ROOT = path.join(__dirname, "..", "..");

async function gridsOf(file: string): Promise<SheetGrid[]> {
  const host = await XlsxHost.fromFile(path.join(ROOT, file));
  return (await host.run((ctx) => readWorkbook(ctx, host.capabilities))).grids;
}

describe("readStoredOverrides", () => {
  it("keeps sheet-qualified ranges and drops anything else", () => {
    expect(readStoredOverrides({ indicator: "'My sheet'!B4:H25", enrollment: "B4:H25", budget: 7, other: "X!A1" })).toEqual({ indicator: "'My sheet'!B4:H25" });
  });

  it("reads nothing stored as no overrides", () => {
    expect(readStoredOverrides(null)).toEqual({});
  });
});

describe("restrictGrids", () => {
  it("returns the grids unchanged without overrides", async () => {
    const grids = await gridsOf("examples/seed.xlsx");
    expect(restrictGrids(grids, {})).toBe(grids);
  });

  it("scores only the chosen rows of the indicator table", async () => {
    const grids = await gridsOf("examples/seed.xlsx");
    // Header and the 决策 rows only (B4:H15): 11 indicators, weight 40.
    const narrowed = restrictGrids(grids, { indicator: "绩效评价!B4:H15" });
    expect(narrowed.map((g) => [g.name, g.rowIndex, g.values.length])).toEqual([
      ["绩效评价", 3, 12],
      ["参保情况", 0, 6],
    ]);
    const evaluation = evaluateWorkbook(narrowed, DEFAULT_SETTINGS).evaluation!;
    expect(evaluation.indicators.map((i) => i.cell)).toHaveLength(11);
    expect(evaluation.indicators.reduce((sum, i) => sum + i.weight, 0)).toBe(40);
    // The total is out of the 100-point scale, not rescaled to the 40 chosen points (§3.5).
    expect(evaluation.weightTotal).toBe(100);
    expect(evaluation.indicators[0]!.cell).toBe("绩效评价!F5");
  });

  it("leaves out another sheet that holds a table of the kind the user chose", async () => {
    const grids = await gridsOf("examples/seed.xlsx");
    const narrowed = restrictGrids(grids, { enrollment: "参保情况!B3:E5" });
    expect(narrowed.map((g) => [g.name, g.rowIndex, g.values.length])).toEqual([
      ["参保情况", 2, 3],
      ["绩效评价", 0, 25],
    ]);
    const detection = evaluateWorkbook(narrowed, DEFAULT_SETTINGS).evaluation!.detection;
    expect(detection.enrollment.flatMap((t) => t.lines.map((l) => l.name))).toEqual(["企业职工养老保险", "机关事业单位养老保险"]);
  });
});
