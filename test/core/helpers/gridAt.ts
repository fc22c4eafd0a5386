import type { CellValue, SheetGrid } from "../../../src/core/types";
import { parseA1, parseA1Range, splitQualified } from "../../../src/core/cells/address";

/**
 * Builds a SheetGrid inline: `gridAt("Data!B2", rows, ["B2:B4"])` puts rows[0][0] at B2. Merges are
 * local A1 ranges; `formats` (same shape as rows, optional) gives number formats.
 */
export function gridAt(anchor: string, rows: CellValue[][], merges: string[] = [], formats?: string[][]): SheetGrid {
  const q = splitQualified(anchor);
  if (!q) throw new Error(`bad anchor ${anchor}`);
  const at = parseA1(q.address);
  if (!at) throw new Error(`bad anchor ${anchor}`);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const values = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
  return {
    name: q.sheet,
    rowIndex: at.row,
    columnIndex: at.col,
    values,
    numberFormats: values.map((r, i) => r.map((_, j) => formats?.[i]?.[j] ?? "General")),
    merges: merges.map((m) => {
      const b = parseA1Range(m);
      if (!b) throw new Error(`bad merge ${m}`);
      return b;
    }),
  };
}
