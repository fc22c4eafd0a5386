import type { BudgetBlock, Detection, EnrollmentTable, Finding, IndicatorTable, SheetGrid, WorkbookDetection } from "../types";
import { normalizeHeader, normalizeName } from "../cells/normalize";
import { parseA1Range, qualify, toA1Range } from "../cells/address";
import { makeFinding } from "../findings/makeFinding";
import { PROBLEMS, WHAT } from "../findings/catalog";
import { GridView } from "./gridView";
import { detectIndicatorTables } from "./detectIndicatorTable";
import { detectEnrollmentTables } from "./detectEnrollment";
import { detectBudget } from "./detectBudget";

const PROJECT_LABELS = ["项目名称", "projectname", "project"];
/** With one project, its name is the first 项目名称 in the first rows of any sheet. */
const NAME_ROWS = 40;

/** One sheet, read once. */
interface SheetScan {
  grid: SheetGrid;
  view: GridView;
  tables: IndicatorTable[];
  withoutWeight: string[];
  enrollment: EnrollmentTable[];
  /** RANGE_CLIPPED, when the sheet's used range was clipped. */
  clipped: Finding | null;
}

/**
 * Looks through every sheet for indicator tables, enrollment tables, budget blocks and project
 * names, and makes one project of each indicator table (docs/scoring-rules.md §1.6).
 *
 * - One indicator table: it takes every enrollment table, the first budget block and the first
 *   项目名称 of the workbook, wherever they are (a one-project workbook reads as it always has).
 * - Several: a sheet with one table gives it everything on the sheet; a sheet with several is cut
 *   into regions, each from the table's 项目名称 line (its header when it has none) down to the
 *   row before the next region. Enrollment tables and budget blocks belong to the region they
 *   start in. An enrollment line on a sheet without an indicator table goes to the one project
 *   that has an indicator its 关联指标 names; a line that names none (or several), and a budget
 *   block on such a sheet, go to no project and raise UNASSIGNED_TABLE.
 * - A project's name: the nearest 项目名称 above its table in its region, else the sheet's
 *   name, and "Sheet (2)", "Sheet (3)" for the later unnamed tables of a sheet.
 * - A clipped sheet's RANGE_CLIPPED goes to the projects on that sheet.
 *
 * @param grids - every sheet's cells, in workbook order
 * @returns the projects, in workbook order, with the first project's fields at the top level;
 *   `problem` says why nothing can be scored, naming the place
 * @example
 * detectWorkbook([projectA, projectB]).projects.map((p) => p.projectName) //=> ["城乡居民医保", "就业补助"]
 */
export function detectWorkbook(grids: SheetGrid[]): WorkbookDetection {
  const scans: SheetScan[] = grids.map(scanSheet);
  for (const s of scans) {
    const cut = cutByWindow(s);
    if (cut !== null) {
      const detection: Detection = { projectName: null, indicatorTable: null, enrollment: [], budget: null, problem: PROBLEMS.tableTooLong(cut), findings: [] };
      return { ...detection, projects: [], workbookFindings: [] };
    }
  }
  const tableCount = scans.reduce((n, s) => n + s.tables.length, 0);
  if (tableCount <= 1) return singleProject(scans);
  const projects: Detection[] = [];
  const workbookFindings: Finding[] = [];
  const withTables = scans.filter((s) => s.tables.length > 0);
  for (const s of withTables) projects.push(...projectsOfSheet(s));
  for (const s of scans) {
    if (s.tables.length > 0) continue;
    if (s.clipped) workbookFindings.push(s.clipped);
    for (const t of s.enrollment) workbookFindings.push(...assignByLink(t, projects));
    const budget = detectBudget(s.view);
    if (budget) workbookFindings.push(makeFinding("UNASSIGNED_TABLE", budget.cell, { what: WHAT.budgetBlock!, name: budget.cell, projects: projects.length }));
  }
  const first = projects[0] as Detection;
  return { ...first, projects, workbookFindings };
}

function scanSheet(grid: SheetGrid): SheetScan {
  const view = new GridView(grid);
  const scan = detectIndicatorTables(view);
  return {
    grid,
    view,
    tables: scan.tables.filter((t) => t.rows.length > 0),
    withoutWeight: scan.withoutWeight,
    enrollment: detectEnrollmentTables(view),
    clipped: clippedFinding(grid),
  };
}

