/**
 * The ONE module of the pane that calls Excel.run. Every job goes through one queue and runs
 * after the previous one ends, so a jump to a cell never overlaps a compute, and no proxy leaves
 * a job. The views and the reducer never touch Excel.
 *
 * Scoring and writing (the core's scoring, audit and layout, writePlans) and the templates are
 * their own chunks (compute.*.js, template.*.js), loaded by import() the first time they are
 * needed, so the pane shows and inspects the workbook without them. The compute chunk is
 * prefetched once the pane has loaded, so the first click rarely waits for it.
 */
import type { Settings, SheetGrid } from "../core/types";
import type { ComputeProgress, ComputeResult } from "../excel/compute";
import { inspectWorkbook, type WorkbookInspection } from "../excel/inspect";
import { readSelection, selectRange } from "../excel/selection";
import { removeWatch, watchSheets, type SheetChange, type Watch } from "../excel/watchChanges";
import { officeComputeEnv } from "../office/officeComputeEnv";
import type { TemplateKind } from "../office/templates";

const loadCompute = () => import(/* webpackChunkName: "compute", webpackPrefetch: true */ "../excel/compute");
const loadTemplates = () => import(/* webpackChunkName: "template" */ "./templateChunk");

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
  return enqueue(async (context) => (await loadCompute()).compute(context, settings, officeComputeEnv({ progress, selectGrids: select })));
}

export function select(ref: string): Promise<boolean> {
  return enqueue((context) => selectRange(context, ref));
}

export function selection(): Promise<string> {
  return enqueue((context) => readSelection(context));
}

export function insert(kind: TemplateKind): Promise<string[]> {
  return enqueue(async (context) => {
    const { insertTemplate, templateSheets } = await loadTemplates();
    return insertTemplate(context, templateSheets(kind));
  });
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
