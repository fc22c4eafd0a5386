/**
 * Reads and writes the cell-level properties of a range (`values`, `numberFormat`)
 * as whole 2-D blocks.
 *
 * - Reads visit the sparse row and cell arrays and never create cells.
 * - Writes check the input's shape and elements before touching any cell, so a rejected write
 *   leaves the sheet as it was.
 * - A single scalar applies to every cell, as Excel allows.
 * - Entire-row and entire-column ranges read as null and reject writes (Excel's "unbounded range").
 */
import type * as ExcelJS from "exceljs";
import { type Box, isUnbounded } from "./a1";
import { type ApiValue, readFormula, readNumberFormat, readValue } from "./cellRead";
import { isValidInput, writeInput } from "./cellWrite";
import { apiError, MESSAGES } from "../office/errors";
import { cellsOf, columnsOf, rowsOf } from "./internals";
import { setNumberFormat, type Style } from "./style";
import { engineFor, lacksResult } from "./formulas";

/** A range's target: the sheet and the rectangle. */
export interface RangeTarget {
  ws: ExcelJS.Worksheet;
  box: Box;
}

/** Which cell-level property (`formulas` is read-only here). */
export type CellProperty = "values" | "formulas" | "numberFormat";

function isDate1904(ws: ExcelJS.Worksheet): boolean {
  return Boolean((ws.workbook.properties as { date1904?: boolean } | undefined)?.date1904);
}

/**
 * Reads a cell-level property as a 2-D array, or null for an unbounded range.
 */
export function readCells(t: RangeTarget, property: CellProperty): (ApiValue | string)[][] | null {
  const { ws, box } = t;
  if (isUnbounded(box)) return null;
  const date1904 = isDate1904(ws);
  const rows = rowsOf(ws);
  const columns = columnsOf(ws);
  const out: (ApiValue | string)[][] = new Array(box.rowCount);
  for (let i = 0; i < box.rowCount; i++) {
    const row = rows[box.row + i];
    const cells = row === undefined ? undefined : cellsOf(row);
    const line: (ApiValue | string)[] = new Array(box.colCount);
    for (let j = 0; j < box.colCount; j++) {
      const cell = cells?.[box.col + j];
      // A formula without a cached result reads as Excel would calculate it (./formulas.ts).
      if (property === "values") line[j] = lacksResult(cell) ? engineFor(ws.workbook).valueOf(ws, cell) : readValue(cell, date1904);
      else if (property === "formulas") line[j] = readFormula(cell, date1904);
      else {
        const fallback = cell === undefined ? (row?.numFmt ?? columns[box.col + j]?.numFmt) : undefined;
        line[j] = readNumberFormat(cell, fallback);
      }
    }
    out[i] = line;
  }
  return out;
}

/** Checks the input's shape against the range; returns a per-cell getter. */
function inputGetter(box: Box, input: unknown, location: string): (i: number, j: number) => unknown {
  if (!Array.isArray(input)) {
    if (!isValidInput(input) || input === null || input === undefined) {
      throw apiError("InvalidArgument", MESSAGES.invalidArgument(), location);
    }
    return () => input;
  }
  if (input.length !== box.rowCount) throw apiError("InvalidArgument", MESSAGES.shapeMismatch(), location);
  for (const line of input) {
    if (!Array.isArray(line) || line.length !== box.colCount) {
      throw apiError("InvalidArgument", MESSAGES.shapeMismatch(), location);
    }
    for (const v of line) if (!isValidInput(v)) throw apiError("InvalidArgument", MESSAGES.invalidArgument(), location);
  }
  const grid = input as unknown[][];
  return (i, j) => grid[i]?.[j];
}

/**
 * Writes a cell-level property from a 2-D array or a scalar.
 *
 * @throws HostApiError "InvalidArgument" on a shape mismatch, a bad element or an unbounded range
 */
export function writeCells(t: RangeTarget, property: CellProperty, input: unknown, location: string): void {
  const { ws, box } = t;
  if (isUnbounded(box)) throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} Cell-level properties cannot be set on an entire row or column.`, location);
  const get = inputGetter(box, input, location);
  if (property === "numberFormat") {
    for (let i = 0; i < box.rowCount; i++) {
      for (let j = 0; j < box.colCount; j++) {
        const v = get(i, j);
        if (v !== null && v !== undefined && typeof v !== "string") throw apiError("InvalidArgument", MESSAGES.invalidArgument(), location);
      }
    }
  }
  const shared = new Map<string, Map<Style | string, Style>>();
  if (property === "values") engineFor(ws.workbook).invalidate();
  for (let i = 0; i < box.rowCount; i++) {
    const row = ws.getRow(box.row + i + 1);
    for (let j = 0; j < box.colCount; j++) {
      const v = get(i, j);
      if (v === null || v === undefined) continue;
      const cell = row.getCell(box.col + j + 1);
      if (property === "numberFormat") setNumberFormat(cell, v as string, shared);
      else writeInput(cell, v);
    }
  }
}
