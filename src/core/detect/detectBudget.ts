import type { BudgetBlock } from "../types";
import { normalizeHeader } from "../cells/normalize";
import { parseValue } from "../cells/parseValue";
import type { GridView } from "./gridView";
import { BUDGET_HEADERS, matchHeaderRow, roleCol } from "./headerRoles";

const SCORED_ROW = ["年度资金总额", "资金总额", "年度资金总额合计", "total funds"];
const ROWS_TO_SEARCH = 8;
/** A money unit in brackets: 项目资金（万元）, 全年预算数(元). */
const BRACKETED_UNIT = /[（(]\s*([万千亿]?元)\s*[)）]/;

/**
 * Finds the budget execution block (docs/scoring-rules.md §1.3): a header with 全年预算数 (A) and 全年执行数 (B),
 * and below it the 年度资金总额 row, which is the one scored.
 *
 * @param grid - the sheet
 * @returns the block, or null when the sheet has none
 * @example
 * detectBudget(new GridView(formGrid))?.cells.planned //=> "自评表!E6"
 */
export function detectBudget(grid: GridView): BudgetBlock | null {
  for (let row = grid.firstRow; row <= grid.lastRow; row++) {
    for (const seg of matchHeaderRow(grid, row, BUDGET_HEADERS)) {
      const planned = roleCol(seg, "planned");
      const spent = roleCol(seg, "spent");
      if (planned === undefined || spent === undefined) continue;
      for (let r = row + 1; r <= Math.min(grid.lastRow, row + ROWS_TO_SEARCH); r++) {
        let labelCol: number | undefined;
        for (let c = grid.firstCol; c < planned; c++) {
          if (SCORED_ROW.includes(normalizeHeader(grid.text(r, c)))) labelCol = c;
        }
        if (labelCol === undefined) continue;
        const weight = roleCol(seg, "weight");
        const rate = roleCol(seg, "rate");
        const self = roleCol(seg, "selfScore");
        const read = (c: number) => parseValue(grid.filled(r, c), grid.filledFormat(r, c));
        const unitText = bracketedUnit(grid, [row, r], planned);
        return {
          sheet: grid.name,
          cell: grid.cell(r, labelCol),
          planned: read(planned),
          spent: read(spent),
          weight: weight !== undefined ? read(weight) : { kind: "missing", text: "" },
          declaredRate: rate !== undefined ? read(rate) : null,
          selfScore: self !== undefined ? read(self) : null,
          ...(unitText !== null ? { unitText } : {}),
          cells: {
            planned: grid.cell(r, planned),
            spent: grid.cell(r, spent),
            weight: weight !== undefined ? grid.sourceCell(r, weight) : null,
            declaredRate: rate !== undefined ? grid.cell(r, rate) : null,
            selfScore: self !== undefined ? grid.sourceCell(r, self) : null,
          },
        };
      }
    }
  }
  return null;
}

/** The first bracketed money unit in the given rows, left of the planned column or in the header row. */
function bracketedUnit(grid: GridView, rows: readonly [number, number], planned: number): string | null {
  const [header, scored] = rows;
  for (const [r, last] of [[header, grid.lastCol], [scored, planned - 1]] as const) {
    for (let c = grid.firstCol; c <= last; c++) {
      const m = BRACKETED_UNIT.exec(grid.text(r, c));
      if (m?.[1]) return m[1];
    }
  }
  return null;
}
