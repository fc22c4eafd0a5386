import { makeFinding } from "../../findings/makeFinding";
import { WHAT } from "../../findings/catalog";
import { EQUAL_EPS } from "../../numbers/tolerances";
import { clamp, scoreSelfOnly, scoredAs, type RowContext, type RowResult } from "./rowContext";

/**
 * The qualitative kind: the self-score clamped into the band the actual's word names (by the
 * profile's bands; nationally 达成 80–100% of w, 部分达成 60–80%, 未达成 0–60%), with QUALITATIVE_BAND when it had to move; the band's top
 * and SCORE_ASSUMED when there is no self-score. An actual that names no band is NON_NUMERIC and
 * falls back to the self-score.
 *
 * @example
 * scoreQualitative(ctx /* w 10, actual "部分达成", self 9 *\/).scored.score //=> 8
 */
export function scoreQualitative(ctx: RowContext): RowResult {
  const { row, self, w, name, selfCell, findings } = ctx;
  const a = row.actual;
  const achievement = a.kind === "qualitative" ? a.achievement : null;
  if (achievement === null) {
    findings.push(makeFinding("NON_NUMERIC", row.cells.actual ?? row.cells.name, { name, what: WHAT.actual!, text: a.kind === "missing" ? "" : a.text }));
    return scoreSelfOnly(ctx);
  }
  const [lo, hi] = ctx.settings.qualitativeBands[achievement];
  const low = lo * w;
  const high = hi * w;
  if (self === null) {
    findings.push(makeFinding("SCORE_ASSUMED", selfCell, { name, band: achievement, used: high }));
    return scoredAs(ctx, "qualitative", high, { achievement });
  }
  const score = clamp(self, low, high);
  if (Math.abs(score - self) > EQUAL_EPS) findings.push(makeFinding("QUALITATIVE_BAND", selfCell, { name, band: achievement, self, low, high, used: score }));
  return scoredAs(ctx, "qualitative", score, { achievement });
}
