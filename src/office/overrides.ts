/**
 * "Use the selection as the indicator table / enrollment table / budget block": ranges the user
 * chose, kept in the workbook, and how compute() honours them. Pure: no Office, no DOM.
 */
import type { SheetGrid } from "../core/types";
import { parseA1Range, splitQualified } from "../core/cells/address";
import { detectWorkbook } from "../core/detect/detectWorkbook";

export type TableKind = "indicator" | "enrollment" | "budget";

export const TABLE_KINDS: readonly TableKind[] = ["indicator", "enrollment", "budget"];

/** Sheet-qualified ranges ("'My sheet'!B4:H25") the user chose, by kind. */
export type TableOverrides = Partial<Record<TableKind, string>>;

/** The overrides a workbook stored, keeping only well-formed sheet-qualified ranges. */
export function readStoredOverrides(stored: unknown): TableOverrides {
  const out: TableOverrides = {};
  if (typeof stored !== "object" || stored === null) return out;
  for (const kind of TABLE_KINDS) {
    const value = (stored as Record<string, unknown>)[kind];
    if (typeof value === "string" && rangeOf(value) !== null) out[kind] = value;
  }
  return out;
}

function rangeOf(ref: string): { sheet: string; row: number; rowCount: number } | null {
  const parts = splitQualified(ref);
  const box = parts ? parseA1Range(parts.address) : null;
  return parts && box ? { sheet: parts.sheet, row: box.row, rowCount: box.rowCount } : null;
}

function hasKind(grid: SheetGrid, kinds: Set<TableKind>): boolean {
  const found = detectWorkbook([grid]);
  return (
    (kinds.has("indicator") && (found.indicatorTable?.rows.length ?? 0) > 0) ||
    (kinds.has("enrollment") && found.enrollment.some((t) => t.lines.length > 0)) ||
    (kinds.has("budget") && found.budget !== null)
  );
}

/**
 * Narrows the grids the core scores to the ranges the user chose.
 *
 * - Each chosen range becomes a grid of its own: its sheet's cells in the range's rows (every
 *   column kept, so labels beside the table still read), at their real addresses. These come
 *   first, so the chosen budget block is the one found.
 * - A sheet that holds a chosen range is otherwise left out.
 * - Any other sheet is kept, unless it holds a table of a kind the user chose (then the choice
 *   would compete with it), in which case it is left out.
 * - With no overrides the grids are returned as they are.
 *
 * @example
 * restrictGrids(grids, { indicator: "绩效评价!B4:H25" }).map((g) => g.name) //=> ["绩效评价", "参保情况"]
 */
export function restrictGrids(grids: SheetGrid[], overrides: TableOverrides): SheetGrid[] {
  const chosen = TABLE_KINDS.flatMap((kind) => {
    const ref = overrides[kind];
    const range = ref === undefined ? null : rangeOf(ref);
    return range ? [{ kind, ...range }] : [];
  });
  if (chosen.length === 0) return grids;
  const byName = new Map(grids.map((g) => [g.name.toLowerCase(), g]));
  const cut: SheetGrid[] = [];
  for (const c of chosen) {
    const grid = byName.get(c.sheet.toLowerCase());
    if (grid === undefined) continue;
    const from = Math.max(c.row, grid.rowIndex);
    const to = Math.min(c.row + c.rowCount, grid.rowIndex + grid.values.length);
    const rows = (list: unknown[][]) => list.slice(from - grid.rowIndex, Math.max(from, to) - grid.rowIndex);
    cut.push({
      ...grid,
      rowIndex: from,
      values: rows(grid.values) as SheetGrid["values"],
      numberFormats: rows(grid.numberFormats) as string[][],
      merges: grid.merges.filter((m) => m.row < to && m.row + m.rowCount > from),
    });
  }
  const chosenSheets = new Set(chosen.map((c) => c.sheet.toLowerCase()));
  const kinds = new Set(chosen.map((c) => c.kind));
  const others = grids.filter((g) => !chosenSheets.has(g.name.toLowerCase()) && !hasKind(g, kinds));
  return [...cut, ...others];
}
