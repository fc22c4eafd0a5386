/**
 * "Detect only": reads the workbook as compute() does and says which tables the core finds, where
 * they are and which column plays which role, without writing anything.
 */
import type { PortContext } from "./port";
import type { ColumnRole, Detection, SheetGrid } from "../core/types";
import { columnLetters, parseA1, quoteSheetName, splitQualified, toA1Range } from "../core/cells/address";
import { detectWorkbook } from "../core/detect/detectWorkbook";
import { readWorkbook, type ReadEnv } from "./readWorkbook";

export type FoundKind = "indicator" | "enrollment" | "budget";

/** A role and where it was found: a column ("C") for tables, a cell ("E6") for the budget block. */
export interface FoundRole {
  role: ColumnRole | "name" | "link" | "declaredCompletion" | "planned" | "spent" | "declaredRate";
  at: string;
  /** The header or label text there. */
  header: string;
  /** For a weight column of the indicator table: the level it belongs to. */
  level?: 1 | 2 | 3;
}

export interface FoundTable {
  kind: FoundKind;
  sheet: string;
  /** The table's range, sheet-qualified: "绩效评价!B4:H25". */
  range: string;
  /** Data rows: indicator rows, enrollment lines, or 1 for the budget block. */
  rows: number;
  roles: FoundRole[];
}

export interface WorkbookInspection {
  tables: FoundTable[];
  projectName: string | null;
  /** Why nothing can be scored, when nothing can. */
  problem: { zh: string; en: string } | null;
}

/**
 * Reads the workbook (2 round trips, as compute() does) and describes what the core detects.
 *
 * @param select - the same grid narrowing compute() is given, so the pane shows what will be scored
 */
export async function inspectWorkbook(context: PortContext, env: ReadEnv, select?: (grids: SheetGrid[]) => SheetGrid[]): Promise<WorkbookInspection> {
  const read = await readWorkbook(context, env);
  const grids = select?.(read.grids) ?? read.grids;
  return describeDetection(detectWorkbook(grids), grids);
}

/** Turns a detection into plain, displayable facts about each table. */
export function describeDetection(detection: Detection, grids: SheetGrid[]): WorkbookInspection {
  const textAt = (sheet: string, row: number, col: number): string => {
    const g = grids.find((x) => x.name === sheet);
    const v = g?.values[row - g.rowIndex]?.[col - g.columnIndex];
    return v === undefined || v === null ? "" : String(v).trim();
  };
  const tables: FoundTable[] = [];
  const t = detection.indicatorTable;
  if (t !== null) {
    const cols: [FoundRole["role"], number, (1 | 2 | 3)?][] = [];
    for (const [role, col] of Object.entries(t.columns)) if (typeof col === "number") cols.push([role as ColumnRole, col]);
    for (const [level, col] of Object.entries(t.columns.weight)) if (col !== undefined) cols.push(["weight", col, Number(level) as 1 | 2 | 3]);
    cols.sort((a, b) => a[1] - b[1]);
    const lastRow = Math.max(t.headerRow, ...t.rows.map((r) => r.row), t.totals?.row ?? 0);
    const colsOnly = cols.map(([, c]) => c);
    tables.push({
      kind: "indicator",
      sheet: t.sheet,
      range: qualifiedRange(t.sheet, t.headerRow, Math.min(...colsOnly), lastRow, Math.max(...colsOnly)),
      rows: t.rows.length,
      roles: cols.map(([role, col, level]) => ({ role, at: columnLetters(col), header: textAt(t.sheet, t.headerRow, col), ...(level ? { level } : {}) })),
    });
  }
  for (const e of detection.enrollment) {
    const first = e.lines[0];
    if (first === undefined) continue;
    const cells: [FoundRole["role"], string | null][] = [
      ["name", first.cells.name],
      ["target", first.cells.target],
      ["actual", first.cells.actual],
      ["declaredCompletion", first.cells.declaredCompletion],
      ["link", first.cells.link],
    ];
    const at = cells.flatMap(([role, ref]) => {
      const p = ref === null ? null : parseA1(splitQualified(ref)?.address ?? "");
      return p ? [{ role, col: p.col }] : [];
    });
    const lastRow = Math.max(...e.lines.map((l) => parseA1(splitQualified(l.cells.name)?.address ?? "")?.row ?? e.headerRow));
    tables.push({
      kind: "enrollment",
      sheet: e.sheet,
      range: qualifiedRange(e.sheet, e.headerRow, Math.min(...at.map((a) => a.col)), lastRow, Math.max(...at.map((a) => a.col))),
      rows: e.lines.length,
      roles: at.map(({ role, col }) => ({ role, at: columnLetters(col), header: textAt(e.sheet, e.headerRow, col) })),
    });
  }
  const b = detection.budget;
  if (b !== null) {
    const cells: [FoundRole["role"], string | null][] = [
      ["planned", b.cells.planned],
      ["spent", b.cells.spent],
      ["weight", b.cells.weight],
      ["declaredRate", b.cells.declaredRate],
      ["selfScore", b.cells.selfScore],
    ];
    const at = cells.flatMap(([role, ref]) => {
      const p = ref === null ? null : parseA1(splitQualified(ref)?.address ?? "");
      return p ? [{ role, ...p }] : [];
    });
    // A value in the label's row (年度资金总额 | 50 | 57 …) is named by the header above it; a value
    // in a row of its own is named by the label at the start of that row.
    const anchor = parseA1(splitQualified(b.cell)?.address ?? "") ?? { row: 0, col: 0 };
    const roles = at.map(({ role, row, col }) => {
      const header = row === anchor.row ? { row: row - 1, col } : { row, col: anchor.col };
      return { role, at: `${columnLetters(col)}${row + 1}`, header: textAt(b.sheet, header.row, header.col), headerRow: header.row };
    });
    const rowsAt = [anchor.row, ...at.map((a) => a.row), ...roles.map((r) => r.headerRow)];
    const colsAt = [anchor.col, ...at.map((a) => a.col)];
    tables.push({
      kind: "budget",
      sheet: b.sheet,
      range: qualifiedRange(b.sheet, Math.min(...rowsAt), Math.min(...colsAt), Math.max(...rowsAt), Math.max(...colsAt)),
      rows: 1,
      roles: roles.map(({ role, at: cell, header }) => ({ role, at: cell, header })),
    });
  }
  return { tables, projectName: detection.projectName, problem: tables.some((x) => x.kind === "indicator") ? null : detection.problem };
}

function qualifiedRange(sheet: string, row1: number, col1: number, row2: number, col2: number): string {
  return `${quoteSheetName(sheet)}!${toA1Range(row1, col1, row2, col2)}`;
}
