/**
 * The ONE module of the pane that calls Excel.run. Every job goes through one queue and runs
 * after the previous one ends, so a jump to a cell never overlaps a compute, and no proxy leaves
 * a job. The views and the reducer never touch Excel.
 */
import type { Settings, SheetGrid } from "../core/types";
import { compute, type ComputeProgress, type ComputeResult } from "../excel/compute";
import { inspectWorkbook, type WorkbookInspection } from "../excel/inspect";
import { insertTemplate } from "../excel/insertTemplate";
import { readSelection, selectRange } from "../excel/selection";
import { removeWatch, watchSheets, type SheetChange, type Watch } from "../excel/watchChanges";
import { officeComputeEnv } from "../office/officeComputeEnv";
import { templateSheets, type TemplateKind } from "../office/templates";

let tail: Promise<unknown> = Promise.resolve();

/** Runs `job` in its own Excel.run once every earlier job has ended; resolves or rejects with it. */
function enqueue<T>(job: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const run = tail.then(() => Excel.run(job));
  tail = run.catch(() => undefined);
  return run;
}

export function inspect(select: (grids: SheetGrid[]) => SheetGrid[]): Promise<WorkbookInspection> {
  return enqueue((context) => inspectWorkbook(context, officeComputeEnv(), select));
}

export function computeScores(settings: Settings, select: (grids: SheetGrid[]) => SheetGrid[], progress: (step: ComputeProgress) => void): Promise<ComputeResult> {
  return enqueue((context) => compute(context, settings, officeComputeEnv({ progress, selectGrids: select })));
}

export function select(ref: string): Promise<boolean> {
  return enqueue((context) => selectRange(context, ref));
}

export function selection(): Promise<string> {
  return enqueue((context) => readSelection(context));
}

export function insert(kind: TemplateKind): Promise<string[]> {
  return enqueue((context) => insertTemplate(context, templateSheets(kind)));
}

let watch: Watch<Excel.RequestContext> | null = null;

/**
 * Watches the sheets that hold scored tables, replacing the previous watch. Without ExcelApi 1.7
 * nothing is watched (and the pane cannot say results went stale).
 */
export async function watchTables(sheets: string[], onChange: (change: SheetChange) => void): Promise<void> {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.7")) return;
  const previous = watch;
  watch = null;
  if (previous !== null) {
    // Handlers are removed in the context they were added with.
    const removal = tail.then(() => Excel.run(previous.context, (context) => removeWatch(context, previous)));
    tail = removal.catch(() => undefined);
    await removal;
  }
  watch = await enqueue((context) => watchSheets(context, sheets, onChange));
}
