import fc from "fast-check";
import { parseA1, qualify, splitQualified } from "../../src/core/cells/address";
import { evaluateWorkbook } from "../../src/core/evaluate";
import { DEFAULT_SETTINGS, type CellValue, type Evaluation } from "../../src/core/types";
import { formGrid } from "./helpers/form";

const SEED = 20261130;

interface Leaf {
  kind: "positive" | "reverse" | "selfOnly";
  a: number;
  b: number;
  w: number;
  self: number;
}

const leafArb: fc.Arbitrary<Leaf> = fc
  .record({
    kind: fc.constantFrom("positive" as const, "reverse" as const, "selfOnly" as const),
    a: fc.integer({ min: 1, max: 1000 }),
    b: fc.integer({ min: 0, max: 2000 }),
    w: fc.integer({ min: 1, max: 30 }),
    self: fc.integer({ min: 0, max: 30 }),
  })
  .map((l) => ({ ...l, self: Math.min(l.self, l.w) }));

/** Up to three level-2 groups under 产出, each of one to four leaves. */
const tableArb = fc.array(fc.array(leafArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 });

/** The form's rows: [level1, level2, level3, target, actual, weight, self, reason]. */
function rowsOf(groups: readonly (readonly Leaf[])[], scale = 1): CellValue[][] {
  return groups.flatMap((leaves, g) =>
    leaves.map((l, i): CellValue[] => {
      const target = l.kind === "positive" ? `≥${l.a}` : l.kind === "reverse" ? `≤${l.a}` : "";
      return ["产出", `二级${g}`, `指标${g}-${i}-${l.kind}-${l.a}-${l.b}-${l.w}`, target, l.kind === "selfOnly" ? "" : l.b, l.w * scale, l.self * scale, "说明"];
    }),
  );
}

function evaluate(rows: CellValue[][], anchor = "表!A1"): Evaluation {
  const ev = evaluateWorkbook([formGrid(rows, anchor)], DEFAULT_SETTINGS).evaluation;
  if (ev === null) throw new Error("nothing scored");
  return ev;
}

describe("invariances of the total and grade (fast-check, fixed seed)", () => {
  it("scales the score sum exactly, and keeps total and grade where the weights reach the scale, when every weight and self-score is scaled by a power of two (seed 20261130, 300 runs)", () => {
    // Powers of two scale doubles exactly, so nothing may move by a single ulp. Weights below the
    // scale (100) are not inflated (docs/scoring-rules.md §3.4), so the total only stays put when
    // the weights reach the scale both before and after.
    fc.assert(
      fc.property(tableArb, fc.constantFrom(0.25, 0.5, 2, 4, 8), (groups, k) => {
        const base = evaluate(rowsOf(groups));
        const scaled = evaluate(rowsOf(groups, k));
        const sum = groups.flat().reduce((s, l) => s + l.w, 0);
        const reachBoth = sum >= 100 && sum * k >= 100;
        return scaled.scoreSum === base.scoreSum * k && (!reachBoth || (scaled.total === base.total && scaled.grade === base.grade && scaled.weightTotal === base.weightTotal * k));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("keeps total and grade when rows are reordered within their group (seed 20261130, 300 runs)", () => {
    const shuffled = tableArb.chain((groups) =>
      fc.tuple(fc.constant(groups), fc.tuple(...groups.map((g) => fc.shuffledSubarray([...g], { minLength: g.length, maxLength: g.length })))),
    );
    fc.assert(
      fc.property(shuffled, ([groups, reordered]) => {
        const base = evaluate(rowsOf(groups));
        const moved = evaluate(rowsOf(reordered));
        return Math.abs(moved.total - base.total) <= 1e-9 && moved.grade === base.grade && Math.abs(moved.scoreSum - base.scoreSum) <= 1e-9;
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("changes only addresses when the table moves on the sheet or the sheet is renamed (seed 20261130, 200 runs)", () => {
    const sheetArb = fc.constantFrom("表", "Sheet 2", "自评表（2024）", "O'Brien");
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 40 }), sheetArb, (groups, dc, dr, sheet) => {
        const base = evaluate(rowsOf(groups));
        const moved = evaluate(rowsOf(groups), qualify(sheet, dr, dc));
        const shift = (ref: string): string => {
          const q = splitQualified(ref);
          const p = q && parseA1(q.address);
          return p ? qualify(sheet, p.row + dr, p.col + dc) : `unparsed ${ref}`;
        };
        expect(moved.total).toBe(base.total);
        expect(moved.grade).toBe(base.grade);
        expect(moved.indicators.map((i) => [i.kind, i.score, i.cell])).toEqual(base.indicators.map((i) => [i.kind, i.score, shift(i.cell)]));
        expect(moved.findings.map((f) => [f.code, f.severity, f.cell])).toEqual(base.findings.map((f) => [f.code, f.severity, shift(f.cell)]));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("never lowers the total when one positive indicator's actual rises (seed 20261130, 300 runs)", () => {
    fc.assert(
      fc.property(tableArb, fc.nat(), fc.integer({ min: 1, max: 5000 }), (groups, pick, d) => {
        const leaves = groups.flat();
        const positives = leaves.filter((l) => l.kind === "positive");
        fc.pre(positives.length > 0);
        const raised = positives[pick % positives.length]!;
        const after = groups.map((g) => g.map((l) => (l === raised ? { ...l, b: l.b + d } : l)));
        return evaluate(rowsOf(after)).total >= evaluate(rowsOf(groups)).total;
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
