import type { BudgetBlock, ParsedValue } from "../types";
import { cleanLabel, normalizeHeader } from "../cells/normalize";
import { parseValue } from "../cells/parseValue";
import type { GridView } from "./gridView";
import { BUDGET_HEADERS, matchHeaderRow, roleCol } from "./headerRoles";

/** Labels of the row that is scored: the form's 年度资金总额, Sichuan's 总额, Hubei's 年度财政资金总额. */
const SCORED_ROW = ["年度资金总额", "资金总额", "年度资金总额合计", "年度财政资金总额", "总额", "totalfunds", "total"];
/** The appropriation row below a zeroed total: 其中：本年财政拨款 / 当年财政拨款 / 财政资金. */
const APPROPRIATION = /^(其中)?(本年|当年)?财政(拨款|资金)$/;
const ROWS_TO_SEARCH = 8;
/** A money unit in brackets: 项目资金（万元）, 全年预算数(元). */
const BRACKETED_UNIT = /[（(]\s*([万千亿]?元)\s*[)）]/;
/** A budget weight written into a label or header: 预算执行情况(万元)(20分), 得分(20分*执行率). */
const WEIGHT_IN_TEXT = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*(?:[)）]|[*×xX])/;

/** A label as the scored-row lists spell it: no white space, brackets or end punctuation. */
function labelKey(text: string): string {
  return normalizeHeader(cleanLabel(text).name);
}

/**
 * Finds the budget execution block (docs/scoring-rules.md §1.3): a header with the budget (全年预算数,
 * or Sichuan's 调整后预算数; never 年初预算数) and the spending (全年执行数 / 预算执行数), and below it
 * the total row (年度资金总额, 总额), which is the one scored.
 *
 * - When the total row's budget and spending are 0 or blank and an appropriation row below it
 *   (其中：本年财政拨款) has figures, those are used and `fromRow` names that row.
 * - Without a weight column, a weight written into the block's label or a header
 *   (预算执行情况(20分), 得分(20分*执行率)) is the weight.
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
        const labelCol = labelColumn(grid, r, planned, (key) => SCORED_ROW.includes(key));
        if (labelCol === undefined) continue;
        const weight = roleCol(seg, "weight");
        const rate = roleCol(seg, "rate");
        const self = roleCol(seg, "selfScore");
        const reason = roleCol(seg, "reason");
        const unitText = bracketedUnit(grid, [row, r], planned);
        const read = (rr: number, c: number) => inBlockUnit(parseValue(grid.filled(rr, c), grid.filledFormat(rr, c)), unitText);
        const figures = appropriationRow(grid, r, planned, spent, read) ?? { row: r, labelCol };
        const weightFromText = weight === undefined ? textWeight(grid, row, r, planned) : null;
        return {
          sheet: grid.name,
          cell: grid.cell(figures.row, figures.labelCol),
          planned: read(figures.row, planned),
          spent: read(figures.row, spent),
          weight:
            weight !== undefined
              ? read(r, weight)
              : weightFromText !== null
                ? { kind: "number", value: weightFromText, unit: "", operator: null, isPercent: false, text: String(weightFromText) }
                : { kind: "missing", text: "" },
          declaredRate: rate !== undefined ? read(r, rate) : null,
          selfScore: self !== undefined ? read(r, self) : null,
          ...(unitText !== null ? { unitText } : {}),
          ...(reason !== undefined ? { reasonText: grid.text(r, reason) } : {}),
          ...(figures.row !== r ? { fromRow: { label: cleanLabel(grid.text(r, labelCol)).name, cell: grid.cell(r, labelCol), row: cleanLabel(grid.text(figures.row, figures.labelCol)).name } } : {}),
          cells: {
            planned: grid.cell(figures.row, planned),
            spent: grid.cell(figures.row, spent),
            weight: weight !== undefined ? grid.sourceCell(r, weight) : null,
            declaredRate: rate !== undefined && figures.row === r ? grid.cell(r, rate) : null,
            selfScore: self !== undefined ? grid.sourceCell(r, self) : null,
            ...(reason !== undefined ? { reason: grid.sourceCell(r, reason) } : {}),
          },
        };
      }
    }
  }
  return null;
}

/**
 * A figure in the block's own unit: the block's plain numbers are in its unit already (43.2 in a
 * 万元 block), so a figure that writes the same unit (`10万` or `10万元` in a 万元 block) is read
 * alike, 10, not 100000.
 */
function inBlockUnit(p: ParsedValue, unitText: string | null): ParsedValue {
  if (p.kind !== "number" || unitText === null || p.unit === "" || p.isPercent) return p;
  const scale = unitText.startsWith("万") ? 1e4 : unitText.startsWith("亿") ? 1e8 : unitText.startsWith("千") ? 1e3 : 1;
  return scale > 1 && unitText.startsWith(p.unit.charAt(0)) ? { ...p, value: p.value / scale } : p;
}

/** The rightmost column left of `planned` whose label satisfies `accept`. */
function labelColumn(grid: GridView, r: number, planned: number, accept: (key: string) => boolean): number | undefined {
  let labelCol: number | undefined;
  for (let c = grid.firstCol; c < planned; c++) {
    if (grid.isMergeSlave(r, c) && grid.merge(r, c)?.row === r) continue;
    const text = grid.text(r, c);
    if (text !== "" && accept(labelKey(text))) labelCol = c;
  }
  return labelCol;
}

/** The appropriation row's place when the total row at `r` is zeroed and that row has figures. */
function appropriationRow(
  grid: GridView,
  r: number,
  planned: number,
  spent: number,
  read: (row: number, col: number) => ParsedValue,
): { row: number; labelCol: number } | null {
  const empty = (p: ParsedValue) => p.kind === "missing" || (p.kind === "number" && p.value === 0);
  if (!empty(read(r, planned)) || !empty(read(r, spent))) return null;
  for (let rr = r + 1; rr <= Math.min(grid.lastRow, r + 3); rr++) {
    const labelCol = labelColumn(grid, rr, planned, (key) => APPROPRIATION.test(key.replace(/[:：]/g, "")));
    if (labelCol === undefined) continue;
    const a = read(rr, planned);
    const b = read(rr, spent);
    if (a.kind === "number" && a.value > 0 && b.kind === "number") return { row: rr, labelCol };
  }
  return null;
}

/** A weight written into the block's label (left of `planned`) or its header row, if any. */
function textWeight(grid: GridView, header: number, scored: number, planned: number): number | null {
  for (let r = header; r <= scored; r++) {
    for (let c = grid.firstCol; c <= (r === header ? grid.lastCol : planned - 1); c++) {
      const m = WEIGHT_IN_TEXT.exec(grid.text(r, c).replace(/\s+/g, ""));
      if (m?.[1] !== undefined) return Number(m[1]);
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
