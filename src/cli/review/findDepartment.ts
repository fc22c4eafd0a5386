import type { SheetGrid } from "../../core/types";
import { normalizeHeader } from "../../core/cells/normalize";

/** Labels that name the department, most specific first: 主管部门 wins over 实施单位 wherever each sits. */
const LABELS = ["主管部门", "预算部门", "部门名称", "主管单位", "预算单位", "实施单位", "department", "competentdepartment", "implementingunit"];

/** How far down each sheet the label is looked for: it belongs to a form's header block. */
const ROWS_SCANNED = 40;

/**
 * Finds the department a workbook names: the text right of a 主管部门 / 预算部门 / 部门名称 /
 * 实施单位 label (or "主管部门：…" in one cell) in the first 40 rows of any sheet.
 *
 * - Labels are matched after width folding and without brackets, spaces or a trailing colon, so
 *   "主管部门（单位）：" matches.
 * - The neighbour is the first non-empty cell to the right; merged cells read as "" past their
 *   first cell, so a merged name is read once.
 * - When several labels are present the earlier one in the list above wins.
 *
 * @param grids - the user's sheets, as readWorkbook gives them
 * @returns the department, or null when the workbook names none
 * @example
 * findDepartment([{ name: "S", rowIndex: 3, columnIndex: 2, values: [["主管部门", "人社局", "实施单位", "社保中心"]], numberFormats: [], merges: [] }]) //=> "人社局"
 */
export function findDepartment(grids: SheetGrid[]): string | null {
  let best: { rank: number; value: string } | null = null;
  for (const g of grids) {
    for (const row of g.values.slice(0, Math.max(0, ROWS_SCANNED - g.rowIndex))) {
      for (let c = 0; c < row.length; c++) {
        const text = String(row[c] ?? "").trim();
        if (text === "") continue;
        const found = labelled(text, row.slice(c + 1).map((v) => String(v).trim()));
        if (found !== null && (best === null || found.rank < best.rank)) best = found;
      }
    }
  }
  return best?.value ?? null;
}

function labelled(text: string, right: string[]): { rank: number; value: string } | null {
  const inline = /^([^:：]+)[:：]\s*(.+)$/.exec(text);
  if (inline?.[1] !== undefined && inline[2] !== undefined) {
    const rank = LABELS.indexOf(normalizeHeader(inline[1]));
    if (rank >= 0) return { rank, value: inline[2].trim() };
  }
  const rank = labelRank(text);
  if (rank < 0) return null;
  // A blank department cell followed by the next label ("主管部门 | | 实施单位 | …") names nothing.
  const value = right.find((v) => v !== "");
  return value === undefined || labelRank(value) >= 0 ? null : { rank, value };
}

function labelRank(text: string): number {
  return LABELS.indexOf(normalizeHeader(text).replace(/[:：]+$/, ""));
}
