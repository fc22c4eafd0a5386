import type { DeclaredTotals, IndicatorRow, IndicatorTable, LevelNode, ParsedValue } from "../types";
import { parseValue } from "../cells/parseValue";
import { cleanLabel } from "../cells/normalize";
import type { GridView } from "./gridView";
import { BUDGET_HEADERS, ENROLLMENT_HEADERS, INDICATOR_HEADERS, isTotalLabel, matchHeaderRow, roleCol, type HeaderSegment } from "./headerRoles";

type Level = 1 | 2 | 3;

/** What scanning one sheet for indicator tables found. */
export interface IndicatorScan {
  tables: IndicatorTable[];
  /** Header rows that name levels but have no weight column: they cannot be scored. */
  withoutWeight: string[];
}

/**
 * Finds every indicator table on a sheet: a header row with a level-name column and a weight
 * column (docs/scoring-rules.md §1.1), the rows below it down to a total row, a blank row or another header.
 *
 * - Each 分值 column belongs to the nearest level-name column on its left.
 * - Merged areas give their value to every row; a blank level-1/2 cell means "same as above"; a
 *   blank level-3 cell stays blank (the leaf is then the level-2 node).
 * - A group is a run of rows bearing the same name; a merged area's edge starts a new group.
 *
 * @param grid - the sheet
 * @returns the tables found, and the places of level headers that lack a weight column
 * @example
 * detectIndicatorTables(new GridView(seedGrid)).tables[0].rows.length //=> 20
 */
export function detectIndicatorTables(grid: GridView): IndicatorScan {
  const tables: IndicatorTable[] = [];
  const withoutWeight: string[] = [];
  let row = grid.firstRow;
  while (row <= grid.lastRow) {
    const seg = indicatorHeader(grid, row);
    if (seg === null) {
      row++;
      continue;
    }
    if (seg.roles.get("weight") === undefined) {
      withoutWeight.push(grid.cell(row, seg.firstCol));
      row++;
      continue;
    }
    const table = readTable(grid, seg);
    tables.push(table);
    row = Math.max(row, table.totals?.row ?? lastRowOf(table)) + 1;
  }
  return { tables, withoutWeight };
}

function lastRowOf(t: IndicatorTable): number {
  return t.rows.reduce((m, r) => Math.max(m, r.row), t.headerRow);
}

/** The header segment at a row that names at least one level column, if any. */
export function indicatorHeader(grid: GridView, row: number): HeaderSegment | null {
  for (const seg of matchHeaderRow(grid, row, INDICATOR_HEADERS)) {
    const levels = ["level1", "level2", "level3"].filter((r) => seg.roles.has(r));
    const hasData = seg.roles.has("weight") || seg.roles.has("selfScore") || seg.roles.has("target");
    if (levels.length >= 2 || (levels.length === 1 && hasData)) return seg;
  }
  return null;
}

function assignWeights(seg: HeaderSegment, levelCols: Partial<Record<Level, number>>): Partial<Record<Level, number>> {
  const out: Partial<Record<Level, number>> = {};
  const levels = ([1, 2, 3] as Level[]).filter((l) => levelCols[l] !== undefined);
  const deepest = levels[levels.length - 1] ?? 3;
  const weightCols = [...(seg.roles.get("weight") ?? [])].sort((a, b) => a - b);
  for (const wc of weightCols) {
    let owner: Level | null = null;
    let best = -1;
    for (const l of levels) {
      const lc = levelCols[l];
      if (lc !== undefined && lc < wc && lc > best) {
        best = lc;
        owner = l;
      }
    }
    const level = owner ?? deepest;
    if (out[level] === undefined) out[level] = wc;
  }
  if (out[deepest] === undefined) {
    const rightmost = weightCols[weightCols.length - 1];
    if (rightmost !== undefined && !Object.values(out).includes(rightmost)) out[deepest] = rightmost;
  }
  return out;
}

interface GroupState {
  node: LevelNode;
  /** The merged area (as "row,col") that supplied the name, or "" for a plain cell. */
  source: string;
}