/** A table whose last row lies this close to the bottom of the read window is taken to run past it. */
const WINDOW_EDGE_ROWS = 50;

/**
 * A table cut by the read window: the sheet's used range goes below the rows that were read, and
 * one of its indicator tables reaches the last rows read, so it may go on below them. Scoring
 * it would score part of a table (docs/scoring-rules.md §1.5), so the run stops instead. Content
 * far below a table that ended well inside the window (a stray cell) only raises RANGE_CLIPPED.
 */
function cutByWindow(s: SheetScan): { sheet: string; used: string; usedRows: number; limit: number } | null {
  const g = s.grid;
  if (g.clippedFrom === undefined || g.readWindow === undefined) return null;
  const used = parseA1Range(g.clippedFrom);
  const window = parseA1Range(g.readWindow);
  if (!used || !window) return null;
  const windowLast = window.row + window.rowCount - 1;
  if (used.row + used.rowCount - 1 <= windowLast) return null;
  const reachesEdge = s.tables.some((t) => lastRowOf(t) >= windowLast - WINDOW_EDGE_ROWS);
  return reachesEdge ? { sheet: g.name, used: g.clippedFrom, usedRows: used.row + used.rowCount, limit: window.row + window.rowCount } : null;
}

function clippedFinding(g: SheetGrid): Finding | null {
  if (g.clippedFrom === undefined) return null;
  const rows = g.values.length;
  const cols = g.values.reduce((w, r) => Math.max(w, r.length), 0);
  const read = g.readWindow ?? (rows > 0 && cols > 0 ? toA1Range(g.rowIndex, g.columnIndex, g.rowIndex + rows - 1, g.columnIndex + cols - 1) : "A1");
  // The finding points at the far corner of the used range: that is where the stray content is.
  const used = parseA1Range(g.clippedFrom);
  const corner = used ? qualify(g.name, used.row + used.rowCount - 1, used.col + used.colCount - 1) : qualify(g.name, 0, 0);
  return makeFinding("RANGE_CLIPPED", corner, { sheet: g.name, used: g.clippedFrom, read });
}

/** No table or one: everything found belongs to it, as before projects existed. */
function singleProject(scans: SheetScan[]): WorkbookDetection {
  const findings = scans.flatMap((s) => (s.clipped ? [s.clipped] : []));
  const enrollment = scans.flatMap((s) => s.enrollment);
  let budget: BudgetBlock | null = null;
  let projectName: string | null = null;
  for (const s of scans) {
    budget = budget ?? detectBudget(s.view);
    projectName = projectName ?? nameAbove(s.view, s.view.firstRow, Math.min(s.view.lastRow, s.view.firstRow + NAME_ROWS) + 1, "down")?.name ?? null;
  }
  const indicatorTable = scans.flatMap((s) => s.tables)[0] ?? null;
  let problem: Detection["problem"] = null;
  if (indicatorTable === null) {
    const anything = scans.some((s) => s.grid.values.some((r) => r.some((v) => v !== "")));
    const withoutWeight = scans.flatMap((s) => s.withoutWeight);
    if (!anything) problem = PROBLEMS.emptyWorkbook();
    else if (withoutWeight[0] !== undefined) problem = PROBLEMS.noWeightColumn({ cell: withoutWeight[0] });
    else if (enrollment[0] !== undefined) problem = PROBLEMS.enrollmentOnly({ cell: enrollment[0].cell });
    else problem = PROBLEMS.noTable({ sheets: scans.map((s) => s.grid.name) });
  }
  const detection: Detection = { projectName, indicatorTable, enrollment, budget, problem, findings };
  return { ...detection, projects: indicatorTable ? [detection] : [], workbookFindings: [] };
}

