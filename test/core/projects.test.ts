import { detectWorkbook } from "../../src/core/detect/detectWorkbook";
import { evaluateWorkbook } from "../../src/core/evaluate";
import { layoutWorkbook } from "../../src/core/layout/layoutWorkbook";
import { summarizeProjects } from "../../src/core/model/projectSummary";
import { DEFAULT_SETTINGS, type CellValue, type Evaluation, type SheetGrid, type WorkbookEvaluation } from "../../src/core/types";
import type { PlanCell, SheetPlan } from "../../src/core/layout/sheetPlan";
import { FORM_HEADER } from "./helpers/form";
import { gridAt } from "./helpers/gridAt";

/**
 * One project's rows: 项目名称 (when named), the header, and two leaves under 产出 whose total is
 * hand-worked: A (≥100, actual `a`, weight 60) scores 60 × a/100, B (≥10, 10, weight 40) scores 40,
 * so the total is 0.6a + 40. Self-scores equal the scores.
 */
function projectRows(name: string | null, a: number): CellValue[][] {
  const rows: CellValue[][] = [
    FORM_HEADER,
    ["产出", "数量", "指标A", "≥100", a, 60, (60 * a) / 100, "原因"],
    ["产出", "质量", "指标B", "≥10", 10, 40, 40, ""],
  ];
  return name === null ? rows : [["项目名称", name], [], ...rows];
}

const BUDGET: CellValue[][] = [
  ["项目资金", "全年预算数", "全年执行数", "分值", "得分"],
  ["年度资金总额", 100, 90, 10, 9],
];

function sheet(name: string, ...blocks: CellValue[][][]): SheetGrid {
  return gridAt(`${name}!A1`, blocks.flatMap((b) => [...b, []]));
}

function scored(grids: SheetGrid[]): WorkbookEvaluation & { evaluation: Evaluation } {
  const result = evaluateWorkbook(grids, DEFAULT_SETTINGS);
  if (result.evaluation === null) throw new Error("nothing scored");
  return result;
}

const summaryOf = (ev: Evaluation) => [ev.projectName, ev.total, ev.grade, ev.selfTotal, ev.weightTotal];