function readTable(grid: GridView, seg: HeaderSegment): IndicatorTable {
  const levelCols: Partial<Record<Level, number>> = {};
  const l1 = roleCol(seg, "level1");
  const l2 = roleCol(seg, "level2");
  const l3 = roleCol(seg, "level3");
  if (l1 !== undefined) levelCols[1] = l1;
  if (l2 !== undefined) levelCols[2] = l2;
  if (l3 !== undefined) levelCols[3] = l3;
  const weightCols = assignWeights(seg, levelCols);
  const col = (role: string): number | undefined => roleCol(seg, role);
  const columns: IndicatorTable["columns"] = { weight: weightCols };
  for (const role of ["level1", "level2", "level3", "operator", "target", "actual", "unit", "selfScore", "reason"] as const) {
    const c = col(role);
    if (c !== undefined) columns[role] = c;
  }
  const deepest = ([3, 2, 1] as Level[]).find((l) => levelCols[l] !== undefined) ?? 3;
  const leafWeightCol = weightCols[deepest] ?? weightCols[3] ?? weightCols[2] ?? weightCols[1];

  const rows: IndicatorRow[] = [];
  let totals: DeclaredTotals | null = null;
  const groups: Partial<Record<1 | 2, GroupState | null>> = { 1: null, 2: null };

  for (let r = seg.row + 1; r <= grid.lastRow; r++) {
    if (grid.isBlankRow(r, seg.firstCol, seg.lastCol)) {
      if (continuesAfterBlank(grid, r + 1, seg, levelCols[1])) continue;
      break;
    }
    if (indicatorHeader(grid, r) !== null) break;
    if (isTotalRow(grid, r, grid.firstCol, seg.lastCol)) {
      totals = readTotals(grid, r, weightCols, columns.selfScore);
      break;
    }
    const level1 = levelCols[1] !== undefined ? advanceGroup(grid, groups, 1, r, levelCols[1], weightCols[1], null) : null;
    const level2 = levelCols[2] !== undefined ? advanceGroup(grid, groups, 2, r, levelCols[2], weightCols[2], level1) : null;
    // The row's addresses, each built once (several fields name the same cell).
    const addresses: (string | undefined)[] = [];
    const cellAt = (c: number): string => (addresses[c - grid.firstCol] ??= grid.cell(r, c));
    let level3: LevelNode | null = null;
    const level3Text = levelCols[3] !== undefined ? grid.text(r, levelCols[3]) : "";
    if (levelCols[3] !== undefined && level3Text !== "") {
      const c3 = levelCols[3];
      const merge = grid.merge(r, c3);
      level3 = {
        name: cleanLabel(level3Text).name,
        cell: merge ? grid.cell(merge.row, merge.col) : cellAt(c3),
        weight: null,
        weightCell: weightCols[3] !== undefined ? cellAt(weightCols[3]) : null,
        firstRow: r,
        lastRow: r,
      };
    }
    if (level1 === null && level2 === null && level3 === null) continue;
    const unitText = columns.unit !== undefined ? grid.text(r, columns.unit) : "";
    const read = (c: number | undefined, targetText?: string): ParsedValue =>
      c === undefined ? { kind: "missing", text: "" } : parseValue(grid.raw(r, c), grid.format(r, c), unitText, targetText);
    const targetParsed = read(columns.target);
    const weightParsed = leafWeightCol !== undefined ? parseValue(grid.filled(r, leafWeightCol), grid.filledFormat(r, leafWeightCol)) : null;
    let leafWeight = weightParsed && weightParsed.kind === "number" ? weightParsed.value : null;
    let leafWeightCell = leafWeightCol !== undefined ? cellAt(leafWeightCol) : null;
    if (level3 === null && leafWeight === null && (weightParsed === null || weightParsed.kind === "missing") && level2?.weight != null) {
      // The leaf is the level-2 node itself and its weight sits in the level-2 column.
      leafWeight = level2.weight;
      leafWeightCell = level2.weightCell;
    }
    const nameCol = level3 !== null ? levelCols[3] : (levelCols[2] ?? levelCols[1] ?? seg.firstCol);
    const cellOf = (c: number | undefined): string | null => (c === undefined ? null : cellAt(c));
    const weightIssue = weightParsed && (weightParsed.kind === "error" || weightParsed.kind === "qualitative") ? weightParsed : undefined;
    const operatorText = columns.operator !== undefined ? grid.text(r, columns.operator) : "";
    const actual = readActual(grid, r, columns.actual, unitText, targetParsed);
    const selfScore: ParsedValue = columns.selfScore === undefined ? { kind: "missing", text: "" } : parseValue(grid.raw(r, columns.selfScore), grid.format(r, columns.selfScore));
    const reasonText = columns.reason !== undefined ? grid.text(r, columns.reason) : "";
    const cells: IndicatorRow["cells"] = {
      name: cellAt(nameCol ?? seg.firstCol),
      weight: leafWeightCell,
      target: cellOf(columns.target),
      actual: cellOf(columns.actual),
      selfScore: cellOf(columns.selfScore),
      reason: cellOf(columns.reason),
      operator: cellOf(columns.operator),
      unit: cellOf(columns.unit),
    };
    // Two literals, not a spread: weightIssue keeps its place after weight, and the object is built in one step.
    rows.push(
      weightIssue === undefined
        ? { row: r, level1, level2, level3, weight: leafWeight, operatorText, target: targetParsed, actual, selfScore, unitText, reasonText, cells }
        : { row: r, level1, level2, level3, weight: leafWeight, weightIssue, operatorText, target: targetParsed, actual, selfScore, unitText, reasonText, cells },
    );
  }
  const fillerRows = rows.filter((row) => isFiller(row, rows, levelCols[3] !== undefined));
  const kept = rows.filter((row) => !fillerRows.includes(row));
  return {
    sheet: grid.name,
    headerRow: seg.row,
    columns,
    rows: kept,
    totals,
    cell: grid.cell(seg.row, seg.firstCol),
    ...(fillerRows.length > 0 ? { fillerRows: fillerRows.map((row) => ({ row: row.row, cell: grid.cell(row.row, levelCols[3] ?? levelCols[2] ?? seg.firstCol) })) } : {}),
  };
}

