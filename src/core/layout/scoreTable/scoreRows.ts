import { toA1 } from "../../cells/address";
import type { Evaluation, Finding, Language, ParsedValue, ScoredBudget, ScoredIndicator } from "../../types";
import { layoutLabels } from "../labels";
import { SCORE_COLUMNS as C } from "./scoreTableColumns";
import { findingLine } from "../findingText";
import type { PlanGrid } from "../sheetGrid/planGrid";
import { liveScore, scoreRule } from "./scoreFormula";
import { parseOperator } from "../../cells/parseValue";
import { isApplicable } from "../../score/rollup";
import { budgetUnit, isPercentValue, MONEY_FORMAT, operatorSymbol, parsedUnit, quantityFormat, unitLiteral } from "../sheetGrid/units";

/** What a written body row holds, for the totals and the conditional formats. */
export interface BodyRow {
  row: number;
  weight: number;
  /** The value the 得分 cell holds or computes; null when it is empty. */
  score: number | null;
  selfScore: number | null;
  hasCompletion: boolean;
  /** Reverse rows: a completion below 100% is good, so it is not flagged. */
  isReverse: boolean;
  /** Text written in the 三级指标 column, E, or the target/actual columns G/H. */
  wrapped: boolean;
}

const SCORE_FORMAT = "0.00";

/** Writes a target or actual: the number in base units with a format showing operator and unit, else the original text. */
function writeQuantity(grid: PlanGrid, row: number, col: number, value: number | null, parsed: ParsedValue, opts: { operator: string; isPercent: boolean; unit: string }): boolean {
  if (value === null || !Number.isFinite(value)) {
    grid.text(row, col, parsed.text);
    return false;
  }
  grid.number(row, col, value, quantityFormat(value, opts));
  return true;
}

/** Writes 完成率, 得分, 自评得分, 差异 and 发现 for one row. */
function writeScoreCells(
  grid: PlanGrid,
  row: number,
  input: { hasNumbers: boolean; target: number | null; actual: number | null; score: { formula: string; value: number } | number | null; selfScore: number | null; lines: string[] },
): { score: number | null; hasCompletion: boolean } {
  // Formulas joined from parts: one flat string each (see scoreFormula).
  const a = (col: number): string => toA1(row, col);
  let hasCompletion = false;
  if (input.hasNumbers && input.target !== null && input.actual !== null) {
    const ratio = input.actual / input.target;
    grid.formula(row, C.completion, ["=IFERROR(", a(C.actual), "/", a(C.target), ',"")'].join(""), Number.isFinite(ratio) ? ratio : "", "0.00%");
    hasCompletion = true;
  }
  let score: number | null = null;
  if (typeof input.score === "number") {
    grid.number(row, C.score, input.score, SCORE_FORMAT);
    score = Number.isFinite(input.score) ? input.score : null;
  } else if (input.score) {
    grid.formula(row, C.score, input.score.formula, input.score.value, SCORE_FORMAT);
    score = input.score.value;
  }
  grid.number(row, C.selfScore, input.selfScore, SCORE_FORMAT);
  if (score !== null) {
    const k = a(C.selfScore);
    const diff = input.selfScore === null ? "" : input.selfScore - score;
    grid.formula(row, C.difference, ["=IF(ISNUMBER(", k, "),", k, "-", a(C.score), ',"")'].join(""), diff, SCORE_FORMAT);
  }
  grid.text(row, C.findings, input.lines.join("\n"));
  return { score, hasCompletion };
}

/**
 * Writes one indicator's row (columns E to M; the level columns A to D are written per group).
 *
 * @returns what the row holds, for the totals
 */
