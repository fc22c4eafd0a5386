import type { Achievement, Finding, IndicatorKind, IndicatorRow, Operator, ParsedValue, ScoredIndicator, Settings } from "../types";
import { parseOperator } from "../cells/parseValue";
import { makeFinding } from "../findings/makeFinding";
import { WHAT } from "../findings/catalog";
import { formatPercent } from "../text/formatNumber";

/** An enrollment line's completion, for indicators fed by linked lines. */
export interface LinkedLine {
  index: number;
  name: string;
  completion: number | null;
}

const BANDS: Record<Achievement, [number, number]> = {
  achieved: [0.8, 1],
  partly: [0.6, 0.8],
  notAchieved: [0, 0.6],
};

const EPS = 1e-9;

/** The row's path from level 1 to the leaf. */
export function pathOf(row: IndicatorRow): string[] {
  return [row.level1?.name, row.level2?.name, row.level3?.name].filter((n): n is string => n !== undefined && n !== "");
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** The operator a row asks for: the operator column first, then the target's own prefix. */
export function operatorOf(row: IndicatorRow): Operator | null {
  const fromColumn = parseOperator(row.operatorText);
  if (fromColumn !== null) return fromColumn;
  if (row.target.kind === "number" || row.target.kind === "qualitative") return row.target.operator;
  return null;
}

/** Puts percent targets and percent-point actuals (or the reverse) on one scale: 95% vs 97 reads 0.97. */
function alignPercent(target: ParsedValue & { kind: "number" }, actual: ParsedValue & { kind: "number" }): [number, number] {
  let a = target.value;
  let b = actual.value;
  const plain = (p: ParsedValue & { kind: "number" }) => !p.isPercent && p.unit === "";
  if (target.isPercent && plain(actual) && Math.abs(b) > 1 && Math.abs(b) <= 1000) b /= 100;
  else if (actual.isPercent && plain(target) && Math.abs(a) > 1 && Math.abs(a) <= 1000) a /= 100;
  return [a, b];
}

/**
 * Scores one leaf indicator by docs/scoring-rules.md §3 and returns the findings that belong to the row alone.
 *
 * - positive (≥, >, none): B ≥ A gives w, else w × B/A;
 * - reverse (≤, <): B ≤ A gives w, else w × A/B ("ratio") or w × max(0, 1 − (B−A)/A) ("deviation");
 * - equals (=): like positive when A > 0; when A = 0, w if B ≤ 0, else 0;
 * - qualitative: the self-score clamped into its band, or the band's top when missing;
 * - only a self-score: the self-score clamped to [0, w];
 * - fed by linked enrollment lines: w × mean of min(B/A, 1);
 * - N/A: left out; weight 0 or blank: left out.
 *
 * Unreadable, missing or negative inputs give a finding naming the cell and fall back to the
 * self-score, never to a silent zero.
 *
 * @example
 * scoreIndicator(row /* ≥8755, 8676, w 15, self 13 *\/, DEFAULT_SETTINGS, []).scored.score //=> 14.864648...
 */
export function scoreIndicator(row: IndicatorRow, settings: Settings, linked: LinkedLine[]): { scored: ScoredIndicator; findings: Finding[] } {
  const findings: Finding[] = [];
  const path = pathOf(row);
  const name = path[path.length - 1] ?? "";
  const w = row.weight ?? 0;
  const self = row.selfScore.kind === "number" ? row.selfScore.value : null;
  const base = {
    path,
    row,
    weight: w,
    selfScore: self,
    completion: null as number | null,
    target: row.target.kind === "number" ? row.target.value : null,
    actual: row.actual.kind === "number" ? row.actual.value : null,
    achievement: null as Achievement | null,
    hasFormulaScore: false,
    linkedLines: [] as number[],
    cell: row.cells.name,
  };
  const done = (kind: IndicatorKind, score: number, extra: Partial<ScoredIndicator> = {}) => ({
    scored: { ...base, kind, score, ...extra },
    findings,
  });
  const selfCell = row.cells.selfScore ?? row.cells.name;

  if (row.weightIssue !== undefined) {
    findings.push(makeFinding("NON_NUMERIC", row.cells.weight ?? row.cells.name, { name, what: WHAT.weight!, text: row.weightIssue.text }));
  }
  if (row.weight === null || row.weight === 0) {
    if (row.weightIssue === undefined) findings.push(makeFinding("ZERO_WEIGHT", row.cells.weight ?? row.cells.name, { name }));
    return done("zeroWeight", 0, { weight: 0 });
  }
  if (row.selfScore.kind === "error" || (row.selfScore.kind === "qualitative")) {
    findings.push(makeFinding("NON_NUMERIC", selfCell, { name, what: WHAT.selfScore!, text: row.selfScore.text }));
  }
  if (self !== null && (self > w + EPS || self < -EPS)) {
    findings.push(makeFinding("SCORE_OVER_WEIGHT", selfCell, { name, self, weight: w }));
  }
  if (row.target.kind === "notApplicable" || row.actual.kind === "notApplicable") return done("notApplicable", 0);

  /** Falls back to the self-score when the inputs cannot be used. */
  const fallback = () => {
    if (self === null && !findings.some((f) => f.code === "NON_NUMERIC" && f.cell === selfCell)) {
      findings.push(makeFinding("NON_NUMERIC", selfCell, { name, what: WHAT.selfScore!, text: "" }));
    }
    return done("selfOnly", self === null ? 0 : clamp(self, 0, w));
  };

  if (linked.length > 0) {
    const rates = linked.map((l) => l.completion).filter((c): c is number => c !== null);
    if (rates.length === 0) return fallback();
    const score = (w * rates.reduce((s, c) => s + Math.min(c, 1), 0)) / rates.length;
    if (self !== null && Math.abs(self - w) <= EPS) {
      for (const l of linked) {
        if (l.completion !== null && l.completion < 1) {
          findings.push(
            makeFinding("UNMET_TARGET_FULL_MARKS", selfCell, {
              name,
              detail: { zh: `关联的“${l.name}”完成率仅 ${formatPercent(l.completion)}。`, en: `the linked line "${l.name}" is at ${formatPercent(l.completion)}.` },
            }),
          );
        }
      }
    }
    mismatch(findings, settings, name, self, score, selfCell, w);
    // No single actual/target pair: the lines carry their own completions.
    return done("enrollment", score, { linkedLines: linked.map((l) => l.index) });
  }

  const op = operatorOf(row);
  const t = row.target;
  const a = row.actual;
  // Only a self-score (the seed's table): it stands, clamped; without one, fallback says so.
  if (t.kind === "missing" && a.kind === "missing") return fallback();

  const isQualitative = op === "qualitative" || t.kind === "qualitative" || a.kind === "qualitative";
  if (isQualitative && !(t.kind === "number" && a.kind === "number")) {
    let achievement: Achievement | null = null;
    if (a.kind === "qualitative") achievement = a.achievement;
    if (achievement === null) {
      const cell = row.cells.actual ?? row.cells.name;
      findings.push(makeFinding("NON_NUMERIC", cell, { name, what: WHAT.actual!, text: a.kind === "missing" ? "" : a.text }));
      return fallback();
    }
    const [lo, hi] = BANDS[achievement];
    const low = lo * w;
    const high = hi * w;
    let score: number;
    if (self === null) {
      score = high;
      findings.push(makeFinding("SCORE_ASSUMED", selfCell, { name, band: achievement, used: score }));
    } else {
      score = clamp(self, low, high);
      if (Math.abs(score - self) > EPS) findings.push(makeFinding("QUALITATIVE_BAND", selfCell, { name, band: achievement, self, low, high, used: score }));
    }
    return done("qualitative", score, { achievement });
  }

  for (const [p, what, cell] of [
    [t, "target", row.cells.target],
    [a, "actual", row.cells.actual],
  ] as const) {
    if (p.kind !== "number") {
      findings.push(makeFinding("NON_NUMERIC", cell ?? row.cells.name, { name, what: WHAT[what]!, text: p.text }));
    }
  }
  if (t.kind !== "number" || a.kind !== "number") return fallback();
  const [A, B] = alignPercent(t, a);
  let negative = false;
  for (const [v, what, cell] of [
    [A, "target", row.cells.target],
    [B, "actual", row.cells.actual],
  ] as const) {
    if (v < 0) {
      negative = true;
      findings.push(makeFinding("NEGATIVE_VALUE", cell ?? row.cells.name, { name, what: WHAT[what]!, value: v }));
    }
  }
  if (negative) return fallback();
  const numbers = { target: A, actual: B };
  const completion = A > 0 ? B / A : null;
  let kind: IndicatorKind;
  let score: number;
  let hasFormula = true;
  if (op === "<=" || op === "<") {
    kind = "reverse";
    if (B <= A) score = w;
    else if (A === 0) {
      score = 0;
      hasFormula = settings.reverse === "ratio";
    } else score = settings.reverse === "deviation" ? w * Math.max(0, 1 - (B - A) / A) : (w * A) / B;
  } else if (op === "=") {
    kind = "equals";
    score = A > 0 ? (B >= A ? w : (w * B) / A) : B <= 0 ? w : 0;
  } else {
    kind = "positive";
    if (A === 0) hasFormula = false;
    score = B >= A ? w : (w * B) / A;
  }
  if (A === 0 && kind !== "equals") findings.push(makeFinding("ZERO_TARGET", row.cells.target ?? row.cells.name, { name }));
  if (kind === "positive" && completion !== null && completion >= settings.overCompletionThreshold - EPS) {
    findings.push(makeFinding("OVER_COMPLETION", row.cells.actual ?? row.cells.name, { name, completion, threshold: settings.overCompletionThreshold }));
  }
  if (self !== null && Math.abs(self - w) <= EPS) {
    const unmet = kind === "reverse" ? B > A : kind === "equals" ? (A > 0 ? B < A : B > 0) : B < A;
    if (unmet) {
      findings.push(
        makeFinding("UNMET_TARGET_FULL_MARKS", selfCell, {
          name,
          detail: {
            zh: `实际完成值 ${a.text || B} 未达到指标值 ${t.text || A}。`,
            en: `the actual value ${a.text || B} does not meet the target ${t.text || A}.`,
          },
        }),
      );
    }
  }
  mismatch(findings, settings, name, self, score, selfCell, w);
  return done(kind, score, { completion, hasFormulaScore: hasFormula, ...numbers });
}

function mismatch(findings: Finding[], settings: Settings, name: string, self: number | null, score: number, cell: string, w: number): void {
  if (self === null || self > w + EPS || self < -EPS) return;
  if (Math.abs(self - score) > settings.mismatchTolerance + EPS) findings.push(makeFinding("SCORE_MISMATCH", cell, { name, self, score, tolerance: settings.mismatchTolerance }));
}
