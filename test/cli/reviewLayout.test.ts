import { layoutReview } from "../../src/cli/review/layoutReview";
import type { Review, ReviewProject } from "../../src/cli/review/types";

const project = (over: Partial<ReviewProject>): ReviewProject => ({
  file: "a.xlsx",
  projectIndex: 0,
  department: "人社局",
  project: "社保项目",
  total: 96.5,
  grade: "优",
  scoreSum: 96.5,
  weightTotal: 100,
  selfTotal: 85.7,
  difference: 85.7 - 96.5,
  findings: { error: 1, warning: 2, info: 0 },
  topFinding: { code: "WEIGHT_SUM", severity: "error", cell: "表!G14", title: "分值合计不符", message: "…" },
  scoredCopy: "a.scored.xlsx",
  ...over,
});

const review: Review = {
  files: 3,
  projects: [project({}), project({ file: "b.xlsx", department: null, project: null, total: 55, grade: "差", scoreSum: 55, selfTotal: null, difference: null, topFinding: null, findings: { error: 0, warning: 0, info: 0 }, scoredCopy: "b.scored.xlsx" })],
  failures: [{ file: "c.xlsx", kind: "unreadable", reason: "无法读取：不是 .xlsx 工作簿" }],
  distribution: { 优: 1, 良: 0, 中: 0, 差: 1 },
};

const shown = (c: { kind: string; text?: string; value?: unknown; formula?: string } | undefined) =>
  c === undefined ? undefined : c.kind === "text" ? c.text : c.kind === "number" ? c.value : c.kind === "formula" ? c.formula : "";

describe("layoutReview", () => {
  const layout = layoutReview(review, { lang: "zh", href: (p) => `copies/${p.scoredCopy}` });
  const [sheet, failures] = layout.plans;

  it("writes the review sheet and the failures sheet", () => {
    expect(layout.plans.map((p) => p.name)).toEqual(["审核总览", "失败"]);
  });

  it("counts the grades with COUNTIF over the grade column, and each grade's share", () => {
    expect(sheet!.cells.slice(3, 6).map((r) => r.slice(0, 6).map(shown))).toEqual([
      ["等级", "优", "良", "中", "差", "合计"],
      ["项目数", '=COUNTIF($E$9:$E$10,"优")', '=COUNTIF($E$9:$E$10,"良")', '=COUNTIF($E$9:$E$10,"中")', '=COUNTIF($E$9:$E$10,"差")', "=SUM(B5:E5)"],
      ["占比", '=IFERROR(B5/$F$5,"")', '=IFERROR(C5/$F$5,"")', '=IFERROR(D5/$F$5,"")', '=IFERROR(E5/$F$5,"")', ""],
    ]);
    expect(sheet!.cells[4]!.slice(1, 6).map((c) => (c.kind === "formula" ? c.value : null))).toEqual([1, 0, 0, 1, 2]);
  });

  it("writes one row per project in the order given, the difference as a formula of the row", () => {
    expect(sheet!.cells.slice(7, 10).map((r) => r.map(shown))).toEqual([
      ["文件", "部门", "项目", "计算总分（百分制）", "等级", "得分合计", "自评总分", "差异（自评 − 得分）", "错误", "警告", "提示", "最严重的问题", "评分副本"],
      ["a.xlsx", "人社局", "社保项目", 96.5, "优", 96.5, 85.7, '=IF(ISNUMBER(G9),G9-F9,"")', 1, 2, 0, "[错误] 分值合计不符 · 表!G14", "copies/a.scored.xlsx"],
      ["b.xlsx", "", "", 55, "差", 55, "", '=IF(ISNUMBER(G10),G10-F10,"")', 0, 0, 0, "", "copies/b.scored.xlsx"],
    ]);
    expect(sheet!.numberFormats[8]).toEqual(["@", "@", "@", "0.00", "@", "0.00", "0.00", "0.00", "0", "0", "0", "@", "@"]);
  });

  it("links each row to its scored copy and filters the table", () => {
    expect(layout.links).toEqual([
      { sheet: "审核总览", cell: "M9", address: "copies/a.scored.xlsx", tooltip: "打开评分副本" },
      { sheet: "审核总览", cell: "M10", address: "copies/b.scored.xlsx", tooltip: "打开评分副本" },
    ]);
    expect(layout.filter).toEqual({ sheet: "审核总览", range: "A8:M10" });
  });

  it("lists each failure with its reason", () => {
    expect(failures!.cells.map((r) => r.map(shown))).toEqual([
      ["未能评分的文件", ""],
      ["文件", "原因"],
      ["c.xlsx", "无法读取：不是 .xlsx 工作簿"],
    ]);
  });

  it("writes no failures sheet and an empty table row when nothing was found", () => {
    const empty = layoutReview({ files: 0, projects: [], failures: [], distribution: { 优: 0, 良: 0, 中: 0, 差: 0 } }, { lang: "en", href: () => "" });
    expect(empty.plans.map((p) => p.name)).toEqual(["Review"]);
    expect(empty.plans[0]!.cells.length).toBe(9);
    expect(empty.filter.range).toBe("A8:M9");
    expect(empty.links).toEqual([]);
  });
});