/** A name that is only a template's stub: blank, a bare numbering (指标2), an ellipsis (……) or a placeholder (-, —, /, 无). */
export function isStubName(name: string): boolean {
  const t = name.replace(/\s+/g, "");
  return t === "" || /^指标\d*$/.test(t) || /^[…．.。·]+$/.test(t) || /^(-|－|—+|–|\/|／|无|\*+)$/.test(t);
}

/**
 * A template filler row (docs/scoring-rules.md §1.1): no weight, and a name that is only a stub;
 * an unweighted 其中… row (a detail row of the one above); or, in a table with a level-3 column,
 * a blank row inside a level-2 group that has named rows.
 */
function isFiller(row: IndicatorRow, rows: readonly IndicatorRow[], hasLevel3: boolean): boolean {
  if (row.weight !== null || row.weightIssue !== undefined) return false;
  if (row.level3 !== null) return isStubName(row.level3.name) || row.level3.name.startsWith("其中");
  if (row.level2 === null) return false;
  if (isStubName(row.level2.name)) return true;
  const group = row.level2;
  return hasLevel3 && rows.some((other) => other !== row && other.level2 === group && other.level3 !== null && !isStubName(other.level3.name));
}

/**
 * Reads the actual value. A bare number (no unit of its own, no unit column) under a target that
 * has one is read in the target's unit (docs/scoring-rules.md §2): `90` under `≤90万元` is 90 万元,
 * `100` under `≥100%` is 100 %.
 */
function readActual(grid: GridView, r: number, col: number | undefined, unitText: string, target: ParsedValue): ParsedValue {
  if (col === undefined) return { kind: "missing", text: "" };
  const parsed = parseValue(grid.raw(r, col), grid.format(r, col), unitText, target.text);
  if (unitText !== "" || target.kind !== "number" || parsed.kind !== "number" || parsed.isPercent || parsed.unit !== "") return parsed;
  if (!target.isPercent && target.unit === "") return parsed;
  return parseValue(grid.raw(r, col), grid.format(r, col), target.isPercent ? "%" : target.unit, target.text);
}

/**
 * A single blank row inside a table (a pasted report often has one) does not end it when the next
 * row plainly continues the table: it is not blank, not a header of any table, and its level-1
 * cell is empty ("same as above") or covered by a merge from above.
 */
