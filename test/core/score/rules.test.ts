import { evaluateWorkbook } from "../../../src/core/evaluate";
import { DEFAULT_SETTINGS, type Settings, type SheetGrid } from "../../../src/core/types";
import { oneLeaf } from "../helpers/form";

function leaf(grid: SheetGrid, settings: Settings = DEFAULT_SETTINGS) {
  const ev = evaluateWorkbook([grid], settings).evaluation!;
  return { ind: ev.indicators[0]!, ev, codes: ev.findings.map((f) => `${f.code}@${f.cell}`) };
}

describe("scoring rules (docs/scoring-rules.md §3)", () => {
  it("gives a positive indicator w × B/A below target (the SCORE_MISMATCH example)", () => {
    const { ind, codes } = leaf(oneLeaf("≥8755人", "8676人", 15, 13));
    expect(ind.kind).toBe("positive");
    expect(ind.score).toBe((15 * 8676) / 8755);
    expect(ind.completion).toBe(8676 / 8755);
    expect(codes).toEqual(["SCORE_MISMATCH@表!G2"]);
  });
  it("gives full marks and no more above target", () => {
    const { ind } = leaf(oneLeaf("≥95%", "99%", 10, 10));
    expect(ind.score).toBe(10);
  });
  it("scores a reverse indicator by the ratio convention", () => {
    const { ind } = leaf(oneLeaf("≤30天", "40天", 10, 10));
    expect(ind.kind).toBe("reverse");
    expect(ind.score).toBe((10 * 30) / 40);
  });
  it("scores a reverse indicator by the deviation convention when set", () => {
    const { ind } = leaf(oneLeaf("≤30天", "40天", 10, 10), { ...DEFAULT_SETTINGS, reverse: "deviation" });
    expect(ind.score).toBeCloseTo(10 * (1 - 10 / 30), 12);
  });
  it("gives full marks to a reverse indicator at or under target", () => {
    expect(leaf(oneLeaf("≤30天", "28天", 10, 10)).ind.score).toBe(10);
  });
  it("scores an equals indicator with target 0: w when B ≤ 0, else 0", () => {
    expect(leaf(oneLeaf("=0", 0, 10, 10)).ind.score).toBe(10);
    const bad = leaf(oneLeaf("=0", 2, 10, 10));
    expect(bad.ind.kind).toBe("equals");
    expect(bad.ind.score).toBe(0);
    expect(bad.codes).toEqual(["UNMET_TARGET_FULL_MARKS@表!G2", "SCORE_MISMATCH@表!G2"]);
  });
  it("scores an equals indicator with a positive target like a positive one", () => {
    expect(leaf(oneLeaf("=100%", "90%", 10, 9)).ind.score).toBeCloseTo(9, 12);
  });
  it("clamps a qualitative self-score into its band", () => {
    const { ind, codes } = leaf(oneLeaf("有效提升", "基本达成", 10, 10));
    expect(ind.kind).toBe("qualitative");
    expect(ind.score).toBe(8);
    expect(codes).toEqual(["QUALITATIVE_BAND@表!G2"]);
    expect(codes).not.toContain("SCORE_MISMATCH@表!G2");
  });
  it("keeps a qualitative self-score inside its band", () => {
    const { ind, codes } = leaf(oneLeaf("有效提升", "达成", 10, 9));
    expect(ind.score).toBe(9);
    expect(codes.filter((c) => c.startsWith("QUALITATIVE_BAND"))).toEqual([]);
  });
  it("assumes the band top for a qualitative row with no self-score", () => {
    const { ind, codes } = leaf(oneLeaf("定性", "未达成", 10, ""));
    expect(ind.score).toBe(6);
    expect(codes).toEqual(["SCORE_ASSUMED@表!G2"]);
  });
  it("uses a self-score-only row's self-score, clamped to the weight", () => {
    const { ind, codes } = leaf(oneLeaf("", "", 10, 12));
    expect(ind.kind).toBe("selfOnly");
    expect(ind.score).toBe(10);
    expect(codes).toEqual(["SCORE_OVER_WEIGHT@表!G2"]);
  });
  it("leaves N/A rows out and rescales the total", () => {
    const { ind, ev } = leaf(oneLeaf("N/A", "", 10, ""));
    expect(ind.kind).toBe("notApplicable");
    expect(ev.weightTotal).toBe(90);
    expect(ev.total).toBe(100);
  });
  it("leaves weight-0 rows out with ZERO_WEIGHT", () => {
    const { ind, codes } = leaf(oneLeaf("≥1", 1, 0, 0));
    expect(ind.kind).toBe("zeroWeight");
    expect(codes).toEqual(["ZERO_WEIGHT@表!F2"]);
  });
  it("flags over-completion at the threshold, and a missing reason for it", () => {
    const { codes } = leaf(oneLeaf("≥100", 120, 10, 10, ""));
    expect(codes).toEqual(["OVER_COMPLETION@表!E2", "MISSING_REASON@表!H2"]);
  });
  it("uses the over-completion threshold from settings", () => {
    const { codes } = leaf(oneLeaf("≥100", 125, 10, 10), { ...DEFAULT_SETTINGS, overCompletionThreshold: 1.3 });
    expect(codes.filter((c) => c.startsWith("OVER_COMPLETION"))).toEqual([]);
  });
  it("flags full marks on an unmet target", () => {
    expect(leaf(oneLeaf("≥100", 90, 10, 10)).codes).toEqual(["UNMET_TARGET_FULL_MARKS@表!G2", "SCORE_MISMATCH@表!G2"]);
  });
  it("flags a missing reason when the score is below the weight", () => {
    expect(leaf(oneLeaf("≥100", 90, 10, 9, "")).codes).toEqual(["MISSING_REASON@表!H2"]);
  });
  it("uses the mismatch tolerance from settings", () => {
    const g = oneLeaf("≥100", 90, 10, 8.8);
    expect(leaf(g).codes).toEqual(["SCORE_MISMATCH@表!G2"]);
    expect(leaf(g, { ...DEFAULT_SETTINGS, mismatchTolerance: 0.5 }).codes).not.toContain("SCORE_MISMATCH@表!G2");
  });
});

