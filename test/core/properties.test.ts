import fc from "fast-check";
import { evaluateWorkbook } from "../../src/core/evaluate";
import { DEFAULT_SETTINGS, type CellValue, type SheetGrid } from "../../src/core/types";
import { formGrid, oneLeaf } from "./helpers/form";
import { seedGrids } from "./helpers/seed";

const SEED = 20261126;
const params = { seed: SEED, numRuns: 200 };
const opArb = fc.constantFrom("≥", "≤", "=", "");

describe("scoring properties (fast-check, fixed seed)", () => {
  it("never scores above the weight or below 0", () => {
    fc.assert(
      fc.property(opArb, fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 1, max: 100 }), (op, a, b, w) => {
        const ev = evaluateWorkbook([oneLeaf(`${op}${a}`, b, w, "")], DEFAULT_SETTINGS).evaluation!;
        const s = ev.indicators[0]!.score;
        return s >= 0 && s <= w + 1e-9;
      }),
      params,
    );
  });
  it("never lowers a positive indicator's score as its actual rises", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 5000 }), (a, b, d) => {
        const s1 = evaluateWorkbook([oneLeaf(`≥${a}`, b, 10)], DEFAULT_SETTINGS).evaluation!.indicators[0]!.score;
        const s2 = evaluateWorkbook([oneLeaf(`≥${a}`, b + d, 10)], DEFAULT_SETTINGS).evaluation!.indicators[0]!.score;
        return s2 >= s1 - 1e-12;
      }),
      params,
    );
  });
  it("makes the total the sum of the leaves over max(100 − N/A weight, applicable weight)", () => {
    const rowArb = fc.record({ a: fc.integer({ min: 1, max: 1000 }), b: fc.integer({ min: 0, max: 2000 }), w: fc.integer({ min: 0, max: 30 }), na: fc.boolean() });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 12 }), (rows) => {
        const cells: CellValue[][] = rows.map((r, i) => ["产出", `二级${i % 3}`, `指标${i}`, r.na ? "N/A" : `≥${r.a}`, r.b, r.w, ""]);
        const ev = evaluateWorkbook([formGrid(cells)], DEFAULT_SETTINGS).evaluation!;
        const applicable = ev.indicators.filter((i) => i.kind !== "notApplicable" && i.kind !== "zeroWeight");
        const sum = applicable.reduce((s, i) => s + i.score, 0);
        const w = applicable.reduce((s, i) => s + i.weight, 0);
        const na = ev.indicators.filter((i) => i.kind === "notApplicable").reduce((s, i) => s + i.weight, 0);
        const d = Math.max(100 - na, w);
        return Math.abs(ev.scoreSum - sum) < 1e-9 && (d === 0 ? ev.total === 0 : Math.abs(ev.total - (sum / d) * 100) < 1e-9);
      }),
      params,
    );
  });
  it("changes addresses, not scores, when sheets are shuffled or the table moves", () => {
    const base = evaluateWorkbook(seedGrids(), DEFAULT_SETTINGS).evaluation!;
    const scores = (grids: SheetGrid[]) => evaluateWorkbook(grids, DEFAULT_SETTINGS).evaluation!;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 3, max: 30 }), fc.boolean(), (col, row, swap) => {
        const at = `${String.fromCharCode(66 + col)}${row}`;
        const grids = seedGrids("评分表", at);
        const ev = scores(swap ? [grids[1]!, grids[0]!] : grids);
        const same =
          Math.abs(ev.total - base.total) < 1e-12 &&
          ev.indicators.map((i) => i.score).join() === base.indicators.map((i) => i.score).join() &&
          ev.findings.map((f) => f.code).sort().join() === base.findings.map((f) => f.code).sort().join();
        const moved = at === "B4" || ev.indicators[0]!.cell !== base.indicators[0]!.cell;
        return same && moved;
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});
