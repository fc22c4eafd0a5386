import type { EnrollmentTable, Finding, ScoredEnrollmentLine, Settings } from "../types";
import { makeFinding } from "../findings/makeFinding";
import { WHAT } from "../findings/catalog";
import { checkCounts } from "./_lib/checkCounts";
import { ratioOf } from "../cells/parseValue";
import { DECLARED_RATE_TOLERANCE, EQUAL_EPS } from "../numbers/tolerances";

/**
 * Computes each enrollment line's completion (actual / target, in base units) and checks it:
 * unreadable or negative counts, a zero target, over-completion and a declared completion that
 * differs from actual/target by more than DECLARED_RATE_TOLERANCE (0.005).
 *
 * @example
 * scoreEnrollment([seedLines], DEFAULT_SETTINGS).lines[0].completion //=> 0.88473...
 */
export function scoreEnrollment(tables: EnrollmentTable[], settings: Settings): { lines: ScoredEnrollmentLine[]; findings: Finding[] } {
  const lines: ScoredEnrollmentLine[] = [];
  const findings: Finding[] = [];
  for (const table of tables) {
    for (const line of table.lines) {
      const name = line.name;
      const ok = checkCounts(name, [
        [line.target, "target", line.cells.target],
        [line.actual, "actual", line.cells.actual],
      ], findings);
      const target = line.target.kind === "number" ? line.target.value : null;
      const actual = line.actual.kind === "number" ? line.actual.value : null;
      let completion: number | null = null;
      if (ok && target !== null && actual !== null) {
        if (target === 0) findings.push(makeFinding("ZERO_TARGET", line.cells.target, { name }));
        else completion = actual / target;
      }
      if (completion !== null && completion >= settings.overCompletionThreshold - EQUAL_EPS) {
        findings.push(makeFinding("OVER_COMPLETION", line.cells.actual, { name, completion, threshold: settings.overCompletionThreshold }));
      }
      if (completion !== null && line.declaredCompletion !== null && line.cells.declaredCompletion !== null && line.declaredCompletion.kind !== "missing") {
        const declared = ratioOf(line.declaredCompletion);
        if (declared === null) {
          findings.push(makeFinding("NON_NUMERIC", line.cells.declaredCompletion, { name, what: WHAT.completion!, text: line.declaredCompletion.text }));
        } else if (Math.abs(declared - completion) > DECLARED_RATE_TOLERANCE) {
          findings.push(makeFinding("DECLARED_COMPLETION_MISMATCH", line.cells.declaredCompletion, { name, declared, computed: completion }));
        }
      }
      lines.push({ line, target, actual, completion, cell: line.cells.name });
    }
  }
  return { lines, findings };
}
