import { zipDateFor } from "../../../src/hosts/xlsx/package";

describe("zipDateFor", () => {
  const now = new Date(Date.UTC(2026, 10, 30, 12, 0, 1));

  it("returns the SOURCE_DATE_EPOCH time when it is set", () => {
    expect(zipDateFor("1677574800", now).toISOString()).toBe("2023-02-28T09:00:00.000Z");
  });

  it("returns now, rounded down to two seconds, when SOURCE_DATE_EPOCH is absent or not a number", () => {
    expect([zipDateFor(undefined, now).toISOString(), zipDateFor("soon", now).toISOString()]).toEqual(["2026-11-30T12:00:00.000Z", "2026-11-30T12:00:00.000Z"]);
  });

  it("returns 1980-01-01 for a time before DOS dates begin", () => {
    expect(zipDateFor("0", now).toISOString()).toBe("1980-01-01T00:00:00.000Z");
  });
});