export function writeIndicatorRow(grid: PlanGrid, row: number, ind: ScoredIndicator, ev: Evaluation, findings: readonly Finding[]): BodyRow {
  const lang: Language = ev.settings.language;
  const labels = layoutLabels(lang);
  const r = ind.row;
  grid.text(row, C.level3, r.level3?.name ?? "");
  grid.number(row, C.weight, ind.weight, SCORE_FORMAT);

  const percent = isPercentValue(r.target, r.unitText) || isPercentValue(r.actual, r.unitText);
  const unit = parsedUnit(r.target) || parsedUnit(r.actual) || r.unitText;
  const targetOp = r.target.kind === "number" || r.target.kind === "qualitative" ? r.target.operator : null;
  const operator = operatorSymbol(targetOp) || operatorSymbol(parseOperator(r.operatorText));
  const tNum = writeQuantity(grid, row, C.target, ind.target, r.target, { operator, isPercent: percent, unit });
  const aNum = writeQuantity(grid, row, C.actual, ind.actual, r.actual, { operator: "", isPercent: percent, unit: parsedUnit(r.actual) || unit });

  const leftOut = !isApplicable(ind);
  // A ZERO_WEIGHT finding already says the row is left out; the status line would repeat it.
  const saysZero = ind.kind === "zeroWeight" && findings.some((f) => f.code === "ZERO_WEIGHT");
  const lines: string[] = ind.kind === "notApplicable" ? [labels.notApplicable] : ind.kind === "zeroWeight" && !saysZero ? [labels.zeroWeight] : [];
  for (const f of findings) lines.push(findingLine(f, lang));

  let score: { formula: string; value: number } | number | null = null;
  if (!leftOut) {
    const rule = ind.hasFormulaScore && ind.target !== null ? scoreRule(ind.kind, ev.settings.reverse, ind.target) : null;
    const at = { weight: toA1(row, C.weight), target: toA1(row, C.target), actual: toA1(row, C.actual) };
    score = (tNum && aNum ? liveScore(rule, at, ind.weight, ind.target, ind.actual, ind.score) : null) ?? ind.score;
  }
  const written = writeScoreCells(grid, row, { hasNumbers: tNum && aNum, target: ind.target, actual: ind.actual, score, selfScore: ind.selfScore, lines });
  return {
    row,
    weight: ind.weight,
    score: written.score,
    selfScore: ind.selfScore,
    hasCompletion: written.hasCompletion,
    isReverse: ind.kind === "reverse",
    wrapped: !tNum || !aNum,
  };
}

/**
 * Writes the budget-execution row: 一级指标 "预算执行率", its weight as both the level-1 and the
 * leaf weight, planned as 指标值 and spent as 实际完成值.
 */
export function writeBudgetRow(grid: PlanGrid, row: number, budget: ScoredBudget, ev: Evaluation, findings: readonly Finding[]): BodyRow {
  const lang = ev.settings.language;
  const labels = layoutLabels(lang);
  grid.text(row, C.level1, labels.budget);
  grid.number(row, C.weight1, budget.weight, SCORE_FORMAT);
  grid.number(row, C.weight, budget.weight, SCORE_FORMAT);
  const b = budget.block;
  // Money at 2 decimals with the unit the workbook names (none when it names none: never guessed).
  const money = `${MONEY_FORMAT}${unitLiteral(budgetUnit(b))}`;
  const writeMoney = (col: number, value: number | null, parsed: ParsedValue): boolean => {
    if (value === null || !Number.isFinite(value)) {
      grid.text(row, col, parsed.text);
      return false;
    }
    grid.number(row, col, value, money);
    return true;
  };
  const tNum = writeMoney(C.target, budget.planned, b.planned);
  const aNum = writeMoney(C.actual, budget.spent, b.spent);
  const at = { weight: toA1(row, C.weight), target: toA1(row, C.target), actual: toA1(row, C.actual) };
  const rule = budget.hasFormulaScore && budget.planned !== null && budget.planned > 0 ? "budget" : null;
  const score = (tNum && aNum ? liveScore(rule, at, budget.weight, budget.planned, budget.spent, budget.score) : null) ?? budget.score;
  const lines = findings.map((f) => findingLine(f, lang));
  const written = writeScoreCells(grid, row, { hasNumbers: tNum && aNum, target: budget.planned, actual: budget.spent, score, selfScore: budget.selfScore, lines });
  return { row, weight: budget.weight, score: written.score, selfScore: budget.selfScore, hasCompletion: written.hasCompletion, isReverse: false, wrapped: !tNum || !aNum };
}
