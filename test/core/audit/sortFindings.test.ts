import { makeFinding } from "../../../src/core/findings/makeFinding";
import { sortFindings } from "../../../src/core/findings/sortFindings";

describe("sortFindings", () => {
  it("puts errors first, then warnings, then notes, each by sheet order, row and column", () => {
    const found = [
      makeFinding("ZERO_WEIGHT", "表!F9", { name: "a" }),
      makeFinding("DUPLICATE_NAME", "表!C3", { name: "b", parent: "p", first: "表!C2" }),
      makeFinding("NON_NUMERIC", "'Sheet 2'!A1", { name: "c", what: { zh: "值", en: "value" }, text: "" }),
      makeFinding("NON_NUMERIC", "表!E10", { name: "d", what: { zh: "值", en: "value" }, text: "" }),
      makeFinding("NON_NUMERIC", "表!D10", { name: "e", what: { zh: "值", en: "value" }, text: "" }),
      makeFinding("ZERO_WEIGHT", "表!F2", { name: "f" }),
    ];
    expect(sortFindings(found).map((f) => `${f.code}@${f.cell}`)).toEqual([
      "NON_NUMERIC@表!D10",
      "NON_NUMERIC@表!E10",
      "NON_NUMERIC@'Sheet 2'!A1",
      "DUPLICATE_NAME@表!C3",
      "ZERO_WEIGHT@表!F2",
      "ZERO_WEIGHT@表!F9",
    ]);
  });
  it("keeps the order of findings at one cell", () => {
    const found = [makeFinding("UNMET_TARGET_FULL_MARKS", "T!E2", { name: "x", detail: { zh: "", en: "" } }), makeFinding("SCORE_MISMATCH", "T!E2", { name: "x", self: 1, score: 0, tolerance: 0.1 })];
    expect(sortFindings(found).map((f) => f.code)).toEqual(["UNMET_TARGET_FULL_MARKS", "SCORE_MISMATCH"]);
  });
});
