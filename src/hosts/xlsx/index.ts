/**
 * The xlsx host: an ExcelJS-backed, strict implementation of the part of the Excel JavaScript API
 * that `src/excel` uses, so the one Office.js code path also runs against an .xlsx file.
 */
export { XlsxHost, type HostOptions } from "./xlsxHost";
export { HostOpenError, HostApiError, type ApiErrorCode } from "./office/errors";
export { ExcelJsVersionError } from "./exceljs/internals";
export type { ChartRecord } from "./exceljs/hostState";
export type { SyncRecord } from "./office/session";
export type { FormulaProblem, FormulaFailure } from "./exceljs/formulas";
