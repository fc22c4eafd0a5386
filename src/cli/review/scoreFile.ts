/**
 * Scores one workbook for a review, the way the single-file CLI does: open it in the xlsx host,
 * run the add-in's compute(), write the scored copy to a temporary file and rename it into place.
 * The input is only read. Every problem becomes a failure with its reason; nothing throws.
 */
import type { PortContext } from "../../excel/port";
import * as fs from "fs";
import { resolveSettings } from "../../core/score/profiles";
import { type Evaluation, type Finding, type Settings, type SheetGrid } from "../../core/types";
import { TITLES } from "../../core/findings/catalog";
import { compute } from "../../excel/compute";
import { describeOfficeError } from "../../excel/officeErrors";
import { XlsxHost } from "../../hosts/xlsx";
import { FileProblem, writeOutput } from "../files";
import { findDepartment } from "./findDepartment";
import { reviewText } from "./reviewText";
import type { FileOutcome, ReviewFailure, ReviewJob, ReviewProject, TopFinding } from "./types";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
/** The header block of a form, where a department is named; see findDepartment. */
const DEPARTMENT_WINDOW = "A1:Z40";

/** The clock: SOURCE_DATE_EPOCH (seconds) makes output reproducible, as the single-file CLI does. */
function now(): Date {
  const epoch = process.env["SOURCE_DATE_EPOCH"];
  return epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

/** What kind of file this is, by its first bytes: an xlsx is a zip; an encrypted workbook is an OLE compound file. */
function sniff(file: string): "zip" | "ole" | "other" {
  const head = Buffer.alloc(8);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 8, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return "zip";
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return "ole";
  return "other";
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Scores one file and returns its project rows, or the reason it has none.
 *
 * @param job - the file, where its scored copy goes, and the language of the reasons
 * @returns the outcome; never throws for a problem with the file
 */
export async function scoreFile(job: ReviewJob): Promise<FileOutcome> {
  const text = reviewText(job.lang);
  const fail = (kind: ReviewFailure["kind"], reason: string): FileOutcome => ({ index: job.index, status: "failed", failure: { file: job.display, kind, reason } });
  if (!fs.existsSync(job.input) || !fs.statSync(job.input).isFile()) return fail("missing", text.reasons.missing);
  const kind = sniff(job.input);
  if (kind !== "zip") return fail("unreadable", kind === "ole" ? text.reasons.encrypted : text.reasons.notXlsx);
  let host: XlsxHost;
  try {
    host = await XlsxHost.fromFile(job.input);
  } catch (e) {
    return fail("unreadable", text.reasons.unreadable(message(e)));
  }
  const settings: Settings = resolveSettings(job.profile, { language: job.lang });
  const env = {
    isSetSupported: (n: string, v: string) => host.capabilities.isSetSupported(n, v),
    charts: host.capabilities.charts,
    now,
    version: job.version,
    // As for one workbook: a formula without a saved result that cannot be evaluated is a finding, never a silent blank.
    unevaluatedFormulas: () => host.formulaProblems,
  };
  let result;
  let department: string | null;
  try {
    result = await host.run((context) => compute(context, settings, env));
    if (result.status !== "scored" || result.evaluation === null) return fail("nothingToScore", result.problem?.[job.lang] ?? text.reasons.nothingToScore);
    const written = result.outputSheets;
    department = findDepartment(await host.run((context) => readHeaderBlocks(context, written)));
  } catch (e) {
    return fail("compute", describeOfficeError(e, job.lang));
  }
  try {
    writeOutput(job.output, await host.writeBuffer());
  } catch (e) {
    return fail("write", text.reasons.cannotWrite(job.outputDisplay, e instanceof FileProblem ? e.text[job.lang] : message(e)));
  }
  // One row per project: a workbook that holds several projects (§1.6) reviews each on its own
  // line, with the workbook's own findings (tables that belong to no project) on its first.
  const projects = result.projects.map((ev, i) => toProject(ev, job, department, i, i === 0 ? result.workbookFindings : []));
  return { index: job.index, status: "scored", projects };
}

/**
 * Reads the top of every user sheet (not the sheets compute just wrote) in two round trips: the
 * sheet list, then each sheet's used part of A1:Z40. The core's detection does not look for a
 * department, so the review reads the header block itself.
 */
async function readHeaderBlocks(context: PortContext, skip: string[]): Promise<SheetGrid[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const reads = sheets.items
    .filter((s) => !skip.includes(s.name))
    .map((s) => ({ name: s.name, used: s.getRange(DEPARTMENT_WINDOW).getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex") }));
  await context.sync();
  return reads.flatMap(({ name, used }) =>
    used.isNullObject ? [] : [{ name, rowIndex: used.rowIndex, columnIndex: used.columnIndex, values: used.values as SheetGrid["values"], numberFormats: [], merges: [] }],
  );
}

/**
 * One project's row from its evaluation.
 *
 * @param projectIndex - the project's place among the workbook's projects (0 for the first)
 * @param extra - findings about the workbook rather than one project, counted on this row
 */
export function toProject(ev: Evaluation, job: ReviewJob, department: string | null, projectIndex = 0, extra: readonly Finding[] = []): ReviewProject {
  const all = [...ev.findings, ...extra];
  const findings = { error: 0, warning: 0, info: 0 };
  for (const f of all) findings[f.severity]++;
  let top: TopFinding | null = null;
  for (const f of all) {
    if (top === null || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[top.severity]) {
      top = { code: f.code, severity: f.severity, cell: f.cell, title: TITLES[f.code][job.lang], message: f.message[job.lang] };
    }
  }
  return {
    file: job.display,
    projectIndex,
    department,
    project: ev.projectName,
    total: ev.total,
    grade: ev.grade,
    scoreSum: ev.scoreSum,
    weightTotal: ev.weightTotal,
    selfTotal: ev.selfTotal,
    difference: ev.selfTotal === null ? null : ev.selfTotal - ev.scoreSum,
    findings,
    topFinding: top,
    scoredCopy: job.outputDisplay,
  };
}
