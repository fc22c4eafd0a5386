/**
 * `XlsxHost`: runs a batch written against the Office.js port (src/excel/port.ts) on an .xlsx file
 * through ExcelJS, as strictly as Excel does.
 *
 * - office/: what Office.js does: the queue, load and sync, null objects, dead proxies, payload
 *   limits and Excel's errors.
 * - proxies/: one class per Excel object of the port, each `implements` its port interface.
 * - exceljs/: the ExcelJS adapter: reading and saving the file (file.ts), cells, styles, borders,
 *   merges, used range, names, conditional formats, page setup, the patches, and (in internals.ts
 *   only) ExcelJS's private fields.
 *
 * Adding to the host: a new port member is one method on its proxy, which queues an action whose
 * work lives in exceljs/; host-wide state (charts today; selection, events and settings later)
 * goes in exceljs/hostState.ts, reached through `context.workbook`.
 */
import { promises as fs } from "fs";
import type * as ExcelJS from "exceljs";
import type { PortContext } from "../../excel/port";
import { loadWorkbook, messageOf, saveWorkbook } from "./exceljs/file";
import { localAddress, qualifiedAddress } from "./exceljs/a1";
import { type ChartRecord, type HostState, newHostState, worksheetId } from "./exceljs/hostState";
import { selectedBox } from "./exceljs/selection";
import { activeIndex } from "./exceljs/sheets";
import { engineFor, type FormulaProblem } from "./exceljs/formulas";
import { saveComposed, snapshotOf, type OpenSnapshot } from "./exceljs/composedSave";
import { inspectPackage, describePackageProblem, type PackageProblem } from "./package/inspectPackage";
import { packageForReading, type HiddenName } from "./package/forReading";
import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from "./package/limits";
import { installExcelJsPatches } from "./exceljs/patches";
import { apiError, HostOpenError, MESSAGES } from "./office/errors";
import { RequestContext } from "./proxies/requestContext";
import type { SessionHost, SyncRecord } from "./office/session";

/** Options of a host. */
export interface HostOptions {
  /** Whether `charts.add` works (charts are recorded in memory, not saved). Default false: ExcelJS has no chart API. */
  charts?: boolean;
  /** Request size limit per sync, in bytes. Default 5 MB, Excel on the web's limit. */
  payloadLimitBytes?: number;
  /** Response size limit per sync, in bytes (JSON of the loaded values). Default: no limit. */
  responseLimitBytes?: number;
  /** The package limits checked before anything is parsed (sizes, ratio, entries, defined names). Default DEFAULT_PACKAGE_LIMITS. */
  limits?: PackageLimits;
}

const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;
const LATEST_EXCEL_API = 17;

export class XlsxHost {
  /** The syncs so far, one entry each: request bytes, action count and response bytes. */
  readonly syncs: SyncRecord[] = [];
  /** Charts created through the API (only when `options.charts` is true). */
  readonly charts: ChartRecord[] = [];
  /** Environment probe for the code path: ExcelApi up to 1.17; charts as configured. */
  readonly capabilities: { isSetSupported(name: string, version: string): boolean; charts: boolean };
  /** Defined names too large for the reader, left out of what ExcelJS parsed (the saved package keeps them). */
  hiddenNames: readonly HiddenName[] = [];
  private readonly sessionHost: SessionHost;
  private readonly state: HostState;
  private cellEditMode = false;
  /** The package as opened, when the host was opened from bytes; saving then keeps the user's parts. */
  private snapshot: OpenSnapshot | null = null;

  private constructor(readonly workbook: ExcelJS.Workbook, options: HostOptions = {}) {
    installExcelJsPatches();
    const chartsEnabled = options.charts ?? false;
    this.state = newHostState(workbook, chartsEnabled, this.charts);
    this.capabilities = { isSetSupported, charts: chartsEnabled };
    const syncs = this.syncs;
    this.sessionHost = {
      payloadLimitBytes: options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT,
      responseLimitBytes: options.responseLimitBytes ?? Infinity,
      recordSync: (record) => syncs.push(record),
      refusal: () => (this.cellEditMode ? apiError("InvalidOperationInCellEditMode", MESSAGES.cellEditMode(), "context.sync") : null),
      afterSync: () => this.fireChanges(),
    };
  }

  /**
   * Opens an .xlsx file.
   *
   * @throws HostOpenError when the file cannot be read or is not an .xlsx workbook
   */
  static async fromFile(path: string, options?: HostOptions): Promise<XlsxHost> {
    let buf: Buffer;
    try {
      buf = await fs.readFile(path);
    } catch (e) {
      throw new HostOpenError(`Cannot read ${path}: ${messageOf(e)}`, e);
    }
    return XlsxHost.open(buf, path, options);
  }

  /**
   * Opens an .xlsx workbook held in memory.
   *
   * @throws HostOpenError when the bytes are not an .xlsx workbook
   */
  static async fromBuffer(buf: Buffer, options?: HostOptions): Promise<XlsxHost> {
    return XlsxHost.open(buf, "The data", options);
  }

  /** Wraps a workbook already in memory. */
  static fromWorkbook(wb: ExcelJS.Workbook, options?: HostOptions): XlsxHost {
    return new XlsxHost(wb, options);
  }

