/**
 * The two error channels of the xlsx host.
 *
 * - {@link HostOpenError}: the file could not be opened as an .xlsx workbook at all.
 * - {@link HostApiError}: what the Excel JavaScript API would reject with, shaped like
 *   `OfficeExtension.Error` (`name` "RichApi.Error", `code`, `message`, `debugInfo`), so code that
 *   reads Office errors structurally handles both the same way.
 *
 * Messages are Excel's own English wording where it is known (office_strings.js of
 * @microsoft/office-js, and the error table of the Excel JavaScript API reference).
 */

import type { PackageProblem } from "../package/inspectPackage";

/** Thrown by `XlsxHost.fromFile` / `fromBuffer` when the input is not a readable .xlsx workbook. */
export class HostOpenError extends Error {
  override readonly name = "HostOpenError";
  /**
   * @param message - a sentence naming the file and the reason
   * @param cause - the underlying error, if any
   * @param problem - what inspectPackage found, when the package was refused before parsing
   */
  constructor(message: string, readonly cause?: unknown, readonly problem?: PackageProblem) {
    super(message);
  }
}

/** Excel error codes the host can produce (a subset of `Excel.ErrorCodes` and `OfficeExtension.ErrorCodes`). */
export type ApiErrorCode =
  | "PropertyNotLoaded"
  | "InvalidObjectPath"
  | "InvalidRequestContext"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "ApiNotFound"
  | "GeneralException";

/** Where an error happened, as `OfficeExtension.Error.debugInfo` reports it. */
export interface ApiErrorDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
}

/** An error shaped like `OfficeExtension.Error`, with `name` "RichApi.Error". */
export class HostApiError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: ApiErrorDebugInfo;
  /** As in OfficeExtension.Error; the host has no trace messages or inner errors. */
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;
  /**
   * @param code - the Excel error code, e.g. "ItemNotFound"
   * @param message - Excel's message for it
   * @param errorLocation - the API member that failed, e.g. "WorksheetCollection.getItem"
   */
  constructor(readonly code: ApiErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }
}

/** Excel's messages, by code. Functions take the detail Excel puts in the sentence. */
export const MESSAGES = {
  propertyNotLoaded: (property: string): string =>
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  nullObject: (property: string): string =>
    `The property '${property}' is not available because the object is a null object (isNullObject is true). Check isNullObject before reading its properties.`,
  invalidObjectPath: (path: string): string =>
    `The object path '${path}' isn't working for what you're trying to do. This object cannot be used outside the Excel.run that created it: copy what you need into plain values inside the batch, or load it again in a new Excel.run.`,
  invalidRequestContext: (): string => "Cannot use the object across different request contexts.",
  requestPayload: (bytes: number, limit: number): string =>
    `The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins". (${bytes} bytes; the limit is ${limit}.)`,
  responsePayload: (bytes: number, limit: number): string =>
    `The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins". (${bytes} bytes; the limit is ${limit}.)`,
  itemNotFound: (): string => "The requested resource doesn't exist.",
  itemAlreadyExists: (): string => "The resource already exists.",
  invalidArgument: (): string => "The argument is invalid or missing or has an incorrect format.",
  shapeMismatch: (): string =>
    "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
  apiNotFound: (): string =>
    "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  general: (detail: string): string => `An internal error has occurred. (${detail})`,
  cellEditMode: (): string =>
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
} as const;

/** Shorthand for a {@link HostApiError}. */
export function apiError(code: ApiErrorCode, message: string, errorLocation?: string): HostApiError {
  return new HostApiError(code, message, errorLocation);
}
