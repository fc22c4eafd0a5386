/**
 * What the proxies reach through `context.workbook` (or, from a sheet, through
 * {@link hostStateOf}): the ExcelJS workbook and the host's own records: charts (which ExcelJS
 * cannot save), the user's selection on each sheet, the change handlers registered with
 * `Worksheet.onChanged`, and the cell edits a sync made, which fire those handlers.
 */
import type * as ExcelJS from "exceljs";
import type { PortWorksheetChangedEventArgs } from "../../../excel/port";
import type { Box } from "./a1";

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

/** A handler registered with `Worksheet.onChanged.add`, until its `remove()` syncs. */
export interface ChangeListener {
  ws: ExcelJS.Worksheet;
  handler: (args: PortWorksheetChangedEventArgs) => Promise<unknown>;
}

/** Cells whose values a sync wrote, in order. */
export interface CellEdit {
  ws: ExcelJS.Worksheet;
  box: Box;
}

/** The workbook-level target of `context.workbook`. */
export interface HostState {
  readonly workbook: ExcelJS.Workbook;
  readonly chartsEnabled: boolean;
  readonly charts: ChartRecord[];
  /** The selection on each sheet (Excel keeps one per sheet; the active sheet's is "the" selection). */
  readonly selections: WeakMap<ExcelJS.Worksheet, Box>;
  readonly listeners: Set<ChangeListener>;
  /** Edits made by the sync in progress; the host fires the change handlers after it. */
  readonly edits: CellEdit[];
}

/** A fresh state for a workbook. */
export function newHostState(workbook: ExcelJS.Workbook, chartsEnabled: boolean, charts: ChartRecord[]): HostState {
  return { workbook, chartsEnabled, charts, selections: new WeakMap(), listeners: new Set(), edits: [] };
}

const registry = new WeakMap<ExcelJS.Workbook, HostState>();

/** @internal Makes the state reachable from the workbook's sheets. */
export function registerHostState(state: HostState): void {
  registry.set(state.workbook, state);
}

/**
 * The host state of a sheet's workbook.
 *
 * @throws Error when the workbook was never opened by a host (a bug in the host, not in the caller)
 */
export function hostStateOf(wb: ExcelJS.Workbook): HostState {
  const state = registry.get(wb);
  if (state === undefined) throw new Error("This workbook belongs to no XlsxHost");
  return state;
}

/** The Excel-style id of a sheet: stable for the sheet's life, unique in the workbook. */
export function worksheetId(ws: ExcelJS.Worksheet): string {
  return `{00000000-0001-0000-${ws.id.toString(16).toUpperCase().padStart(4, "0")}-000000000000}`;
}
