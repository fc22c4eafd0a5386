import { benchExcelWorkbook, benchGrids, BENCH_SHEET, layoutBenchSheet } from "../../scripts/benchWorkbook";
import { detectWorkbook } from "../../src/core/detect/detectWorkbook";
import { evaluateWorkbook } from "../../src/core/evaluate";
import { DEFAULT_SETTINGS } from "../../src/core/types";
import { compute } from "../../src/excel/compute";
import { XlsxHost } from "../../src/hosts/xlsx";

describe("benchGrids", () => {
  it("gives a table the detector finds at B12 with every generated row", () => {
    const detection = detectWorkbook(benchGrids(500));
    expect(detection.indicatorTable?.cell).toBe(`${BENCH_SHEET}!B12`);
    expect(detection.indicatorTable?.rows.length).toBe(500);
  });

  it("gives a budget block and a 总分 row the detector reads", () => {
    const detection = detectWorkbook(benchGrids(200));
    expect(detection.budget?.weight).toMatchObject({ kind: "number", value: 10 });
    expect(detection.indicatorTable?.totals?.weights[0]?.value).toBe(100);
  });

  it("gives a mix of kinds and a total out of 100 with no structural findings", () => {
    const ev = evaluateWorkbook(benchGrids(1000), DEFAULT_SETTINGS).evaluation;
    expect(ev).not.toBeNull();
    const kinds = new Set(ev?.indicators.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(["positive", "qualitative", "reverse", "equals"].sort());
    expect(ev?.weightTotal).toBeCloseTo(100, 9);
    const codes = new Set(ev?.findings.map((f) => f.code));
    expect(codes.has("WEIGHT_SUM")).toBe(false);
    expect(codes.has("DECLARED_TOTAL_MISMATCH")).toBe(false);
    expect(codes.has("DUPLICATE_NAME")).toBe(false);
  });

  it("keeps self-scores within their weights and findings near one row in eight at 5,000 rows", () => {
    const ev = evaluateWorkbook(benchGrids(5000), DEFAULT_SETTINGS).evaluation;
    const codes = new Set(ev?.findings.map((f) => f.code));
    expect(codes.has("SCORE_OVER_WEIGHT")).toBe(false);
    expect(codes.has("DECLARED_TOTAL_MISMATCH")).toBe(false);
    expect(ev?.findings.length).toBeLessThan(5000 / 5);
  });

  it("merges level-1 and level-2 groups", () => {
    const merges = layoutBenchSheet(100).merges;
    expect(merges.filter((m) => m.col === 1 && m.colCount === 1 && m.row >= 12).length).toBe(3);
    expect(merges.filter((m) => m.col === 2 && m.colCount === 1 && m.row >= 12).length).toBeGreaterThan(10);
  });

  it("returns the same sheet for the same seed", () => {
    expect(layoutBenchSheet(300, 7)).toEqual(layoutBenchSheet(300, 7));
  });

  it("throws a RangeError when n is not a positive integer", () => {
    expect(() => layoutBenchSheet(0)).toThrow(RangeError);
  });
});

describe("benchExcelWorkbook", () => {
  it("scores through the host exactly as the core scores the grids", async () => {
    const host = XlsxHost.fromWorkbook(benchExcelWorkbook(300));
    const env = { isSetSupported: host.capabilities.isSetSupported, charts: false, now: () => new Date(0), version: "bench" };
    const result = await host.run((ctx) => compute(ctx, DEFAULT_SETTINGS, env));
    const core = evaluateWorkbook(benchGrids(300), DEFAULT_SETTINGS).evaluation;
    expect(result.status).toBe("scored");
    expect(result.evaluation?.total).toBeCloseTo(core?.total ?? NaN, 9);
    expect(result.evaluation?.findings.map((f) => f.cell)).toEqual(core?.findings.map((f) => f.cell));
    expect(host.syncCount).toBe(3);
  });
});
