// Placeholder signature so parallel work can compile against it; replaced by the real implementation.
import type { Evaluation, Settings } from "../core/types";

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
}

export interface ComputeResult {
  status: "scored" | "nothingToScore";
  evaluation: Evaluation | null;
  /** Why nothing could be scored, naming the place. */
  problem: { zh: string; en: string } | null;
  /** Names of the sheets written, score table first. */
  outputSheets: string[];
}

export async function compute(_context: Excel.RequestContext, _settings: Settings, _env: ComputeEnv): Promise<ComputeResult> {
  throw new Error("not implemented yet");
}
