/**
 * Finds a worksheet's used range by visiting only the cells that exist, so a lone value at
 * XFD1048576 costs no more than one at B2.
 */
import type * as ExcelJS from "exceljs";
import type { Box } from "./a1";
import { hasValue, hasValueOrFormat } from "./cellRead";
import { cellsOf, rowsOf } from "./internals";

/**
 * The smallest box holding every used cell.
 *
 * @param valuesOnly - true: only cells with values count; false: formatted empty cells count too
 * @returns the box, or null when nothing is used
 */
export function usedBox(ws: ExcelJS.Worksheet, valuesOnly: boolean): Box | null {
  const counts = valuesOnly ? hasValue : hasValueOrFormat;
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  rowsOf(ws).forEach((row, ri) => {
    if (row === undefined) return;
    cellsOf(row).forEach((cell, ci) => {
      if (cell === undefined || !counts(cell)) return;
      if (ri < top) top = ri;
      if (ri > bottom) bottom = ri;
      if (ci < left) left = ci;
      if (ci > right) right = ci;
    });
  });
  if (bottom < 0) return null;
  return { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 };
}
