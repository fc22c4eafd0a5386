/**
 * Hyperlinks on cells: an internal target ("'Sheet'!A1") is stored as "#'Sheet'!A1", which the
 * patches (patches.ts) write the way Excel does.
 */
import type * as ExcelJS from "exceljs";
import { ValueType } from "./internals";
import { type Box, isEntireColumns, isEntireRows } from "./a1";
import { readValue } from "./cellRead";
import { apiError, MESSAGES } from "../office/errors";

/** What `Range.hyperlink` accepts (`Excel.RangeHyperlink`). */
export interface HyperlinkInput {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

/**
 * Puts a link on every cell of the box that can hold a value, keeping the cell's text unless
 * `textToDisplay` is given.
 *
 * @throws HostApiError "InvalidArgument" without a target, or for entire rows or columns
 */
export function setHyperlink(ws: ExcelJS.Worksheet, box: Box, link: HyperlinkInput, location: string): void {
  if (link === null || typeof link !== "object" || isEntireColumns(box) || isEntireRows(box)) {
    throw apiError("InvalidArgument", MESSAGES.invalidArgument(), location);
  }
  const target = link.documentReference !== undefined && link.documentReference !== ""
    ? `#${link.documentReference.replace(/^#/, "")}`
    : link.address;
  if (target === undefined || target === "") throw apiError("InvalidArgument", MESSAGES.invalidArgument(), location);
  for (let i = 0; i < box.rowCount; i++) {
    for (let j = 0; j < box.colCount; j++) {
      const cell = ws.getCell(box.row + i + 1, box.col + j + 1);
      if (cell.type === ValueType.Merge) continue;
      const shown = readValue(cell, false);
      const text = link.textToDisplay ?? (shown === "" ? (link.documentReference ?? link.address ?? "") : String(shown));
      const value: ExcelJS.CellHyperlinkValue = link.screenTip === undefined
        ? { text, hyperlink: target }
        : { text, hyperlink: target, tooltip: link.screenTip };
      cell.value = value;
    }
  }
}
