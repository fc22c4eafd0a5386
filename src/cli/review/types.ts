/**
 * The data a review passes around: what a worker sends back for one file, one row per project,
 * and the failures. Plain objects only, so they cross `postMessage` unchanged.
 */
import type { Grade, Language, ProfileId, Severity } from "../../core/types";

/** One file to score, as the main thread hands it to a worker. */
export interface ReviewJob {
  /** Position in the input list; outcomes come back tagged with it. */
  index: number;
  /** Absolute path of the workbook to score (never written). */
  input: string;
  /** Absolute path of the scored copy to write. */
  output: string;
  /** How the file is named in rows and messages (relative to the working directory when inside it). */
  display: string;
  /** How the scored copy is named in rows and messages. */
  outputDisplay: string;
  lang: Language;
  /** The rule profile the file is scored by. */
  profile: ProfileId;
  /** The tool's version, written into each scored copy's summary. */
  version: string;
}

/** The most serious finding of a project: errors before warnings before notes, then sheet order. */
export interface TopFinding {
  code: string;
  severity: Severity;
  cell: string;
  /** The code's short title in the chosen language (TITLES). */
  title: string;
  message: string;
}

/**
 * One project's row in the review. A workbook gives one row per project (§1.6), each with the
 * same `file` and `scoredCopy` and `projectIndex` 0, 1, 2 … in the workbook's order; the findings
 * about the workbook as a whole (tables that belong to no project) count on its first row.
 */
export interface ReviewProject {
  file: string;
  projectIndex: number;
  /** The department the workbook names (主管部门 / 预算部门 / 部门名称 / 实施单位), or null. */
  department: string | null;
  /** The project name the workbook names (项目名称), or null. */
  project: string | null;
  /** Computed total on the 100-point scale, full precision. */
  total: number;
  grade: Grade;
  /** Σ scores in points (the total before rescaling to 100). */
  scoreSum: number;
  /** Σ applicable weights. */
  weightTotal: number;
  /** Σ self-scores as written, or null when the workbook has none. */
  selfTotal: number | null;
  /** selfTotal − scoreSum, in points, as the summary sheet's 差异 row; null without a self total. */
  difference: number | null;
  findings: Record<Severity, number>;
  topFinding: TopFinding | null;
  /** The scored copy, as written (same naming as `file`). */
  scoredCopy: string;
}

/** Why a file gave no rows. `kind` says at which step it stopped. */
export interface ReviewFailure {
  file: string;
  kind: "missing" | "unreadable" | "nothingToScore" | "compute" | "write" | "worker";
  /** The reason in the chosen language, naming the place where it can. */
  reason: string;
}

/** What one file gives: its projects, or the reason it gave none. */
export type FileOutcome =
  | { index: number; status: "scored"; projects: ReviewProject[] }
  | { index: number; status: "failed"; failure: ReviewFailure };

/** The whole review: every project row (sorted), every failure (input order), the grade counts. */
export interface Review {
  files: number;
  projects: ReviewProject[];
  failures: ReviewFailure[];
  distribution: Record<Grade, number>;
}
