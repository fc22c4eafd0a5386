/**
 * What the proxies reach through `context.workbook`: the ExcelJS workbook and the host's own
 * records (charts, which ExcelJS cannot save).
 */
import type * as ExcelJS from "exceljs";

/** A chart the code path created; recorded in memory only. */
export interface ChartRecord {
  sheet: string;
  type: string;
  /** Sheet-qualified address of the source data. */
  source: string;
  title: string;
  /** Local address of the cell at the chart's top-left corner, "" until setPosition. */
  topLeft: string;
  /** Local address of the cell at the chart's bottom-right corner, "" until setPosition. */
  bottomRight: string;
}

/** The workbook-level target of `context.workbook`. */
export interface HostState {
  readonly workbook: ExcelJS.Workbook;
  readonly chartsEnabled: boolean;
  readonly charts: ChartRecord[];
}
