import { gradeTotal } from "../../../src/core/score/grade";
import { DEFAULT_SETTINGS } from "../../../src/core/types";

const bands = DEFAULT_SETTINGS.gradeBands;

describe("gradeTotal", () => {
  it.each([
    [100, "优"],
    [90, "优"],
    [89.995, "优"],
    [89.9949999999925, "良"],
    [89.994, "良"],
    [80, "良"],
    [79.99, "中"],
    [60, "中"],
    [59.999, "中"],
    [59.99, "差"],
    [0, "差"],
  ])("grades %d as %s, from the total rounded to 2 decimals", (total, grade) => {
    expect(gradeTotal(total, bands)).toBe(grade);
  });
  it("grades NaN as 差", () => {
    expect(gradeTotal(Number.NaN, bands)).toBe("差");
  });
  it("uses the bands from settings", () => {
    expect(gradeTotal(85, { excellent: 85, good: 75, fair: 60 })).toBe("优");
  });
});
