/** Tells the caller when the user edits a sheet that holds a scored table (Worksheet.onChanged, ExcelApi 1.7). */
import type { PortContext, PortEventHandlerResult } from "./port";

export interface SheetChange {
  sheet: string;
  /** The changed range, local A1 ("C7" or "C7:D9"). */
  address: string;
}

/** What watchSheets registered, with the context it was registered in (handlers are removed there). */
export interface Watch<C extends PortContext = PortContext> {
  context: C;
  handlers: PortEventHandlerResult[];
}

/**
 * Registers a change handler on each named sheet that exists. Two round trips.
 *
 * @returns the handlers and their context, for removeWatch
 */
export async function watchSheets<C extends PortContext>(context: C, sheetNames: string[], onChange: (change: SheetChange) => void): Promise<Watch<C>> {
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
  return { context, handlers };
}

/** Removes handlers registered by watchSheets; `context` is the watch's own. One round trip. */
export async function removeWatch(context: PortContext, watch: Watch): Promise<void> {
  for (const handler of watch.handlers) handler.remove();
  await context.sync();
}
