import type { Evaluation, Finding, Settings, SheetGrid } from "../core/types";
import { evaluateWorkbook } from "../core/evaluate";
import { layoutWorkbook } from "../core/layout/layoutWorkbook";
import { terms } from "../core/text/terms";
import { makeFinding } from "../core/findings/makeFinding";
import { parseA1, qualify } from "../core/cells/address";
import type { FormulaFailureReason } from "../core/findings/catalog";
import { readWorkbook } from "./readWorkbook";
import { writePlans } from "./writePlans";
import { freeName } from "./sheetNames";
import type { PortContext } from "./port";

export { freeName };

/** What the code path needs to know about where it runs. */
export interface ComputeEnv {
  /** Office.context.requirements.isSetSupported, or the xlsx host's answer. */
  isSetSupported(name: string, version: string): boolean;
  /** Whether the host can draw native charts (the xlsx host cannot: ExcelJS has no chart API). */
  charts: boolean;
  /** The clock, passed in so that output is reproducible in tests. */
  now(): Date;
  /** The tool's version, written into the summary. */
  version: string;
  /** Told of each step as it starts, so a UI can show progress. */
  progress?(step: ComputeProgress): void;
  /**
   * Formulas the host read without a cached result and could not evaluate (the xlsx host; Excel
   * always calculates). Each becomes a FORMULA_NOT_EVALUATED finding naming the cell.
   */
  unevaluatedFormulas?(): readonly { sheet: string; address: string; formula: string; reason: FormulaFailureReason }[];
  /** Narrows the grids the core sees (the task pane's "use the selection as …"); all of them when absent. */
  selectGrids?(grids: SheetGrid[]): SheetGrid[];
}

export type ComputeProgress = { step: "reading" } | { step: "scoring" } | { step: "writing"; batch: number; batches: number };

export interface ComputeResult {
  status: "scored" | "nothingToScore";
  /** The first project's evaluation (the only one in a one-project workbook); null when nothing was scored. */
  evaluation: Evaluation | null;
  /** Every project scored, in workbook order (docs/scoring-rules.md §1.6); empty when nothing was scored. */
  projects: Evaluation[];
  /** Findings that belong to no one project; empty with one project. */
  workbookFindings: Finding[];
  /** Why nothing could be scored, naming the place. */
  problem: { zh: string; en: string } | null;
  /** Names of the sheets written, score table first. */
  outputSheets: string[];
  /** Sheets an earlier run wrote that the user has edited since: kept as they are (KEPT_EDITED_SHEET), never deleted. */
  keptEditedSheets: string[];
}

/**
 * The one Office.js code path: reads the workbook (2 round trips), scores every project in it with
 * the pure core, and writes the score table and summary (1 round trip while the write fits one request).
 * Sheets an earlier run wrote are replaced; the user's sheets are never changed.
 */
export async function compute(context: PortContext, settings: Settings, env: ComputeEnv): Promise<ComputeResult> {
  env.progress?.({ step: "reading" });
  const read = await readWorkbook(context, env);
  env.progress?.({ step: "scoring" });
  const result = evaluateWorkbook(env.selectGrids?.(read.grids) ?? read.grids, settings);
  if (result.evaluation === null) {
    return { status: "nothingToScore", evaluation: null, projects: [], workbookFindings: result.workbookFindings, problem: result.problem, outputSheets: [], keptEditedSheets: read.kept.map((k) => k.sheet) };
  }
  // A formula the host could not evaluate was read as blank: say so, naming the cell.
  for (const f of env.unevaluatedFormulas?.() ?? []) {
    const at = parseA1(f.address);
    const cell = at ? qualify(f.sheet, at.row, at.col) : `${f.sheet}!${f.address}`;
    result.evaluation.findings.unshift(makeFinding("FORMULA_NOT_EVALUATED", cell, { formula: f.formula, reason: f.reason }));
  }
  // An edited sheet of ours is kept and said so, on the first project (it belongs to no table).
  for (const k of read.kept) result.evaluation.findings.push(makeFinding("KEPT_EDITED_SHEET", qualify(k.sheet, 0, 0), { sheet: k.sheet }));
  const stale = new Set(read.markers.map((m) => m.sheet?.toLowerCase()).filter((s) => s !== undefined));
  const userSheets = read.sheetNames.filter((n) => !stale.has(n.toLowerCase()));
  const preferred = terms(settings.language).sheet;
  const scoreTableName = freeName(preferred.scoreTable, userSheets);
  const summaryName = freeName(preferred.summary, [...userSheets, scoreTableName]);
  const plans = layoutWorkbook(result, {
    scoreTableName,
    summaryName,
    version: env.version,
    generatedAt: env.now().toISOString(),
  });
  const outputSheets = await writePlans(context, plans, read.markers, env);
  return { status: "scored", evaluation: result.evaluation, projects: result.projects, workbookFindings: result.workbookFindings, problem: null, outputSheets, keptEditedSheets: read.kept.map((k) => k.sheet) };
}
