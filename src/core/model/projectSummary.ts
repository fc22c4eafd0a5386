import type { Evaluation, Grade } from "../types";

/** One project as the overview shows it: the summary's overview row, the pane's list, the JSON's name fields. */
export interface ProjectSummary {
  /** 0-based position among the workbook's projects. */
  index: number;
  /** Its 项目名称, else the name of the sheet its table is on (docs/scoring-rules.md §1.6). */
  name: string;
  /** The sheet its indicator table is on. */
  sheet: string;
  /** Sheet-qualified address of the table header's first cell: where a link to the project goes. */
  table: string;
  total: number;
  grade: Grade;
  selfTotal: number | null;
  /** selfTotal − Σ scores, in points (as the summary's difference), or null without self-scores. */
  difference: number | null;
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * Sums up each project for the overview: name, place, total, grade, self total, difference and
 * findings by severity.
 *
 * @param projects - the projects' evaluations, in workbook order
 * @returns one summary per project, in the same order
 * @example
 * summarizeProjects(evaluateWorkbook(grids, settings).projects).map((p) => `${p.name} ${p.grade}`) //=> ["就业创业补助资金项目 优", "医疗救助项目 良"]
 */
export function summarizeProjects(projects: readonly Evaluation[]): ProjectSummary[] {
  return projects.map((ev, index) => {
    const table = ev.detection.indicatorTable;
    const count = (severity: string): number => ev.findings.filter((f) => f.severity === severity).length;
    return {
      index,
      name: ev.projectName ?? table?.sheet ?? "",
      sheet: table?.sheet ?? "",
      table: table?.cell ?? "",
      total: ev.total,
      grade: ev.grade,
      selfTotal: ev.selfTotal,
      difference: ev.selfTotal === null ? null : ev.selfTotal - ev.scoreSum,
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info"),
    };
  });
}
