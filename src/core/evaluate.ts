import type { Detection, Evaluation, Finding, ScoredIndicator, Settings, SheetGrid, WorkbookEvaluation } from "./types";
import { detectWorkbook } from "./detect/detectWorkbook";
import { PROBLEMS } from "./findings/catalog";
import { scoreEnrollment } from "./score/scoreEnrollment";
import { linkEnrollment } from "./score/linkEnrollment";
import { scoreIndicator } from "./score/scoreIndicator";
import { scoreBudget } from "./score/scoreBudget";
import { declaredScale, rollup, totalOf } from "./score/rollup";
import { gradeTotal } from "./score/grade";
import { auditReasons } from "./audit/auditReasons";
import { auditQuantityNode } from "./audit/auditQuantityNode";
import { auditStructure } from "./audit/auditStructure";
import { sortFindings } from "./findings/sortFindings";
import { noteTruncations } from "./findings/makeFinding";

/**
 * What scoring a workbook gives: every project scored, or why nothing could be.
 *
 * `evaluation` is the first project's (the only one in a one-project workbook), kept for code
 * written before workbooks had projects; code that handles several reads `projects`.
 */
export type EvaluateResult =
  | ({ evaluation: Evaluation; problem: null } & WorkbookEvaluation)
  | { evaluation: null; projects: []; workbookFindings: Finding[]; problem: { zh: string; en: string }; detection: Detection };

/**
 * Scores a workbook end to end (docs/scoring-rules.md §1–4): detect the projects (§1.6), then
 * score each one on its own with evaluateProject.
 *
 * @param grids - every sheet's cells, in workbook order
 * @param settings - the scoring settings, passed in explicitly
 * @returns one evaluation per project, or the reason nothing could be scored (naming the place)
 * @example
 * evaluateWorkbook(seedGrids, DEFAULT_SETTINGS).projects.map((p) => p.grade) //=> ["优"]
 */
export function evaluateWorkbook(grids: SheetGrid[], settings: Settings): EvaluateResult {
  const detection = detectWorkbook(grids);
  const [first, ...rest] = detection.projects.map((p) => evaluateProject(p, settings)).filter((e) => e !== null);
  if (first === undefined) {
    return { evaluation: null, projects: [], workbookFindings: noteTruncations(detection.workbookFindings), problem: detection.problem ?? PROBLEMS.nothingToScore(), detection };
  }
  return { evaluation: first, projects: [first, ...rest], workbookFindings: noteTruncations(detection.workbookFindings), problem: null };
}

/**
 * Scores one project: score the enrollment lines, link them to indicators, score every leaf and
 * the budget, audit, roll up, and total and grade. Each stage only reads what the stages before
 * it produced.
 *
 * @param detection - one project's tables (an entry of detectWorkbook's `projects`)
 * @param settings - the scoring settings
 * @returns the evaluation, or null when the project has no indicator table
 * @example
 * evaluateProject(detectWorkbook(seedGrids).projects[0], DEFAULT_SETTINGS)?.total //=> 100
 */
export function evaluateProject(detection: Detection, settings: Settings): Evaluation | null {
  const table = detection.indicatorTable;
  if (table === null) return null;
  const findings: Finding[] = [...detection.findings];

  const enrollment = scoreEnrollment(detection.enrollment, settings);
  findings.push(...enrollment.findings);

  const linked = linkEnrollment(detection, enrollment.lines.map((l) => l.completion));
  findings.push(...linked.findings);

  const indicators: ScoredIndicator[] = [];
  const noLines: never[] = [];
  for (const row of table.rows) {
    const { scored, findings: rowFindings } = scoreIndicator(row, settings, linked.links.get(row.row) ?? noLines);
    indicators.push(scored);
    for (const f of rowFindings) findings.push(f);
  }

  const scoredBudget = detection.budget ? scoreBudget(detection.budget, settings) : null;
  const budget = scoredBudget?.budget ?? null;
  if (scoredBudget) findings.push(...scoredBudget.findings);

  findings.push(...auditReasons(table, indicators, findings));
  findings.push(...auditQuantityNode(table.rows, detection.enrollment, enrollment.lines));
  findings.push(...auditStructure(table, budget?.weight ?? 0, budget?.selfScore ?? null));

  const totals = totalOf(indicators, budget, declaredScale(table));
  return {
    settings,
    projectName: detection.projectName,
    indicators,
    enrollment: enrollment.lines,
    budget,
    rollup: rollup(indicators, budget),
    ...totals,
    grade: gradeTotal(totals.total, settings.gradeBands),
    findings: sortFindings(noteTruncations(findings)),
    detection,
  };
}
