/** Tells the caller when the user edits a sheet that holds a scored table (Worksheet.onChanged, ExcelApi 1.7). */

export interface SheetChange {
  sheet: string;
  /** The changed range, local A1 ("C7" or "C7:D9"). */
  address: string;
}

/** What watchSheets registered, to be removed before the next watch. */
export type Watch = OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[];

/**
 * Registers a change handler on each named sheet that exists. Two round trips.
 *
 * @returns the handlers, for removeWatch
 */
export async function watchSheets(context: Excel.RequestContext, sheetNames: string[], onChange: (change: SheetChange) => void): Promise<Watch> {
  const sheets = sheetNames.map((name) => context.workbook.worksheets.getItemOrNullObject(name).load("id,name"));
  await context.sync();
  const names = new Map(sheets.filter((s) => !s.isNullObject).map((s) => [s.id, s.name]));
  const handlers = sheets
    .filter((s) => !s.isNullObject)
    .map((s) =>
      s.onChanged.add(async (event) => {
        onChange({ sheet: names.get(event.worksheetId) ?? "", address: event.address });
      }),
    );
  await context.sync();
  return handlers;
}

/** Removes handlers registered by watchSheets. One round trip. */
export async function removeWatch(context: Excel.RequestContext, watch: Watch): Promise<void> {
  for (const handler of watch) handler.remove();
  await context.sync();
}
