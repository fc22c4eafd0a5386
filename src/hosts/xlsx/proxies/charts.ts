/**
 * `Excel.ChartCollection` and `Excel.Chart`, as far as the host can go: ExcelJS cannot write
 * charts, so a chart is recorded in `XlsxHost.charts` (sheet, type, source, title, position) and
 * not saved. With charts off (the default) `charts.add` makes sync reject with "ApiNotFound", which
 * is how a code path learns to fall back.
 */
import type * as ExcelJS from "exceljs";
import { localAddress, parseAddress, qualifiedAddress } from "../a1";
import { ClientObject } from "../clientObject";
import { apiError, MESSAGES } from "../errors";
import type { ChartRecord, HostState } from "../hostState";
import type { Session } from "../session";
import type { Range } from "./range";

/** The host state, reachable from any sheet (set by the workbook proxy). */
const hostOf = new WeakMap<ExcelJS.Workbook, HostState>();

/** @internal Lets sheets find their host's chart list. */
export function registerHost(state: HostState): void {
  hostOf.set(state.workbook, state);
}

function cellArg(session: Session, cell: Range | string): unknown {
  return typeof cell === "string" ? cell : cell.asArgument(session);
}

function cellAddress(cell: Range | string): string {
  if (typeof cell === "string") {
    const parsed = parseAddress(cell);
    if (parsed === null) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
    return localAddress(parsed.box);
  }
  const t = cell.currentTarget();
  if (t === null) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
  return localAddress(t.box);
}

export class ChartTitle extends ClientObject<ChartRecord> {
  protected readonly scalarNames = ["text"] as const;
  constructor(session: Session, path: string) { super(session, path, "ChartTitle"); }
  protected readScalar(r: ChartRecord): unknown { return r.title; }
  get text(): string { return this.prop("text"); }
  set text(value: string) { this.queueSet("text", value, (r) => { r.title = String(value); }); }
}

export class Chart extends ClientObject<ChartRecord> {
  protected readonly scalarNames = ["chartType"] as const;
  private titleProxy: ChartTitle | undefined;
  constructor(session: Session, path: string) { super(session, path, "Chart"); }
  protected readScalar(r: ChartRecord): unknown { return r.type; }
  protected override navigation(name: string): ClientObject<unknown> | undefined {
    return name === "title" ? (this.title as ClientObject<unknown>) : undefined;
  }
  get chartType(): string { return this.prop("chartType"); }
  /** The chart's title. */
  get title(): ChartTitle {
    this.checkUsable();
    this.titleProxy ??= new ChartTitle(this.session, `${this.path}.title`).followParent(this, (r) => r);
    return this.titleProxy;
  }
  /** Places the chart over the cells from startCell to endCell. */
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    const args = endCell === undefined ? [cellArg(this.session, startCell)] : [cellArg(this.session, startCell), cellArg(this.session, endCell)];
    this.queue("setPosition", args, (r) => {
      r.topLeft = cellAddress(startCell);
      r.bottomRight = endCell === undefined ? "" : cellAddress(endCell);
    });
  }
}

export class ChartCollection extends ClientObject<ExcelJS.Worksheet> {
  protected readonly scalarNames = [] as const;
  constructor(session: Session, path: string) { super(session, path, "ChartCollection"); }
  protected readScalar(): unknown { return undefined; }

  /** Adds a chart of the given type over the source range. */
  add(type: string, sourceData: Range, seriesBy?: string): Chart {
    const args = [type, sourceData.asArgument(this.session), seriesBy ?? "Auto"];
    return this.spawn(new Chart(this.session, this.childPath("add", [type])), "add", args, (ws) => {
      const host = hostOf.get(ws.workbook);
      if (host === undefined || !host.chartsEnabled) throw apiError("ApiNotFound", MESSAGES.apiNotFound());
      const src = sourceData.currentTarget();
      if (src === null) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      const record: ChartRecord = { sheet: ws.name, type: String(type), source: qualifiedAddress(src.ws.name, src.box), title: "", topLeft: "", bottomRight: "" };
      host.charts.push(record);
      return record;
    });
  }
}
