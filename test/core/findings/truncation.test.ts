import { evaluateWorkbook } from "../../../src/core/evaluate";
import { makeFinding, noteTruncations, QUOTE_LIMIT } from "../../../src/core/findings/makeFinding";
import { DEFAULT_SETTINGS, type SheetGrid } from "../../../src/core/types";
import { seedGrids } from "../helpers/seed";

describe("quoted texts in findings (docs/scoring-rules.md §4.22)", () => {
  it("cuts a quoted text over QUOTE_LIMIT code points, ending in …, and records its length", () => {
    const long = "𠀀".repeat(QUOTE_LIMIT + 1); // a character outside the BMP: cut by code point, never mid-pair
    const f = makeFinding("ZERO_WEIGHT", "表!F9", { name: long });
    expect(f.quotedLength).toBe(QUOTE_LIMIT + 1);
    expect(f.message.zh).toContain(`“${"𠀀".repeat(QUOTE_LIMIT)}…”`);
    expect(f.message.en).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it("leaves a text of exactly QUOTE_LIMIT alone", () => {
    const f = makeFinding("ZERO_WEIGHT", "表!F9", { name: "长".repeat(QUOTE_LIMIT) });
    expect(f.quotedLength).toBeUndefined();
    expect(f.message.zh).not.toContain("…");
  });

  it("cuts texts nested in lists (NON_STANDARD_FRAMEWORK items)", () => {
    const f = makeFinding("NON_STANDARD_FRAMEWORK", "表!D9", { items: [{ name: "x".repeat(1000), under: "决策", expected: "过程" }] });
    expect(f.quotedLength).toBe(1000);
    expect(f.message.en.length).toBeLessThan(400);
  });

  it("adds one TEXT_TRUNCATED per cell and drops the marks", () => {
    const a = makeFinding("ZERO_WEIGHT", "表!F9", { name: "长".repeat(300) });
    const b = makeFinding("DUPLICATE_NAME", "表!F9", { name: "长".repeat(900), parent: "p", first: "表!F3" });
    const out = noteTruncations([a, b, makeFinding("ZERO_WEIGHT", "表!F10", { name: "短" })]);
    expect(out.map((f) => `${f.code}@${f.cell}`)).toEqual(["ZERO_WEIGHT@表!F9", "DUPLICATE_NAME@表!F9", "ZERO_WEIGHT@表!F10", "TEXT_TRUNCATED@表!F9"]);
    expect(out.every((f) => f.quotedLength === undefined)).toBe(true);
    expect(out[3]!.message.zh).toContain("900 个字符");
    expect(out[3]!.severity).toBe("info");
  });

  it("scores the seed with a 5,000-character level-2 name: the same total, the name cut, and a note at its cell", () => {
    const plain = evaluateWorkbook(seedGrids(), DEFAULT_SETTINGS);
    const grids: SheetGrid[] = seedGrids();
    const values = grids[0]!.values;
    const row = values.findIndex((r) => r.includes("经济效益"));
    const col = values[row]!.indexOf("经济效益");
    values[row]![col] = "经济效益".repeat(1250);
    const result = evaluateWorkbook(grids, DEFAULT_SETTINGS);
    expect(result.evaluation?.total).toBe(plain.evaluation?.total);
    const findings = result.evaluation!.findings;
    const note = findings.filter((f) => f.code === "TEXT_TRUNCATED");
    expect(note).toHaveLength(1);
    expect(note[0]!.message.en).toContain("5000 characters");
    const zero = findings.find((f) => f.code === "ZERO_WEIGHT" && f.cell === note[0]!.cell);
    expect(zero?.message.zh.length).toBeLessThan(300);
    expect(Math.max(...findings.map((f) => f.message.zh.length))).toBeLessThan(1000);
  });
});
