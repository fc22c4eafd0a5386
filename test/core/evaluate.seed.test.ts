import { evaluateWorkbook } from "../../src/core/evaluate";
import { DEFAULT_SETTINGS } from "../../src/core/types";
import { seedGrids } from "./helpers/seed";

describe("evaluateWorkbook on the seed (docs/scoring-rules.md §5)", () => {
  const result = evaluateWorkbook(seedGrids(), DEFAULT_SETTINGS);
  const ev = result.evaluation!;

  it("scores the seed at 100 with grade 优", () => {
    expect(result.problem).toBeNull();
    expect(ev.total).toBeCloseTo(100, 9);
    expect(ev.grade).toBe("优");
    expect(ev.weightTotal).toBe(100);
    expect(ev.selfTotal).toBe(100);
  });

  it("reads 20 leaves with their paths", () => {
    expect(ev.indicators).toHaveLength(20);
    expect(ev.indicators[0]!.path).toEqual(["决策", "项目立项", "立项依据充分性"]);
    expect(ev.indicators[15]!.path).toEqual(["产出", "经济效益"]);
    expect(ev.indicators[15]!.kind).toBe("zeroWeight");
    expect(ev.indicators[16]!.path).toEqual(["产出", "社会效益"]);
    expect(ev.indicators[16]!.weight).toBe(10);
    expect(ev.indicators[12]!.path).toEqual(["产出", "产出质量", "可根据项目实际情况有选择地设置和细化"]);
    expect(ev.indicators[0]!.cell).toBe("评分表!F5");
    expect(ev.indicators[15]!.cell).toBe("评分表!D20");
  });

  it("computes the enrollment completions", () => {
    expect(ev.enrollment.map((l) => l.completion)).toEqual([56800 / 64200, 19200 / 17238, 390500 / 390000]);
    expect(ev.enrollment[0]!.target).toBe(64200);
    expect(ev.enrollment.map((l) => ((l.completion ?? 0) * 100).toFixed(2))).toEqual(["88.47", "111.38", "100.13"]);
  });

  it("gives exactly the findings docs/scoring-rules.md §5 lists", () => {
    const got = ev.findings.map((f) => `${f.code}@${f.cell}`).sort();
    expect(got).toEqual(
      [
        "DUPLICATE_NAME@评分表!D13",
        "NON_STANDARD_FRAMEWORK@评分表!D11",
        "UNMET_TARGET_FULL_MARKS@评分表!H16",
        "ZERO_WEIGHT@评分表!G20",
        "ZERO_WEIGHT@评分表!G22",
        "ZERO_WEIGHT@评分表!G23",
      ].sort(),
    );
  });

  it("finds the project name above the table", () => {
    expect(ev.projectName).toBe("社保专项工作经费项目");
  });
});