describe("detectWorkbook with several projects", () => {
  it("names each project by its 项目名称 and keeps the first at the top level", () => {
    const d = detectWorkbook([sheet("甲", projectRows("就业补助", 80)), sheet("乙", projectRows("医疗救助", 50))]);
    expect(d.projects.map((p) => [p.projectName, p.indicatorTable?.cell])).toEqual([
      ["就业补助", "甲!A3"],
      ["医疗救助", "乙!A3"],
    ]);
    expect(d.projectName).toBe("就业补助");
    expect(d.workbookFindings).toEqual([]);
  });

  it("names unnamed projects by their sheet, and a sheet's later tables Sheet (2), Sheet (3)", () => {
    const d = detectWorkbook([sheet("甲", projectRows(null, 80)), sheet("乙", projectRows(null, 50), projectRows(null, 60), projectRows(null, 70))]);
    expect(d.projects.map((p) => p.projectName)).toEqual(["甲", "乙", "乙 (2)", "乙 (3)"]);
  });

  it("gives two tables on one sheet the budget blocks and enrollment tables of their own regions", () => {
    const enrollment: CellValue[][] = [
      ["险种", "目标人数", "参保人数"],
      ["甲险", 10, 9],
    ];
    const grid = sheet("表", [["项目名称", "一号"]], BUDGET, projectRows(null, 80), enrollment, [["项目名称", "二号"]], [["项目资金", "全年预算数", "全年执行数", "分值", "得分"], ["年度资金总额", 50, 50, 10, 10]], projectRows(null, 60));
    const d = detectWorkbook([grid]);
    expect(d.projects.map((p) => [p.projectName, p.budget?.cells.planned, p.enrollment.map((t) => t.cell)])).toEqual([
      ["一号", "表!B4", ["表!A10"]],
      ["二号", "表!B16", []],
    ]);
  });

  it("gives a line on an enrollment-only sheet to the one project whose indicator its 关联指标 names", () => {
    const lines = gridAt("参保!A1", [
      ["险种", "目标人数", "参保人数", "关联指标"],
      ["甲险", 10, 8, "指标C"],
      ["乙险", 10, 9, ""],
    ]);
    const second: CellValue[][] = [FORM_HEADER, ["产出", "数量", "指标C", "", "", 60, 48, "原因"], ["产出", "质量", "指标B", "≥10", 10, 40, 40, ""]];
    const d = detectWorkbook([sheet("甲", projectRows("一号", 80)), sheet("乙", [["项目名称", "二号"]], second), lines]);
    expect(d.projects.map((p) => p.enrollment.flatMap((t) => t.lines.map((l) => l.name)))).toEqual([[], ["甲险"]]);
    expect(d.workbookFindings.map((f) => `${f.code}@${f.cell}`)).toEqual(["UNASSIGNED_TABLE@参保!A3"]);
  });

  it("gives every enrollment line to the only project, linked or not", () => {
    const lines = gridAt("参保!A1", [
      ["险种", "目标人数", "参保人数"],
      ["乙险", 10, 9],
    ]);
    const d = detectWorkbook([sheet("甲", projectRows("一号", 80)), lines]);
    expect(d.projects[0]?.enrollment.map((t) => t.cell)).toEqual(["参保!A1"]);
    expect(d.workbookFindings).toEqual([]);
  });

  it("counts a budget block on a sheet without a project in no project when there are several", () => {
    const d = detectWorkbook([sheet("甲", projectRows("一号", 80)), sheet("乙", projectRows("二号", 80)), gridAt("资金!A1", BUDGET)]);
    expect(d.projects.map((p) => p.budget)).toEqual([null, null]);
    expect(d.workbookFindings.map((f) => `${f.code}@${f.cell}`)).toEqual(["UNASSIGNED_TABLE@资金!A2"]);
  });

  it("gives a clipped sheet's RANGE_CLIPPED to the projects on it", () => {
    const clipped: SheetGrid = { ...sheet("乙", projectRows("二号", 80)), clippedFrom: "A1:XFD1048576", readWindow: "A1:BL60000" };
    const d = detectWorkbook([sheet("甲", projectRows("一号", 80)), clipped]);
    expect(d.projects.map((p) => p.findings.map((f) => f.code))).toEqual([[], ["RANGE_CLIPPED"]]);
  });
});

describe("evaluateWorkbook with several projects", () => {
  it("scores one project as before, with projects holding just it", () => {
    const result = scored([sheet("甲", projectRows("一号", 80))]);
    expect(result.projects).toEqual([result.evaluation]);
    expect(summaryOf(result.evaluation)).toEqual(["一号", 88, "良", 88, 100]);
    expect(result.workbookFindings).toEqual([]);
  });

  it("scores two projects on separate sheets each on its own", () => {
    const result = scored([sheet("甲", projectRows("一号", 80)), sheet("乙", projectRows("二号", 50))]);
    // 0.6 × 80 + 40 = 88; 0.6 × 50 + 40 = 70.
    expect(result.projects.map(summaryOf)).toEqual([
      ["一号", 88, "良", 88, 100],
      ["二号", 70, "中", 70, 100],
    ]);
    expect(result.evaluation).toBe(result.projects[0]);
  });

  it("scores two projects on one sheet each on its own, the budget in the second's total", () => {
    const second: CellValue[][] = [FORM_HEADER, ["产出", "数量", "指标A", "≥100", 50, 50, 25, "原因"], ["产出", "质量", "指标B", "≥10", 10, 40, 40, ""]];
    const result = scored([sheet("表", projectRows("一号", 90), [["项目名称", "二号"]], BUDGET, second)]);
    // 一号: 0.6 × 90 + 40 = 94. 二号: 50 × 50/100 + 40 + budget 10 × 90/100 = 25 + 40 + 9 = 74.
    expect(result.projects.map(summaryOf)).toEqual([
      ["一号", 94, "优", 94, 100],
      ["二号", 74, "中", 74, 100],
    ]);
    expect(result.projects[1]?.budget?.score).toBe(9);
  });

  it("scores twelve projects, one per sheet, each to its hand-worked total", () => {
    const grids = Array.from({ length: 12 }, (_, i) => sheet(`P${i + 1}`, projectRows(`项目${i + 1}`, 40 + 5 * i)));
    const result = scored(grids);
    // 0.6 × (40 + 5i) + 40 = 64 + 3i.
    expect(result.projects.map((p) => p.total)).toEqual(Array.from({ length: 12 }, (_, i) => 64 + 3 * i));
    expect(result.projects.map((p) => p.grade).join("")).toBe("中中中中中中良良良优优优");
    expect(result.projects.map((p) => p.indicators[0]?.cell)).toEqual(Array.from({ length: 12 }, (_, i) => `'P${i + 1}'!C4`));
  });
});

