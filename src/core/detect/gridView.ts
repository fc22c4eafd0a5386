import type { CellBox, CellValue, SheetGrid } from "../types";
import { quoteSheetName, toA1 } from "../cells/address";
import { headerText } from "./headerRoles";

const MAX_MERGE_CELLS = 200_000;

/**
 * Read access to one sheet's grid by absolute 0-based position, aware of merged areas: a merged
 * area gives its top-left value to every cell it covers (`filled`), while `raw` sees what Excel
 * stores (the value only in the top-left cell).
 */
export class GridView {
  readonly name: string;
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
  private readonly grid: SheetGrid;
  /** The merged areas that fill cells, in the order given (a later one wins where two overlap). */
  private readonly merges: CellBox[] = [];
  /** For each cell of the grid's rectangle (row-major, `width` a row): 1 + the index in `merges` of the area covering it, 0 for none. */
  private readonly mergeAt: Int32Array;
  /** Covered cells outside the grid's rectangle (a merge reaching past the cells read), keyed row × 20000 + col. */
  private readonly mergeOutside = new Map<number, CellBox>();
  private readonly width: number;
  /** The sheet name as references quote it, computed once. */
  private readonly quoted: string;
  /** Per column, the start of its cells' addresses ("Sheet!C"), built on first use. */
  private readonly columnPrefix: string[] = [];
  /** headerCells per row of the grid (index row − firstRow), filled as rows are asked for. */
  private readonly headerRows: (readonly { col: number; norm: string | null }[] | undefined)[];
  private readonly headerRowsOutside = new Map<number, readonly { col: number; norm: string | null }[]>();

  constructor(grid: SheetGrid) {
    this.grid = grid;
    this.name = grid.name;
    this.quoted = quoteSheetName(grid.name);
    this.firstRow = grid.rowIndex;
    this.firstCol = grid.columnIndex;
    this.lastRow = grid.rowIndex + grid.values.length - 1;
    this.width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
    this.lastCol = grid.columnIndex + this.width - 1;
    this.headerRows = new Array<readonly { col: number; norm: string | null }[] | undefined>(grid.values.length).fill(undefined);
    this.mergeAt = new Int32Array(grid.merges.length > 0 ? grid.values.length * this.width : 0);
    for (const m of grid.merges) {
      if (m.rowCount * m.colCount > MAX_MERGE_CELLS) continue;
      this.merges.push(m);
      const index = this.merges.length;
      for (let r = m.row; r < m.row + m.rowCount; r++) {
        for (let c = m.col; c < m.col + m.colCount; c++) {
          const at = this.offset(r, c);
          if (at >= 0) this.mergeAt[at] = index;
          else this.mergeOutside.set(r * 20000 + c, m);
        }
      }
    }
  }

  /** The cell's place in `mergeAt`, or -1 outside the grid's rectangle. */
  private offset(row: number, col: number): number {
    const i = row - this.firstRow;
    const j = col - this.firstCol;
    return i >= 0 && j >= 0 && i < this.grid.values.length && j < this.width ? i * this.width + j : -1;
  }

  /** The stored value ("" outside the grid). */
  raw(row: number, col: number): CellValue {
    return this.grid.values[row - this.firstRow]?.[col - this.firstCol] ?? "";
  }

  /** The number format ("General" outside the grid). */
  format(row: number, col: number): string {
    return this.grid.numberFormats[row - this.firstRow]?.[col - this.firstCol] ?? "General";
  }

  /** The merged area covering the cell, if any. */
  merge(row: number, col: number): CellBox | undefined {
    if (this.merges.length === 0) return undefined;
    const at = this.offset(row, col);
    if (at < 0) return this.mergeOutside.get(row * 20000 + col);
    const index = this.mergeAt[at] as number;
    return index === 0 ? undefined : this.merges[index - 1];
  }

  /** The value with merged areas filled in. */
  filled(row: number, col: number): CellValue {
    const m = this.merge(row, col);
    return m ? this.raw(m.row, m.col) : this.raw(row, col);
  }

  /** The number format of the cell that supplies `filled`. */
  filledFormat(row: number, col: number): string {
    const m = this.merge(row, col);
    return m ? this.format(m.row, m.col) : this.format(row, col);
  }

