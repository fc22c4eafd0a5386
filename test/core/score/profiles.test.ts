import { detectBudget } from "../../../src/core/detect/detectBudget";
import { GridView } from "../../../src/core/detect/gridView";
import { evaluateWorkbook } from "../../../src/core/evaluate";
import { findProfile, PROFILES, resolveSettings } from "../../../src/core/score/profiles";
import { scoreBudget } from "../../../src/core/score/scoreBudget";
import { DEFAULT_SETTINGS, type CellValue, type Settings } from "../../../src/core/types";
import { gridAt } from "../helpers/gridAt";

describe("PROFILES and resolveSettings", () => {
  it("lists 财政部 first, then 湖北 and 四川, each with zh and en names and a source", () => {
    expect(PROFILES.map((p) => [p.id, p.name.zh, p.name.en])).toEqual([
      ["mof", "财政部", "Ministry of Finance"],
      ["hubei", "湖北", "Hubei"],
      ["sichuan", "四川", "Sichuan"],
    ]);
    expect(PROFILES.every((p) => p.source.length > 10)).toBe(true);
  });
  it("makes the national profile the default settings", () => {
    expect(resolveSettings("mof", {})).toEqual(DEFAULT_SETTINGS);
  });
  it("lays individual settings over the profile", () => {
    const s = resolveSettings("hubei", { budgetWeight: 15, language: "en" });
    expect([s.profile, s.budgetWeight, s.language, s.qualitativeBands.partly]).toEqual(["hubei", 15, "en", [0.5, 0.8]]);
  });
  it("finds a profile by id or either name, and nothing for an unknown name", () => {
    expect(["mof", "湖北", "Sichuan", " HUBEI "].map((n) => findProfile(n)?.id ?? null)).toEqual(["mof", "hubei", "sichuan", "hubei"]);
    expect(findProfile("广东")).toBeNull();
  });
});

/** One qualitative row worth 10 (部分达成, self-scored `self`) and one positive row worth 90. */
function qualitative(self: number, settings: Settings): number {
  const grid = gridAt("表!A1", [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["效益指标", "社会效益指标", "群众满意", "效果明显", "部分达成", 10, self],
    ["产出指标", "数量指标", "A", "≥1", 1, 90, 90],
  ]);
  return evaluateWorkbook([grid], settings).evaluation!.indicators[0]!.score;
}

describe("财政部 (财预〔2020〕10号)", () => {
  it("keeps a 部分达成 score in 60–80 % of the weight: self 5 of 10 counts 6", () => {
    expect(qualitative(5, resolveSettings("mof", {}))).toBe(6);
  });
  it("gives a budget block that states no weight 10 points", () => {
    const block = detectBudget(new GridView(gridAt("表!A1", [["", "全年预算数", "全年执行数"], ["年度资金总额", 100, 100]])))!;
    expect(scoreBudget(block, resolveSettings("mof", {})).budget.weight).toBe(10);
  });
});

describe("湖北 (the province's 项目绩效自评表 notes)", () => {
  // The source's worked row: 年度财政资金总额 1.56 / 1.56, 执行率 1, 得分 20 (20分*执行率).
  it("gives a budget block that states no weight 20 points: 1.56 of 1.56 scores 20", () => {
    const block = detectBudget(new GridView(gridAt("表!A1", [["", "预算数", "执行数", "执行率"], ["年度财政资金总额", 1.56, 1.56, 1]])))!;
    const { budget } = scoreBudget(block, resolveSettings("hubei", {}));
    expect([budget.weight, budget.rate, budget.score]).toEqual([20, 1, 20]);
  });
  it("keeps a 部分达成 score in 50–80 % of the weight: self 5 of 10 stands, self 9 counts 8", () => {
    const s = resolveSettings("hubei", {});
    expect([qualitative(5, s), qualitative(9, s)]).toEqual([5, 8]);
  });
});

describe("四川 (部门预算项目支出绩效自评表: 预算执行率未达到90%的需说明原因)", () => {
  const rows = (reason: CellValue): CellValue[][] => [
    ["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
    ["", "总额", 100, 120, 102, "", 10, 8.5, reason],
  ];
  const findings = (reason: CellValue, profile: "sichuan" | "mof") => {
    const block = detectBudget(new GridView(gridAt("表!A1", rows(reason))))!;
    return scoreBudget(block, resolveSettings(profile, {}));
  };
  it("asks for a reason when 102 of 120 (85 %) is spent and the 原因 cell is blank", () => {
    const { budget, findings: f } = findings("", "sichuan");
    expect([budget.rate, budget.score]).toEqual([0.85, 8.5]);
    expect(f.map((x) => `${x.code}@${x.cell}`)).toEqual(["MISSING_REASON@表!I2"]);
  });
  it("is satisfied by a reason, and the national profile asks for none", () => {
    expect(findings("项目延期，尾款次年支付", "sichuan").findings).toEqual([]);
    expect(findings("", "mof").findings).toEqual([]);
  });
});
