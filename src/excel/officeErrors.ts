/**
 * Turns whatever an `Excel.run` rejected with into one sentence a person can act on, in zh or en.
 * Only the edges (task pane, ribbon command) call this; it never throws.
 *
 * It reads errors structurally rather than with `instanceof OfficeExtension.Error`, so it works in
 * tests and in the xlsx host, where the Office runtime is absent.
 */
import type { Language } from "../core/types";

interface Message {
  zh: string;
  en: string;
}

const NOT_SUPPORTED: Message = {
  zh: "此版本的 Excel 不支持 PerfScore 需要的功能。请更新 Office，或改用 Excel 网页版后再试。",
  en: "This version of Excel lacks a feature PerfScore needs. Update Office, or use Excel on the web, and try again.",
};

const UNAVAILABLE: Message = {
  zh: "Excel 服务暂时不可用或请求超时。请检查网络连接，稍后再试。",
  en: "Excel's service is unavailable or the request timed out. Check your connection and try again in a moment.",
};

const TOO_LARGE: Message = {
  zh: "数据量超过 Excel 单次请求的上限（网页版为 5 MB）。请删除与评分无关的工作表或远离表格的零散内容后再试，或改用桌面版 Excel。",
  en: "The data is more than Excel accepts in one request (5 MB in Excel on the web). Remove sheets unrelated to scoring, or stray content far from the tables, or use desktop Excel.",
};

const CHANGED_MEANWHILE: Message = {
  zh: "计算期间工作簿被修改（可能是其他人或其他加载项）。请稍候片刻再试。",
  en: "The workbook changed while scoring (another person or add-in may be editing it). Wait a moment and try again.",
};

const INTERNAL: Message = {
  zh: "PerfScore 内部出错。请重试；若仍失败，请连同此代码报告问题。",
  en: "PerfScore hit an internal error. Try again; if it keeps failing, report it with this code.",
};

/** Messages by Office error code (`OfficeExtension.Error.code`, `Excel.ErrorCodes`). */
const MESSAGES: Readonly<Record<string, Message>> = {
  InvalidOperationInCellEditMode: {
    zh: "请先退出单元格编辑（按 Enter 或 Esc）后再试",
    en: "Finish editing the cell (press Enter or Esc) and try again",
  },
  AccessDenied: {
    zh: "工作簿或工作表受保护或为只读，PerfScore 无法写入结果。请撤消保护（审阅 > 撤消工作表保护），或另存为可编辑的副本后再试。",
    en: "The workbook or a sheet is protected or read-only, so PerfScore cannot write its results. Unprotect it (Review > Unprotect Sheet) or save an editable copy, then try again.",
  },
  RequestPayloadSizeLimitExceeded: TOO_LARGE,
  ResponsePayloadSizeLimitExceeded: TOO_LARGE,
  RangeExceedsLimit: TOO_LARGE,
  OperationCellsExceedLimit: TOO_LARGE,
  ItemAlreadyExists: {
    zh: "PerfScore 要创建的工作表或名称已存在。请重命名或删除同名的工作表后再试。",
    en: "A sheet or name PerfScore needs to create already exists. Rename or delete it, then try again.",
  },
  ItemNotFound: {
    zh: "找不到需要的工作表或区域，可能在计算期间被重命名或删除。请再试一次。",
    en: "A sheet or range PerfScore needs was not found; it may have been renamed or deleted while scoring. Try again.",
  },
  GeneralException: {
    zh: "Excel 内部出错。请保存工作簿，关闭后重新打开，再试一次。",
    en: "Excel reported an internal error. Save the workbook, close and reopen it, then try again.",
  },
  ApiNotFound: NOT_SUPPORTED,
  NotImplemented: NOT_SUPPORTED,
  UnsupportedFeature: NOT_SUPPORTED,
  UnsupportedOperation: NOT_SUPPORTED,
  InvalidArgument: {
    zh: "Excel 拒绝了 PerfScore 传入的参数，多半是工作表中有超出预期的内容（如过长的文本或特殊字符）。请检查后再试；若仍失败，请连同工作簿报告问题。",
    en: "Excel rejected an argument from PerfScore, most likely because of unexpected content (very long text or special characters). Check the sheet and try again; if it still fails, report it with the workbook.",
  },
  Unauthenticated: {
    zh: "登录已过期。请重新登录 Office 后再试。",
    en: "Your sign-in has expired. Sign in to Office again, then try again.",
  },
  ServiceNotAvailable: UNAVAILABLE,
  Timeout: UNAVAILABLE,
  ConnectionFailure: UNAVAILABLE,
  RequestAborted: UNAVAILABLE,
  ActivityLimitReached: {
    zh: "已达到 Excel 的操作次数上限。请稍等一分钟后再试。",
    en: "Excel's activity limit was reached. Wait a minute and try again.",
  },
  InactiveWorkbook: {
    zh: "此工作簿当前不是活动窗口。请切换回此工作簿后再试。",
    en: "This workbook is not the active window. Switch back to it and try again.",
  },
  Conflict: CHANGED_MEANWHILE,
  InsertDeleteConflict: CHANGED_MEANWHILE,
  MergedRangeConflict: {
    zh: "输出区域与合并单元格冲突。请取消评分结果工作表中的合并单元格，或删除该工作表后再试。",
    en: "The output overlaps merged cells. Unmerge the cells on the results sheet, or delete that sheet, then try again.",
  },
  PropertyNotLoaded: INTERNAL,
  ValueNotLoaded: INTERNAL,
  InvalidObjectPath: INTERNAL,
  InvalidRequestContext: INTERNAL,
  RunMustReturnPromise: INTERNAL,
};

