import type { Detection, Evaluation, Finding, ScoredIndicator, Settings, SheetGrid } from "./types";
import { detectWorkbook } from "./detect/detectWorkbook";
import { PROBLEMS } from "./findings/catalog";
import { scoreEnrollment } from "./score/scoreEnrollment";
import { linkEnrollment } from "./score/linkEnrollment";
import { scoreIndicator } from "./score/scoreIndicator";
import { scoreBudget } from "./score/scoreBudget";
import { rollup, totalOf } from "./score/rollup";
import { gradeTotal } from "./score/grade";
import { auditReasons } from "./audit/auditReasons";
import { auditQuantityNode } from "./audit/auditQuantityNode";
import { auditStructure } from "./audit/auditStructure";

export type EvaluateResult = { evaluation: Evaluation; problem: null } | { evaluation: null; problem: { zh: string; en: string }; detection: Detection };

/**
 * Scores a workbook end to end (docs/scoring-rules.md §1–4): detect the tables, score the
 * enrollment lines, link them to indicators, score every leaf and the budget, audit, roll up,
 * and total and grade. Each stage only reads what the stages before it produced.
 *
 * @param grids - every sheet's cells, in workbook order
 * @param settings - the scoring settings, passed in explicitly
 * @returns the evaluation, or the reason nothing could be scored (naming the place)
 * @example
 * evaluateWorkbook(seedGrids, DEFAULT_SETTINGS).evaluation?.grade //=> "优"
 */
export function evaluateWorkbook(grids: SheetGrid[], settings: Settings): EvaluateResult {
  const detection = detectWorkbook(grids);
  const table = detection.indicatorTable;
  if (table === null) {
    return { evaluation: null, problem: detection.problem ?? PROBLEMS.nothingToScore(), detection };
  }
  const findings: Finding[] = [...detection.findings];

  const enrollment = scoreEnrollment(detection.enrollment, settings);
  findings.push(...enrollment.findings);

  const linked = linkEnrollment(detection, enrollment.lines.map((l) => l.completion));
  findings.push(...linked.findings);

  const indicators: ScoredIndicator[] = [];
  for (const row of table.rows) {
    const { scored, findings: rowFindings } = scoreIndicator(row, settings, linked.links.get(row.row) ?? []);
    indicators.push(scored);
    findings.push(...rowFindings);
  }

  const scoredBudget = detection.budget ? scoreBudget(detection.budget, settings) : null;
  const budget = scoredBudget?.budget ?? null;
  if (scoredBudget) findings.push(...scoredBudget.findings);

  findings.push(...auditReasons(table, indicators, findings));
  findings.push(...auditQuantityNode(table.rows, detection.enrollment, enrollment.lines));
  findings.push(...auditStructure(table, budget?.weight ?? 0, budget?.selfScore ?? null));

  const totals = totalOf(indicators, budget);
  return {
    evaluation: {
      settings,
      projectName: detection.projectName,
      indicators,
      enrollment: enrollment.lines,
      budget,
      rollup: rollup(indicators, budget),
      ...totals,
      grade: gradeTotal(totals.total, settings.gradeBands),
      findings,
      detection,
    },
    problem: null,
  };
}
