/**
 * The marks that tell our output sheets from the user's (docs/scoring-rules.md §1.5).
 *
 * A sheet is ours only when a workbook name of the exact shape `PerfScore_<Role>_<8 hex>` points
 * at it and the 8 hex digits are the digest of what the sheet holds now: its name, the cells of
 * its values-only used range as `Range.formulas` reports them, and where that range starts. (The
 * name is in the digest so that a new output sheet, which never takes a kept sheet's name, never
 * takes a kept sheet's mark either; renaming our sheet counts as editing it.) We
 * compute the digest from the plan when we write the sheet; when the user has since typed
 * anything into it, the digests differ and the sheet is kept. A `PerfScore_…` name of any other
 * shape (including the digest-less `PerfScore_ScoreTable` that earlier versions wrote) is the user's own: it and its sheet are left alone, and the sheet is read like any other.
 */
import { writtenValue, type SheetPlan } from "../core/layout/sheetPlan";
import { parseA1Range, splitQualified } from "../core/cells/address";

/** The prefix every marker name starts with. */
export const MARKER_PREFIX = "PerfScore_";

const ROLE_NAMES: Record<SheetPlan["role"], string> = { scoreTable: "ScoreTable", summary: "Summary" };
const MARKER = /^PerfScore_(ScoreTable|Summary)_([0-9A-Fa-f]{8})$/;
/** What a workbook name says about the sheet it points at: our mark and its digest, or nothing. */
export type MarkerKind = { digest: string } | null;

/**
 * Reads a workbook name as one of our marks, or null for any other name.
 *
 * @example
 * parseMarker("PerfScore_ScoreTable_0a1b2c3d") //=> { digest: "0a1b2c3d" }
 * parseMarker("PerfScore_ScoreTable") //=> null (no digest: the user's name, or an older version's mark)
 */
export function parseMarker(name: string): MarkerKind {
  const m = MARKER.exec(name);
  return m?.[2] !== undefined ? { digest: m[2].toLowerCase() } : null;
}

/** FNV-1a, 32 bits, over UTF-16 code units: 8 hex digits. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

function encode(v: unknown): string {
  if (typeof v === "number") return `n${String(v)}`;
  if (typeof v === "boolean") return `b${String(v)}`;
  return `s${String(v ?? "")}`;
}

/**
 * The digest of a sheet's block of cells as `Range.formulas` reports it, placed at (`rowIndex`,
 * `columnIndex`): the sheet's values-only used range.
 *
 * @example
 * cellsDigest("评分表", 0, 0, [["总分", "=SUM(B2:B3)"]]) //=> 8 hex digits
 */
export function cellsDigest(sheet: string, rowIndex: number, columnIndex: number, formulas: readonly (readonly unknown[])[]): string {
  const parts: string[] = [`${sheet}\u0003${rowIndex},${columnIndex},${formulas.length}`];
  for (const row of formulas) parts.push(row.map(encode).join("\u0001"));
  return fnv1a(parts.join("\u0002"));
}

/**
 * The digest the sheet a plan describes will have once written: its non-empty cells' bounding
 * box (cells a merge covers, other than its top-left one, read as empty), as `Range.formulas`
 * will report it.
 */
export function planDigest(plan: SheetPlan): string {
  const covered = new Set<string>();
  for (const m of plan.merges) {
    const box = parseA1Range(splitQualified(m)?.address ?? m);
    if (!box) continue;
    for (let r = box.row; r < box.row + box.rowCount; r++) {
      for (let c = box.col; c < box.col + box.colCount; c++) if (r !== box.row || c !== box.col) covered.add(`${r},${c}`);
    }
  }
  const value = (r: number, c: number): string | number => {
    const cell = plan.cells[r]?.[c];
    return cell === undefined || covered.has(`${r},${c}`) ? "" : writtenValue(cell);
  };
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  plan.cells.forEach((row, r) =>
    row.forEach((_, c) => {
      if (value(r, c) === "") return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }),
  );
  if (bottom < 0) return cellsDigest(plan.name, 0, 0, []);
  const rows: (string | number)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const line: (string | number)[] = [];
    for (let c = left; c <= right; c++) line.push(value(r, c));
    rows.push(line);
  }
  return cellsDigest(plan.name, top, left, rows);
}

/** The marker name for a plan's sheet: `PerfScore_ScoreTable_<digest>`. */
export function markerName(plan: SheetPlan): string {
  return `${MARKER_PREFIX}${ROLE_NAMES[plan.role]}_${planDigest(plan)}`;
}