  /** The address of the cell that supplies `filled` (the merge's top-left, or the cell). */
  sourceCell(row: number, col: number): string {
    const m = this.merge(row, col);
    return m ? this.cell(m.row, m.col) : this.cell(row, col);
  }

  /** True when the cell is inside a merged area but not its top-left. */
  isMergeSlave(row: number, col: number): boolean {
    const m = this.merge(row, col);
    return m !== undefined && (m.row !== row || m.col !== col);
  }

  /** Trimmed text of the filled value ("" for empty). */
  text(row: number, col: number): string {
    return textOf(this.filled(row, col));
  }

  /** Sheet-qualified A1 address of a cell. */
  cell(row: number, col: number): string {
    let prefix = this.columnPrefix[col];
    if (prefix === undefined) {
      // "Sheet!C" for column C: the row number completes the address.
      prefix = `${this.quoted}!${toA1(0, col).slice(0, -1)}`;
      if (Number.isInteger(col) && col >= 0) this.columnPrefix[col] = prefix;
      else return `${this.quoted}!${toA1(row, col)}`;
    }
    return prefix + String(row + 1);
  }

  /**
   * The row's non-empty cells (after merge fill) with their normalised header text (headerText),
   * computed once: every table detector scans every row for headers. A row none of whose cells
   * can be a header gives no cells.
   */
  headerCells(row: number): readonly { col: number; norm: string | null }[] {
    const i = row - this.firstRow;
    const cached = i >= 0 && i < this.headerRows.length ? this.headerRows[i] : this.headerRowsOutside.get(row);
    if (cached !== undefined) return cached;
    // A row where no cell can be a header (every data row) keeps nothing, and is found so without
    // building its cells: only text can be a header (a number or TRUE/FALSE normalises to no synonym).
    let kept = NO_HEADER_CELLS;
    for (let c = this.firstCol; c <= this.lastCol; c++) {
      if (this.headerNorm(row, c) !== null) {
        kept = this.allHeaderCells(row);
        break;
      }
    }
    if (i >= 0 && i < this.headerRows.length) this.headerRows[i] = kept;
    else this.headerRowsOutside.set(row, kept);
    return kept;
  }

  /** A cell's headerText, or null for a cell that is empty, not text or cannot be a header. */
  private headerNorm(row: number, col: number): string | null {
    const m = this.merge(row, col);
    const v = m ? this.raw(m.row, m.col) : this.raw(row, col);
    if (typeof v !== "string") return null;
    const text = v.trim();
    if (text === "") return null;
    return headerText(text, m !== undefined && (m.row !== row || m.col !== col) && !isTwoRowHeaderCell(m, row, col));
  }

  /** Every non-empty cell of a row with its headerText. */
  private allHeaderCells(row: number): { col: number; norm: string | null }[] {
    const cells: { col: number; norm: string | null }[] = [];
    for (let c = this.firstCol; c <= this.lastCol; c++) {
      if (this.text(row, c) !== "") cells.push({ col: c, norm: this.headerNorm(row, c) });
    }
    return cells;
  }

  /** True when every cell of the row in [col1, col2] is empty after merge fill. */
  isBlankRow(row: number, col1: number, col2: number): boolean {
    for (let c = col1; c <= col2; c++) if (this.text(row, c) !== "") return false;
    return true;
  }
}

const NO_HEADER_CELLS: readonly { col: number; norm: string | null }[] = Object.freeze([]);

/** Trimmed text of a value ("" for empty). */
function textOf(v: CellValue): string {
  return typeof v === "string" ? v.trim() : typeof v === "number" || typeof v === "boolean" ? String(v) : "";
}

/**
 * True for the lower cell of a header cell merged over exactly two rows in one column (分值 over
 * a two-row header whose other columns split, as 年度指标值 over 指标性质 | 指标值 | 度量单位):
 * the lower row of such a header reads it as its own.
 */
function isTwoRowHeaderCell(m: CellBox, row: number, col: number): boolean {
  return m.rowCount === 2 && m.colCount === 1 && m.row === row - 1 && m.col === col;
}
