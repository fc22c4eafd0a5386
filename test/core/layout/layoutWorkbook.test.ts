import { layoutWorkbook } from "../../../src/core/layout/layoutWorkbook";
import { layoutNarrative } from "../../../src/core/layout/narrative/layoutNarrative";
import { readableTime } from "../../../src/core/layout/summary/layoutSummary";
import type { SheetPlan } from "../../../src/core/layout/sheetPlan";
import type { Evaluation } from "../../../src/core/types";
import { budget, enrollmentLine, evaluation, finding, indicator, level, num, text } from "./factory";
import { at, formatAt, rowOf, textAt } from "./helpers";

const META = { scoreTableName: "评分表", summaryName: "评分汇总", version: "1.2.3", generatedAt: "2023-02-28T08:00:00.000Z" };

function plans(ev: Evaluation, meta = META): [SheetPlan, SheetPlan] {
  const [table, summary] = layoutWorkbook(ev, meta);
  return [table!, summary!];
}

/** 决策 (2 rows: 项目立项 ×2) then 产出 (3 rows: 产出数量, 经济效益 (weight 0), 社会效益 (N/A)). Data rows are 3..7. */
function sample(overrides: Partial<Evaluation> = {}): Evaluation {
  const d = level("决策", 4, 0, 40, 5);
  const p = level("产出", 6, 0, 60, 8);
  const lx = level("项目立项", 4, 2, 5, 5);
  return evaluation({
    projectName: "社保专项工作经费项目",
    indicators: [
      indicator({ row: 4, l1: d, l2: lx, weight: 2, selfScore: 2 }),
      indicator({ row: 5, l1: d, l2: lx, weight: 15, target: num(8755, { unit: "人", operator: ">=" }), actual: num(8676, { unit: "人" }), selfScore: 13, score: (15 * 8676) / 8755, hasFormulaScore: true }),
      indicator({ row: 6, l1: p, l2: level("产出数量", 6, 2, 10), weight: 10, selfScore: 10 }),
      indicator({ row: 7, l1: p, l2: level("经济效益", 7, 2, null), l3: null, weight: 0, kind: "zeroWeight", selfScore: 0 }),
      indicator({ row: 8, l1: p, l2: level("社会效益", 8, 2, 10), l3: null, weight: 10, kind: "notApplicable", target: { kind: "notApplicable", text: "不适用" } }),
    ],
    ...overrides,
  });
}

