/**
 * `perfscore review <files or folders…>`: scores many workbooks on worker threads and writes one
 * review workbook with a row per project. Inputs are only read.
 */
import * as fs from "fs";
import * as path from "path";
import type { Grade } from "../../core/types";
import { formatFixed } from "../../core/text/formatNumber";
import { terms } from "../../core/text/terms";
import { ArgumentError, USAGE } from "../args";
import { EXIT } from "../exitCodes";
import { FileProblem } from "../files";
import { safeJson, terminalLines, terminalText } from "../terminal";
import { assignOutputs, collectInputs } from "./collectInputs";
import { layoutReview } from "./layoutReview";
import { parseReviewArgs } from "./reviewArgs";
import { toReviewJson } from "./reviewJson";
import { reviewText } from "./reviewText";
import { runPool } from "./runPool";
import type { Review, ReviewFailure, ReviewJob, ReviewProject } from "./types";
import { relativeHref, writeReview } from "./writeReview";

/** The review's exit codes: the CLI's one list (exitCodes.ts) under the review's names. */
export const REVIEW_EXIT = {
  /** Every file was scored. */
  allScored: EXIT.scored,
  /** No file could be scored, or no input was found. */
  noneScored: EXIT.notScored,
  badArguments: EXIT.usage,
  /** Some files were scored and some failed: the failures sheet and `failures` say why. */
  someFailed: EXIT.reviewProblems,
  /** The review workbook (or the folder for it) could not be written. */
  cannotWrite: EXIT.cannotWrite,
} as const;

/** How a path is shown: relative to the working directory when inside it, else absolute. */
function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
}

/**
 * Orders projects for the review: the largest |self − score| first, projects without a self
 * total last, then by file and position in the file.
 *
 * @example
 * sortProjects([{ difference: 1 }, { difference: -3 }, { difference: null }] as ReviewProject[]).map((p) => p.difference) //=> [-3, 1, null]
 */
export function sortProjects(projects: ReviewProject[]): ReviewProject[] {
  const gap = (p: ReviewProject): number => (p.difference === null ? -1 : Math.abs(p.difference));
  return [...projects].sort((a, b) => gap(b) - gap(a) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.projectIndex - b.projectIndex);
}

/**
 * Counts the projects of each grade.
 *
 * @example
 * gradeDistribution([{ grade: "优" }, { grade: "差" }] as ReviewProject[]) //=> { 优: 1, 良: 0, 中: 0, 差: 1 }
 */
export function gradeDistribution(projects: ReviewProject[]): Record<Grade, number> {
  const d: Record<Grade, number> = { 优: 0, 良: 0, 中: 0, 差: 0 };
  for (const p of projects) d[p.grade]++;
  return d;
}

/**
 * Runs `perfscore review`.
 *
 * @param argv - the words after `review`
 * @param version - the tool's version, written into each scored copy
 * @returns the exit code (REVIEW_EXIT)
 */
