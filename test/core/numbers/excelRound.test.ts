import fc from "fast-check";
import { excelRound } from "../../../src/core/numbers/excelRound";
import { gradeTotal } from "../../../src/core/score/grade";
import { DEFAULT_SETTINGS, type Grade } from "../../../src/core/types";
import { decimalRound } from "../helpers/decimalRound";
import { nextDown, nextUp } from "../helpers/doubles";

const SEED = 20261130;
const bands = DEFAULT_SETTINGS.gradeBands;

/** The grade by the bands, from a total already rounded. */
function gradeOfRounded(t: number): Grade {
  return t >= bands.excellent ? "优" : t >= bands.good ? "良" : t >= bands.fair ? "中" : "差";
}

describe("excelRound", () => {
  it("rounds half away from zero on the 15-digit decimal", () => {
    expect([excelRound(1.005, 2), excelRound(88.4735, 2), excelRound(-1.005, 2), excelRound(-2.675, 2), excelRound(89.995, 2)]).toEqual([1.01, 88.47, -1.01, -2.68, 90]);
  });

  it("does not round up a total just below the half", () => {
    expect(excelRound(89.9949999999925, 2)).toBe(89.99);
  });

  it("rounds a half just below the first kept place up to exactly one unit of it", () => {
    // 10 ** -4 is 0.00009999999999999999 in V8; the unit must be read as a decimal.
    expect([excelRound(0.00005, 4), excelRound(-0.000005, 5), excelRound(0.5, 0)]).toEqual([0.0001, -0.00001, 1]);
  });

  it("rounds to tens with negative digits and keeps non-finite input", () => {
    expect([excelRound(125, -1), excelRound(-125, -1), excelRound(0.4, 0), excelRound(Number.POSITIVE_INFINITY, 2)]).toEqual([130, -130, 0, Number.POSITIVE_INFINITY]);
    expect(excelRound(Number.NaN, 2)).toBeNaN();
  });

  it("agrees with an independent decimal implementation near every half-cent (fast-check, seed 20261130, 2000 runs)", () => {
    // Totals within ±1e-10 of each x.xx5 between 0 and 100, in steps of about a tenth of an ulp at 100.
    const nearHalf = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: -10000, max: 10000 }))
      .map(([cents, n]) => (cents + 0.5) / 100 + n * 1e-14);
    fc.assert(
      fc.property(fc.oneof(nearHalf, fc.double({ min: -1e6, max: 1e6, noNaN: true })), fc.integer({ min: 0, max: 4 }), (x, digits) => excelRound(x, digits) === decimalRound(x, digits)),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe("gradeTotal at the band edges", () => {
  it.each([
    // 89.995 is stored as 89.99499999999999744…, but Excel's 15 digits read 89.9950000000000.
    [89.995, "优"],
    [nextUp(89.995), "优"],
    [nextDown(89.995), "优"],
    // The 15-digit cut: …962 reads 89.9950000000000, …948 reads 89.9949999999999.
    [89.99499999999996, "优"],
    [89.99499999999995, "良"],
    [89.9949999999925, "良"],
    [nextUp(89.9949999999925), "良"],
    [nextDown(89.9949999999925), "良"],
    [79.995, "良"],
    [nextUp(79.995), "良"],
    [nextDown(79.995), "良"],
    [79.9949999999925, "中"],
    [59.995, "中"],
    [nextUp(59.995), "中"],
    [nextDown(59.995), "中"],
    [59.9949999999925, "差"],
  ])("grades %p as %s", (total, grade) => {
    expect(gradeTotal(total, bands)).toBe(grade);
  });

  it("grades every total near a band edge as the independently rounded total does (fast-check, seed 20261130, 3000 runs)", () => {
    const edge = fc.constantFrom(bands.excellent, bands.good, bands.fair);
    const near = fc.tuple(edge, fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -3, max: 3 })).map(([e, n, ulps]) => {
      let x = e - 0.005 + n * 1e-14;
      for (let i = 0; i < Math.abs(ulps); i++) x = ulps > 0 ? nextUp(x) : nextDown(x);
      return x;
    });
    fc.assert(
      fc.property(near, (x) => gradeTotal(x, bands) === gradeOfRounded(decimalRound(x, 2))),
      { seed: SEED, numRuns: 3000 },
    );
  });
});