describe("summarizeProjects", () => {
  it("gives each project's name, place, total, grade, self total, difference and findings by severity", () => {
    const weak: CellValue[][] = [FORM_HEADER, ["产出", "数量", "指标A", "≥100", 50, 60, 60, "原因"], ["产出", "质量", "指标B", "≥10", 10, 40, 40, ""]];
    const result = scored([sheet("甲", projectRows("一号", 80)), sheet("乙", weak)]);
    // 乙: A scores 60 × 50/100 = 30 against full marks of 60 (SCORE_MISMATCH and UNMET_TARGET_FULL_MARKS, both warnings): total 70, self 100.
    expect(summarizeProjects(result.projects)).toEqual([
      { index: 0, name: "一号", sheet: "甲", table: "甲!A3", total: 88, grade: "良", selfTotal: 88, difference: 0, errors: 0, warnings: 0, infos: 0 },
      { index: 1, name: "乙", sheet: "乙", table: "乙!A1", total: 70, grade: "中", selfTotal: 100, difference: 30, errors: 0, warnings: 2, infos: 0 },
    ]);
  });

  it("returns nothing for no projects", () => {
    expect(summarizeProjects([])).toEqual([]);
  });
});

const META = { scoreTableName: "评分表", summaryName: "汇总", version: "test", generatedAt: "2023-02-28T00:00:00Z" };

function at(plan: SheetPlan, a1: string): PlanCell {
  const m = /^([A-Z]+)([0-9]+)$/.exec(a1);
  if (!m) throw new Error(a1);
  const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return plan.cells[Number(m[2]) - 1]?.[col] ?? { kind: "empty" };
}

