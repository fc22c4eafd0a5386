/**
 * `Excel.ChartCollection` and `Excel.Chart`, as far as the host can go: ExcelJS cannot write
 * charts, so a chart is recorded in `XlsxHost.charts` (sheet, type, source, title, position) and
 * not saved. With charts off (the default) `charts.add` makes sync reject with "ApiNotFound", which
 * is how a code path learns to fall back.
 */
import type * as ExcelJS from "exceljs";
import type { PortChart, PortChartCollection, PortChartTitle, PortRange } from "../../../excel/port";
import { localAddress, parseAddress, qualifiedAddress } from "../exceljs/a1";
import { type ChartRecord, type HostState, hostStateOf, registerHostState } from "../exceljs/hostState";
import { ClientObject } from "../office/clientObject";
import { apiError, MESSAGES } from "../office/errors";
import type { Session } from "../office/session";
import { ownRange, type Range } from "./range";

/** @internal Lets sheets find their host's chart list. */
export function registerHost(state: HostState): void {
  registerHostState(state);
}

function cellAddress(cell: Range | string): string {
  const box = typeof cell === "string" ? (parseAddress(cell)?.box ?? null) : (cell.currentTarget()?.box ?? null);
  if (box === null) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
  return localAddress(box);
}

/** `Excel.ChartTitle`: its text. */
export class ChartTitle extends ClientObject<ChartRecord> implements PortChartTitle {
  constructor(session: Session, path: string) { super(session, path, "ChartTitle"); }
  get text(): string { return this.prop("text"); }
  set text(value: string) { this.queue("text", value, (r) => { r.title = String(value); }); }
}

export class Chart extends ClientObject<ChartRecord> implements PortChart {
  private titleProxy: ChartTitle | undefined;
  constructor(session: Session, path: string) { super(session, path, "Chart"); }

  /** The chart's title. */
  get title(): ChartTitle {
    this.checkUsable();
    this.titleProxy ??= new ChartTitle(this.session, `${this.path}.title`).followParent(this, (r) => r);
    return this.titleProxy;
  }

  /** Places the chart over the cells from startCell to endCell. */
  setPosition(startCell: PortRange | string, endCell?: PortRange | string): void {
    const start = typeof startCell === "string" ? startCell : ownRange(this.session, startCell);
    const end = endCell === undefined || typeof endCell === "string" ? endCell : ownRange(this.session, endCell);
    const arg = (c: Range | string) => (typeof c === "string" ? c : c.asArgument(this.session));
    this.queue("setPosition", end === undefined ? [arg(start)] : [arg(start), arg(end)], (r) => {
      r.topLeft = cellAddress(start);
      r.bottomRight = end === undefined ? "" : cellAddress(end);
    });
  }
}

export class ChartCollection extends ClientObject<ExcelJS.Worksheet> implements PortChartCollection {
  constructor(session: Session, path: string) { super(session, path, "ChartCollection"); }

  /** Adds a chart of the given type over the source range. */
  add(type: Parameters<PortChartCollection["add"]>[0], sourceData: PortRange, seriesBy?: Parameters<PortChartCollection["add"]>[2]): Chart {
    const source = ownRange(this.session, sourceData);
    const args = [type, source.asArgument(this.session), seriesBy ?? "Auto"];
    return this.spawn(new Chart(this.session, this.childPath("add", [type])), "add", args, (ws) => {
      const host = hostStateOf(ws.workbook);
      if (!host.chartsEnabled) throw apiError("ApiNotFound", MESSAGES.apiNotFound());
      const src = source.currentTarget();
      if (src === null) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      const record: ChartRecord = { sheet: ws.name, type: String(type), source: qualifiedAddress(src.ws.name, src.box), title: "", topLeft: "", bottomRight: "" };
      host.charts.push(record);
      return record;
    });
  }
}
