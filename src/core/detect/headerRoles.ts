import { normalizeHeader } from "../cells/normalize";
import type { GridView } from "./gridView";

/** Synonyms per role, most specific first: an earlier synonym wins over a later one for the same role. */
export const INDICATOR_HEADERS = {
  level1: ["一级指标", "一级", "level1"],
  level2: ["二级指标", "二级", "level2"],
  level3: ["三级指标", "三级", "level3", "指标名称", "indicator", "绩效指标"],
  weight: ["分值", "权重", "标准分", "满分", "weight", "points", "max", "指标分值", "权重分"],
  operator: ["运算符号", "符号", "operator", "指标性质", "指标类型", "性质"],
  target: ["年度指标值", "指标值", "目标值", "预期目标", "target", "年度目标值"],
  actual: ["实际完成值", "完成值", "实际值", "actual", "全年实际值"],
  unit: ["计量单位", "度量单位", "单位", "unit"],
  selfScore: ["得分", "自评得分", "评分", "score", "selfscore", "自评分"],
  reason: ["偏差原因分析及改进措施", "偏差原因", "未完成原因分析", "说明", "reason", "notes", "偏差原因分析", "备注"],
} as const;

export const ENROLLMENT_HEADERS = {
  name: ["险种", "项目", "类别", "名称", "item", "category", "参保险种", "险种名称", "类型"],
  target: ["目标任务人数", "目标任务数", "目标人数", "目标", "target"],
  actual: ["当前参保人数", "参保人数", "实际人数", "完成数", "actual"],
  unit: ["单位", "unit"],
  completion: ["完成率", "完成比例", "completion"],
  link: ["关联指标", "linkedindicator"],
} as const;

export const BUDGET_HEADERS = {
  planned: ["全年预算数", "调整后预算数", "调整后预算", "预算数", "全年预算", "annualbudget", "adjustedbudget", "budget"],
  spent: ["全年执行数", "预算执行数", "执行数", "实际支出数", "spent", "actualspending", "amountspent"],
  weight: ["分值", "权重", "weight"],
  rate: ["执行率", "预算执行率", "executionrate"],
  selfScore: ["得分", "score"],
  reason: ["原因", "偏差原因", "reason"],
} as const;

export const TOTAL_LABELS = ["总分", "合计", "总计", "total", "总得分", "合计得分"];

/** A character every total label holds one of, in any width or case. */
const MAY_BE_TOTAL = /[总合tTｔＴ]/;

export type HeaderSpec = Readonly<Record<string, readonly string[]>>;

/** A run of header cells with the columns each role matched (all columns for a role, leftmost first). */
export interface HeaderSegment {
  row: number;
  firstCol: number;
  lastCol: number;
  roles: Map<string, number[]>;
}

/** The longest header text worth matching: real headers are short; long cells are data. */
const MAX_HEADER_LENGTH = 40;
const lookupCache = new WeakMap<HeaderSpec, Map<string, { role: string; rank: number }[]>>();

/** Synonym → roles (with rank) for a spec, built once per spec. */
function lookupOf(spec: HeaderSpec): Map<string, { role: string; rank: number }[]> {
  let map = lookupCache.get(spec);
  if (map === undefined) {
    map = new Map();
    for (const [role, synonyms] of Object.entries(spec)) {
      synonyms.forEach((syn, rank) => {
        const list = map!.get(syn) ?? [];
        list.push({ role, rank });
        map!.set(syn, list);
      });
    }
    lookupCache.set(spec, map);
  }
  return map;
}

/**
 * Splits a row into segments of adjacent non-empty cells and matches each cell against `spec`.
 * A role keeps every matching column, ordered by how specific the synonym is, then left to right.
 * A row where no cell matches gives no segments (every caller looks for roles).
 */
