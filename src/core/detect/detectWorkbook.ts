import type { Detection, EnrollmentTable, Finding, IndicatorTable, SheetGrid } from "../types";
import { normalizeHeader } from "../cells/normalize";
import { parseA1Range, qualify, toA1Range } from "../cells/address";
import { makeFinding } from "../findings/makeFinding";
import { PROBLEMS } from "../findings/catalog";
import { GridView } from "./gridView";
import { detectIndicatorTables } from "./detectIndicatorTable";
import { detectEnrollmentTables } from "./detectEnrollment";
import { detectBudget } from "./detectBudget";

const PROJECT_LABELS = ["项目名称", "projectname", "project"];

/**
 * Looks through every sheet for the indicator table, the enrollment tables, the budget block and
 * the project name. When several indicator tables exist, the one with the most rows is scored.
 *
 * @param grids - every sheet's cells, in workbook order
 * @returns what was found; `problem` says why nothing can be scored, naming the place
 * @example
 * detectWorkbook([seedGrid, enrollmentGrid]).indicatorTable?.rows.length //=> 20
 */
export function detectWorkbook(grids: SheetGrid[]): Detection {
  const findings: Finding[] = [];
  const tables: IndicatorTable[] = [];
  const withoutWeight: string[] = [];
  const enrollment: EnrollmentTable[] = [];
  let budget: Detection["budget"] = null;
  let projectName: string | null = null;
  for (const g of grids) {
    if (g.clippedFrom !== undefined) {
      const rows = g.values.length;
      const cols = g.values.reduce((w, r) => Math.max(w, r.length), 0);
      const read = g.readWindow ?? (rows > 0 && cols > 0 ? toA1Range(g.rowIndex, g.columnIndex, g.rowIndex + rows - 1, g.columnIndex + cols - 1) : "A1");
      // The finding points at the far corner of the used range: that is where the stray content is.
      const used = parseA1Range(g.clippedFrom);
      const corner = used ? qualify(g.name, used.row + used.rowCount - 1, used.col + used.colCount - 1) : qualify(g.name, 0, 0);
      findings.push(makeFinding("RANGE_CLIPPED", corner, { sheet: g.name, used: g.clippedFrom, read }));
    }
    const view = new GridView(g);
    const scan = detectIndicatorTables(view);
    tables.push(...scan.tables);
    withoutWeight.push(...scan.withoutWeight);
    enrollment.push(...detectEnrollmentTables(view));
    budget = budget ?? detectBudget(view);
    projectName = projectName ?? findProjectName(view);
  }
  let indicatorTable: IndicatorTable | null = null;
  for (const t of tables) if (t.rows.length > 0 && (indicatorTable === null || t.rows.length > indicatorTable.rows.length)) indicatorTable = t;
  let problem: Detection["problem"] = null;
  if (indicatorTable === null) {
    const anything = grids.some((g) => g.values.some((r) => r.some((v) => v !== "")));
    if (!anything) problem = PROBLEMS.emptyWorkbook();
    else if (withoutWeight[0] !== undefined) problem = PROBLEMS.noWeightColumn({ cell: withoutWeight[0] });
    else if (enrollment[0] !== undefined) problem = PROBLEMS.enrollmentOnly({ cell: enrollment[0].cell });
    else problem = PROBLEMS.noTable({ sheets: grids.map((g) => g.name) });
  }
  return { projectName, indicatorTable, enrollment, budget, problem, findings };
}

function findProjectName(view: GridView): string | null {
  for (let r = view.firstRow; r <= Math.min(view.lastRow, view.firstRow + 40); r++) {
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
  }
  return null;
}
