import { TITLES } from "../../../src/core/findings/catalog";
import { findingLine } from "../../../src/core/layout/findingText";
import { levelGroups } from "../../../src/core/model/levelGroups";
import { displayText } from "../../../src/core/layout/sheetGrid/planGrid";
import { scoreFormula } from "../../../src/core/layout/scoreTable/scoreFormula";
import { wrappedLines, textWidth } from "../../../src/core/layout/sheetGrid/textWidth";
import { baseUnit, quantityFormat } from "../../../src/core/layout/sheetGrid/units";
import { level } from "./factory";

describe("quantityFormat", () => {
  it("shows the operator, the decimals the value needs and the base unit", () => {
    expect(quantityFormat(64200, { operator: "≥", isPercent: false, unit: "万人" })).toBe('"≥"#,##0"人"');
    expect(quantityFormat(12.5, { operator: "", isPercent: false, unit: "天" })).toBe('#,##0.0"天"');
    expect(quantityFormat(0.95, { operator: "≤", isPercent: true, unit: "%" })).toBe('"≤"0.00%');
    expect(quantityFormat(3, { operator: "", isPercent: false, unit: "" })).toBe("#,##0");
  });

  it("puts a space before a Latin-letter unit and none before CJK units", () => {
    expect(quantityFormat(12, { operator: "≥", isPercent: false, unit: "sessions" })).toBe('"≥"#,##0" sessions"');
    expect(quantityFormat(64200, { operator: "", isPercent: false, unit: "persons" })).toBe('#,##0" persons"');
    expect(quantityFormat(30, { operator: "≤", isPercent: false, unit: "天" })).toBe('"≤"#,##0"天"');
    expect(displayText({ kind: "number", value: 0 }, quantityFormat(0, { operator: "=", isPercent: false, unit: "cases" }))).toBe("=0 cases");
  });

  it("drops quotes from a unit so the format stays valid", () => {
    expect(quantityFormat(3, { operator: "", isPercent: false, unit: 'a"b' })).toBe('#,##0" ab"');
  });
});

describe("baseUnit", () => {
  it("drops the scale prefixes the value reader applies", () => {
    expect([baseUnit("万人"), baseUnit("亿元"), baseUnit("千克"), baseUnit("人")]).toEqual(["人", "元", "千克", "人"]);
  });
});

describe("levelGroups", () => {
  it("groups consecutive rows by the node's cell, not its name", () => {
    const a = level("资金管理", 2, 2, 5, 3);
    const b = level("资金管理", 4, 2, 5);
    expect(levelGroups([a, a, b, null]).map((g) => [g.start, g.end])).toEqual([[0, 1], [2, 2]]);
  });

  it("splits a group where the parent group changes", () => {
    const a = level("x", 2, 2, 5, 3);
    expect(levelGroups([a, a], [0, 1]).map((g) => [g.start, g.end])).toEqual([[0, 0], [1, 1]]);
  });

  it("returns no groups for no rows", () => {
    expect(levelGroups([])).toEqual([]);
  });
});

describe("scoreFormula", () => {
  const at = { weight: "F3", target: "G3", actual: "H3" };

  it("returns null when the spreadsheet would divide by zero", () => {
    expect(scoreFormula("positive", at, 10, 0, -1)).toBeNull();
    expect(scoreFormula("budget", at, 10, 0, 5)).toBeNull();
    expect(scoreFormula("reverseDeviation", at, 10, 0, 5)).toBeNull();
  });

  it("gives full marks when the target is met", () => {
    expect(scoreFormula("reverseRatio", at, 10, 5, 5)?.value).toBe(10);
  });
});

describe("textWidth", () => {
  it("counts CJK characters as 11 points, Latin as 6 and a space as 3", () => {
    expect([textWidth("绩效"), textWidth("ab"), textWidth("（%）"), textWidth("a b")]).toEqual([22, 12, 28, 15]);
  });

  it("counts wrapped lines, newlines included", () => {
    expect([wrappedLines("一二三四五六七八九十", 60), wrappedLines("a\nb", 100), wrappedLines("", 100)]).toEqual([3, 2, 1]);
  });
});

describe("displayText", () => {
  it("approximates what a number shows through its format", () => {
    expect(displayText({ kind: "number", value: 0.8847 }, "0.00%")).toBe("88.47%");
    expect(displayText({ kind: "number", value: 64200 }, '"≥"#,##0"人"')).toBe("≥64,200人");
    expect(displayText({ kind: "formula", formula: "=1", value: "" }, "0.00")).toBe("");
    expect(displayText({ kind: "empty" }, "General")).toBe("");
  });
});

describe("findingLine", () => {
  const f = { code: "UNMET_TARGET_FULL_MARKS" as const, severity: "warning" as const, cell: "S!I6", message: { zh: "“产出数量”自评满分。", en: '"Output" is self-scored full marks.' } };

  it("gives the severity and the code's title, not the code, in Chinese punctuation", () => {
    expect(findingLine(f, "zh")).toBe("【警告】未达标却满分：“产出数量”自评满分。");
  });

  it("gives the severity and the title in English", () => {
    expect(findingLine(f, "en")).toBe('[warning] Full marks, target unmet: "Output" is self-scored full marks.');
  });

  it("has a short title in both languages for every code", () => {
    for (const t of Object.values(TITLES)) {
      expect(t.zh.length).toBeGreaterThan(1);
      expect(t.zh.length).toBeLessThanOrEqual(10);
      expect(t.en).toMatch(/^[A-Z][A-Za-z0-9 ,-]+$/);
    }
  });
});