export async function runReview(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, version: string): Promise<number> {
  let args;
  try {
    args = parseReviewArgs(argv);
    if ("help" in args) {
      out.write(`${USAGE}\n`);
      return REVIEW_EXIT.allScored;
    }
    if (fs.statSync(args.output, { throwIfNoEntry: false })?.isDirectory() === true) throw new ArgumentError(`-o ${args.output} is a folder; name the review workbook, e.g. -o review.xlsx`);
    if (args.outDir !== null) {
      const stat = fs.statSync(args.outDir, { throwIfNoEntry: false });
      if (stat !== undefined && !stat.isDirectory()) throw new ArgumentError(`--out-dir ${args.outDir} is not a folder`);
    }
  } catch (e) {
    if (e instanceof ArgumentError) {
      err.write(`perfscore review: ${terminalText(e.message)}\n${USAGE}\n`);
      return REVIEW_EXIT.badArguments;
    }
    throw e;
  }
  const { lang } = args;
  const text = reviewText(lang);
  const reviewFile = path.resolve(args.output);
  const outDir = args.outDir === null ? null : path.resolve(args.outDir);
  const { files, missing } = collectInputs(args.inputs, new Set([reviewFile]));
  if (files.includes(reviewFile)) {
    err.write(`perfscore review: -o ${terminalText(args.output)} names an input; the review never overwrites an input\n${USAGE}\n`);
    return REVIEW_EXIT.badArguments;
  }
  if (files.length === 0 && missing.length === 0) {
    err.write(`perfscore review: ${text.noInputs}\n`);
    return REVIEW_EXIT.noneScored;
  }
  try {
    fs.mkdirSync(path.dirname(reviewFile), { recursive: true });
    if (outDir !== null) fs.mkdirSync(outDir, { recursive: true });
  } catch (e) {
    err.write(`perfscore review: ${terminalText(text.reviewNotWritten(e instanceof FileProblem ? e.text[lang] : e instanceof Error ? e.message : String(e)))}\n`);
    return REVIEW_EXIT.cannotWrite;
  }
  const outputs = assignOutputs(files, outDir, [reviewFile]);
  const jobs: ReviewJob[] = files.map((input, index) => ({
    index,
    input,
    output: outputs[index]!,
    display: displayPath(input),
    outputDisplay: displayPath(outputs[index]!),
    lang,
    profile: args.profile,
    version,
  }));

  const total = files.length + missing.length;
  const tty = (err as NodeJS.WriteStream).isTTY === true;
  let failed = missing.length;
  const progress = (done: number): void => {
    if (tty) err.write(`\r${text.progress(done + missing.length, total, failed)}\x1b[K`);
  };
  progress(0);
  const outcomes = await runPool(jobs, args.jobs, (o, done) => {
    if (o.status === "failed") failed++;
    progress(done);
  });
  if (tty) err.write("\n");

  const projects = sortProjects(outcomes.flatMap((o) => (o.status === "scored" ? o.projects : [])));
  const failures: ReviewFailure[] = [
    ...missing.map((m) => ({ file: displayPath(m), kind: "missing" as const, reason: text.reasons.missing })),
    ...outcomes.flatMap((o) => (o.status === "failed" ? [o.failure] : [])),
  ];
  const review: Review = { files: total, projects, failures, distribution: gradeDistribution(projects) };
  const byDisplay = new Map(jobs.map((j) => [j.outputDisplay, j.output]));
  const layout = layoutReview(review, { lang, href: (p) => relativeHref(reviewFile, byDisplay.get(p.scoredCopy) ?? path.resolve(p.scoredCopy)) });
  try {
    await writeReview(layout, reviewFile);
  } catch (e) {
    err.write(`perfscore review: ${terminalText(text.reviewNotWritten(e instanceof FileProblem ? e.text[lang] : e instanceof Error ? e.message : String(e)))}\n`);
    return REVIEW_EXIT.cannotWrite;
  }

  const shown = displayPath(reviewFile);
  if (args.json) out.write(`${safeJson(toReviewJson(review, shown))}\n`);
  else out.write(`${terminalLines(humanSummary(review, shown, lang))}\n`);
  if (projects.length === 0) return REVIEW_EXIT.noneScored;
  return failures.length > 0 ? REVIEW_EXIT.someFailed : REVIEW_EXIT.allScored;
}

function humanSummary(review: Review, file: string, lang: "zh" | "en"): string {
  const text = reviewText(lang);
  const words = terms(lang);
  const scored = review.files - review.failures.length;
  const lines = [text.counts(review.files, scored, review.projects.length, review.failures.length)];
  const dist = (Object.keys(review.distribution) as Grade[]).map((g) => `${words.grade[g]} ${review.distribution[g]}`).join(lang === "zh" ? "，" : ", ");
  lines.push(`${text.grade}${lang === "zh" ? "：" : ": "}${dist}`);
  for (const p of review.projects.slice(0, 5)) {
    if (p.difference === null) continue;
    const parts = [p.file, p.department, p.project, `${formatFixed(p.total, 2)} ${words.grade[p.grade]}`, `${text.columns.difference} ${formatFixed(p.difference, 2)}`];
    lines.push(`  ${parts.filter((x): x is string => x !== null && x !== "").map(terminalText).join("  ")}`);
  }
  for (const f of review.failures) lines.push(`  ✗ ${terminalText(f.file)}${lang === "zh" ? "：" : ": "}${terminalText(f.reason)}`);
  lines.push(text.written(file));
  return lines.join("\n");
}
