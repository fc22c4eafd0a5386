import type { BudgetBlock, Finding, ScoredBudget, Settings } from "../types";
import { makeFinding } from "../findings/makeFinding";
import { WHAT } from "../findings/catalog";
import { ratioOf } from "../cells/parseValue";
import { DECLARED_RATE_TOLERANCE, EQUAL_EPS } from "../numbers/tolerances";
import { checkCounts } from "./_lib/checkCounts";
import { terms } from "../text/terms";
import { hasReason } from "../cells/reasonText";

/** The budget item's name in messages, as the form writes it. */
const NAME = terms("zh").budgetItem;

/**
 * Scores budget execution (docs/scoring-rules.md §3, [10号]): w × min(B/A, 1), with w from the 分值 cell
 * (the profile's budget weight, 10 nationally, when the block states none). Checks the self-score and a declared 执行率 (a blank one is computed; an
 * unreadable one is NON_NUMERIC). Figures taken from the appropriation row below a zeroed total
 * row give BUDGET_FROM_APPROPRIATION, and the zeroed row's self-score is not compared.
 *
 * @example
 * scoreBudget(block /* A 100, B 95, w 10 *\/, DEFAULT_SETTINGS).budget.score //=> 9.5
 */
export function scoreBudget(block: BudgetBlock, settings: Settings): { budget: ScoredBudget; findings: Finding[] } {
  const findings: Finding[] = [];
  const weight = block.weight.kind === "number" ? block.weight.value : settings.budgetWeight;
  if (block.weight.kind === "error" || block.weight.kind === "qualitative") {
    findings.push(makeFinding("NON_NUMERIC", block.cells.weight ?? block.cell, { name: NAME, what: WHAT.weight!, text: block.weight.text }));
  }
  const selfScore = block.selfScore?.kind === "number" ? block.selfScore.value : null;
  const selfCell = block.cells.selfScore ?? block.cell;
  const ok = checkCounts(NAME, [
    [block.planned, "planned", block.cells.planned],
    [block.spent, "spent", block.cells.spent],
  ], findings);
  const planned = block.planned.kind === "number" ? block.planned.value : null;
  const spent = block.spent.kind === "number" ? block.spent.value : null;
  let rate: number | null = null;
  let score: number;
  if (ok && planned !== null && spent !== null && planned > 0) {
    rate = spent / planned;
    score = weight * Math.min(rate, 1);
  } else {
    if (ok && planned === 0) findings.push(makeFinding("ZERO_TARGET", block.cells.planned, { name: NAME }));
    score = selfScore === null ? 0 : Math.min(weight, Math.max(0, selfScore));
    if (selfScore === null) findings.push(makeFinding("NON_NUMERIC", selfCell, { name: NAME, what: WHAT.selfScore!, text: "" }));
  }
  if (selfScore !== null && (selfScore > weight + EQUAL_EPS || selfScore < -EQUAL_EPS)) {
    findings.push(makeFinding("SCORE_OVER_WEIGHT", selfCell, { name: NAME, self: selfScore, weight }));
  } else if (selfScore !== null && rate !== null && block.fromRow === undefined && Math.abs(selfScore - score) > settings.mismatchTolerance + EQUAL_EPS) {
    findings.push(makeFinding("SCORE_MISMATCH", selfCell, { name: NAME, self: selfScore, score, tolerance: settings.mismatchTolerance }));
  }
  if (block.fromRow !== undefined) {
    findings.push(makeFinding("BUDGET_FROM_APPROPRIATION", block.cell, { label: block.fromRow.label, row: block.fromRow.row }));
  }
  if (block.declaredRate && block.cells.declaredRate && (block.declaredRate.kind === "qualitative" || block.declaredRate.kind === "error")) {
    findings.push(makeFinding("NON_NUMERIC", block.cells.declaredRate, { name: NAME, what: WHAT.executionRate!, text: block.declaredRate.text }));
  }
  if (rate !== null && block.declaredRate && block.cells.declaredRate && block.declaredRate.kind !== "missing") {
    const declared = ratioOf(block.declaredRate);
    if (declared !== null && Math.abs(declared - rate) > DECLARED_RATE_TOLERANCE) {
      findings.push(makeFinding("DECLARED_COMPLETION_MISMATCH", block.cells.declaredRate, { name: NAME, declared, computed: rate }));
    }
  }
  const below = settings.budgetReasonBelow;
  if (below !== null && rate !== null && rate < below - EQUAL_EPS && block.cells.reason !== undefined && !hasReason(block.reasonText ?? "")) {
    findings.push(makeFinding("MISSING_REASON", block.cells.reason, { name: NAME, overCompletion: false }));
  }
  return {
    budget: { block, planned, spent, rate, weight, score, selfScore, hasFormulaScore: rate !== null, cell: block.cell },
    findings,
  };
}