const NOT_IN_EXCEL: Message = {
  zh: "未检测到 Excel。请在 Excel 中通过“开始 > 绩效评分”打开此窗格。",
  en: "Excel was not found. Open this pane from Excel with Home > PerfScore.",
};

/** The pane loads its scoring and template code on first use (src/taskpane/excelQueue.ts); a failed load is webpack's ChunkLoadError. */
const NOT_LOADED: Message = {
  zh: "PerfScore 的部分文件未能加载（网络中断，或加载项刚已更新）。请检查网络连接，关闭并重新打开此窗格后再试。",
  en: "Part of PerfScore could not be loaded (the connection dropped, or the add-in was just updated). Check your connection, close and reopen this pane, then try again.",
};

/**
 * Describes an error caught at an edge as a message a person can act on.
 *
 * - An Office error with a known `code` gives that code's message; messages that do not already
 *   say how to proceed end with the code in brackets, so support can trace it.
 * - An Office error with an unknown code gives a generic message that includes the code and
 *   Excel's own text.
 * - Running outside Excel (`Excel` or `Office` undefined) says to open the pane from Excel.
 * - A part of the pane that failed to load (webpack's ChunkLoadError) says to reopen the pane.
 * - Any other error gives its own message; a non-error value gives its string form.
 *
 * @param error - whatever was thrown or rejected
 * @param lang - the language of the message
 * @returns one line of text, never empty
 *
 * @example
 * describeOfficeError({ name: "RichApi.Error", code: "InvalidOperationInCellEditMode", message: "…" }, "en")
 * //=> "Finish editing the cell (press Enter or Esc) and try again"
 */
export function describeOfficeError(error: unknown, lang: Language): string {
  const code = officeErrorCode(error);
  if (code !== null) {
    const known = MESSAGES[code];
    if (known !== undefined) {
      return known === INTERNAL || known === NOT_SUPPORTED ? `${known[lang]} (${code})` : known[lang];
    }
    const detail = messageOf(error);
    return lang === "zh"
      ? `Excel 返回错误 ${code}${detail ? `：${detail}` : ""}。请重试；若仍失败，请连同此代码报告问题。`
      : `Excel returned error ${code}${detail ? `: ${detail}` : ""}. Try again; if it keeps failing, report this code.`;
  }
  if (isOutsideExcel(error)) return NOT_IN_EXCEL[lang];
  if (typeof error === "object" && error !== null && (error as { name?: unknown }).name === "ChunkLoadError") return NOT_LOADED[lang];
  const detail = messageOf(error) || String(error);
  return lang === "zh" ? `出错：${detail}` : `Something went wrong: ${detail}`;
}

/**
 * The Office error code of `error`, or null when it is not an Office error.
 * Office.js rich API errors are named "RichApi.Error"; the common API's `Office.Error` has a
 * numeric code, which is kept as its decimal string.
 */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("code" in error)) return null;
  const { code } = error as { code: unknown };
  const name = (error as { name?: unknown }).name;
  if (typeof code === "string" && code !== "") {
    return name === "RichApi.Error" || code in MESSAGES || "debugInfo" in error ? code : null;
  }
  if (typeof code === "number" && typeof name === "string" && "message" in error) return String(code);
  return null;
}

function messageOf(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error) {
    const { message } = error as { message: unknown };
    // Trailing punctuation is dropped because the caller's sentence supplies its own.
    if (typeof message === "string") return message.trim().replace(/[.。]+$/, "");
  }
  return "";
}

function isOutsideExcel(error: unknown): boolean {
  return error instanceof ReferenceError && /\b(Excel|Office)\b/.test(error.message);
}
