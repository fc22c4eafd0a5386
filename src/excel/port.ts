/**
 * The Office.js port: exactly the members of the Excel JavaScript API that `readWorkbook`,
 * `writePlans` and `compute` use, in Excel's own types.
 *
 * - Every leaf member is taken from `@types/office-js` with `Pick<Excel.X, …>`, so its type is
 *   Excel's, word for word.
 * - A member that leads to another object (`range.format`, `worksheets.getItem`) is written here
 *   with the port type of that object, so the port names nothing the code path does not reach.
 * - `Excel.RequestContext` satisfies {@link PortContext} (proved in portProof.ts, which
 *   `npm run typecheck` compiles), so the code path runs unchanged in Excel; the xlsx host
 *   `implements` these interfaces, so it runs against an .xlsx file too.
 *
 * Adding a member here is adding it to what every host must provide: add it only when the code
 * path starts using it. The task pane's own jobs (selection.ts, watchChanges.ts) are typed against
 * the port too, so the browser harness runs them on the xlsx host unchanged.
 */

/** Every `load()` of the code path names its properties, as a comma-separated string. */
interface Loads<Self> {
  load(propertyNames: string): Self;
}

/** `Excel.RequestContext`: the workbook, the application and the round trip. */
export interface PortContext {
  readonly workbook: PortWorkbook;
  readonly application: PortApplication;
  /** Runs the queued commands and fills loaded properties. */
  sync(): Promise<unknown>;
}

/** `Excel.Application`: only the two suspensions each write batch asks for. */
export type PortApplication = Pick<Excel.Application, "suspendApiCalculationUntilNextSync" | "suspendScreenUpdatingUntilNextSync">;

/** `Excel.Workbook`: its sheets, its defined names and the user's selection. */
export interface PortWorkbook {
  readonly worksheets: PortWorksheetCollection;
  readonly names: PortNamedItemCollection;
  getSelectedRange(): PortRange;
}

/** `Excel.WorksheetCollection`. */
export interface PortWorksheetCollection extends Loads<PortWorksheetCollection> {
  readonly items: PortWorksheet[];
  getItem(key: string): PortWorksheet;
  getItemOrNullObject(key: string): PortWorksheet;
  add(name?: string): PortWorksheet;
}

/** `Excel.NamedItemCollection`. */
export interface PortNamedItemCollection extends Loads<PortNamedItemCollection> {
  readonly items: PortNamedItem[];
  getItem(name: string): PortNamedItem;
  add(name: string, reference: PortRange | string, comment?: string): PortNamedItem;
}

/** `Excel.NamedItem`: its name, its formula ("=Sheet!$A$1"), and deleting it. */
export type PortNamedItem = Pick<Excel.NamedItem, "name" | "formula" | "delete">;

/** `Excel.Worksheet`. */
export interface PortWorksheet extends Loads<PortWorksheet>, Pick<Excel.Worksheet, "id" | "name" | "tabColor" | "isNullObject" | "delete" | "activate"> {
  /** Edits of the sheet's cells (ExcelApi 1.7). */
  readonly onChanged: PortEventHandlers<PortWorksheetChangedEventArgs>;
  readonly freezePanes: PortFreezePanes;
  readonly pageLayout: PortPageLayout;
  readonly charts: PortChartCollection;
  getRange(address?: string): PortRange;
  /** ExcelApi 1.9: several areas in one object, so that one set formats them all. */
  getRanges(address?: string): PortRangeAreas;
  getUsedRangeOrNullObject(valuesOnly?: boolean): PortRange;
}

/** `Excel.Range`. */
export interface PortRange
  extends Loads<PortRange>,
    Pick<
      Excel.Range,
      "address" | "values" | "formulas" | "numberFormat" | "rowIndex" | "columnIndex" | "rowCount" | "columnCount" | "hyperlink" | "isNullObject" | "merge" | "select" | "setRowProperties" | "setColumnProperties" | "setCellProperties"
    > {
  readonly format: PortRangeFormat;
  readonly conditionalFormats: PortConditionalFormatCollection;
  getUsedRangeOrNullObject(valuesOnly?: boolean): PortRange;
  getMergedAreasOrNullObject(): PortRangeAreas;
}

/** `OfficeExtension.EventHandlers`: registering a handler, which takes effect at the next sync. */
export interface PortEventHandlers<Args> {
  add(handler: (args: Args) => Promise<unknown>): PortEventHandlerResult;
}

/** `OfficeExtension.EventHandlerResult`: removed in the context it was added with, at the next sync. */
export type PortEventHandlerResult = Pick<OfficeExtension.EventHandlerResult<unknown>, "remove">;

