import { quoteSheetName, toA1, toA1Range } from "../../cells/address";
import type { Evaluation, Grade } from "../../types";
import { gradeTotal } from "../../score/grade";
import { summarizeProjects } from "../../model/projectSummary";
import type { ScoreTableAnchors } from "../scoreTable/scoreTableColumns";
import { type BlockContext, gradeFormula, heading, HEADER_FILL, LINK_COLOR } from "./summaryBlocks";

/** The overview's columns: 项目 | 计算总分 | 等级 | 自评总分 | 差异 | 错误 | 警告 | 工作表. */
export const OVERVIEW_COLUMNS = Object.freeze({ name: 0, total: 1, grade: 2, selfTotal: 3, difference: 4, errors: 5, warnings: 6, sheet: 7 });
export const OVERVIEW_WIDTH = 8;
const GRADES: readonly Grade[] = ["优", "良", "中", "差"];

/** Where the overview put its rows (0-based, on the summary). */
export interface OverviewCells {
  /** The overview table's header row and its project rows, in project order. */
  headerRow: number;
  projectRows: number[];
  /** The grade distribution's rows, 优 to 差. */
  gradeRows: number[];
  /** The chart's source: the name and total columns, header row first. */
  source: string;
  next: number;
}

/**
 * The summary's overview of several projects (docs/scoring-rules.md §1.6): one row per project
 * with its name (linked to its block on the score table), its computed total and grade as
 * formulas on that block's total row, the self-assessed total and its difference from Σ scores,
 * its errors and warnings, and its sheet (linked to its indicator table); then the grade
 * distribution, a COUNTIF of the grade column per grade. Every formula's value is what a
 * spreadsheet computes.
 *
 * @param ctx - the block context (`ctx.ev` gives the settings and language)
 * @param start - the row of the overview's heading
 * @param projects - the projects' evaluations, in order
 * @param anchors - each project's block on the score table, in the same order
 * @returns the rows written and the next free row
 * @example
 * overviewBlock(ctx, 2, [a, b], anchors).projectRows //=> [4, 5]
 */
export function overviewBlock(ctx: BlockContext, start: number, projects: readonly Evaluation[], anchors: readonly ScoreTableAnchors[]): OverviewCells {
  const { grid, labels } = ctx;
  const O = OVERVIEW_COLUMNS;
  const last = OVERVIEW_WIDTH - 1;
  const bands = ctx.ev.settings.gradeBands;
  let row = heading(ctx, start, labels.overviewBlock);
  const headerRow = row;
  const names = [labels.project, labels.computedTotal, labels.gradeLabel, labels.selfTotal, labels.selfDifference, labels.errors, labels.warnings, labels.sheet];
  names.forEach((n, j) => grid.text(headerRow, j, n));
  grid.style(toA1Range(headerRow, 0, headerRow, last), { bold: true, fill: HEADER_FILL, hAlign: "Center", vAlign: "Center", wrap: true });
  grid.style(toA1Range(headerRow, 0, headerRow + projects.length, last), { border: true });
  ctx.headerRows.push(headerRow);
  row++;
  const projectRows: number[] = [];
  const grades: string[] = [];
  summarizeProjects(projects).forEach((p, i) => {
    const a = anchors[i];
    if (a === undefined) return;
    const at = (c: number): string => toA1(row, c);
    const sheet = quoteSheetName(a.sheet);
    const j = `${sheet}!${toA1(a.totalRow, 9)}`;
    const f = `${sheet}!${toA1(a.totalRow, 5)}`;
    grid.text(row, O.name, p.name);
    grid.hyperlinks.push({ cell: at(O.name), target: `${sheet}!${toA1(a.titleRow, 0)}`, tooltip: labels.goToProject });
    grid.style(at(O.name), { fontColor: LINK_COLOR });
    const total = a.weightTotal !== 0 ? (a.scoreSum / a.weightTotal) * 100 : "";
    grid.formula(row, O.total, `=IFERROR(${j}/${f}*100,"")`, total, "0.00");
    const grade = typeof total === "number" ? labels.grade[gradeTotal(total, bands)] : "";
    grades.push(grade);
    grid.formula(row, O.grade, gradeFormula(at(O.total), bands, labels), grade);
    grid.number(row, O.selfTotal, p.selfTotal, "0.00");
    grid.formula(row, O.difference, `=IF(ISNUMBER(${at(O.selfTotal)}),${at(O.selfTotal)}-${j},"")`, p.selfTotal !== null ? p.selfTotal - a.scoreSum : "", "0.00");
    grid.number(row, O.errors, p.errors, "0");
    grid.number(row, O.warnings, p.warnings, "0");
    grid.text(row, O.sheet, p.sheet);
    if (p.table !== "") {
      grid.hyperlinks.push({ cell: at(O.sheet), target: p.table, tooltip: labels.goToTable });
      grid.style(at(O.sheet), { fontColor: LINK_COLOR });
    }
    projectRows.push(row);
    row++;
  });
  const firstRow = headerRow + 1;
  const lastRow = row - 1;
  grid.style(toA1Range(firstRow, O.total, lastRow, O.warnings), { hAlign: "Right" });
  grid.style(toA1Range(firstRow, O.grade, lastRow, O.grade), { hAlign: "Center" });
  const source = toA1Range(headerRow, O.name, lastRow, O.total);

  row = heading(ctx, row + 1, labels.gradeDistribution);
  const distHeader = row;
  [labels.gradeLabel, labels.projectCount].forEach((n, j) => grid.text(distHeader, j, n));
  grid.style(toA1Range(distHeader, 0, distHeader, 1), { bold: true, fill: HEADER_FILL, hAlign: "Center", vAlign: "Center", wrap: true });
  grid.style(toA1Range(distHeader, 0, distHeader + GRADES.length, 1), { border: true });
  ctx.headerRows.push(distHeader);
  row++;
  const gradeColumn = toA1Range(firstRow, O.grade, lastRow, O.grade);
  const gradeRows: number[] = [];
  for (const g of GRADES) {
    const label = labels.grade[g];
    grid.text(row, 0, label);
    grid.formula(row, 1, `=COUNTIF(${gradeColumn},"${label}")`, grades.filter((x) => x === label).length, "0");
    gradeRows.push(row);
    row++;
  }
  grid.style(toA1Range(distHeader + 1, 1, row - 1, 1), { hAlign: "Right" });
  return { headerRow, projectRows, gradeRows, source, next: row };
}
