import type { IndicatorKind, Operator, ParsedValue } from "../../types";
import { makeFinding } from "../../findings/makeFinding";
import { WHAT } from "../../findings/catalog";
import { EQUAL_EPS } from "../../numbers/tolerances";
import { checkMismatch, scoreSelfOnly, scoredAs, selfIsFullMarks, type RowContext, type RowResult } from "./rowContext";
import { scoreEquals, scorePositive, scoreReverse, type RuleResult } from "./quantityRules";

type NumberValue = ParsedValue & { kind: "number" };

/** Puts percent targets and percent-point actuals (or the reverse) on one scale: 95% vs 97 reads 0.97. */
function alignPercent(target: NumberValue, actual: NumberValue): [number, number] {
  let a = target.value;
  let b = actual.value;
  const plain = (p: NumberValue) => !p.isPercent && p.unit === "";
  if (target.isPercent && plain(actual) && Math.abs(b) > 1 && Math.abs(b) <= 1000) b /= 100;
  else if (actual.isPercent && plain(target) && Math.abs(a) > 1 && Math.abs(a) <= 1000) a /= 100;
  return [a, b];
}

/** The rule an operator asks for. */
function ruleOf(op: Operator | null): { kind: IndicatorKind; rule: (A: number, B: number, w: number, ctx: RowContext) => RuleResult } {
  if (op === "<=" || op === "<") return { kind: "reverse", rule: (A, B, w, ctx) => scoreReverse(A, B, w, ctx.settings.reverse) };
  if (op === "=") return { kind: "equals", rule: scoreEquals };
  return { kind: "positive", rule: scorePositive };
}

/**
 * The quantitative kinds (positive, reverse, equals): target and actual must both read as
 * numbers ≥ 0, else NON_NUMERIC or NEGATIVE_VALUE names the cell and the self-score stands. Then
 * the operator's rule scores it, with ZERO_TARGET, OVER_COMPLETION (positive only),
 * UNMET_TARGET_FULL_MARKS and SCORE_MISMATCH as they apply.
 *
 * @example
 * scoreQuantity(ctx /* ≥8755, 8676, w 15, self 13 *\/, ">=").scored.score //=> 14.864648...
 */
export function scoreQuantity(ctx: RowContext, op: Operator | null): RowResult {
  const { row, name, w, settings, findings } = ctx;
  const t = row.target;
  const a = row.actual;
  if (t.kind !== "number") findings.push(makeFinding("NON_NUMERIC", row.cells.target ?? row.cells.name, { name, what: WHAT.target!, text: t.text }));
  if (a.kind !== "number") findings.push(makeFinding("NON_NUMERIC", row.cells.actual ?? row.cells.name, { name, what: WHAT.actual!, text: a.text }));
  if (t.kind !== "number" || a.kind !== "number") return scoreSelfOnly(ctx);
  const [A, B] = alignPercent(t, a);
  if (A < 0) findings.push(makeFinding("NEGATIVE_VALUE", row.cells.target ?? row.cells.name, { name, what: WHAT.target!, value: A }));
  if (B < 0) findings.push(makeFinding("NEGATIVE_VALUE", row.cells.actual ?? row.cells.name, { name, what: WHAT.actual!, value: B }));
  if (A < 0 || B < 0) return scoreSelfOnly(ctx);

  const { kind, rule } = ruleOf(op);
  const { score, unmet, hasFormula } = rule(A, B, w, ctx);
  const completion = A > 0 ? B / A : null;
  // Equals and reverse rows define a score for a zero target (B ≤ 0 meets it); only positive cannot.
  if (A === 0 && kind === "positive") findings.push(makeFinding("ZERO_TARGET", row.cells.target ?? row.cells.name, { name }));
  if (kind === "positive" && completion !== null && completion >= settings.overCompletionThreshold - EQUAL_EPS) {
    findings.push(makeFinding("OVER_COMPLETION", row.cells.actual ?? row.cells.name, { name, completion, threshold: settings.overCompletionThreshold }));
  }
  if (selfIsFullMarks(ctx) && unmet) {
    findings.push(
      makeFinding("UNMET_TARGET_FULL_MARKS", ctx.selfCell, {
        name,
        detail: {
          zh: `实际完成值 ${a.text || B} 未达到指标值 ${t.text || A}。`,
          en: `the actual value ${a.text || B} does not meet the target ${t.text || A}.`,
        },
      }),
    );
  }
  checkMismatch(ctx, score);
  return scoredAs(ctx, kind, score, { completion, hasFormulaScore: hasFormula, target: A, actual: B });
}