describe("layoutWorkbook", () => {
  it("returns the score table then the summary, with their names", () => {
    const [table, summary] = plans(sample());
    expect([table.role, table.name, summary.role, summary.name]).toEqual(["scoreTable", "评分表", "summary", "评分汇总"]);
  });

  it("writes the column headers in Chinese", () => {
    const [table] = plans(sample());
    expect(table.cells[1]!.map((c) => (c.kind === "text" ? c.text : ""))).toEqual([
      "一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "指标值", "实际完成值", "完成率", "得分", "自评得分", "差异", "发现",
    ]);
  });

  it("writes the column headers in English when the language is en", () => {
    const [table, summary] = plans(sample({ settings: { ...sample().settings, language: "en" } }));
    expect(table.cells[1]!.map((c) => (c.kind === "text" ? c.text : ""))).toEqual([
      "Level 1", "Weight", "Level 2", "Weight", "Level 3", "Weight", "Target", "Actual", "Completion", "Score", "Self score", "Difference", "Findings",
    ]);
    expect(textAt(table, "A8")).toBe("Total");
    expect(textAt(summary, "A1")).toBe("Score summary");
  });

  it("titles the score table with the project name, or a default title", () => {
    expect(textAt(plans(sample())[0], "A1")).toBe("社保专项工作经费项目");
    expect(textAt(plans(sample({ projectName: null }))[0], "A1")).toBe("绩效评分表");
  });

  it("merges level-1 cells over their rows", () => {
    const [table] = plans(sample());
    expect(table.merges).toEqual(expect.arrayContaining(["A3:A4", "B3:B4", "A5:A7", "B5:B7"]));
    expect(textAt(table, "A3")).toBe("决策");
    expect(at(table, "B3")).toEqual({ kind: "number", value: 40 });
    expect(at(table, "A4")).toEqual({ kind: "empty" });
    expect(textAt(table, "A5")).toBe("产出");
  });

  it("merges level-2 cells over their rows and leaves single-row groups unmerged", () => {
    const [table] = plans(sample());
    expect(table.merges).toEqual(expect.arrayContaining(["C3:C4", "D3:D4"]));
    expect(table.merges.filter((m) => m.startsWith("C5") || m.startsWith("C6"))).toEqual([]);
    expect(at(table, "D3")).toEqual({ kind: "number", value: 5 });
    expect(at(table, "D6")).toEqual({ kind: "empty" });
  });

  it("splits a level-2 run where the source cell changes, even under the same name", () => {
    const d = level("决策", 2, 0, 40, 4);
    const a = level("资金管理", 2, 2, 5, 3);
    const b = level("资金管理", 4, 2, 5, 4);
    const ev = evaluation({
      indicators: [
        indicator({ row: 2, l1: d, l2: a, weight: 2, selfScore: 2 }),
        indicator({ row: 3, l1: d, l2: a, weight: 3, selfScore: 3 }),
        indicator({ row: 4, l1: d, l2: b, weight: 5, selfScore: 5 }),
      ],
    });
    const [table] = plans(ev);
    expect(table.merges).toEqual(["A1:M1", "A3:A5", "B3:B5", "C3:C4", "D3:D4"]);
    expect(textAt(table, "C5")).toBe("资金管理");
  });

  it("shows a blank level 3 when the leaf is the level-2 node itself", () => {
    const [table] = plans(sample());
    expect(at(table, "E6")).toEqual({ kind: "empty" });
    expect(textAt(table, "C6")).toBe("经济效益");
    expect(textAt(table, "E3")).toBe("leaf4");
  });

  it("writes a positive indicator's score as a live formula with its computed value", () => {
    const [table] = plans(sample());
    expect(at(table, "J4")).toEqual({ kind: "formula", formula: "=IF(H4>=G4,F4,F4*H4/G4)", value: (15 * 8676) / 8755 });
    expect(at(table, "I4")).toEqual({ kind: "formula", formula: '=IFERROR(H4/G4,"")', value: 8676 / 8755 });
    expect(formatAt(table, "I4")).toBe("0.00%");
    expect(formatAt(table, "J4")).toBe("0.00");
  });

  it("shows the operator and unit in the target's number format, in base units", () => {
    const l = level("产出", 2, 0, 10);
    const ev = evaluation({
      indicators: [
        indicator({ row: 2, l1: l, weight: 10, target: num(64200, { unit: "万人", operator: ">=", text: "≥6.42万人" }), actual: num(56800, { unit: "万人" }), score: (10 * 56800) / 64200, hasFormulaScore: true }),
      ],
    });
    const [table] = plans(ev);
    expect(at(table, "G3")).toEqual({ kind: "number", value: 64200 });
    expect(formatAt(table, "G3")).toBe('"≥"#,##0"人"');
    expect(formatAt(table, "H3")).toBe('#,##0"人"');
  });

  it("formats a percent target with its operator", () => {
    const l = level("产出", 2, 0, 10);
    const ev = evaluation({
      indicators: [indicator({ row: 2, l1: l, weight: 10, target: num(0.95, { isPercent: true, unit: "%", operator: ">=" }), actual: num(0.97, { isPercent: true, unit: "%" }), score: 10, hasFormulaScore: true })],
    });
    const [table] = plans(ev);
    expect(formatAt(table, "G3")).toBe('"≥"0.00%');
    expect(formatAt(table, "H3")).toBe("0.00%");
  });

  describe("score formulas", () => {
    function scoreCell(kind: "positive" | "reverse" | "equals", t: number, a: number, score: number, reverse: "ratio" | "deviation" = "ratio") {
      const l = level("产出", 2, 0, 20);
      const ev = evaluation({
        settings: { reverse },
        indicators: [indicator({ row: 2, l1: l, weight: 20, kind, target: num(t), actual: num(a), score, hasFormulaScore: true })],
      });
      return at(plans(ev)[0], "J3");
    }

    it("uses the ratio rule for a reverse indicator by default", () => {
      expect(scoreCell("reverse", 50, 80, (20 * 50) / 80)).toEqual({ kind: "formula", formula: "=IF(H3<=G3,F3,F3*G3/H3)", value: 12.5 });
    });

    it("uses the deviation rule for a reverse indicator when the setting says so", () => {
      expect(scoreCell("reverse", 50, 80, 20 * (1 - 30 / 50), "deviation")).toEqual({
        kind: "formula",
        formula: "=IF(H3<=G3,F3,F3*MAX(0,1-(H3-G3)/G3))",
        value: 20 * (1 - (80 - 50) / 50),
      });
    });

    it("gives 0 under the deviation rule when the actual is twice the target or more", () => {
      expect(scoreCell("reverse", 50, 120, 0, "deviation")).toMatchObject({ value: 0 });
    });

    it("scores an equals indicator with a positive target like a positive one", () => {
      expect(scoreCell("equals", 100, 90, 18)).toEqual({ kind: "formula", formula: "=IF(H3>=G3,F3,F3*H3/G3)", value: 18 });
    });

    it("scores an equals indicator with target 0 as all or nothing", () => {
      expect(scoreCell("equals", 0, 0, 20)).toEqual({ kind: "formula", formula: "=IF(H3<=0,F3,0)", value: 20 });
      expect(scoreCell("equals", 0, 2, 0)).toEqual({ kind: "formula", formula: "=IF(H3<=0,F3,0)", value: 0 });
    });

    it("writes the engine's number when a formula would give a different score", () => {
      expect(scoreCell("positive", 100, 90, 17)).toEqual({ kind: "number", value: 17 });
    });

    it("writes the score as a number when the engine allows no formula", () => {
      const [table] = plans(sample());
      expect(at(table, "J3")).toEqual({ kind: "number", value: 2 });
    });
  });

  it("writes the budget row with a live score formula after the indicators", () => {
    const [table] = plans(sample({ budget: budget(570000, 541500, 10, 10) }));
    expect(textAt(table, "A8")).toBe("预算执行率");
    expect(at(table, "B8")).toEqual({ kind: "number", value: 10 });
    expect(at(table, "F8")).toEqual({ kind: "number", value: 10 });
    expect(at(table, "G8")).toEqual({ kind: "number", value: 570000 });
    expect(at(table, "H8")).toEqual({ kind: "number", value: 541500 });
    expect(formatAt(table, "G8")).toBe('#,##0.00"元"');
    expect(at(table, "J8")).toEqual({ kind: "formula", formula: "=F8*MIN(H8/G8,1)", value: 10 * (541500 / 570000) });
    expect(at(table, "L8")).toEqual({ kind: "formula", formula: '=IF(ISNUMBER(K8),K8-J8,"")', value: 10 - 10 * (541500 / 570000) });
    expect(textAt(table, "A9")).toBe("合计");
  });

  it("leaves a not-applicable row's score truly empty and says so in the findings column", () => {
    const [table] = plans(sample());
    expect(at(table, "J7")).toEqual({ kind: "empty" });
    expect(at(table, "L7")).toEqual({ kind: "empty" });
    expect(textAt(table, "M7")).toBe("不适用");
    expect(textAt(table, "M6")).toBe("分值为0，不计入总分");
  });

  it("writes the total row with sums whose values match the evaluation", () => {
    const ev = sample();
    const [table] = plans(ev);
    expect(textAt(table, "A8")).toBe("合计");
    expect(at(table, "B8")).toEqual({ kind: "formula", formula: "=SUM(B3:B7)", value: 100 });
    // 经济效益 declares no level-2 weight, so a SUM of D would not be the level-2 total.
    expect(at(table, "D8")).toEqual({ kind: "empty" });
    expect(at(table, "F8")).toEqual({ kind: "formula", formula: "=SUMPRODUCT(F3:F7,--ISNUMBER(J3:J7))", value: 27 });
    expect(ev.weightTotal).toBe(27);
    expect(at(table, "J8")).toMatchObject({ kind: "formula", formula: "=SUM(J3:J7)" });
    expect((at(table, "J8") as { value: number }).value).toBeCloseTo(ev.scoreSum, 12);
    expect(at(table, "K8")).toEqual({ kind: "formula", formula: "=SUM(K3:K7)", value: 25 });
    expect(at(table, "L8")).toMatchObject({ formula: '=IF(ISNUMBER(K8),K8-J8,"")' });
  });

  it("totals a level's weights only when every group at that level declares one", () => {
    const d = level("决策", 2, 0, 40, 3);
    const onlyBudget = evaluation({ indicators: [indicator({ row: 2, l1: level("决策", 2, 0, null, 3), weight: 90, selfScore: 90 })], budget: budget(100, 90, 10, 9) });
    expect(at(plans(onlyBudget)[0], "B5")).toEqual({ kind: "empty" });
    const full = evaluation({
      indicators: [indicator({ row: 2, l1: d, l2: level("a", 2, 2, 15), weight: 15, selfScore: 15 }), indicator({ row: 3, l1: d, l2: level("b", 3, 2, 25), weight: 25, selfScore: 25 })],
    });
    const [table] = plans(full);
    expect(at(table, "B5")).toEqual({ kind: "formula", formula: "=SUM(B3:B4)", value: 40 });
    expect(at(table, "D5")).toEqual({ kind: "formula", formula: "=SUM(D3:D4)", value: 40 });
    const withBudget = plans({ ...full, budget: budget(100, 90, 10, 9) })[0];
    expect(at(withBudget, "B6")).toEqual({ kind: "formula", formula: "=SUM(B3:B5)", value: 50 });
    expect(at(withBudget, "D6")).toEqual({ kind: "empty" });
  });

  it("totals the leaf weights with a plain SUM when no row is left out", () => {
    const l = level("产出", 2, 0, 30, 3);
    const ev = evaluation({ indicators: [indicator({ row: 2, l1: l, weight: 10, selfScore: 9 }), indicator({ row: 3, l1: l, weight: 20, selfScore: 20 })] });
    const [table] = plans(ev);
    expect(at(table, "F5")).toEqual({ kind: "formula", formula: "=SUM(F3:F4)", value: 30 });
    expect(at(table, "J5")).toEqual({ kind: "formula", formula: "=SUM(J3:J4)", value: 29 });
  });

  it("writes workbook text beginning with = as a text cell with the @ format", () => {
    const l = level("=HYPERLINK(\"x\")", 2, 0, 10);
    const ev = evaluation({ indicators: [indicator({ row: 2, l1: l, l3: level("+1", 2, 4, 10), weight: 10, target: text("=1+1"), actual: text("@a"), kind: "qualitative", score: 8 })] });
    const [table] = plans(ev);
    for (const [a1, t] of [["A3", '=HYPERLINK("x")'], ["E3", "+1"], ["G3", "=1+1"], ["H3", "@a"]] as const) {
      expect(at(table, a1)).toEqual({ kind: "text", text: t });
      expect(formatAt(table, a1)).toBe("@");
    }
  });

  it("puts a finding's text on the row of its cell", () => {
    const ev = sample({ findings: [finding("SCORE_MISMATCH", "Data!I6", "warning", { zh: "自评 13 分，计算 14.86 分", en: "self 13, computed 14.86" })] });
    const [table] = plans(ev);
    expect(textAt(table, "M4")).toBe("【警告】自评分与计算分不符：自评 13 分，计算 14.86 分");
    expect(at(table, "M3")).toEqual({ kind: "empty" });
  });

  it("writes findings in English with English severities", () => {
    const base = sample({ findings: [finding("SCORE_MISMATCH", "Data!I6", "warning", { zh: "中", en: "self 13, computed 14.86" })] });
    const [table] = plans({ ...base, settings: { ...base.settings, language: "en" } });
    expect(textAt(table, "M4")).toBe("[warning] Self-score differs: self 13, computed 14.86");
  });

  it("joins a row's status and findings with newlines", () => {
    const [table] = plans(sample({ findings: [finding("NON_NUMERIC", "Data!G9", "error", { zh: "指标值为空", en: "target empty" })] }));
    expect(textAt(table, "M7")).toBe("不适用\n【错误】无法识别的数值：指标值为空");
  });

  it("says a zero-weight row is left out once, through its ZERO_WEIGHT finding when there is one", () => {
    const [table] = plans(sample({ findings: [finding("ZERO_WEIGHT", "Data!F8", "info", { zh: "“经济效益”分值为 0 或空白，不计入总分。", en: "x" })] }));
    expect(textAt(table, "M6")).toBe("【提示】分值为0：“经济效益”分值为 0 或空白，不计入总分。");
  });

  it("shows no finding code on the score table, only its title", () => {
    const [table] = plans(sample({ findings: [finding("UNMET_TARGET_FULL_MARKS", "Data!I6", "warning", { zh: "未达标", en: "unmet" })] }));
    expect(textAt(table, "M4")).toBe("【警告】未达标却满分：未达标");
    expect(table.cells.flat().some((c) => c.kind === "text" && /[A-Z]{3,}_[A-Z]/.test(c.text))).toBe(false);
  });

  it("keeps findings that are not about a row off the score table", () => {
    const [table, summary] = plans(sample({ findings: [finding("DUPLICATE_NAME", "Data!C5", "warning")] }));
    expect(table.cells.flat().some((c) => c.kind === "text" && c.text.includes("DUPLICATE_NAME"))).toBe(false);
    expect(summary.cells.flat().some((c) => c.kind === "text" && c.text === "DUPLICATE_NAME")).toBe(true);
  });

  it("prints both sheets landscape on A4, fitted to the page width, the score table's header repeated", () => {
    const [table, summary] = plans(sample());
    expect(table.page).toEqual({ orientation: "Landscape", paper: "A4", fitToWidth: true, printTitleRows: "$1:$2" });
    expect(summary.page).toEqual({ orientation: "Landscape", paper: "A4", fitToWidth: true, printTitleRows: "$1:$1" });
  });

  it("sets the language's font over each whole sheet block before any other style", () => {
    const [table, summary] = plans(sample());
    expect(table.styles[0]).toEqual({ range: `A1:M${table.cells.length}`, style: { fontName: "等线", fontSize: 11 } });
    expect(summary.styles[0]).toEqual({ range: `A1:${String.fromCharCode(64 + summary.cells[0]!.length)}${summary.cells.length}`, style: { fontName: "等线", fontSize: 11 } });
    expect(table.styles.slice(1).some((s) => s.style.fontName !== undefined)).toBe(false);
    const en = plans(sample({ settings: { ...sample().settings, language: "en" } }));
    expect(en.map((p) => p.styles[0]?.style.fontName)).toEqual(["Calibri", "Calibri"]);
  });

  it("freezes the panes below the header", () => {
    expect(plans(sample())[0].freeze).toEqual({ rows: 2, columns: 0 });
  });

  it("flags completion below 100% and scores below their weight with conditional formats", () => {
    const [table] = plans(sample());
    expect(table.conditionalFormats).toEqual([
      { type: "cellValue", range: "I4", operator: "LessThan", formula1: "1", fill: "#FFC7CE", fontColor: "#9C0006" },
      { type: "custom", range: "J3:J7", formula: "=AND(ISNUMBER(J3),J3<F3)", fill: "#FFC7CE", fontColor: "#9C0006" },
    ]);
  });

  it("flags a reverse indicator's completion above 100%, where it missed its target", () => {
    const l = level("产出", 2, 0, 20, 4);
    const ev = evaluation({
      indicators: [
        indicator({ row: 2, l1: l, weight: 5, kind: "reverse", target: num(0.02, { isPercent: true, operator: "<=" }), actual: num(0.022, { isPercent: true }), score: (5 * 0.02) / 0.022, hasFormulaScore: true }),
        indicator({ row: 3, l1: l, weight: 5, kind: "reverse", target: num(570000), actual: num(552900), score: 5, hasFormulaScore: true }),
        indicator({ row: 4, l1: l, weight: 10, target: num(100), actual: num(90), score: 9, hasFormulaScore: true }),
      ],
    });
    const [table] = plans(ev);
    expect(table.conditionalFormats.filter((c) => c.type === "cellValue")).toEqual([
      { type: "cellValue", range: "I5", operator: "LessThan", formula1: "1", fill: "#FFC7CE", fontColor: "#9C0006" },
      { type: "cellValue", range: "I3:I4", operator: "GreaterThan", formula1: "1", fill: "#FFC7CE", fontColor: "#9C0006" },
    ]);
  });

  it("keeps every row the same length and the number formats the same shape", () => {
    const ev = sample({ budget: budget(100, 90, 10, 9), enrollment: [enrollmentLine("企业职工养老保险", 64200, 56800, "万人", 1)], findings: [finding("NON_NUMERIC", "Data!G5", "error")] });
    for (const plan of plans(ev)) {
      const width = plan.cells[0]!.length;
      expect(plan.cells.every((r) => r.length === width)).toBe(true);
      expect(plan.numberFormats.map((r) => r.length)).toEqual(plan.cells.map(() => width));
      expect(plan.columnWidths).toHaveLength(width);
    }
  });

  it("gives every text cell the @ format", () => {
    for (const plan of plans(sample({ findings: [finding("ZERO_WEIGHT", "Data!F8", "info")] }))) {
      plan.cells.forEach((r, i) => r.forEach((c, j) => c.kind === "text" && expect(plan.numberFormats[i]![j]).toBe("@")));
    }
  });

  describe("summary", () => {
    it("links every finding to its cell", () => {
      const findings = [finding("DUPLICATE_NAME", "Data!C5", "warning"), finding("NON_NUMERIC", "'My Sheet'!G9", "error"), finding("ZERO_WEIGHT", "Data!F8", "info")];
      const [, summary] = plans(sample({ findings }));
      const first = rowOf(summary, "NON_NUMERIC");
      expect(summary.hyperlinks.map((h) => h.target)).toEqual(["'My Sheet'!G9", "Data!C5", "Data!F8"]);
      expect(summary.hyperlinks.map((h) => h.cell)).toEqual([`C${first}`, `C${first + 1}`, `C${first + 2}`]);
      expect(textAt(summary, `C${first}`)).toBe("'My Sheet'!G9");
      expect(textAt(summary, `B${first}`)).toBe("错误");
      expect(textAt(summary, `D${first}`)).toBe("无法识别的数值：NON_NUMERIC 消息");
      expect(summary.merges).toContain(`D${first}:F${first}`);
    });

    it("computes the total and grade from the score table's total row", () => {
      const ev = sample();
      const [, summary] = plans(ev);
      expect(at(summary, "B7")).toEqual({ kind: "formula", formula: "=评分表!J8", value: ev.scoreSum });
      expect(at(summary, "B8")).toEqual({ kind: "formula", formula: "=评分表!F8", value: 27 });
      expect(at(summary, "B9")).toEqual({ kind: "formula", formula: '=IFERROR(评分表!J8/评分表!F8*100,"")', value: (ev.scoreSum / 27) * 100 });
      expect(at(summary, "B10")).toEqual({
        kind: "formula",
        formula: '=IF(ISNUMBER(B9),IF(ROUND(B9,2)>=90,"优",IF(ROUND(B9,2)>=80,"良",IF(ROUND(B9,2)>=60,"中","差"))),"")',
        value: ev.grade,
      });
      expect(at(summary, "B11")).toEqual({ kind: "number", value: 25 });
      expect(at(summary, "B12")).toEqual({ kind: "formula", formula: '=IF(ISNUMBER(B11),B11-B7,"")', value: 25 - ev.scoreSum });
    });

    it("quotes a score table name with a space in its formulas", () => {
      const [, summary] = plans(sample(), { ...META, scoreTableName: "Score table" });
      expect(at(summary, "B9")).toMatchObject({ formula: "=IFERROR('Score table'!J8/'Score table'!F8*100,\"\")" });
      expect(at(summary, "B7")).toMatchObject({ formula: "='Score table'!J8" });
    });

    it("uses the grade bands from the settings and English grade names", () => {
      const base = sample();
      const [, summary] = plans({ ...base, settings: { ...base.settings, language: "en", gradeBands: { excellent: 95, good: 85, fair: 70 } } });
      const grade = at(summary, "B10");
      expect(grade).toMatchObject({
        formula: '=IF(ISNUMBER(B9),IF(ROUND(B9,2)>=95,"Excellent (优)",IF(ROUND(B9,2)>=85,"Good (良)",IF(ROUND(B9,2)>=70,"Fair (中)","Poor (差)"))),"")',
      });
      expect(grade).toMatchObject({ value: "Excellent (优)" });
    });

    it("grades on the total rounded to 2 decimals", () => {
      const l = level("产出", 2, 0, 100);
      const ev = evaluation({ projectName: "P", indicators: [indicator({ row: 2, l1: l, weight: 100, selfScore: 89.995 })] });
      const [, summary] = plans(ev);
      expect(at(summary, "B9")).toMatchObject({ value: 89.995 });
      expect(at(summary, "B10")).toMatchObject({ value: "优" });
    });

    it("lists level-1 subtotals with the budget item and charts them", () => {
      const [, summary] = plans(sample({ budget: budget(100, 90, 10, 9) }));
      const header = rowOf(summary, "分项得分（一级指标）") + 1;
      expect([textAt(summary, `A${header + 1}`), textAt(summary, `A${header + 2}`), textAt(summary, `A${header + 3}`)]).toEqual(["决策", "产出", "预算执行率"]);
      expect(at(summary, `B${header + 2}`)).toEqual({ kind: "number", value: 10 });
      expect(at(summary, `C${header + 3}`)).toEqual({ kind: "number", value: 9 });
      expect(formatAt(summary, `D${header + 3}`)).toBe("0.00%");
      expect(summary.chart).toEqual({ type: "ColumnClustered", source: `A${header}:C${header + 3}`, title: "一级指标得分与分值", topLeft: `H${header}`, bottomRight: `O${header + 16}` });
    });

    it("lists level-2 subtotals under their level-1 names", () => {
      const [, summary] = plans(sample());
      const header = rowOf(summary, "分项得分（二级指标）") + 1;
      expect([textAt(summary, `A${header + 1}`), textAt(summary, `A${header + 2}`), textAt(summary, `A${header + 3}`)]).toEqual(["决策", "项目立项", "产出"]);
      expect(summary.merges).toContain(`A${header + 1}:F${header + 1}`);
      expect(at(summary, `B${header + 2}`)).toEqual({ kind: "number", value: 17 });
      expect(at(summary, `F${header + 2}`)).toEqual({ kind: "formula", formula: `=IF(ISNUMBER(E${header + 2}),E${header + 2}-C${header + 2},"")`, value: "" });
    });

    it("gives level-1 subtotals the self-score and its difference from the score", () => {
      const ev = sample();
      const node = { ...ev.rollup[0]!, selfScore: 15 };
      const [, summary] = plans({ ...ev, rollup: [node, ...ev.rollup.slice(1)] });
      const row = rowOf(summary, "分项得分（一级指标）") + 2;
      expect(at(summary, `E${row}`)).toEqual({ kind: "number", value: 15 });
      expect(at(summary, `F${row}`)).toEqual({ kind: "formula", formula: `=IF(ISNUMBER(E${row}),E${row}-C${row},"")`, value: 15 - node.score });
    });

    it("ends every table at column F and keeps number columns narrow", () => {
      const ev = sample({ budget: budget(570000, 541500, 10, 10), enrollment: [enrollmentLine("企业职工养老保险", 64200, 56800, "万人", 1)], findings: [finding("NON_NUMERIC", "Data!G5", "error", { zh: "很长的说明。".repeat(30), en: "x" })] });
      const [, summary] = plans(ev);
      expect(summary.cells[0]).toHaveLength(6);
      for (const title of ["目标任务数", "全年预算数（元）", "严重程度"]) {
        const header = summary.cells.findIndex((r) => r.some((c) => c.kind === "text" && c.text === title)) + 1;
        expect(summary.merges).toContain(`D${header}:F${header}`);
      }
      expect(summary.columnWidths.slice(1).every((w) => w <= 160)).toBe(true);
      const message = summary.columnWidths.slice(3).reduce((s, w) => s + w, 0);
      expect(message).toBe(402);
      const row = rowOf(summary, "NON_NUMERIC");
      // 180 characters of CJK at 11pt wrap to 6 lines in D:F: 6 × 16 + 4 points.
      expect(summary.rowHeights.find((h) => h.row === row - 1)?.height).toBe(100);
    });

    it("writes enrollment completions as formulas with a data bar", () => {
      const [, summary] = plans(sample({ enrollment: [enrollmentLine("企业职工养老保险", 64200, 56800, "万人", 1), enrollmentLine("城乡居民养老保险", 390000, 390500, "万人", 3)] }));
      const first = rowOf(summary, "企业职工养老保险");
      expect(at(summary, `B${first}`)).toEqual({ kind: "number", value: 64200 });
      expect(at(summary, `D${first}`)).toEqual({ kind: "formula", formula: `=IFERROR(C${first}/B${first},"")`, value: 56800 / 64200 });
      expect(formatAt(summary, `D${first}`)).toBe("0.00%");
      expect(summary.conditionalFormats).toEqual([{ type: "dataBar", range: `D${first}:D${first + 1}`, color: "#638EC6", lowerBound: 0, upperBound: 1 }]);
    });

    it("writes budget execution with a rate formula, amounts at 2 decimals and the unit in the header", () => {
      const [, summary] = plans(sample({ budget: budget(570000, 541500, 10, 10) }));
      const row = rowOf(summary, "年度资金总额");
      expect(textAt(summary, `B${row - 1}`)).toBe("全年预算数（元）");
      expect(at(summary, `B${row}`)).toEqual({ kind: "number", value: 570000 });
      expect(formatAt(summary, `B${row}`)).toBe("#,##0.00");
      expect(at(summary, `D${row}`)).toEqual({ kind: "formula", formula: `=IFERROR(C${row}/B${row},"")`, value: 0.95 });
      expect(summary.conditionalFormats).toContainEqual({ type: "dataBar", range: `D${row}`, color: "#638EC6", lowerBound: 0, upperBound: 1 });
    });

    it("keeps a one-line finding one line tall and sizes a long one to its wrapped lines", () => {
      const short = finding("DUPLICATE_NAME", "Data!C5", "warning", { zh: "“决策”下有两个同名指标“资金管理”（另一个在 绩效评价!D11）。", en: "x" });
      const long = finding("NON_NUMERIC", "Data!G5", "error", { zh: "很长的说明，".repeat(20), en: "x" });
      const [, summary] = plans(sample({ findings: [short, long] }));
      const heightOf = (code: string): number | undefined => summary.rowHeights.find((h) => h.row === rowOf(summary, code) - 1)?.height;
      expect(heightOf("DUPLICATE_NAME")).toBeUndefined();
      expect(heightOf("NON_NUMERIC")).toBe(68);
    });

    it("names the budget unit only when the workbook does", () => {
      const b = budget(57, 55.29, 10, 9.7);
      const plain = { ...b, block: { ...b.block, planned: num(57), spent: num(55.29) } };
      const headerOf = (ev: Evaluation): string => textAt(plans(ev)[1], `B${rowOf(plans(ev)[1], "年度资金总额") - 1}`);
      expect(headerOf(sample({ budget: plain }))).toBe("全年预算数");
      expect(headerOf(sample({ budget: { ...plain, block: { ...plain.block, unitText: "万元" } } }))).toBe("全年预算数（万元）");
    });

    it("holds the narrative in one merged, wrapped cell", () => {
      const ev = sample({ enrollment: Array.from({ length: 6 }, (_, i) => enrollmentLine(`企业职工养老保险${i + 1}`, 64200, 56800, "万人", i + 1)) });
      const long = layoutNarrative(ev).zh;
      const [, summary] = plans(ev);
      const row = rowOf(summary, long);
      expect(summary.merges).toContain(`A${row}:F${row}`);
      expect(summary.styles).toContainEqual({ range: `A${row}`, style: { wrap: true, vAlign: "Top", hAlign: "Left" } });
      // Six enrollment clauses wrap to 6 lines across A:F: 6 × 16 + 4 points.
      expect(summary.rowHeights.find((h) => h.row === row - 1)?.height).toBe(100);
    });

    it("states the settings, the tool's own rules, the version and the time", () => {
      const [, summary] = plans(sample());
      const texts = summary.cells.flat().flatMap((c) => (c.kind === "text" ? [c.text] : []));
      expect(texts).toEqual(expect.arrayContaining(["比值法：分值 × 目标/实际", "优 ≥ 90；良 ≥ 80；中 ≥ 60；差 < 60", "中文", "1.2.3", "2023-02-28 08:00 UTC"]));
      expect(texts).toContain("以下规则由本工具确定（文件未作规定）：");
      expect(texts.filter((t) => t.includes("[ours]"))).toEqual([]);
      const threshold = rowOf(summary, "超额完成提示阈值（实际/目标）");
      expect(at(summary, `B${threshold}`)).toEqual({ kind: "number", value: 1.2 });
    });

    it("says in English that the tool chose its own rules, without internal tags", () => {
      const [, summary] = plans(sample({ settings: { ...sample().settings, language: "en" } }));
      const texts = summary.cells.flat().flatMap((c) => (c.kind === "text" ? [c.text] : []));
      expect(texts).toContain("The tool chose these rules (no regulation covers them):");
      expect(texts.some((t) => t.includes("[ours]"))).toBe(false);
    });

    it("writes the generation time readably, in UTC", () => {
      expect(readableTime("2023-02-28T00:00:00.000Z")).toBe("2023-02-28 00:00 UTC");
      expect(readableTime("2023-02-28T10:30:00+08:00")).toBe("2023-02-28 02:30 UTC");
      expect(readableTime("not a time")).toBe("not a time");
    });

    it("moves the totals up three rows when there is no project name", () => {
      const [, summary] = plans(sample({ projectName: null }));
      expect(textAt(summary, "A4")).toBe("得分合计");
      expect(at(summary, "B7")).toMatchObject({ formula: expect.stringContaining("ROUND(B6,2)"), value: "优" });
    });

    it("writes no chart when there is nothing to chart", () => {
      const [, summary] = plans(evaluation({}));
      expect(summary.chart).toBeNull();
    });
  });

  it("lays out an evaluation with no rows without formulas over empty ranges", () => {
    const [table] = plans(evaluation({}));
    expect(textAt(table, "A3")).toBe("合计");
    expect(at(table, "J3")).toEqual({ kind: "number", value: 0 });
    expect(table.cells.flat().filter((c) => c.kind === "formula")).toEqual([]);
  });
});
