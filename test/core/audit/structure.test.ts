import { evaluateWorkbook } from "../../../src/core/evaluate";
import { DEFAULT_SETTINGS } from "../../../src/core/types";
import { formGrid } from "../helpers/form";
import { gridAt } from "../helpers/gridAt";
import { seedGrids } from "../helpers/seed";

const codesOf = (grids: Parameters<typeof evaluateWorkbook>[0]) =>
  evaluateWorkbook(grids, DEFAULT_SETTINGS).evaluation!.findings.map((f) => `${f.code}@${f.cell}`);

describe("structural findings (docs/scoring-rules.md §4)", () => {
  it("flags top-level weights that do not add up to 100", () => {
    const codes = codesOf([formGrid([["产出", "数量", "A", "", "", 40, 40], ["效益", "社会", "B", "", "", 50, 50]])]);
    expect(codes.filter((c) => c.startsWith("WEIGHT_SUM"))).toHaveLength(1);
  });
  it("flags children's weights that differ from the parent's declared weight", () => {
    const grid = gridAt("表!A1", [
      ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
      ["产出", 100, "数量", 60, "A", 30, 30],
      ["", "", "", "", "B", 20, 20],
      ["", "", "质量", 30, "C", 30, 30],
    ], ["A2:A4", "B2:B4", "C2:C3", "D2:D3"]);
    const codes = codesOf([grid]);
    expect(codes).toEqual(["WEIGHT_SUM@表!B2", "WEIGHT_SUM@表!D2"]);
  });
  it("flags a duplicate leaf name under one parent", () => {
    const codes = codesOf([formGrid([["产出", "数量", "A", "", "", 50, 50], ["产出", "数量", "A", "", "", 50, 50]])]);
    expect(codes).toEqual(["DUPLICATE_NAME@表!C3"]);
  });
  it("does not flag the same name under different parents", () => {
    const codes = codesOf([formGrid([["产出", "数量", "A", "", "", 50, 50], ["产出", "质量", "A", "", "", 50, 50]])]);
    expect(codes.filter((c) => c.startsWith("DUPLICATE_NAME"))).toEqual([]);
  });
  it("flags a total row that differs from the sums", () => {
    const codes = codesOf([formGrid([["产出", "数量", "A", "", "", 50, 50], ["产出", "质量", "B", "", "", 50, 40], ["总分", "", "", "", "", 100, 95]])]);
    expect(codes).toEqual(["DECLARED_TOTAL_MISMATCH@表!G4", "MISSING_REASON@表!H3"]);
    expect(codes.filter((c) => c.includes("表!F4"))).toEqual([]);
  });
  it("flags a declared completion that differs from actual/target", () => {
    const enrollment = gridAt("E!A1", [
      ["险种", "目标任务人数", "当前参保人数", "完成率"],
      ["甲", 100, 90, "95%"],
      ["乙", 100, 90, "90%"],
    ]);
    const codes = codesOf([formGrid([["产出", "数量", "A", "", "", 100, 100]]), enrollment]);
    expect(codes).toEqual(["DECLARED_COMPLETION_MISMATCH@E!D2", "UNMET_TARGET_FULL_MARKS@表!G2", "UNMET_TARGET_FULL_MARKS@表!G2"]);
    expect(codes).not.toContain("DECLARED_COMPLETION_MISMATCH@E!D3");
  });
  it("reports NON_STANDARD_FRAMEWORK once per table", () => {
    const codes = codesOf(seedGrids());
    expect(codes.filter((c) => c.startsWith("NON_STANDARD_FRAMEWORK"))).toEqual(["NON_STANDARD_FRAMEWORK@评分表!D11"]);
  });
  it("does not report the standard 自评表 framework", () => {
    const codes = codesOf([formGrid([["产出指标", "数量指标", "A", "", "", 50, 50], ["效益指标", "社会效益指标", "B", "", "", 40, 40], ["满意度指标", "服务对象满意度指标", "C", "", "", 10, 10]])]);
    expect(codes.filter((c) => c.startsWith("NON_STANDARD_FRAMEWORK"))).toEqual([]);
  });
  it("gives every finding of the seed its message in Chinese and English", () => {
    const ev = evaluateWorkbook(seedGrids(), DEFAULT_SETTINGS).evaluation!;
    expect(ev.findings.map((f) => [f.code, f.message.zh, f.message.en])).toEqual([
      ["DUPLICATE_NAME", "“决策”下有两个同名指标“资金管理”（另一个在 评分表!D11）。如为同一类别跨页续写，请合并单元格；否则请改名。", "\"资金管理\" appears twice under \"决策\" (the other is at 评分表!D11). If it is one category continued after a page break, merge the two; otherwise rename one."],
      ["UNMET_TARGET_FULL_MARKS", "“产出数量”自评满分，但“企业职工养老保险”完成率仅 88.47%（参保情况!A3）。", "\"产出数量\" is self-scored full marks, but \"企业职工养老保险\" is only at 88.47% (参保情况!A3)."],
      ["NON_STANDARD_FRAMEWORK", "指标体系与财预〔2020〕10号标准框架不同：“资金管理”在“决策”下（标准在“过程”下）；“组织实施”在“决策”下（标准在“过程”下）；“经济效益”在“产出”下（标准在“效益”下）；“社会效益”在“产出”下（标准在“效益”下）；“环境效益”在“产出”下（标准在“效益”下）；“可持续影响”在“产出”下（标准在“效益”下）；“满意度”在“产出”下（标准在“效益”下）。", "The indicator framework differs from the standard one (财预〔2020〕10号): \"资金管理\" sits under \"决策\" (standard: \"过程\"); \"组织实施\" sits under \"决策\" (standard: \"过程\"); \"经济效益\" sits under \"产出\" (standard: \"效益\"); \"社会效益\" sits under \"产出\" (standard: \"效益\"); \"环境效益\" sits under \"产出\" (standard: \"效益\"); \"可持续影响\" sits under \"产出\" (standard: \"效益\"); \"满意度\" sits under \"产出\" (standard: \"效益\")."],
      ["ZERO_WEIGHT", "“经济效益”分值为 0 或空白，不计入总分。请补填分值；如不设此指标，可删除该行。", "\"经济效益\" has a weight of 0 or blank and is left out of the total. Give it a weight, or delete the row if the indicator is not used."],
      ["ZERO_WEIGHT", "“环境效益”分值为 0 或空白，不计入总分。请补填分值；如不设此指标，可删除该行。", "\"环境效益\" has a weight of 0 or blank and is left out of the total. Give it a weight, or delete the row if the indicator is not used."],
      ["ZERO_WEIGHT", "“可持续影响”分值为 0 或空白，不计入总分。请补填分值；如不设此指标，可删除该行。", "\"可持续影响\" has a weight of 0 or blank and is left out of the total. Give it a weight, or delete the row if the indicator is not used."],
    ]);
  });
});

