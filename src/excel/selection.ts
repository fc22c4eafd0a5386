/** The user's selection in Excel: reading it, and moving it to a cell or range the pane names. */
import { splitQualified } from "../core/cells/address";
import type { PortContext } from "./port";

/**
 * The address of the selected range, sheet-qualified as Excel gives it ("'My sheet'!B4:H25").
 * One round trip.
 */
export async function readSelection(context: PortContext): Promise<string> {
  const range = context.workbook.getSelectedRange().load("address");
  await context.sync();
  return range.address;
}

/**
 * Activates the sheet of `ref` and selects the range, so the user sees it. One round trip.
 *
 * @param ref - a sheet-qualified address: "绩效评价!F16" or "'My sheet'!B4:H25"
 * @returns false when `ref` is not a sheet-qualified address or its sheet no longer exists
 */
export async function selectRange(context: PortContext, ref: string): Promise<boolean> {
  const parts = splitQualified(ref);
  if (parts === null) return false;
  const sheet = context.workbook.worksheets.getItemOrNullObject(parts.sheet);
  await context.sync();
  if (sheet.isNullObject) return false;
  sheet.activate();
  sheet.getRange(parts.address).select();
  await context.sync();
  return true;
}
