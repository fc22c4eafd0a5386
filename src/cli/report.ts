import type { Evaluation, Grade, Language, Severity } from "../core/types";
import { formatFixed } from "../core/text/formatNumber";
import { countSeverity, terms } from "../core/text/terms";

const SEVERITIES: Severity[] = ["error", "warning", "info"];

export interface JsonReport {
  file: string;
  total: number;
  grade: Grade;
  selfTotal: number | null;
  weightTotal: number;
  indicators: { path: string[]; weight: number; score: number; selfScore: number | null; completion: number | null; kind: string; cell: string }[];
  enrollment: { name: string; target: number | null; actual: number | null; completion: number | null; cell: string }[];
  budget: { planned: number | null; spent: number | null; rate: number | null; weight: number; score: number; selfScore: number | null; cell: string } | null;
  findings: { code: string; severity: "error" | "warning" | "info"; cell: string; message: string }[];
  outputSheets: string[];
  host: { syncs: number; payloadBytes: number };
}

/** The `--json` object: full precision numbers, ratios (not percents), base units, sheet-qualified cells. */
export function toJsonReport(ev: Evaluation, file: string, lang: Language, outputSheets: string[], host: JsonReport["host"]): JsonReport {
  return {
    file,
    total: ev.total,
    grade: ev.grade,
    selfTotal: ev.selfTotal,
    weightTotal: ev.weightTotal,
    indicators: ev.indicators.map((i) => ({
      path: i.path,
      weight: i.weight,
      score: i.score,
      selfScore: i.selfScore,
      completion: i.completion,
      kind: i.kind,
      cell: i.cell,
    })),
    enrollment: ev.enrollment.map((l) => ({ name: l.line.name, target: l.target, actual: l.actual, completion: l.completion, cell: l.cell })),
    budget: ev.budget
      ? {
          planned: ev.budget.planned,
          spent: ev.budget.spent,
          rate: ev.budget.rate,
          weight: ev.budget.weight,
          score: ev.budget.score,
          selfScore: ev.budget.selfScore,
          cell: ev.budget.cell,
        }
      : null,
    findings: ev.findings.map((f) => ({ code: f.code, severity: f.severity, cell: f.cell, message: f.message[lang] })),
    outputSheets,
    host,
  };
}

/**
 * The short human summary: total, grade, findings by severity, and the file written. Words come
 * from the terms catalogue and numbers from the one formatter, as on the sheets.
 *
 * @example
 * toHumanReport(ev, "seed.scored.xlsx", "en").split("\n")[1] //=> "Findings: 0 errors, 1 warning, 4 notes"
 */
export function toHumanReport(ev: Evaluation, file: string, lang: Language): string {
  const t = terms(lang);
  const counts = SEVERITIES.map((s) => countSeverity(ev.findings.filter((f) => f.severity === s).length, s, lang));
  const grade = t.grade[ev.grade];
  const lines: string[] = [];
  if (lang === "zh") {
    lines.push(`总分 ${formatFixed(ev.total)}，等级 ${grade}${ev.selfTotal !== null ? `（自评合计 ${formatFixed(ev.selfTotal)}）` : ""}`);
    lines.push(`发现问题：${counts.join("，")}`);
    for (const f of ev.findings) lines.push(`  [${t.severity[f.severity].one}] ${f.code} ${f.cell}：${f.message.zh}`);
    lines.push(`已写入：${file}`);
  } else {
    lines.push(`Total ${formatFixed(ev.total)}, grade ${grade}${ev.selfTotal !== null ? ` (self-assessed ${formatFixed(ev.selfTotal)})` : ""}`);
    lines.push(`Findings: ${counts.join(", ")}`);
    for (const f of ev.findings) lines.push(`  [${t.severity[f.severity].one}] ${f.code} ${f.cell}: ${f.message.en}`);
    lines.push(`Written: ${file}`);
  }
  return lines.join("\n");
}