describe("linked enrollment lines", () => {
  const enrollment = gridAt("E!A1", [
    ["Item", "Target", "Actual", "Linked indicator"],
    ["x", 100, 80, "Coverage"],
    ["y", 100, 110, "Coverage"],
  ]);
  const table = gridAt("T!A1", [
    ["Level 1", "Level 2", "Indicator", "Weight", "Score"],
    ["Output", "Quantity", "Coverage", 20, 20],
    ["Output", "Quality", "Other", 80, 80],
  ]);
  const ev = evaluateWorkbook([table, enrollment], DEFAULT_SETTINGS).evaluation!;
  it("scores w × mean of min(B/A, 1)", () => {
    expect(ev.indicators[0]!.kind).toBe("enrollment");
    expect(ev.indicators[0]!.score).toBeCloseTo((20 * (0.8 + 1)) / 2, 12);
  });
  it("flags full marks while a linked line is below 100%", () => {
    expect(ev.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["UNMET_TARGET_FULL_MARKS@T!E2", "SCORE_MISMATCH@T!E2"]);
  });
});

describe("budget block", () => {
  const grid = gridAt("自评表!A1", [
    ["项目名称", "测试项目"],
    ["项目资金（万元）", "", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
    ["", "年度资金总额", 100, 100, 90, 10, "90%", 10],
    ["", "其中：当年财政拨款", 100, 100, 90, "", "", ""],
    [],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "A", "≥100", 100, 90, 90],
  ]);
  const ev = evaluateWorkbook([grid], DEFAULT_SETTINGS).evaluation!;
  it("scores w × min(B/A, 1) as a top-level item", () => {
    expect(ev.budget?.score).toBe(9);
    expect(ev.budget?.rate).toBe(0.9);
    expect(ev.weightTotal).toBe(100);
    expect(ev.total).toBe(99);
    expect(ev.rollup.map((n) => n.path[0])).toEqual(["产出指标", "预算执行率"]);
  });
  it("flags the budget self-score that differs", () => {
    expect(ev.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["SCORE_MISMATCH@自评表!H3"]);
  });
  it("includes the budget self-score in selfTotal", () => {
    expect(ev.selfTotal).toBe(100);
  });
});

describe("LINK_NOT_FOUND", () => {
  it("flags an enrollment line whose linked indicator does not exist", () => {
    const enrollment = gridAt("E!A1", [["Item", "Target", "Actual", "Linked indicator"], ["x", 100, 80, "No such indicator"]]);
    const table = gridAt("T!A1", [["Level 1", "Level 2", "Indicator", "Weight", "Score"], ["Output", "Quantity", "Coverage", 100, 100]]);
    const ev = evaluateWorkbook([table, enrollment], DEFAULT_SETTINGS).evaluation!;
    expect(ev.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["LINK_NOT_FOUND@E!D2"]);
    expect(ev.indicators[0]!.kind).toBe("selfOnly");
  });
});