/** The projects of a sheet that holds at least one table (with several tables in the workbook). */
function projectsOfSheet(s: SheetScan): Detection[] {
  const { view, tables } = s;
  const starts: number[] = [];
  const names: ({ name: string; row: number } | null)[] = [];
  tables.forEach((t, k) => {
    const previous = tables[k - 1];
    const from = previous ? lastRowOf(previous) + 1 : view.firstRow;
    const named = nameAbove(view, from, t.headerRow, "up");
    names.push(named);
    starts.push(k === 0 ? view.firstRow : (named?.row ?? t.headerRow));
  });
  return tables.map((table, k) => {
    const start = starts[k] as number;
    const end = k + 1 < tables.length ? (starts[k + 1] as number) - 1 : view.lastRow;
    const inRegion = (row: number): boolean => row >= start && row <= end;
    const budget = tables.length === 1 ? detectBudget(view) : detectBudget(new GridView(sliceRows(s.grid, start, end)));
    return {
      projectName: names[k]?.name ?? (k === 0 ? s.grid.name : `${s.grid.name} (${k + 1})`),
      indicatorTable: table,
      enrollment: s.enrollment.filter((e) => inRegion(e.headerRow)),
      budget,
      problem: null,
      findings: s.clipped ? [s.clipped] : [],
    };
  });
}

function lastRowOf(t: IndicatorTable): number {
  return t.rows.reduce((m, r) => Math.max(m, r.row), t.totals?.row ?? t.headerRow);
}

/**
 * Gives each line of an enrollment table on a sheet without indicator tables to the one project
 * with an indicator its 关联指标 names (level 3 first, then level 2, as linkEnrollment matches).
 *
 * @returns UNASSIGNED_TABLE for each line no single project claims
 */
function assignByLink(table: EnrollmentTable, projects: Detection[]): Finding[] {
  const findings: Finding[] = [];
  const claimed = new Map<Detection, EnrollmentTable>();
  for (const line of table.lines) {
    const key = normalizeName(line.link);
    const owners = key === "" ? [] : projects.filter((p) => namesIndicator(p.indicatorTable, key));
    const owner = owners.length === 1 ? owners[0] : undefined;
    if (owner === undefined) {
      findings.push(makeFinding("UNASSIGNED_TABLE", line.cells.name, { what: WHAT.enrollmentLine!, name: line.name, projects: projects.length }));
      continue;
    }
    let part = claimed.get(owner);
    if (part === undefined) {
      part = { ...table, lines: [] };
      claimed.set(owner, part);
      owner.enrollment.push(part);
    }
    part.lines.push(line);
  }
  return findings;
}

function namesIndicator(table: IndicatorTable | null, key: string): boolean {
  const rows = table?.rows ?? [];
  return rows.some((r) => r.level3 !== null && normalizeName(r.level3.name) === key) || rows.some((r) => r.level2 !== null && normalizeName(r.level2.name) === key);
}

/** The rows [first, last] of a sheet, as a grid of their own (addresses stay absolute). */
function sliceRows(g: SheetGrid, first: number, last: number): SheetGrid {
  const from = Math.max(0, first - g.rowIndex);
  const to = Math.max(from, last - g.rowIndex + 1);
  return {
    name: g.name,
    rowIndex: g.rowIndex + from,
    columnIndex: g.columnIndex,
    values: g.values.slice(from, to),
    numberFormats: g.numberFormats.slice(from, to),
    merges: g.merges.filter((m) => m.row <= last && m.row + m.rowCount - 1 >= first),
  };
}

/**
 * The 项目名称 in rows [from, to): a "项目名称：X" cell, or a label with the name in a cell to its
 * right. `up` returns the one nearest `to` (a table's own name sits just above it), `down` the first.
 */
function nameAbove(view: GridView, from: number, to: number, direction: "up" | "down"): { name: string; row: number } | null {
  const first = Math.max(from, view.firstRow);
  const last = Math.min(to - 1, view.lastRow);
  for (let i = 0; i <= last - first; i++) {
    const r = direction === "down" ? first + i : last - i;
    const name = nameInRow(view, r);
    if (name !== null) return { name, row: r };
  }
  return null;
}

function nameInRow(view: GridView, r: number): string | null {
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    const text = view.text(r, c);
    if (text === "" || view.isMergeSlave(r, c)) continue;
    const inline = /^(项目名称|project name)\s*[:：]\s*(.+)$/i.exec(text);
    if (inline?.[2] !== undefined) return inline[2].trim();
    if (!PROJECT_LABELS.includes(normalizeHeader(text))) continue;
    for (let c2 = c + 1; c2 <= view.lastCol; c2++) {
      const value = view.text(r, c2);
      if (value !== "" && !view.isMergeSlave(r, c2)) return value;
    }
  }
  return null;
}
