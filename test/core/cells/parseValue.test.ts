import { parseOperator, parseRatio, parseValue, ratioOf, unitScale } from "../../../src/core/cells/parseValue";
import { parseAchievement } from "../../../src/core/cells/qualitative";

const num = (v: ReturnType<typeof parseValue>) => (v.kind === "number" ? v.value : NaN);

describe("parseValue", () => {
  it("reads plain numbers and thousands separators", () => {
    expect(num(parseValue(12))).toBe(12);
    expect(num(parseValue("1,234.5"))).toBe(1234.5);
  });
  it("reads full-width digits and punctuation", () => {
    const v = parseValue("１２３．５％");
    expect(v.kind).toBe("number");
    expect(num(v)).toBeCloseTo(1.235, 12);
  });
  it("takes a percent-formatted number as a fraction", () => {
    const v = parseValue(0.95, "0%");
    expect(v).toMatchObject({ kind: "number", value: 0.95, isPercent: true });
  });
  it("reads an operator prefix with a percent", () => {
    expect(parseValue("≥95%")).toMatchObject({ kind: "number", value: 0.95, operator: ">=", isPercent: true });
    expect(parseValue(">=95%")).toMatchObject({ operator: ">=" });
    expect(parseValue("＞＝95%")).toMatchObject({ operator: ">=" });
    expect(parseValue("≤30天")).toMatchObject({ kind: "number", value: 30, operator: "<=", unit: "天" });
    expect(parseValue("=100%")).toMatchObject({ operator: "=", value: 1 });
  });
  it("scales 万, 亿 and 千 and keeps the unit", () => {
    expect(parseValue("6.42万人")).toMatchObject({ kind: "number", value: 64200, unit: "万人" });
    expect(num(parseValue("2.09亿元"))).toBeCloseTo(2.09e8, 4);
    expect(num(parseValue("3千人"))).toBe(3000);
    expect(parseValue("8676人")).toMatchObject({ value: 8676, unit: "人" });
  });
  it("scales plain numbers by the unit column", () => {
    expect(num(parseValue(6.42, "General", "万人"))).toBeCloseTo(64200, 9);
    expect(num(parseValue(91, "General", "%"))).toBeCloseTo(0.91, 12);
    expect(num(parseValue(0.91, "0%", "%"))).toBe(0.91);
    expect(num(parseValue("5.68", "General", "万人"))).toBeCloseTo(56800, 9);
  });
  it("reads a trailing 以上 as ≥", () => {
    expect(parseValue("90%以上")).toMatchObject({ operator: ">=", value: 0.9 });
  });
  it("reads placeholders as missing", () => {
    for (const t of ["", "*", "/", "—", "-", "  "]) expect(parseValue(t).kind).toBe("missing");
  });
  it("reads N/A and 不适用 as not applicable", () => {
    expect(parseValue("N/A").kind).toBe("notApplicable");
    expect(parseValue("不适用").kind).toBe("notApplicable");
  });
  it("reads error values as errors, not zero", () => {
    expect(parseValue("#DIV/0!").kind).toBe("error");
    expect(parseValue("#N/A").kind).toBe("error");
    expect(parseValue(Number.NaN).kind).toBe("error");
  });
  it("reads qualitative words", () => {
    expect(parseValue("达成")).toMatchObject({ kind: "qualitative", achievement: "achieved" });
    expect(parseValue("基本达成")).toMatchObject({ kind: "qualitative", achievement: "partly" });
    expect(parseValue("未完成")).toMatchObject({ kind: "qualitative", achievement: "notAchieved" });
    expect(parseValue("待定")).toMatchObject({ kind: "qualitative", achievement: null });
  });
  it("reads an actual that repeats its target as achieved", () => {
    expect(parseValue("已建立", "General", "", "建立")).toMatchObject({ kind: "qualitative", achievement: "achieved" });
  });
  it("returns missing for null and undefined", () => {
    expect(parseValue(null).kind).toBe("missing");
    expect(parseValue(undefined).kind).toBe("missing");
  });
});

describe("parseOperator", () => {
  it("reads ASCII, full-width and word operators", () => {
    expect(parseOperator("≥")).toBe(">=");
    expect(parseOperator("<=")).toBe("<=");
    expect(parseOperator("＝")).toBe("=");
    expect(parseOperator("定性")).toBe("qualitative");
    expect(parseOperator("Qualitative")).toBe("qualitative");
  });
  it("reads full-width pairs and the reversed ASCII spellings", () => {
    expect([parseOperator("＜＝"), parseOperator("＞＝"), parseOperator("=>"), parseOperator("=<")]).toEqual(["<=", ">=", ">=", "<="]);
  });
  it("returns null for text that names no operator", () => {
    expect(parseOperator("")).toBeNull();
    expect(parseOperator("定量")).toBeNull();
    expect(parseOperator("abc")).toBeNull();
  });
});

describe("parseAchievement", () => {
  it("reads English achievement words", () => {
    expect(parseAchievement("Achieved")).toBe("achieved");
    expect(parseAchievement("partially met")).toBe("partly");
    expect(parseAchievement("not met")).toBe("notAchieved");
  });
  it("returns null for unknown text", () => {
    expect(parseAchievement("进行中")).toBeNull();
    expect(parseAchievement("")).toBeNull();
  });
});

describe("unitScale", () => {
  it("does not scale 千克", () => {
    expect(unitScale("千克")).toBe(1);
    expect(unitScale("万元")).toBe(1e4);
  });
});

describe("ratioOf", () => {
  it("reads a percent as it stands, points above 1.5 as percent points, and a smaller plain number as a ratio", () => {
    expect([ratioOf(parseValue("88.47%")), ratioOf(parseValue(88.47)), ratioOf(parseValue(1.5)), ratioOf(parseValue(1.51))]).toEqual([
      0.8847,
      0.8847,
      1.5,
      0.0151,
    ]);
  });
  it("returns null for a value that is not a number", () => {
    expect([ratioOf(parseValue("")), ratioOf(parseValue("达成")), ratioOf(parseValue("#N/A"))]).toEqual([null, null, null]);
  });
});

describe("parseRatio", () => {
  it("reads percents and percent points", () => {
    expect(parseRatio("88.47%")).toBeCloseTo(0.8847, 12);
    expect(parseRatio(0.8847, "0.00%")).toBe(0.8847);
    expect(parseRatio(88.47)).toBeCloseTo(0.8847, 12);
    expect(parseRatio("abc")).toBeNull();
  });
});

describe("parseAchievement with satisfaction words", () => {
  it("reads 基本满意 as partly and 不满意 as not achieved", () => {
    expect(parseAchievement("基本满意")).toBe("partly");
    expect(parseAchievement("不满意")).toBe("notAchieved");
    expect(parseAchievement("非常满意")).toBe("achieved");
  });
});
