import type { CellValue, SheetGrid } from "../../../src/core/types";
import { gridAt } from "./gridAt";

export const FORM_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

/**
 * A 自评表-style indicator table at `anchor` (default 表!A1): each row is
 * [level1, level2, level3, target, actual, weight, self, reason]. Rows are padded with blanks.
 */
export function formGrid(rows: CellValue[][], anchor = "表!A1", header: string[] = FORM_HEADER): SheetGrid {
  return gridAt(anchor, [header, ...rows.map((r) => Array.from({ length: header.length }, (_, i) => r[i] ?? ""))]);
}

/** One leaf row under 产出/数量, with the rest of the 100 points made up by a full-marks filler row. */
export function oneLeaf(target: CellValue, actual: CellValue, weight: CellValue, self: CellValue = "", reason: CellValue = "说明"): SheetGrid {
  const w = typeof weight === "number" ? weight : 0;
  return formGrid([
    ["产出", "数量", "指标A", target, actual, weight, self, reason],
    ["产出", "质量", "其他", "", "", 100 - w, 100 - w, ""],
  ]);
}