describe("bad input (never a crash, never a silent zero)", () => {
  it("flags a text actual as NON_NUMERIC and falls back to the self-score", () => {
    const { ind, codes } = leaf(oneLeaf("≥100", "待定", 10, 7));
    expect(codes).toEqual(["NON_NUMERIC@表!E2"]);
    expect(ind.score).toBe(7);
  });
  it("flags an error value", () => {
    expect(leaf(oneLeaf("≥100", "#DIV/0!", 10, 7)).codes).toEqual(["NON_NUMERIC@表!E2"]);
  });
  it("flags a blank actual next to a numeric target", () => {
    expect(leaf(oneLeaf("≥100", "", 10, 7)).codes).toEqual(["NON_NUMERIC@表!E2"]);
  });
  it("flags a * placeholder actual", () => {
    expect(leaf(oneLeaf("≥100", "*", 10, 7)).codes).toEqual(["NON_NUMERIC@表!E2"]);
  });
  it("flags a zero target", () => {
    expect(leaf(oneLeaf("≥0", 5, 10, 10)).codes).toEqual(["ZERO_TARGET@表!D2"]);
  });
  it("flags negative values", () => {
    const { ind, codes } = leaf(oneLeaf("≥100", -5, 10, 3));
    expect(codes).toEqual(["NEGATIVE_VALUE@表!E2"]);
    expect(ind.score).toBe(3);
  });
  it("flags a row with nothing to score instead of scoring it 0 silently", () => {
    const { ind, codes } = leaf(oneLeaf("", "", 10, ""));
    expect(ind.score).toBe(0);
    expect(codes).toEqual(["NON_NUMERIC@表!G2"]);
  });
  it("flags a text weight as NON_NUMERIC", () => {
    expect(leaf(oneLeaf("≥100", 100, "十", 10)).codes).toEqual(["NON_NUMERIC@表!F2"]);
  });
});