describe("layoutWorkbook with several projects", () => {
  const two = scored([sheet("甲", projectRows("一号", 80)), sheet("乙", projectRows("二号", 50))]);
  const [table, summary] = layoutWorkbook(two, META) as [SheetPlan, SheetPlan];

  it("lays out one project exactly as the single evaluation", () => {
    const one = scored([sheet("甲", projectRows("一号", 80))]);
    expect(layoutWorkbook(one, META)).toEqual(layoutWorkbook(one.evaluation, META));
  });

  it("stacks each project's table under its name, a blank row between", () => {
    // Block 1: title row 1, header 2, rows 3–4, total 5; blank row 6; block 2 from row 7.
    expect([at(table, "A1"), at(table, "A2"), at(table, "A5"), at(table, "A6"), at(table, "A7"), at(table, "A11")]).toEqual([
      { kind: "text", text: "一号" },
      { kind: "text", text: "一级指标" },
      { kind: "text", text: "合计" },
      { kind: "empty" },
      { kind: "text", text: "二号" },
      { kind: "text", text: "合计" },
    ]);
    expect(table.cells).toHaveLength(11);
    expect(table.freeze).toBeNull();
  });

  it("keeps every block's formulas on its own rows", () => {
    expect(at(table, "J5")).toEqual({ kind: "formula", formula: "=SUM(J3:J4)", value: 88 });
    expect(at(table, "J11")).toEqual({ kind: "formula", formula: "=SUM(J9:J10)", value: 70 });
    expect(at(table, "J9")).toEqual({ kind: "formula", formula: "=IF(H9>=G9,F9,F9*H9/G9)", value: 30 });
    expect(at(table, "I9")).toEqual({ kind: "formula", formula: '=IFERROR(H9/G9,"")', value: 0.5 });
  });

  it("opens the summary with an overview whose totals and grades are formulas on each block's total row", () => {
    expect([at(summary, "A3"), at(summary, "A5"), at(summary, "A6")]).toEqual([
      { kind: "text", text: "项目总览" },
      { kind: "text", text: "一号" },
      { kind: "text", text: "二号" },
    ]);
    expect(["A", "B", "C", "D", "E", "F", "G", "H"].map((c) => at(summary, `${c}4`))).toEqual(
      ["项目", "计算总分（百分制）", "等级", "自评总分", "差异", "错误", "警告", "工作表"].map((text) => ({ kind: "text", text })),
    );
    expect(["D", "F", "G", "H"].map((c) => at(summary, `${c}6`))).toEqual([
      { kind: "number", value: 70 },
      { kind: "number", value: 0 },
      { kind: "number", value: 0 },
      { kind: "text", text: "乙" },
    ]);
    expect(at(summary, "B6")).toEqual({ kind: "formula", formula: '=IFERROR(评分表!J11/评分表!F11*100,"")', value: 70 });
    expect(at(summary, "C6")).toEqual({
      kind: "formula",
      formula: '=IF(ISNUMBER(B6),IF(ROUND(B6,2)>=90,"优",IF(ROUND(B6,2)>=80,"良",IF(ROUND(B6,2)>=60,"中","差"))),"")',
      value: "中",
    });
    expect(at(summary, "E5")).toEqual({ kind: "formula", formula: '=IF(ISNUMBER(D5),D5-评分表!J5,"")', value: 0 });
    expect(summary.hyperlinks.slice(0, 4).map((h) => [h.cell, h.target])).toEqual([
      ["A5", "评分表!A1"],
      ["H5", "甲!A3"],
      ["A6", "评分表!A7"],
      ["H6", "乙!A3"],
    ]);
  });

  it("counts the grades with COUNTIF over the overview's grade column", () => {
    const rows = [10, 11, 12, 13].map((r) => [at(summary, `A${r}`), at(summary, `B${r}`)]);
    expect(rows).toEqual([
      [{ kind: "text", text: "优" }, { kind: "formula", formula: '=COUNTIF(C5:C6,"优")', value: 0 }],
      [{ kind: "text", text: "良" }, { kind: "formula", formula: '=COUNTIF(C5:C6,"良")', value: 1 }],
      [{ kind: "text", text: "中" }, { kind: "formula", formula: '=COUNTIF(C5:C6,"中")', value: 1 }],
      [{ kind: "text", text: "差" }, { kind: "formula", formula: '=COUNTIF(C5:C6,"差")', value: 0 }],
    ]);
  });

  it("points each project's totals block at its own total row", () => {
    const totals = summary.cells.flatMap((row) => row.filter((c) => c.kind === "formula" && /^=评分表!J\d+$/.test(c.formula)));
    expect(totals).toEqual([
      { kind: "formula", formula: "=评分表!J5", value: 88 },
      { kind: "formula", formula: "=评分表!J11", value: 70 },
    ]);
  });

  it("lists the findings that belong to no project after the overview", () => {
    const lines = gridAt("参保!A1", [
      ["险种", "目标人数", "参保人数"],
      ["乙险", 10, 9],
    ]);
    const wb = scored([sheet("甲", projectRows("一号", 80)), sheet("乙", projectRows("二号", 50)), lines]);
    const [, s] = layoutWorkbook(wb, META) as [SheetPlan, SheetPlan];
    expect([at(s, "A15"), at(s, "A17"), at(s, "C17")]).toEqual([
      { kind: "text", text: "不属于任何项目的发现" },
      { kind: "text", text: "UNASSIGNED_TABLE" },
      { kind: "text", text: "参保!A2" },
    ]);
  });
});
