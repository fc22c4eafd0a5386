import { describeOfficeError, officeErrorCode } from "../../src/excel/officeErrors";

/** The shape OfficeExtension.Error has at run time. */
function richApiError(code: string, message = "Excel says no."): Error & { code: string; debugInfo: object } {
  return Object.assign(new Error(message), { name: "RichApi.Error", code, debugInfo: { code, message } });
}

describe("describeOfficeError", () => {
  it("tells the user to leave cell edit mode in Chinese", () => {
    expect(describeOfficeError(richApiError("InvalidOperationInCellEditMode"), "zh")).toBe(
      "请先退出单元格编辑（按 Enter 或 Esc）后再试",
    );
  });

  it("tells the user to leave cell edit mode in English", () => {
    expect(describeOfficeError(richApiError("InvalidOperationInCellEditMode"), "en")).toBe(
      "Finish editing the cell (press Enter or Esc) and try again",
    );
  });

  it("says how to unprotect the sheet on AccessDenied", () => {
    expect(describeOfficeError(richApiError("AccessDenied"), "zh")).toBe(
      "工作簿或工作表受保护或为只读，PerfScore 无法写入结果。请撤消保护（审阅 > 撤消工作表保护），或另存为可编辑的副本后再试。",
    );
    expect(describeOfficeError(richApiError("AccessDenied"), "en")).toBe(
      "The workbook or a sheet is protected or read-only, so PerfScore cannot write its results. Unprotect it (Review > Unprotect Sheet) or save an editable copy, then try again.",
    );
  });

  it("names the 5 MB request limit on RequestPayloadSizeLimitExceeded", () => {
    expect(describeOfficeError(richApiError("RequestPayloadSizeLimitExceeded"), "en")).toBe(
      "The data is more than Excel accepts in one request (5 MB in Excel on the web). Remove sheets unrelated to scoring, or stray content far from the tables, or use desktop Excel.",
    );
    expect(describeOfficeError(richApiError("RequestPayloadSizeLimitExceeded"), "zh")).toBe(
      "数据量超过 Excel 单次请求的上限（网页版为 5 MB）。请删除与评分无关的工作表或远离表格的零散内容后再试，或改用桌面版 Excel。",
    );
  });

  it.each([
    "AccessDenied",
    "RequestPayloadSizeLimitExceeded",
    "ItemAlreadyExists",
    "ItemNotFound",
    "GeneralException",
    "ApiNotFound",
    "InvalidArgument",
    "Unauthenticated",
    "ServiceNotAvailable",
    "Timeout",
    "ActivityLimitReached",
  ])("gives different zh and en messages for %s, neither the generic fallback", (code) => {
    const zh = describeOfficeError(richApiError(code), "zh");
    const en = describeOfficeError(richApiError(code), "en");
    expect(zh).not.toBe(en);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en).not.toMatch(/^Excel returned error/);
    expect(zh).not.toMatch(/^Excel 返回错误/);
  });

  it("appends the code to the not-supported message so support can trace it", () => {
    expect(describeOfficeError(richApiError("ApiNotFound"), "en")).toBe(
      "This version of Excel lacks a feature PerfScore needs. Update Office, or use Excel on the web, and try again. (ApiNotFound)",
    );
  });

  it("includes the code and Excel's text for an unknown code", () => {
    expect(describeOfficeError(richApiError("BrandNewCode", "Something odd."), "en")).toBe(
      "Excel returned error BrandNewCode: Something odd. Try again; if it keeps failing, report this code.",
    );
    expect(describeOfficeError(richApiError("BrandNewCode", "Something odd."), "zh")).toBe(
      "Excel 返回错误 BrandNewCode：Something odd。请重试；若仍失败，请连同此代码报告问题。",
    );
  });

  it("recognises a known code on a plain object", () => {
    expect(describeOfficeError({ code: "ItemNotFound", message: "x" }, "en")).toBe(
      "A sheet or range PerfScore needs was not found; it may have been renamed or deleted while scoring. Try again.",
    );
  });

  it("keeps the numeric code of a common API Office.Error", () => {
    const error = { name: "Permission Denied", code: 7000, message: "Permission denied." };
    expect(describeOfficeError(error, "en")).toBe("Excel returned error 7000: Permission denied. Try again; if it keeps failing, report this code.");
  });

  it("says to open the pane from Excel when Excel is undefined", () => {
    expect(describeOfficeError(new ReferenceError("Excel is not defined"), "en")).toBe(
      "Excel was not found. Open this pane from Excel with Home > PerfScore.",
    );
  });

  it("says to reopen the pane when a part of it failed to load (webpack's ChunkLoadError)", () => {
    const error = Object.assign(new Error("Loading chunk 694 failed.\n(error: https://localhost:3000/compute.0123abcd.js)"), { name: "ChunkLoadError", type: "error" });
    expect(describeOfficeError(error, "zh")).toBe("PerfScore 的部分文件未能加载（网络中断，或加载项刚已更新）。请检查网络连接，关闭并重新打开此窗格后再试。");
    expect(describeOfficeError(error, "en")).toBe(
      "Part of PerfScore could not be loaded (the connection dropped, or the add-in was just updated). Check your connection, close and reopen this pane, then try again.",
    );
    expect(describeOfficeError(Object.assign(new Error("x"), { name: "TypeError" }), "en")).toBe("Something went wrong: x");
  });

  it("shows the message of an ordinary error", () => {
    expect(describeOfficeError(new Error("No indicator table."), "en")).toBe("Something went wrong: No indicator table");
    expect(describeOfficeError(new Error("No indicator table."), "zh")).toBe("出错：No indicator table");
  });

  it("does not treat a node system error code as an Office code", () => {
    const error = Object.assign(new Error("open failed"), { code: "ENOENT" });
    expect(describeOfficeError(error, "en")).toBe("Something went wrong: open failed");
  });

  it("shows the string form of a thrown non-error", () => {
    expect(describeOfficeError("boom", "en")).toBe("Something went wrong: boom");
    expect(describeOfficeError(undefined, "zh")).toBe("出错：undefined");
  });
});

describe("officeErrorCode", () => {
  it("returns the code of a RichApi.Error", () => {
    expect(officeErrorCode(richApiError("Conflict"))).toBe("Conflict");
  });

  it("returns null for an error without a code", () => {
    expect(officeErrorCode(new Error("x"))).toBeNull();
  });

  it("returns null for null", () => {
    expect(officeErrorCode(null)).toBeNull();
  });
});
