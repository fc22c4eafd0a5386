import type { Evaluation, Grade, Language } from "../core/types";

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

/** The short human summary: total, grade, findings by severity, and the file written. */
export function toHumanReport(ev: Evaluation, file: string, lang: Language): string {
  const count = (s: string) => ev.findings.filter((f) => f.severity === s).length;
  const lines: string[] = [];
  if (lang === "zh") {
    lines.push(`总分 ${ev.total.toFixed(2)}，等级 ${ev.grade}${ev.selfTotal !== null ? `（自评合计 ${ev.selfTotal.toFixed(2)}）` : ""}`);
    lines.push(`发现问题：错误 ${count("error")} 项，警告 ${count("warning")} 项，提示 ${count("info")} 项`);
    for (const f of ev.findings) lines.push(`  [${{ error: "错误", warning: "警告", info: "提示" }[f.severity]}] ${f.code} ${f.cell}：${f.message.zh}`);
    lines.push(`已写入：${file}`);
  } else {
    lines.push(`Total ${ev.total.toFixed(2)}, grade ${ev.grade}${ev.selfTotal !== null ? ` (self-assessed ${ev.selfTotal.toFixed(2)})` : ""}`);
    lines.push(`Findings: ${count("error")} errors, ${count("warning")} warnings, ${count("info")} info`);
    for (const f of ev.findings) lines.push(`  [${f.severity}] ${f.code} ${f.cell}: ${f.message.en}`);
    lines.push(`Written: ${file}`);
  }
  return lines.join("\n");
}