function continuesAfterBlank(grid: GridView, next: number, seg: HeaderSegment, level1Col: number | undefined): boolean {
  if (next > grid.lastRow || grid.isBlankRow(next, seg.firstCol, seg.lastCol)) return false;
  if (indicatorHeader(grid, next) !== null) return false;
  for (const spec of [ENROLLMENT_HEADERS, BUDGET_HEADERS]) {
    if (matchHeaderRow(grid, next, spec).some((s) => s.roles.size >= 2)) return false;
  }
  if (level1Col === undefined) return false;
  return grid.raw(next, level1Col) === "" || grid.isMergeSlave(next, level1Col);
}

function isTotalRow(grid: GridView, r: number, c1: number, c2: number): boolean {
  for (let c = c1; c <= c2; c++) {
    const t = grid.text(r, c);
    if (t === "") continue;
    const m = grid.merge(r, c);
    if (m !== undefined && m.row !== r) continue;
    return isTotalLabel(t);
  }
  return false;
}

function readTotals(grid: GridView, r: number, weightCols: Partial<Record<Level, number>>, selfCol: number | undefined): DeclaredTotals {
  const weights: DeclaredTotals["weights"] = [];
  for (const l of [1, 2, 3] as Level[]) {
    const c = weightCols[l];
    if (c === undefined) continue;
    const p = parseValue(grid.raw(r, c), grid.format(r, c));
    if (p.kind === "number") weights.push({ level: l, value: p.value, cell: grid.cell(r, c) });
  }
  let selfScore: DeclaredTotals["selfScore"] = null;
  if (selfCol !== undefined) {
    const p = parseValue(grid.raw(r, selfCol), grid.format(r, selfCol));
    if (p.kind === "number") selfScore = { value: p.value, cell: grid.cell(r, selfCol) };
  }
  return { row: r, weights, selfScore };
}

/**
 * Moves the level-`level` group along to row `r`: a merged area or a written cell starts a new
 * group unless it continues the same plain-cell run; a blank cell continues the group above.
 */
function advanceGroup(
  grid: GridView,
  groups: Partial<Record<1 | 2, GroupState | null>>,
  level: 1 | 2,
  r: number,
  col: number,
  weightCol: number | undefined,
  parent: LevelNode | null,
): LevelNode | null {
  const prev = groups[level] ?? null;
  const merge = grid.merge(r, col);
  const sourceKey = merge ? `${merge.row},${merge.col}` : "";
  const parentChanged = level === 2 && prev !== null && parent !== null && prev.node.firstRow < parent.firstRow;
  if (grid.isMergeSlave(r, col) && prev !== null && prev.source === sourceKey && !parentChanged) {
    prev.node.lastRow = r;
    return prev.node;
  }
  const label = cleanLabel(grid.text(r, col));
  const name = label.name === "" && grid.text(r, col) !== "" ? grid.text(r, col) : label.name;
  if (name === "") {
    if (prev === null || parentChanged) {
      groups[level] = null;
      return null;
    }
    prev.node.lastRow = r;
    return prev.node;
  }
  if (prev !== null && !parentChanged && sourceKey === "" && prev.source === "" && prev.node.name === name) {
    prev.node.lastRow = r;
    return prev.node;
  }
  const top = merge ? merge.row : r;
  const weightParsed = weightCol !== undefined ? parseValue(grid.filled(r, weightCol), grid.filledFormat(r, weightCol)) : null;
  const columnWeight = weightParsed && weightParsed.kind === "number" ? weightParsed.value : null;
  // A weight written into the label (产出指标（50分）) declares the group's weight like a 分值 cell.
  const fromLabel = columnWeight === null && label.weight !== null;
  const node: LevelNode = {
    name,
    cell: grid.sourceCell(r, col),
    weight: fromLabel ? label.weight : columnWeight,
    weightCell: fromLabel ? grid.sourceCell(r, col) : weightCol !== undefined ? grid.sourceCell(r, weightCol) : null,
    ...(weightParsed && (weightParsed.kind === "error" || weightParsed.kind === "qualitative") ? { weightIssue: weightParsed } : {}),
    firstRow: Math.max(top, r),
    lastRow: r,
  };
  groups[level] = { node, source: sourceKey };
  return node;
}
