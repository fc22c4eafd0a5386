// Unit tests for the forms the published 自评表 in test/corpus/ use; each names the table it comes from.
import { cleanLabel } from "../../../src/core/cells/normalize";
import { parseOperator, parseValue } from "../../../src/core/cells/parseValue";
import { parseAchievement } from "../../../src/core/cells/qualitative";
import { hasReason } from "../../../src/core/cells/reasonText";
import { detectBudget } from "../../../src/core/detect/detectBudget";
import { detectIndicatorTables, isStubName } from "../../../src/core/detect/detectIndicatorTable";
import { GridView } from "../../../src/core/detect/gridView";
import { evaluateWorkbook } from "../../../src/core/evaluate";
import { scoreBudget } from "../../../src/core/score/scoreBudget";
import { DEFAULT_SETTINGS, type CellValue } from "../../../src/core/types";
import { gridAt } from "../helpers/gridAt";

const HEADER: CellValue[] = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

function evaluate(rows: CellValue[][], merges: string[] = []) {
  const ev = evaluateWorkbook([gridAt("表!A1", [HEADER, ...rows], merges)], DEFAULT_SETTINGS).evaluation;
  if (ev === null) throw new Error("nothing scored");
  return ev;
}

const codes = (ev: ReturnType<typeof evaluate>) => ev.findings.map((f) => `${f.code}@${f.cell}`);

describe("cleanLabel", () => {
  it("drops a trailing colon (年度资金总额:, ah-2022-tangxi)", () => {
    expect(cleanLabel("年度资金总额:")).toEqual({ name: "年度资金总额", weight: null });
    expect(cleanLabel("年度资金总额：")).toEqual({ name: "年度资金总额", weight: null });
  });
  it("drops leading spaces and punctuation (  其他资金, he-2019-langfang)", () => {
    expect(cleanLabel("      上年结转资金")).toEqual({ name: "上年结转资金", weight: null });
    expect(cleanLabel("、产出指标。")).toEqual({ name: "产出指标", weight: null });
  });
  it("reads a weight in the label, in either bracket (产出指标(50分), ah-2022-tangxi)", () => {
    expect(cleanLabel("产出指标(50分)")).toEqual({ name: "产出指标", weight: 50 });
    expect(cleanLabel("效益指标（30分）")).toEqual({ name: "效益指标", weight: 30 });
    expect(cleanLabel("满意度指标(7.5分)")).toEqual({ name: "满意度指标", weight: 7.5 });
  });
  it("joins a label printed one character a line (ah-2023-xiaoxian)", () => {
    expect(cleanLabel("产\n出\n指\n标\n(50分)")).toEqual({ name: "产出指标", weight: 50 });
    expect(cleanLabel("经济效益\n指标")).toEqual({ name: "经济效益指标", weight: null });
  });
  it("keeps one space between English words", () => {
    expect(cleanLabel(" Pension\n enrollment ")).toEqual({ name: "Pension enrollment", weight: null });
  });
  it("drops numbering followed by punctuation and keeps numbering without it (he-2019-langfang)", () => {
    expect(cleanLabel("指标1：工程完工率").name).toBe("工程完工率");
    expect(cleanLabel("一、产出指标").name).toBe("产出指标");
    expect(cleanLabel("1.数量指标").name).toBe("数量指标");
    expect(cleanLabel("指标1工程资金金额").name).toBe("指标1工程资金金额");
    expect(cleanLabel("★补助鱼塘面积").name).toBe("★补助鱼塘面积");
    expect(cleanLabel("1.5亩以上大棚").name).toBe("1.5亩以上大棚");
  });
  it("leaves a minus sign and text that is not a label alone", () => {
    expect(cleanLabel("-2+3").name).toBe("-2+3");
  });
});

describe("isStubName", () => {
  it("recognises the template's stubs and placeholders", () => {
    expect(["", "指标2", "指标1", "……", "…", "...", "-", "—", "/", "／", "无"].map(isStubName)).toEqual(Array(11).fill(true));
  });
  it("does not take a named indicator for a stub", () => {
    expect(["指标1工程资金金额", "其中桃树种植面积", "满意度"].map(isStubName)).toEqual([false, false, false]);
  });
});

