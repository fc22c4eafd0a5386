import { formatFixed, formatPercent, formatPoints, formatTrimmed, withThousands } from "../../../src/core/text/formatNumber";

describe("formatFixed", () => {
  it("rounds as Excel displays 0.00, half away from zero on 15 digits", () => {
    expect([formatFixed(88.4735), formatFixed(89.995), formatFixed(89.9949999999925), formatFixed(1.005), formatFixed(-1.005)]).toEqual(["88.47", "90.00", "89.99", "1.01", "-1.01"]);
  });
  it("never writes a negative zero and keeps non-finite input readable", () => {
    expect([formatFixed(-0.001), formatFixed(-0), formatFixed(Number.NaN), formatFixed(Number.POSITIVE_INFINITY)]).toEqual(["0.00", "0.00", "NaN", "Infinity"]);
  });
});

describe("formatPercent", () => {
  it("writes a ratio as a percent with 2 decimals", () => {
    expect([formatPercent(56800 / 64200), formatPercent(1.2), formatPercent(0)]).toEqual(["88.47%", "120.00%", "0.00%"]);
  });
});

describe("formatPoints", () => {
  it("drops a whole .00 and keeps other decimals", () => {
    expect([formatPoints(100), formatPoints((15 * 8676) / 8755), formatPoints(9.5), formatPoints(99.999)]).toEqual(["100", "14.86", "9.50", "100"]);
  });
});

describe("formatTrimmed", () => {
  it("keeps up to the given decimals without trailing zeros", () => {
    expect([formatTrimmed(1.7238, 4), formatTrimmed(5, 4), formatTrimmed(5.68, 4), formatTrimmed(-0.00001, 4), formatTrimmed(2.005, 2)]).toEqual(["1.7238", "5", "5.68", "0", "2.01"]);
  });
});

describe("withThousands", () => {
  it("groups the integer part by three and keeps sign and fraction", () => {
    expect([withThousands("390500"), withThousands("-1234.5"), withThousands("12"), withThousands("1234567.891")]).toEqual(["390,500", "-1,234.5", "12", "1,234,567.891"]);
  });
});
