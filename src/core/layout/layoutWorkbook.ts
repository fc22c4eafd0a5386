import type { Evaluation, WorkbookEvaluation } from "../types";
import { layoutScoreTables } from "./scoreTable/layoutScoreTable";
import { layoutProjectsSummary } from "./summary/layoutSummary";
import type { SheetPlan } from "./sheetPlan";

/** Names and stamps the two output sheets carry. */
export interface WorkbookMeta {
  /** The score table's sheet name; the summary's formulas and nothing else refer to it by this name. */
  scoreTableName: string;
  summaryName: string;
  /** The tool's version, written into the summary. */
  version: string;
  /** ISO time of the run, passed in: the core never reads the clock. */
  generatedAt: string;
}

/**
 * Lays out the two output sheets as pure data: the score table, then the summary, with all labels
 * in the settings' language. However many projects the workbook has, there are two sheets
 * (docs/scoring-rules.md §1.6): the score table holds each project's table one after another, and
 * the summary opens with an overview of the projects; one project gives the sheets as they were
 * before workbooks had projects.
 *
 * - The summary's formulas refer to the score table as `meta.scoreTableName`, so pass the name
 *   the sheet will really have (pick a free name before calling).
 * - Every formula cell carries the value a spreadsheet computes from the written cells.
 *
 * @param input - one evaluation, or a workbook's projects (evaluateWorkbook's result)
 * @param meta - sheet names, tool version and generation time
 * @returns [score table plan, summary plan]
 * @example
 * layoutWorkbook(ev, { scoreTableName: "绩效评分表", summaryName: "评分汇总", version: "0.1.0", generatedAt: "2023-02-28T00:00:00Z" })
 *   .map((p) => p.role) //=> ["scoreTable", "summary"]
 */
export function layoutWorkbook(input: Evaluation | WorkbookEvaluation, meta: WorkbookMeta): SheetPlan[] {
  const wb: WorkbookEvaluation = "projects" in input ? input : { projects: [input], workbookFindings: [] };
  const table = layoutScoreTables(wb.projects, meta.scoreTableName);
  const summary = layoutProjectsSummary(wb, meta, table.anchors);
  return [table.plan, summary.plan];
}
