import { layoutLabels } from "../../../src/core/layout/labels";
import { countSeverity, terms } from "../../../src/core/text/terms";

describe("terms", () => {
  it("names the grades in English with the Chinese grade beside the word", () => {
    expect(terms("en").grade).toEqual({ 优: "Excellent (优)", 良: "Good (良)", 中: "Fair (中)", 差: "Poor (差)" });
    expect(terms("zh").grade).toEqual({ 优: "优", 良: "良", 中: "中", 差: "差" });
  });

  it("is where the sheets take their grade, severity, level and budget words", () => {
    for (const lang of ["zh", "en"] as const) {
      const t = terms(lang);
      const l = layoutLabels(lang);
      expect(l.grade).toBe(t.grade);
      expect(l.severity).toEqual({ error: t.severity.error.one, warning: t.severity.warning.one, info: t.severity.info.one });
      expect([l.level1, l.level2, l.columns[0], l.columns[2], l.columns[4], l.budget]).toEqual([t.level[1], t.level[2], t.level[1], t.level[2], t.level[3], t.budgetItem]);
    }
  });

  it("names the output sheets per language", () => {
    expect([terms("zh").sheet, terms("en").sheet]).toEqual([
      { scoreTable: "评分表", summary: "汇总" },
      { scoreTable: "Score table", summary: "Summary" },
    ]);
  });
});

describe("countSeverity", () => {
  it("uses the singular after one and the plural otherwise in English", () => {
    expect([countSeverity(1, "warning", "en"), countSeverity(2, "warning", "en"), countSeverity(0, "error", "en"), countSeverity(1, "info", "en"), countSeverity(4, "info", "en")]).toEqual([
      "1 warning",
      "2 warnings",
      "0 errors",
      "1 note",
      "4 notes",
    ]);
  });

  it("counts in 项 in Chinese", () => {
    expect([countSeverity(1, "error", "zh"), countSeverity(3, "info", "zh")]).toEqual(["错误 1 项", "提示 3 项"]);
  });
});