describe("placeholders, operators and units", () => {
  it("reads every placeholder as missing", () => {
    expect(["-", "—", "——", "/", "／", "无", "", "…"].map((t) => parseValue(t).kind)).toEqual(Array(8).fill("missing"));
  });
  it("reads every operator form", () => {
    const ops = ["≥95%", "≤95%", "＝95%", "﹦95%", "≧95%", "≦95%", ">=95%", "<=95%", "不低于95%", "不少于95%", "不高于95%", "不超过95%", "95%以上", "95%以下", "达到95%"].map(
      (t) => {
        const v = parseValue(t);
        return v.kind === "number" ? v.operator : null;
      },
    );
    expect(ops).toEqual([">=", "<=", "=", "=", ">=", "<=", ">=", "<=", ">=", ">=", "<=", "<=", ">=", "<=", ">="]);
  });
  it("reads 百分比 as % (≥100百分比, ah-2022-tangxi-weituo)", () => {
    expect(parseValue("≥100百分比")).toMatchObject({ kind: "number", value: 1, operator: ">=", isPercent: true, unit: "%" });
    expect(parseValue(95, "General", "百分比")).toMatchObject({ kind: "number", value: 0.95, isPercent: true });
  });
  it("reads 正向 as ≥ and 反向 / 逆向 as ≤ in an operator column", () => {
    expect(["正向", "反向", "逆向", "正向指标", "﹦"].map(parseOperator)).toEqual([">=", "<=", "<=", ">=", "="]);
  });
  it("reads 达成预期指标 as achieved (ah-2022-tangxi)", () => {
    expect(parseAchievement("达成预期指标")).toBe("achieved");
    expect(parseAchievement("达到预期目标")).toBe("achieved");
  });
  it("counts 0 and placeholders typed in a reason cell as no reason (he-2019-langfang)", () => {
    expect(["", "0", "-", "/", "无", " 0 "].map(hasReason)).toEqual([false, false, false, false, false, false]);
    expect(hasReason("尾款未付")).toBe(true);
  });
});