export function matchHeaderRow(grid: GridView, row: number, spec: HeaderSpec): HeaderSegment[] {
  const lookup = lookupOf(spec);
  const cells = grid.headerCells(row);
  // A row none of whose cells names a role (every data row) has no segment a caller could use.
  if (!cells.some((cell) => cell.norm !== null && lookup.has(cell.norm))) return [];
  const segments: HeaderSegment[] = [];
  let current: { firstCol: number; lastCol: number; hits: { role: string; col: number; rank: number }[] } | null = null;
  for (const cell of cells) {
    if (current !== null && cell.col > current.lastCol + 1) {
      segments.push(toSegment(row, current));
      current = null;
    }
    current = current ?? { firstCol: cell.col, lastCol: cell.col, hits: [] };
    current.lastCol = cell.col;
    if (cell.norm === null) continue;
    for (const hit of lookup.get(cell.norm) ?? []) current.hits.push({ role: hit.role, col: cell.col, rank: hit.rank });
  }
  if (current) segments.push(toSegment(row, current));
  return segments;
}

/** The first characters any header synonym can start with, so most data cells are passed over unread. */
const FIRST_CHARS = new Set(
  [INDICATOR_HEADERS, ENROLLMENT_HEADERS, BUDGET_HEADERS].flatMap((spec) => (Object.values(spec) as (readonly string[])[]).flatMap((syns) => syns.map((s) => s.charAt(0)))),
);

/** Per first UTF-16 unit: 0 not yet decided, 1 no header starts so, 2 a header may (mayStartHeader, decided once per character). */
const FIRST_UNIT = new Uint8Array(0x10000);

/** True when a text starting with this character may normalise to a synonym. */
function mayStartHeader(first: string): boolean {
  if (FIRST_CHARS.has(first.toLowerCase())) return true;
  // Full-width forms and brackets can still fold or drop to a synonym's first character.
  return first.charCodeAt(0) >= 0xff01 || "([【〔".includes(first);
}

/** Every synonym of the three header specs: a normalised text that is none of them matches no role. */
const ANY_SYNONYM = new Set([INDICATOR_HEADERS, ENROLLMENT_HEADERS, BUDGET_HEADERS].flatMap((spec) => (Object.values(spec) as (readonly string[])[]).flat()));

/**
 * Normalised header text of a cell, or null when it cannot be a header: too long, a merge's
 * covered cell, or it normalises to no synonym of the indicator, enrollment or budget headers.
 */
export function headerText(text: string, isSlave: boolean): string | null {
  if (isSlave || text.length > MAX_HEADER_LENGTH) return null;
  if (text === "") return null;
  const code = text.charCodeAt(0);
  let may = FIRST_UNIT[code];
  if (may === 0) {
    may = mayStartHeader(text.charAt(0)) ? 2 : 1;
    FIRST_UNIT[code] = may;
  }
  if (may !== 2) return null;
  const norm = normalizeHeader(text);
  return ANY_SYNONYM.has(norm) ? norm : null;
}

function toSegment(row: number, s: { firstCol: number; lastCol: number; hits: { role: string; col: number; rank: number }[] }): HeaderSegment {
  const roles = new Map<string, number[]>();
  const sorted = [...s.hits].sort((a, b) => a.rank - b.rank || a.col - b.col);
  for (const h of sorted) {
    const cols = roles.get(h.role) ?? [];
    cols.push(h.col);
    roles.set(h.role, cols);
  }
  return { row, firstCol: s.firstCol, lastCol: s.lastCol, roles };
}

/** The first column of a role in a segment, if matched. */
export function roleCol(seg: HeaderSegment, role: string): number | undefined {
  return seg.roles.get(role)?.[0];
}

/** True when the text labels a total row. */
export function isTotalLabel(text: string): boolean {
  // Every total label holds 总, 合 or t, and normalising only drops, folds and lower-cases characters.
  return MAY_BE_TOTAL.test(text) && TOTAL_LABELS.includes(normalizeHeader(text));
}
