/**
 * Reads a format property over a range the way Excel reports it: the common value when every cell
 * agrees, null when they differ (and null for unbounded ranges, which the host does not scan).
 */
import type * as ExcelJS from "exceljs";
import { isUnbounded } from "./a1";
import { findCell } from "./internals";
import type { RangeTarget } from "./rangeCells";

/**
 * The uniform value of `pick` over the range's cells, or null.
 *
 * @param pick - reads the property from a cell (undefined when the cell does not exist)
 */
export function uniform<V>(t: RangeTarget, pick: (cell: ExcelJS.Cell | undefined) => V): V | null {
  const { ws, box } = t;
  if (isUnbounded(box)) return null;
  let first = true;
  let value: V | null = null;
  for (let i = 0; i < box.rowCount; i++) {
    for (let j = 0; j < box.colCount; j++) {
      const v = pick(findCell(ws, box.row + i + 1, box.col + j + 1));
      if (first) {
        value = v;
        first = false;
      } else if (v !== value) {
        return null;
      }
    }
  }
  return value;
}
