import type { Evaluation, Finding, Grade, Language, Severity, WorkbookEvaluation } from "../core/types";
import { formatFixed } from "../core/text/formatNumber";
import { countSeverity, terms } from "../core/text/terms";
import { summarizeProjects } from "../core/model/projectSummary";
import { terminalText } from "./terminal";

const SEVERITIES: Severity[] = ["error", "warning", "info"];

type FindingJson = { code: string; severity: Severity; cell: string; message: string };

/** One project in the `--json` object: the fields the top level has when the workbook has one project. */
export interface ProjectReport {
  /** The project's name (its 项目名称, else its sheet's name). */
  name: string;
  /** The sheet its indicator table is on, and the table header's first cell. */
  sheet: string;
  table: string;
  total: number;
  grade: Grade;
  selfTotal: number | null;
  weightTotal: number;
  indicators: { path: string[]; weight: number; score: number; selfScore: number | null; completion: number | null; kind: string; cell: string }[];
  enrollment: { name: string; target: number | null; actual: number | null; completion: number | null; cell: string }[];
  budget: { planned: number | null; spent: number | null; rate: number | null; weight: number; score: number; selfScore: number | null; cell: string } | null;
  findings: FindingJson[];
}

type ProjectFields = Omit<ProjectReport, "name" | "sheet" | "table">;

/**
 * The `--json` object (README "Using the CLI"). `projects` is always there, one entry per
 * project; with exactly one project the top level also carries that project's fields (total,
 * grade, selfTotal, weightTotal, indicators, enrollment, budget, findings) as it did before
 * workbooks had projects; with several it does not.
 */
export type JsonReport = Partial<ProjectFields> & {
  file: string;
  projects: ProjectReport[];
  /** Findings that belong to no one project (always empty with one project). */
  workbookFindings: FindingJson[];
  outputSheets: string[];
  /** Sheets an earlier run wrote that were edited since: kept, not replaced (each also a KEPT_EDITED_SHEET finding). */
  keptEditedSheets: string[];
  /**
   * What the run asked of the host, as Excel would be asked: round trips, request bytes, queued
   * actions (each call and property set, each object a method returns) and the largest response.
   */
  host: { syncs: number; payloadBytes: number; actions: number; maxResponseBytes: number };
};

function findingJson(f: Finding, lang: Language): FindingJson {
  return { code: f.code, severity: f.severity, cell: f.cell, message: f.message[lang] };
}

/** One project's fields: full precision numbers, ratios (not percents), base units, sheet-qualified cells. */
function projectFields(ev: Evaluation, lang: Language): ProjectFields {
  return {
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
    findings: ev.findings.map((f) => findingJson(f, lang)),
  };
}


/**
 * The `--json` object: full precision numbers, ratios (not percents), base units, sheet-qualified
 * cells; see JsonReport for the shape.
 *
 * @example
 * Object.keys(toJsonReport({ projects: [a, b], workbookFindings: [] }, "x.xlsx", "zh", { outputSheets: [], keptEditedSheets: [] }, host)) //=> ["file", "projects", "workbookFindings", "outputSheets", "keptEditedSheets", "host"]
 */
export function toJsonReport(
  input: Evaluation | WorkbookEvaluation,
  file: string,
  lang: Language,
  sheets: { outputSheets: string[]; keptEditedSheets: string[] },
  host: JsonReport["host"],
): JsonReport {
  const wb: WorkbookEvaluation = "projects" in input ? input : { projects: [input], workbookFindings: [] };
  const summaries = summarizeProjects(wb.projects);
  const projects: ProjectReport[] = wb.projects.map((ev, i) => {
    const s = summaries[i];
    return { name: s?.name ?? "", sheet: s?.sheet ?? "", table: s?.table ?? "", ...projectFields(ev, lang) };
  });
  const only = wb.projects.length === 1 ? wb.projects[0] : undefined;
  return {
    file,
    ...(only ? projectFields(only, lang) : {}),
    projects,
    workbookFindings: wb.workbookFindings.map((f) => findingJson(f, lang)),
    outputSheets: sheets.outputSheets,
    keptEditedSheets: sheets.keptEditedSheets,
    host,
  };
}

/**
 * The short human summary: total, grade, findings by severity, and the file written. Words come
 * from the terms catalogue and numbers from the one formatter, as on the sheets. Several projects
 * give the count, then each project's lines under its number and name (sheet), then the findings
 * that belong to no project.
 *
 * @example
 * toHumanReport(ev, "seed.scored.xlsx", "en").split("\n")[1] //=> "Findings: 0 errors, 1 warning, 4 notes"
 *
 * Text from the workbook and the file name are made safe for a terminal (terminalText): control
 * characters, ANSI escapes and bidi controls are shown escaped, and line breaks become spaces.
 */
export function toHumanReport(input: Evaluation | WorkbookEvaluation, file: string, lang: Language): string {
  const wb: WorkbookEvaluation = "projects" in input ? input : { projects: [input], workbookFindings: [] };
  const zh = lang === "zh";
  const only = wb.projects.length === 1 ? wb.projects[0] : undefined;
  const lines: string[] = [];
  if (only) {
    lines.push(...projectLines(only, lang, ""));
  } else {
    lines.push(zh ? `共 ${wb.projects.length} 个项目` : `${wb.projects.length} projects`);
    const summaries = summarizeProjects(wb.projects);
    wb.projects.forEach((ev, i) => {
      const s = summaries[i];
      const name = terminalText(s?.name ?? "");
      const sheet = terminalText(s?.sheet ?? "");
      lines.push(zh ? `${i + 1}. ${name}（${sheet}）` : `${i + 1}. ${name} (${sheet})`);
      lines.push(...projectLines(ev, lang, "   "));
    });
    if (wb.workbookFindings.length > 0) {
      lines.push(zh ? "不属于任何项目的发现：" : "Findings that belong to no project:");
      for (const f of wb.workbookFindings) lines.push(findingLine(f, lang, "  "));
    }
  }
  lines.push(zh ? `已写入：${terminalText(file)}` : `Written: ${terminalText(file)}`);
  return lines.join("\n");
}

function findingLine(f: Finding, lang: Language, indent: string): string {
  const word = terms(lang).severity[f.severity].one;
  const cell = terminalText(f.cell);
  return lang === "zh" ? `${indent}[${word}] ${f.code} ${cell}：${terminalText(f.message.zh)}` : `${indent}[${word}] ${f.code} ${cell}: ${terminalText(f.message.en)}`;
}

/** One project's total, grade, counts of findings by severity and its findings. */
function projectLines(ev: Evaluation, lang: Language, indent: string): string[] {
  const t = terms(lang);
  const counts = SEVERITIES.map((s) => countSeverity(ev.findings.filter((f) => f.severity === s).length, s, lang));
  const grade = t.grade[ev.grade];
  const lines: string[] = [];
  if (lang === "zh") {
    lines.push(`${indent}总分 ${formatFixed(ev.total)}，等级 ${grade}${ev.selfTotal !== null ? `（自评合计 ${formatFixed(ev.selfTotal)}）` : ""}`);
    lines.push(`${indent}发现问题：${counts.join("，")}`);
  } else {
    lines.push(`${indent}Total ${formatFixed(ev.total)}, grade ${grade}${ev.selfTotal !== null ? ` (self-assessed ${formatFixed(ev.selfTotal)})` : ""}`);
    lines.push(`${indent}Findings: ${counts.join(", ")}`);
  }
  for (const f of ev.findings) lines.push(findingLine(f, lang, `${indent}  `));
  return lines;
}