describe("indicator tables as published", () => {
  it("reads a bare actual in its target's unit (≤90万元 / 90, ≥100百分比 / 100)", () => {
    const ev = evaluate([
      ["产出指标", "成本指标", "项目总成本", "≤90万元", 90, 50, 50],
      ["产出指标", "质量指标", "合格率", "≥100百分比", 100, 50, 50],
    ]);
    expect(ev.indicators.map((i) => [i.kind, i.completion, i.score])).toEqual([
      ["reverse", 1, 50],
      ["positive", 1, 50],
    ]);
  });

  it("takes a weight in a level-1 label as the group's declared weight and checks it (产出指标(50分))", () => {
    const ev = evaluate([
      ["产出指标(60分)", "数量指标", "A", "≥1", 1, 50, 50],
      ["效益指标(40分)", "社会效益指标", "B", "≥1", 1, 40, 40],
    ]);
    expect(ev.indicators.map((i) => i.path)).toEqual([
      ["产出指标", "数量指标", "A"],
      ["效益指标", "社会效益指标", "B"],
    ]);
    expect(codes(ev)).toEqual(["WEIGHT_SUM@表!A2"]);
    expect(ev.findings[0]!.message.en).toBe('"产出指标" has weight 60, but its children\'s weights add up to 50. Correct the weights so that they add up to 60.');
  });

  it("gives NON_NUMERIC for a level weight that is text", () => {
    const grid = gridAt("表!A1", [
      ["一级指标", "分值", "二级指标", "三级指标", "分值", "得分"],
      ["产出指标", "五十", "数量指标", "A", 100, 100],
    ]);
    const ev = evaluateWorkbook([grid], DEFAULT_SETTINGS).evaluation!;
    expect(codes(ev)).toEqual(["NON_NUMERIC@表!B2"]);
  });

  it("leaves template filler out with one UNUSED_TEMPLATE_ROWS (stubs, ……, 其中 rows, a blank row in a named group)", () => {
    const ev = evaluate([
      ["产出指标", "数量指标", "指标1工程资金金额", "≥10", 10, 50, 50],
      ["产出指标", "数量指标", "指标2"],
      ["产出指标", "数量指标", "……"],
      ["产出指标", "数量指标", "其中桃树种植面积", "1.5亩", "1.5亩"],
      ["产出指标", "质量指标", ""],
      ["产出指标", "质量指标", "合格率", "≥90%", "95%", 50, 50],
      ["产出指标", "……"],
    ]);
    expect(ev.indicators.map((i) => i.path[2])).toEqual(["指标1工程资金金额", "合格率"]);
    expect(codes(ev)).toEqual(["UNUSED_TEMPLATE_ROWS@表!C3"]);
    expect(ev.findings[0]!.message.en).toBe(
      "5 unused template rows were left out of the score (stubs such as 指标2 or ……, blank rows, or unweighted 其中 detail rows); they can be deleted from the final table.",
    );
  });

  it("keeps a level-2 group whose only row is empty as a zero-weight leaf (the seed's 经济效益)", () => {
    const ev = evaluate([
      ["产出指标", "数量指标", "A", "≥1", 1, 100, 100],
      ["效益指标", "经济效益指标"],
    ]);
    expect(ev.indicators.map((i) => i.kind)).toEqual(["positive", "zeroWeight"]);
    expect(codes(ev)).toEqual(["ZERO_WEIGHT@表!F3"]);
  });

  it("reads a two-row header with 分值 merged over both rows (yn-2020-lijiang)", () => {
    const grid = gridAt(
      "表!A1",
      [
        ["绩效指标", "", "", "年度指标值", "", "", "实际完成值", "分值", "得分"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "", "", ""],
        ["产出指标", "质量指标", "验收合格率", "﹦", 100, "%", 100, 60, 60],
        ["效益指标", "社会效益指标", "责停率", "≥", 95, "%", 95, 40, 40],
      ],
      ["A1:C1", "D1:F1", "G1:G2", "H1:H2", "I1:I2"],
    );
    const scan = detectIndicatorTables(new GridView(grid));
    const table = scan.tables.find((t) => t.rows.length > 0)!;
    expect(table.headerRow).toBe(1);
    expect(table.columns).toMatchObject({ operator: 3, target: 4, unit: 5, actual: 6, selfScore: 8, weight: { 3: 7 } });
    const ev = evaluateWorkbook([grid], DEFAULT_SETTINGS).evaluation!;
    expect(ev.indicators.map((i) => [i.kind, i.completion, i.score])).toEqual([
      ["equals", 1, 60],
      ["positive", 1, 40],
    ]);
    expect(ev.findings).toEqual([]);
  });

  it("reads header cells with line breaks (年度\\n指标值, he-2019-langfang)", () => {
    const grid = gridAt("表!A1", [
      ["一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分"],
      ["产出指标", "数量指标", "A", 10, 10, 100, 100],
    ]);
    const ev = evaluateWorkbook([grid], DEFAULT_SETTINGS).evaluation!;
    expect(ev.indicators[0]).toMatchObject({ kind: "positive", completion: 1, score: 100 });
  });

  it("reads the 绩效指标 label column beside 一级指标 as a label, not the indicator column (ah-2022-tangxi)", () => {
    const grid = gridAt("表!A1", [
      ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["绩效指标", "产出指标", "数量指标", "A", "≥1", 1, 100, 100],
    ]);
    const ev = evaluateWorkbook([grid], DEFAULT_SETTINGS).evaluation!;
    expect(ev.indicators.map((i) => i.path)).toEqual([["产出指标", "数量指标", "A"]]);
  });
});

describe("findings the published tables showed wrong", () => {
  it("points NON_NUMERIC for an unreadable target at the target cell and quotes it (约95% beside 96%)", () => {
    const ev = evaluate([["产出指标", "质量指标", "合格率", "约95%", "96%", 100, 100, "说明"]]);
    expect(codes(ev)).toEqual(["NON_NUMERIC@表!D2"]);
    expect(ev.findings[0]!.message.en).toBe('"合格率": the target "约95%" cannot be read as a number; write a number (a unit may follow, as in 95% or 12万元).');
  });

  it("gives no ZERO_TARGET on a reverse row with target 0 (≤0 accidents)", () => {
    const ev = evaluate([["产出指标", "质量指标", "安全事故", "≤0起", "0起", 100, 100]]);
    expect(ev.indicators[0]).toMatchObject({ kind: "reverse", score: 100 });
    expect(codes(ev)).toEqual([]);
  });

  it("asks for a reason by the computed score, not the self-score (MISSING_REASON)", () => {
    const ev = evaluate([
      ["产出指标", "数量指标", "A", "≥100", 80, 50, 50, ""],
      ["产出指标", "数量指标", "B", "≥100", 100, 50, 40, "0"],
    ]);
    expect(codes(ev).filter((c) => c.startsWith("MISSING_REASON"))).toEqual(["MISSING_REASON@表!H2"]);
  });

  it("gives one NON_NUMERIC, at the actual, for a numeric target with neither actual nor self-score (sc-2023-qingshen)", () => {
    const ev = evaluate([["产出指标", "数量指标", "覆盖率", "=100%", "", 100, "", ""]]);
    expect(ev.indicators[0]).toMatchObject({ kind: "selfOnly", score: 0 });
    expect(codes(ev)).toEqual(["NON_NUMERIC@表!E2"]);
  });

  it("orders findings errors first, then by cell", () => {
    const ev = evaluate([
      ["产出指标", "数量指标", "A", "≥100", 80, 50, 40, ""],
      ["产出指标", "数量指标", "B", "≥100", "很多", 50, 50, "x"],
      ["产出指标", "数量指标", "指标3"],
    ]);
    expect(codes(ev)).toEqual(["NON_NUMERIC@表!E3", "MISSING_REASON@表!H2", "UNUSED_TEMPLATE_ROWS@表!C4"]);
  });
});