  private static async open(buf: Buffer, source: string, options?: HostOptions): Promise<XlsxHost> {
    const limits = options?.limits ?? DEFAULT_PACKAGE_LIMITS;
    if (buf.length > 0 && buf[0] === 0x50) {
      const inspection = await inspectPackage(buf, limits);
      if (!inspection.ok) throw new HostOpenError(openProblemMessage(source, inspection.problem), undefined, inspection.problem);
    }
    const forReading = buf.length > 0 && buf[0] === 0x50 ? packageForReading(buf, limits) : { bytes: buf, hiddenNames: [] };
    const wb = await loadWorkbook(Buffer.from(forReading.bytes.buffer, forReading.bytes.byteOffset, forReading.bytes.byteLength), source);
    const host = new XlsxHost(wb, options);
    host.snapshot = snapshotOf(wb, buf);
    host.hiddenNames = forReading.hiddenNames;
    return host;
  }

  /**
   * Runs a batch like `Excel.run`: a fresh context, the batch, a final sync of anything still
   * queued (only when the batch succeeded), then every proxy of the context is poisoned.
   *
   * Given a context of an earlier run (`Excel.run(handlerResult.context, batch)`), the batch runs
   * in that context again: its proxies work until this run ends.
   *
   * @throws HostApiError "InvalidRequestContext" for a context that is not this host's
   */
  run<T>(batch: (context: PortContext) => Promise<T>): Promise<T>;
  run<T>(context: PortContext, batch: (context: PortContext) => Promise<T>): Promise<T>;
  async run<T>(first: PortContext | ((context: PortContext) => Promise<T>), second?: (context: PortContext) => Promise<T>): Promise<T> {
    let context: RequestContext;
    let batch: (context: PortContext) => Promise<T>;
    if (typeof first === "function") {
      context = new RequestContext(this.sessionHost, this.state);
      batch = first;
    } else {
      if (!(first instanceof RequestContext) || first.session.host !== this.sessionHost || second === undefined) {
        throw apiError("InvalidRequestContext", MESSAGES.invalidRequestContext());
      }
      context = first;
      context.session.resume();
      batch = second;
    }
    try {
      const result = await batch(context);
      if (context.session.pending > 0) await context.session.sync();
      return result;
    } finally {
      context.session.poison();
    }
  }

  /** Formulas without a cached result that the host read or saved but could not evaluate (see exceljs/formulas.ts). */
  get formulaProblems(): readonly FormulaProblem[] {
    return engineFor(this.workbook).problems;
  }

  /** Total `context.sync()` calls, including each run's final sync when it had queued work. */
  get syncCount(): number {
    return this.syncs.length;
  }

  /**
   * Simulates Excel in cell-edit mode (a user typing in a cell): while on, every sync rejects with
   * "InvalidOperationInCellEditMode" and changes nothing.
   */
  setCellEditMode(on: boolean): void {
    this.cellEditMode = on;
  }

  /** The selected range as `Range.address` gives it ("'My sheet'!B4"), read without a sync. */
  selectedAddress(): string {
    const ws = this.workbook.worksheets[activeIndex(this.workbook)];
    return ws === undefined ? "" : qualifiedAddress(ws.name, selectedBox(this.state, ws));
  }

  /** Runs the onChanged handlers of the sheets a sync wrote values on, after it, as Excel does. */
  private fireChanges(): void {
    const edits = this.state.edits.splice(0);
    for (const edit of edits) {
      for (const listener of this.state.listeners) {
        if (listener.ws !== edit.ws || !this.workbook.worksheets.includes(edit.ws)) continue;
        const args = { worksheetId: worksheetId(edit.ws), address: localAddress(edit.box) };
        setTimeout(() => {
          listener.handler(args).catch((e: unknown) => console.error("onChanged handler failed", e));
        }, 0);
      }
    }
  }

  /** Forgets the recorded syncs. */
  resetCounters(): void {
    this.syncs.length = 0;
  }

  /**
   * Saves the workbook, marked for a full recalculation when opened. A workbook opened from a file
   * is saved as the user's package plus the code path's sheets (see exceljs/composedSave.ts).
   */
  async writeFile(path: string): Promise<void> {
    await fs.writeFile(path, await this.writeBuffer());
  }

  /**
   * The workbook as .xlsx bytes, marked for a full recalculation when opened.
   *
   * - Opened from a file or bytes: the user's package, every part we do not own copied as stored,
   *   plus the sheets and names the code path added, minus the ones it deleted.
   * - Built in memory (fromWorkbook): ExcelJS writes the whole workbook. Conditional formats never
   *   given a rule, and names left pointing at deleted sheets, are dropped (ExcelJS cannot write
   *   them validly).
   */
  async writeBuffer(): Promise<Buffer> {
    return this.snapshot === null ? saveWorkbook(this.workbook) : saveComposed(this.workbook, this.snapshot);
  }
}

/** The sentence for a package inspectPackage refused, naming the source. */
function openProblemMessage(source: string, problem: PackageProblem): string {
  if (problem.code === "NOT_A_ZIP") return `${source} could not be read as an .xlsx workbook: ${problem.detail}`;
  return `${source}: ${describePackageProblem(problem)}`;
}

function isSetSupported(name: string, version: string): boolean {
  if (name !== "ExcelApi") return false;
  const m = /^1\.(\d+)$/.exec(version.trim());
  return m?.[1] !== undefined && Number(m[1]) <= LATEST_EXCEL_API;
}
