/** What the pane shows for a finished compute(), as plain strings: no DOM, so tests can check it. */
import type { ComputeResult } from "../excel/compute";
import type { Language, Severity } from "../core/types";
import { PANE_TEXT } from "./paneText";

export type ResultSummary =
  | {
      kind: "scored";
      heading: string;
      rows: { label: string; value: string }[];
      sheetsHeading: string;
      /** Output sheet names, score table first; `[text.none]` when nothing was written. */
      sheets: string[];
    }
  | { kind: "nothingToScore"; heading: string; problem: string };

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * Summarises a compute() result for the pane.
 *
 * - A scored result gives the total with 2 decimals, the grade, the number of findings by
 *   severity (`错误 1 · 警告 2 · 提示 0`) and the output sheet names.
 * - `nothingToScore` gives the result's problem in the chosen language.
 *
 * @param result - what compute() returned
 * @param lang - the pane's language
 * @returns the strings to show
 *
 * @example
 * summarizeResult({ status: "nothingToScore", evaluation: null, problem: { zh: "…", en: "No table." }, outputSheets: [] }, "en")
 * //=> { kind: "nothingToScore", heading: "Nothing to score", problem: "No table." }
 */
export function summarizeResult(result: ComputeResult, lang: Language): ResultSummary {
  const text = PANE_TEXT[lang];
  const evaluation = result.evaluation;
  if (result.status === "nothingToScore" || evaluation === null) {
    return { kind: "nothingToScore", heading: text.nothingToScore, problem: result.problem?.[lang] ?? text.nothingToScore };
  }
  const counts = SEVERITIES.map((severity) => {
    const n = evaluation.findings.filter((finding) => finding.severity === severity).length;
    const name = (n === 1 ? text.severityOne : text.severity)[severity];
    return lang === "zh" ? `${name} ${n}` : `${n} ${name}`;
  });
  return {
    kind: "scored",
    heading: evaluation.projectName ?? text.result,
    rows: [
      { label: text.total, value: evaluation.total.toFixed(2) },
      { label: text.grade, value: text.gradeName[evaluation.grade] },
      { label: text.findings, value: counts.join(" · ") },
    ],
    sheetsHeading: text.outputSheets,
    sheets: result.outputSheets.length > 0 ? result.outputSheets : [text.none],
  };
}