describe("budget blocks as published", () => {
  const block = (rows: CellValue[][], merges: string[] = []) => detectBudget(new GridView(gridAt("表!A1", rows, merges)));

  it("uses the 本年财政拨款 figures below a zeroed 年度资金总额: row, and says so (ah-2022-tangxi)", () => {
    const b = block([
      ["项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["", "年度资金总额:", 0, 0, 0, 10, 0, 0],
      ["", "其中:本年财政拨款", 202.64, 132.912, 132.912],
    ])!;
    expect([b.cell, b.cells.planned, b.cells.declaredRate, b.fromRow?.row]).toEqual(["表!B3", "表!D3", null, "其中:本年财政拨款"]);
    const { budget, findings } = scoreBudget(b, DEFAULT_SETTINGS);
    expect([budget.planned, budget.spent, budget.rate, budget.score, budget.selfScore]).toEqual([132.912, 132.912, 1, 10, 0]);
    expect(findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["BUDGET_FROM_APPROPRIATION@表!B3"]);
  });

  it("computes a blank 执行率 on 全年预算数, not 年初预算数", () => {
    const b = block([
      ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 200, 100, 90, 10, "", 9],
    ])!;
    const { budget, findings } = scoreBudget(b, DEFAULT_SETTINGS);
    expect([budget.planned, budget.rate, budget.score]).toEqual([100, 0.9, 9]);
    expect(findings).toEqual([]);
  });

  it("gives NON_NUMERIC for an unreadable 执行率", () => {
    const b = block([
      ["", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 100, 90, 10, "约九成", 9],
    ])!;
    expect(scoreBudget(b, DEFAULT_SETTINGS).findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["NON_NUMERIC@表!E2"]);
  });

  it("reads the Sichuan form: 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分, row 总额 (sc-2023-daying)", () => {
    const b = block([
      ["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
      ["", "总额", 0, 3.36, 3.36, 1, 10, 10, ""],
      ["", "其中:财政资金", 0, 3.36, 3.36, 1, "/", "/"],
    ])!;
    expect([b.cell, b.cells.planned, b.cells.weight, b.cells.reason]).toEqual(["表!B2", "表!D2", "表!G2", "表!I2"]);
    const { budget } = scoreBudget(b, DEFAULT_SETTINGS);
    expect([budget.planned, budget.spent, budget.rate, budget.weight, budget.score]).toEqual([3.36, 3.36, 1, 10, 10]);
  });

  it("reads a budget weight stated only in a label or header (预算执行情况(万元)(20分), 得分(20分*执行率), hb-2020-huanggang)", () => {
    const b = block([
      ["预算执行情况(万元)(20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"],
      ["年度财政资金总额", "10万", "9万", "90%", 18],
    ])!;
    const { budget, findings } = scoreBudget(b, DEFAULT_SETTINGS);
    expect([budget.planned, budget.spent, budget.weight, budget.score]).toEqual([10, 9, 20, 18]);
    expect(findings).toEqual([]);
  });

  it("finds an English budget block", () => {
    const b = block([
      ["", "Annual budget", "Spent", "Weight", "Execution rate", "Score"],
      ["Total funds", 200, 150, 10, "75%", 7.5],
    ])!;
    expect(b.cell).toBe("表!A2");
    const { budget, findings } = scoreBudget(b, DEFAULT_SETTINGS);
    expect([budget.planned, budget.spent, budget.rate, budget.score]).toEqual([200, 150, 0.75, 7.5]);
    expect(findings).toEqual([]);
  });

  it("finds an English block headed Budget / Actual spending", () => {
    const b = block([
      ["", "Budget", "Actual spending", "Weight", "Score"],
      ["Total", 100, 100, 10, 10],
    ]);
    expect(b?.cells.planned).toBe("表!B2");
  });
});
