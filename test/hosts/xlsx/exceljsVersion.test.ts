import { checkExcelJsVersion, EXCELJS_VERSION, ExcelJsVersionError } from "../../../src/hosts/xlsx/exceljs/internals";
import { thrown } from "./helpers";

describe("the ExcelJS version check", () => {
  it("accepts the installed ExcelJS, which is the pinned 4.4.0", () => {
    expect(EXCELJS_VERSION).toBe("4.4.0");
    expect(() => checkExcelJsVersion()).not.toThrow();
  });

  it("refuses any other version with a named error that says what to do", () => {
    const e = thrown(() => checkExcelJsVersion(() => ({ version: "4.5.0" })));
    expect(e).toBeInstanceOf(ExcelJsVersionError);
    expect([e.name, e.message]).toEqual([
      "ExcelJsVersionError",
      "The xlsx host needs ExcelJS 4.4.0 exactly (it relies on its internals), but ExcelJS 4.5.0 is installed. " +
        "Install exceljs@4.4.0, or check src/hosts/xlsx/exceljs/internals.ts against the new version and update EXCELJS_VERSION.",
    ]);
  });

  it("refuses a package.json without a version", () => {
    expect(thrown(() => checkExcelJsVersion(() => ({}))).message).toMatch(/^The xlsx host needs ExcelJS 4\.4\.0 exactly \(it relies on its internals\), but ExcelJS undefined is installed\./);
  });
});