/** `Excel.WorksheetChangedEventArgs`: which sheet (by id) and which cells changed. */
export type PortWorksheetChangedEventArgs = Pick<Excel.WorksheetChangedEventArgs, "worksheetId" | "address">;

/** `Excel.RangeAreas`: the merged areas of a range, read through their address; areas formatted at once. */
export interface PortRangeAreas extends Loads<PortRangeAreas>, Pick<Excel.RangeAreas, "address" | "isNullObject"> {
  readonly format: PortRangeFormat;
  readonly conditionalFormats: PortConditionalFormatCollection;
}

/** `Excel.RangeFormat`. */
export interface PortRangeFormat
  extends Pick<Excel.RangeFormat, "horizontalAlignment" | "verticalAlignment" | "wrapText" | "columnWidth" | "rowHeight"> {
  readonly font: PortRangeFont;
  readonly fill: PortRangeFill;
  readonly borders: PortRangeBorderCollection;
}

/** `Excel.RangeFont`. */
export type PortRangeFont = Pick<Excel.RangeFont, "name" | "bold" | "italic" | "color" | "size">;

/** `Excel.RangeFill`. */
export type PortRangeFill = Pick<Excel.RangeFill, "color">;

/** `Excel.RangeBorderCollection`: one border by side. */
export interface PortRangeBorderCollection {
  getItem(index: Excel.BorderIndex | `${Excel.BorderIndex}`): PortRangeBorder;
}

/** `Excel.RangeBorder`. */
export type PortRangeBorder = Pick<Excel.RangeBorder, "style" | "weight" | "color">;

/** `Excel.WorksheetFreezePanes`. */
export interface PortFreezePanes extends Pick<Excel.WorksheetFreezePanes, "freezeRows"> {
  freezeAt(frozenRange: PortRange | string): void;
}

/** `Excel.PageLayout` (ExcelApi 1.9). */
export interface PortPageLayout extends Pick<Excel.PageLayout, "orientation" | "paperSize" | "zoom"> {
  setPrintTitleRows(range: string): void;
}

/** `Excel.ChartCollection`. */
export interface PortChartCollection {
  add(type: Excel.ChartType | `${Excel.ChartType}`, sourceData: PortRange, seriesBy?: Excel.ChartSeriesBy | `${Excel.ChartSeriesBy}`): PortChart;
}

/** `Excel.Chart`: its title and its place on the sheet. */
export interface PortChart {
  readonly title: PortChartTitle;
  setPosition(startCell: PortRange | string, endCell?: PortRange | string): void;
}

/** `Excel.ChartTitle`. */
export type PortChartTitle = Pick<Excel.ChartTitle, "text">;

/** `Excel.ConditionalFormatCollection`. */
export interface PortConditionalFormatCollection {
  add(type: Excel.ConditionalFormatType | `${Excel.ConditionalFormatType}`): PortConditionalFormat;
}

/** `Excel.ConditionalFormat`: the three kinds the score table uses. */
export interface PortConditionalFormat {
  readonly cellValue: PortCellValueConditionalFormat;
  readonly custom: PortCustomConditionalFormat;
  readonly dataBar: PortDataBarConditionalFormat;
}

/** `Excel.ConditionalRangeFormat`: fill and font colour. */
export interface PortConditionalRangeFormat {
  readonly fill: PortConditionalRangeFill;
  readonly font: PortConditionalRangeFont;
}

/** `Excel.ConditionalRangeFill`. */
export type PortConditionalRangeFill = Pick<Excel.ConditionalRangeFill, "color">;

/** `Excel.ConditionalRangeFont`. */
export type PortConditionalRangeFont = Pick<Excel.ConditionalRangeFont, "color">;

/** `Excel.CellValueConditionalFormat`. */
export interface PortCellValueConditionalFormat extends Pick<Excel.CellValueConditionalFormat, "rule"> {
  readonly format: PortConditionalRangeFormat;
}

/** `Excel.CustomConditionalFormat`. */
export interface PortCustomConditionalFormat {
  readonly rule: PortConditionalFormatRule;
  readonly format: PortConditionalRangeFormat;
}

/** `Excel.ConditionalFormatRule`: the formula of a custom rule. */
export type PortConditionalFormatRule = Pick<Excel.ConditionalFormatRule, "formula">;

/** `Excel.DataBarConditionalFormat`. */
export interface PortDataBarConditionalFormat extends Pick<Excel.DataBarConditionalFormat, "barDirection" | "lowerBoundRule" | "upperBoundRule"> {
  readonly positiveFormat: PortDataBarPositiveFormat;
}

/** `Excel.ConditionalDataBarPositiveFormat`. */
export type PortDataBarPositiveFormat = Pick<Excel.ConditionalDataBarPositiveFormat, "fillColor" | "gradientFill">;
