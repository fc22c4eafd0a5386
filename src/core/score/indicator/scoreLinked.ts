import { makeFinding } from "../../findings/makeFinding";
import { formatPercent } from "../../text/formatNumber";
import { checkMismatch, scoreSelfOnly, scoredAs, selfIsFullMarks, type RowContext, type RowResult } from "./rowContext";

/** An enrollment line's completion, for indicators fed by linked lines. */
export interface LinkedLine {
  index: number;
  name: string;
  completion: number | null;
}

/**
 * The enrollment-fed kind: w × the mean of min(completion, 1) over the linked lines that have a
 * completion; with none, the self-score (scoreSelfOnly). Full marks beside a line below 100%
 * gives UNMET_TARGET_FULL_MARKS for that line.
 *
 * @example
 * scoreLinked(ctx /* w 20 *\/, [{ index: 0, name: "a", completion: 0.5 }, { index: 1, name: "b", completion: 1.2 }]).scored.score //=> 15
 */
export function scoreLinked(ctx: RowContext, linked: readonly LinkedLine[]): RowResult {
  const rates = linked.map((l) => l.completion).filter((c): c is number => c !== null);
  if (rates.length === 0) return scoreSelfOnly(ctx);
  const score = (ctx.w * rates.reduce((s, c) => s + Math.min(c, 1), 0)) / rates.length;
  if (selfIsFullMarks(ctx)) {
    for (const l of linked) {
      if (l.completion === null || l.completion >= 1) continue;
      const rate = formatPercent(l.completion);
      ctx.findings.push(
        makeFinding("UNMET_TARGET_FULL_MARKS", ctx.selfCell, {
          name: ctx.name,
          detail: { zh: `关联的“${l.name}”完成率仅 ${rate}。`, en: `the linked line "${l.name}" is at ${rate}.` },
        }),
      );
    }
  }
  checkMismatch(ctx, score);
  // No single actual/target pair: the lines carry their own completions.
  return scoredAs(ctx, "enrollment", score, { linkedLines: linked.map((l) => l.index) });
}
