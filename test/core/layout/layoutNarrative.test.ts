import { layoutNarrative } from "../../../src/core/layout/narrative/layoutNarrative";
import type { Evaluation } from "../../../src/core/types";
import { budget, enrollmentLine, evaluation, finding, indicator, level, num } from "./factory";

const SEED_ZH =
  "企业职工养老保险参保目标任务人数为 6.42 万人，当前参保人数为 5.68 万人，完成年度目标任务的 88.47%；" +
  "机关事业单位养老保险参保目标任务人数为 1.7238 万人，当前参保人数为 1.92 万人，完成年度目标任务的 111.38%；" +
  "城乡居民养老保险参保目标任务人数为 39 万人，当前参保人数为 39.05 万人，完成年度目标任务的 100.13%。" +
  "项目满分 100 分，评分得分 100 分，等级为优。";

const SEED_EN =
  "Target enrollment for 企业职工养老保险 was 64,200 people; actual 56,800, 88.47% of the annual target; " +
  "target enrollment for 机关事业单位养老保险 was 17,238 people; actual 19,200, 111.38% of the annual target; " +
  "target enrollment for 城乡居民养老保险 was 390,000 people; actual 390,500, 100.13% of the annual target. " +
  "Full marks are 100; the computed score is 100, grade Excellent (优).";

/** The seed's three enrollment lines and a 100-point table scored 100. */
function seed(overrides: Partial<Evaluation> = {}): Evaluation {
  const l = level("决策", 2, 0, 100);
  return evaluation({
    indicators: [indicator({ row: 2, l1: l, weight: 100, selfScore: 100 })],
    enrollment: [
      enrollmentLine("企业职工养老保险", 64200, 56800, "万人", 1),
      enrollmentLine("机关事业单位养老保险", 17238, 19200, "万人", 2),
      enrollmentLine("城乡居民养老保险", 390000, 390500, "万人", 3),
    ],
    ...overrides,
  });
}

describe("layoutNarrative", () => {
  it("reproduces the seed report's sentence in Chinese", () => {
    expect(layoutNarrative(seed()).zh).toBe(SEED_ZH);
  });

  it("says the same in plain English", () => {
    expect(layoutNarrative(seed()).en).toBe(SEED_EN);
  });

  it("shows counts as whole numbers with separators and their unit when the unit is not 万", () => {
    const ev = seed({ enrollment: [enrollmentLine("工伤保险", 8755, 8676, "人", 1)] });
    expect(layoutNarrative(ev).zh.startsWith("工伤保险参保目标任务人数为 8,755 人，当前参保人数为 8,676 人，完成年度目标任务的 99.10%。")).toBe(true);
    expect(layoutNarrative(ev).en.startsWith("Target enrollment for 工伤保险 was 8,755 people; actual 8,676, 99.10% of the annual target.")).toBe(true);
  });

  it("adds the findings by severity after the score", () => {
    const findings = [finding("DUPLICATE_NAME", "S!C3", "warning"), finding("ZERO_WEIGHT", "S!F7", "info"), finding("ZERO_WEIGHT", "S!F8", "info"), finding("UNMET_TARGET_FULL_MARKS", "S!G9", "warning")];
    const n = layoutNarrative(seed({ findings }));
    // The narrative sits on the summary itself, so it points nowhere else.
    expect(n.zh).toBe(`${SEED_ZH}审核发现 4 项：警告 2 项，提示 2 项。`);
    expect(n.en).toBe(`${SEED_EN} The review raised 4 findings: 2 warnings, 2 notes.`);
  });

  it("mentions the budget execution rate when there is a budget block", () => {
    const n = layoutNarrative(seed({ enrollment: [], budget: budget(570000, 541500, 10, 10) }));
    expect(n.zh.startsWith("全年预算数 570,000 元，全年执行数 541,500 元，预算执行率为 95.00%。")).toBe(true);
    expect(n.en.startsWith("The annual budget was 570,000 yuan and 541,500 yuan was spent: budget execution was 95.00%.")).toBe(true);
  });

  it("gives budget amounts in the unit the workbook names, and none when it names none", () => {
    const b = budget(57, 55.29, 10, 9.7);
    const plain = { ...b, block: { ...b.block, planned: num(57), spent: num(55.29) } };
    const wan = { ...plain, block: { ...plain.block, unitText: "万元" } };
    expect(layoutNarrative(seed({ enrollment: [], budget: wan })).zh.startsWith("全年预算数 57 万元，全年执行数 55.29 万元，预算执行率为 97.00%。")).toBe(true);
    expect(layoutNarrative(seed({ enrollment: [], budget: wan })).en.startsWith("The annual budget was 570,000 yuan and 552,900 yuan was spent")).toBe(true);
    expect(layoutNarrative(seed({ enrollment: [], budget: plain })).zh.startsWith("全年预算数 57，全年执行数 55.29，")).toBe(true);
    expect(layoutNarrative(seed({ enrollment: [], budget: plain })).en.startsWith("The annual budget was 57 and 55.29 was spent")).toBe(true);
  });

  it("puts thousands separators in counts whatever the language", () => {
    const ev = seed({ enrollment: [enrollmentLine("Enterprise pension", 64200, 56800, "persons", 1)] });
    expect(layoutNarrative(ev).zh.startsWith("Enterprise pension参保目标任务人数为 64,200 persons，当前参保人数为 56,800 persons")).toBe(true);
  });

  it("mentions the self-assessed total when it differs from the score", () => {
    const l = level("决策", 2, 0, 100);
    const n = layoutNarrative(seed({ enrollment: [], indicators: [indicator({ row: 2, l1: l, weight: 100, selfScore: 100, score: 95.5 })] }));
    expect(n.zh).toBe("项目满分 100 分，评分得分 95.50 分，等级为优；自评得分 100 分，高于评分 4.50 分。");
    expect(n.en).toBe("Full marks are 100; the computed score is 95.50, grade Excellent (优); the self-assessed total is 100, 4.50 above the computed score.");
  });

  it("shows the applicable weight and the rescaled total when rows are left out", () => {
    const l = level("决策", 2, 0, 100, 3);
    const ind = [indicator({ row: 2, l1: l, weight: 90, selfScore: 81 }), indicator({ row: 3, l1: l, weight: 10, kind: "notApplicable" })];
    const n = layoutNarrative(seed({ enrollment: [], indicators: ind }));
    expect(n.zh).toBe("项目满分 100 分，适用分值 90 分，得分 81 分，折合百分制 90 分，等级为优。");
  });

  it("says when a completion cannot be computed", () => {
    const line = { ...enrollmentLine("企业职工养老保险", 0, 5, "人", 1), completion: null };
    expect(layoutNarrative(seed({ enrollment: [line] })).zh.startsWith("企业职工养老保险参保目标任务人数为 0 人，当前参保人数为 5 人，完成率无法计算。")).toBe(true);
  });

  it("gives only the score sentence for an evaluation with nothing else", () => {
    const n = layoutNarrative(seed({ enrollment: [], indicators: [], total: 0, grade: "差", selfTotal: null }));
    expect(n).toEqual({ zh: "项目满分 100 分，评分得分 0 分，等级为差。", en: "Full marks are 100; the computed score is 0, grade Poor (差)." });
  });
});
