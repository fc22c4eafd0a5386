import { PROBLEMS } from "../../../src/core/findings/catalog";
import { detectWorkbook } from "../../../src/core/detect/detectWorkbook";
import { evaluateWorkbook } from "../../../src/core/evaluate";
import { DEFAULT_SETTINGS } from "../../../src/core/types";
import { gridAt } from "../helpers/gridAt";
import { seedGrids } from "../helpers/seed";
import { formGrid } from "../helpers/form";

describe("detectWorkbook", () => {
  it("finds the seed's table below a title, with merged levels", () => {
    const d = detectWorkbook(seedGrids());
    expect(d.indicatorTable?.cell).toBe("评分表!B4");
    expect(d.indicatorTable?.columns.weight).toEqual({ 1: 2, 2: 4, 3: 6 });
    expect(d.indicatorTable?.totals?.weights.map((w) => w.value)).toEqual([100, 100, 100]);
    expect(d.enrollment[0]?.lines).toHaveLength(3);
  });
  it("reads English headers with an operator and a unit column", () => {
    const grid = gridAt("Sheet 1!C3", [
      ["Level 1", "Level 2", "Indicator", "Operator", "Target", "Actual", "Unit", "Weight", "Score", "Notes"],
      ["Output", "Quantity", "People served", ">=", 1000, 900, "people", 60, 54, "late start"],
      ["Outcome", "Satisfaction", "Satisfaction rate", "≥", 90, 95, "%", 40, 40, ""],
    ]);
    const ev = evaluateWorkbook([grid], DEFAULT_SETTINGS).evaluation!;
    expect(ev.indicators.map((i) => i.score)).toEqual([54, 40]);
    expect(ev.indicators[1]!.target).toBeCloseTo(0.9, 12);
    expect(ev.indicators[0]!.cell).toBe("'Sheet 1'!E4");
  });
  it("finds two tables on one sheet: a budget block above the indicators and enrollment below", () => {
    const grid = gridAt("S!A1", [
      ["全年预算数", "全年执行数", "分值", "", "年度资金总额"],
      [],
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["产出", "数量", "A", 100, 100],
      [],
      ["险种", "目标人数", "参保人数"],
      ["甲", 10, 9],
    ]);
    const d = detectWorkbook([grid]);
    expect(d.indicatorTable?.rows).toHaveLength(1);
    expect(d.enrollment[0]?.lines.map((l) => l.name)).toEqual(["甲"]);
  });
  it("makes a project of each indicator table, the first at the top level", () => {
    const a = formGrid([["产出", "数量", "A", "", "", 100, 100]], "A!A1");
    const b = formGrid([["产出", "数量", "A", "", "", 50, 50], ["产出", "质量", "B", "", "", 50, 50]], "B!A1");
    const d = detectWorkbook([a, b]);
    expect(d.projects.map((p) => [p.indicatorTable?.sheet, p.indicatorTable?.rows.length])).toEqual([["A", 1], ["B", 2]]);
    expect(d.indicatorTable?.sheet).toBe("A");
  });
  it("says where an indicator header without a weight column is", () => {
    const grid = gridAt("T!B2", [["一级指标", "二级指标", "三级指标", "得分"], ["产出", "数量", "A", 5]]);
    expect(detectWorkbook([grid]).problem).toEqual(PROBLEMS.noWeightColumn({ cell: "T!B2" }));
  });
  it("says when only an enrollment table exists", () => {
    const grid = gridAt("E!A1", [["险种", "目标任务人数", "当前参保人数"], ["甲", 10, 9]]);
    const p = detectWorkbook([grid]).problem;
    expect(p).toEqual({
      zh: "只找到参保（任务完成）表 E!A1，没有找到带“分值”列的绩效指标表，无法评分。",
      en: "Only an enrollment table was found (E!A1); there is no indicator table with a weight column to score.",
    });
  });
  it("finds nothing in unrelated data and names the sheets", () => {
    const grid = gridAt("Sales!A1", [["Month", "Revenue"], ["Jan", 100]]);
    expect(detectWorkbook([grid]).problem).toEqual(PROBLEMS.noTable({ sheets: ["Sales"] }));
  });
  it("says an empty workbook is empty", () => {
    expect(detectWorkbook([gridAt("Sheet1!A1", [])]).problem).toEqual(PROBLEMS.emptyWorkbook());
    expect(detectWorkbook([]).problem).toEqual(PROBLEMS.emptyWorkbook());
  });
  it("reports a clipped used range as a finding", () => {
    const g = { ...formGrid([["产出", "数量", "A", "", "", 100, 100]]), clippedFrom: "A1:XFD1048576" };
    const ev = evaluateWorkbook([g], DEFAULT_SETTINGS).evaluation!;
    expect(ev.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["RANGE_CLIPPED@表!XFD1048576"]);
  });
});

describe("enrollment units", () => {
  it("scales plain counts by a unit the header names in brackets", () => {
    const grid = gridAt("E!A1", [
      ["参保险种", "目标任务人数（万人）", "当前参保人数（万人）"],
      ["企业职工养老保险", 6.42, 5.68],
    ]);
    const line = detectWorkbook([grid]).enrollment[0]!.lines[0]!;
    expect(line.target).toMatchObject({ kind: "number", value: 64200 });
    expect(line.actual.kind === "number" && Math.abs(line.actual.value - 56800) < 1e-9).toBe(true);
  });
  it("ignores a bracket that names no unit", () => {
    const grid = gridAt("E!A1", [["险种", "目标人数（A）", "参保人数（B）"], ["甲", 10, 9]]);
    expect(detectWorkbook([grid]).enrollment[0]!.lines[0]!.target).toMatchObject({ value: 10 });
  });
});

describe("a blank row inside a table", () => {
  it("does not end the table when the next row continues its level-1 group", () => {
    const grid = gridAt("S!A1", [
      ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
      ["产出", 100, "经济效益", "", "", 0, 0],
      [],
      ["", "", "社会效益", 100, "", 100, 100],
      ["总分", 100, "", 100, "", 100, 100],
    ]);
    const ev = evaluateWorkbook([grid], DEFAULT_SETTINGS).evaluation!;
    expect(ev.indicators.map((i) => i.path.join("/"))).toEqual(["产出/经济效益", "产出/社会效益"]);
    expect(ev.total).toBe(100);
  });
  it("ends the table when another table's header follows", () => {
    const grid = gridAt("S!A1", [
      ["一级指标", "二级指标", "三级指标", "分值", "得分"],
      ["产出", "数量", "A", 100, 100],
      [],
      ["", "险种", "目标任务人数", "当前参保人数"],
      ["", "甲", 10, 9],
    ]);
    const d = detectWorkbook([grid]);
    expect(d.indicatorTable?.rows).toHaveLength(1);
    expect(d.enrollment[0]?.lines).toHaveLength(1);
  });
});
