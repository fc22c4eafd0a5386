import { writtenValue, type ConditionalFormat, type SheetPlan } from "../core/layout/sheetPlan";
import { columnLetters, parseA1, quoteSheetName, toA1Range } from "../core/cells/address";
import type { OutputMarker } from "./readWorkbook";
import { markerName } from "./markers";
import type { PortContext, PortRange, PortRangeAreas, PortWorksheet } from "./port";
import { cellFormats, conditionalFormatCalls, groupStyles, linkCalls, mergeCalls, type CellLink, type StyleGroup, type StyleProperty } from "./styleAreas";

/** Excel on the web refuses requests over 5 MB; we cut writes into batches well under that. */
export const BATCH_LIMIT_BYTES = 4_000_000;
/** Rows per chunk when a sheet's cells are written in slices. */
const CHUNK_ROWS = 500;
const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;
const BORDER_COLOR = "#7F7F7F";

export interface WriteEnv {
  isSetSupported(name: string, version: string): boolean;
  charts: boolean;
  progress?(step: { step: "writing"; batch: number; batches: number }): void;
}

/** One queued piece of work and the request bytes it will roughly cost. */
interface Op {
  bytes: number;
  run: () => void;
}


/** What one queued action costs in a request besides its arguments: its object path, property or method name and framing. */
const ACTION_BYTES = 120;
const encoder = new TextEncoder();

/**
 * Estimates the request bytes of `actions` queued calls carrying `parts` as arguments. Arguments
 * count in UTF-8, as they travel: a Chinese character is 3 bytes, not 1.
 */
function cost(actions: number, ...parts: unknown[]): number {
  let bytes = actions * ACTION_BYTES;
  for (const p of parts) bytes += encoder.encode(typeof p === "string" ? p : (JSON.stringify(p) ?? "")).length;
  return bytes;
}

/** Bytes an object path made from these addresses takes in each action that names it. */
function pathBytes(addresses: readonly string[]): number {
  return addresses.reduce((n, a) => n + a.length + 1, 0);
}

/**
 * Writes the plans as new sheets, replacing the sheets an earlier run marked as ours, in as few
 * round trips as the request size allows: one sync when everything fits in about 4 MB, and one
 * more per further batch. The user's own sheets are never touched.
 *
 * Text cells rely on the plan's "@" number format, written before the values, so that text
 * beginning with `=` stays text.
 *
 * @returns the names of the sheets written, in plan order
 */
export async function writePlans(context: PortContext, plans: SheetPlan[], stale: OutputMarker[], env: WriteEnv): Promise<string[]> {
  const ops: Op[] = [];
  const book = context.workbook;
  for (const m of stale) {
    ops.push({
      bytes: cost(4, m.name, m.sheet),
      run: () => {
        book.names.getItem(m.name).delete();
        if (m.sheet !== null) book.worksheets.getItem(m.sheet).delete();
      },
    });
  }
  let lastSheet: PortWorksheet | null = null;
  for (const plan of plans) {
    let sheet: PortWorksheet | null = null;
    const get = (): PortWorksheet => {
      if (sheet === null) throw new Error(`sheet ${plan.name} used before it was added`);
      return sheet;
    };
    ops.push({
      bytes: cost(1, plan.name),
      run: () => {
        sheet = book.worksheets.add(plan.name);
        lastSheet = sheet;
      },
    });
    const ranges = new Ranges(get, env.isSetSupported("ExcelApi", "1.9"));
    ops.push(...cellOps(plan, ranges));
    ops.push(...formatOps(plan, get, env, ranges));
    const marker = markerName(plan);
    // The name refers to the sheet by a formula, not by a range object: one action, not two.
    const reference = `=${quoteSheetName(plan.name)}!$A$1`;
    ops.push({
      bytes: cost(1, reference, marker),
      run: () => {
        book.names.add(marker, reference, "PerfScore output: re-running replaces this sheet unless it has been edited");
      },
    });
  }
  ops.push({ bytes: cost(1), run: () => (lastSheet as PortWorksheet | null)?.activate() });

  // The suspensions last until the next sync, so every batch asks for them again.
  const calcSuspendable = env.isSetSupported("ExcelApi", "1.6");
  const screenSuspendable = env.isSetSupported("ExcelApi", "1.9");
  const all = batches(ops, BATCH_LIMIT_BYTES - cost(2));
  for (const [i, batch] of all.entries()) {
    env.progress?.({ step: "writing", batch: i + 1, batches: all.length });
    if (calcSuspendable) context.application.suspendApiCalculationUntilNextSync();
    if (screenSuspendable) context.application.suspendScreenUpdatingUntilNextSync();
    for (const op of batch) op.run();
    // Each batch is one request by design: a write larger than the request limit must be split.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  return plans.map((p) => p.name);
}

/** Splits ops into batches whose estimated size stays under the limit (an op never splits). */
export function batches(ops: Op[], limit = BATCH_LIMIT_BYTES): Op[][] {
  const out: Op[][] = [];
  let current: Op[] = [];
  let size = 0;
  for (const op of ops) {
    if (current.length > 0 && size + op.bytes > limit) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += op.bytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function cellOps(plan: SheetPlan, ranges: Ranges): Op[] {
  const ops: Op[] = [];
  const width = plan.cells[0]?.length ?? 0;
  if (width === 0) return ops;
  for (let start = 0; start < plan.cells.length; start += CHUNK_ROWS) {
    const end = Math.min(plan.cells.length, start + CHUNK_ROWS);
    // A new sheet's cells are General already: null leaves a cell's format as it is (4 bytes, not 9).
    const formats = plan.numberFormats.slice(start, end).map((row) => row.map((f) => (f === "General" ? null : f)));
    const values = plan.cells.slice(start, end).map((row) => row.map(writtenValue));
    const address = toA1Range(start, 0, end - 1, width - 1);
    ops.push({
      bytes: cost(3, formats, values),
      run: () => {
        const range = ranges.range(address);
        range.numberFormat = formats;
        range.values = values;
      },
    });
  }
  return ops;
}

/** What a style property is set on: a range, or (ExcelApi 1.9) several areas at once. */
type Formattable = PortRange | PortRangeAreas;

/** Sets one property; a border is six edges, each a line style and a colour (Excel's default weight is thin). */
function applyProperty(target: Formattable, p: StyleProperty): void {
  const f = target.format;
  switch (p.key) {
    case "fontName": f.font.name = p.value; break;
    case "bold": f.font.bold = p.value; break;
    case "italic": f.font.italic = p.value; break;
    case "fontColor": f.font.color = p.value; break;
    case "fontSize": f.font.size = p.value; break;
    case "fill": f.fill.color = p.value; break;
    case "hAlign": f.horizontalAlignment = p.value; break;
    case "vAlign": f.verticalAlignment = p.value; break;
    case "wrap": f.wrapText = p.value; break;
    case "border":
      for (const edge of BORDER_EDGES) {
        const b = f.borders.getItem(edge);
        b.style = "Continuous";
        b.color = BORDER_COLOR;
      }
      break;
  }
}

/** Actions applyProperty queues. */
function propertyActions(p: StyleProperty): number {
  return p.key === "border" ? BORDER_EDGES.length * 3 : 1;
}

/**
 * The sheet's range objects, one per address, so that properties set on the same cells share one
 * object (one action fewer each). Several addresses become one RangeAreas when ExcelApi 1.9 is
 * there, else one range each.
 */
class Ranges {
  private readonly cache = new Map<string, PortRange | PortRangeAreas>();
  constructor(private readonly sheet: () => PortWorksheet, readonly areas: boolean) {}

  range(address: string): PortRange {
    let r = this.cache.get(address) as PortRange | undefined;
    if (r === undefined) this.cache.set(address, (r = this.sheet().getRange(address)));
    return r;
  }

  /** The targets covering the addresses: one when areas are supported (or there is one address). */
  targets(addresses: readonly string[]): Formattable[] {
    const [only] = addresses;
    if (addresses.length === 1 && only !== undefined) return [this.range(only)];
    if (!this.areas) return addresses.map((a) => this.range(a));
    const key = addresses.join(",");
    let r = this.cache.get(key) as PortRangeAreas | undefined;
    if (r === undefined) this.cache.set(key, (r = this.sheet().getRanges(key)));
    return [r];
  }
}

/**
 * A plan's formats, hyperlinks included, per cell in one `setCellProperties` (ExcelApi 1.9) when
 * the sheet is small enough (cellFormats): one action instead of two per property and value and two
 * per link. The properties every cell shares are set once on the block; borders stay areas.
 * Null when the sheet is too large or the call is not there: the areas path then does it all.
 */
function cellPropertyOps(plan: SheetPlan, links: readonly PlacedLink[], ranges: Ranges): { ops: Op[]; borders: StyleGroup[] } | null {
  const width = plan.cells[0]?.length ?? 0;
  if (!ranges.areas || width === 0) return null;
  const formats = cellFormats(plan.styles, links, plan.cells.length, width);
  if (formats === null) return null;
  const address = toA1Range(0, 0, plan.cells.length - 1, width - 1);
  const ops: Op[] = formats.uniform.map((p) => ({
    bytes: cost(1 + propertyActions(p), p.value) + propertyActions(p) * pathBytes([address]),
    run: () => applyProperty(ranges.range(address), p),
  }));
  ops.push({ bytes: cost(2, address) + formats.bytes, run: () => ranges.range(address).setCellProperties(formats.entries) });
  return { ops, borders: formats.borders };
}

/**
 * The links of a sheet styled by areas: with ExcelApi 1.9 one setCellProperties per run of links
 * in a column (linkCalls), else one `Range.hyperlink` each.
 */
function linkOps(links: readonly PlacedLink[], ranges: Ranges): Op[] {
  if (ranges.areas) {
    return linkCalls(links).map((c) => ({ bytes: cost(2, c.address, c.address, c.entries), run: () => ranges.range(c.address).setCellProperties(c.entries) }));
  }
  // The object paths travel too: the cell's address, twice.
  return links.map(({ cell, link }) => ({ bytes: cost(2, cell, cell, link), run: () => (ranges.range(cell).hyperlink = link) }));
}

/** A link and the local cell it goes on. */
type PlacedLink = { cell: string; link: CellLink };

/** The plan's links as Excel takes them, each keeping its cell's text. */
function linksOf(plan: SheetPlan): PlacedLink[] {
  return plan.hyperlinks.map((h) => ({ cell: h.cell, link: { documentReference: h.target, screenTip: h.tooltip, textToDisplay: textAt(plan, h.cell) } }));
}

function formatOps(plan: SheetPlan, sheet: () => PortWorksheet, env: WriteEnv, ranges: Ranges): Op[] {
  const ops: Op[] = [];
  for (const m of mergeCalls(plan.merges)) ops.push({ bytes: cost(2, m), run: () => ranges.range(m.address).merge(m.across) });
  const links = linksOf(plan);
  const perCell = cellPropertyOps(plan, links, ranges);
  if (perCell !== null) ops.push(...perCell.ops);
  for (const g of perCell?.borders ?? groupStyles(plan.styles)) {
    for (const list of g.addressLists) {
      const objects = ranges.areas ? 1 : list.length;
      ops.push({
        // Every action on the object names it by its path, and so carries the address list again.
        bytes: cost(objects * (1 + propertyActions(g.property)), list, g.property.value) + propertyActions(g.property) * pathBytes(list),
        run: () => {
          for (const target of ranges.targets(list)) applyProperty(target, g.property);
        },
      });
    }
  }
  ops.push(...sizeOps(plan, ranges));
  const freeze = plan.freeze;
  if (freeze !== null && (freeze.rows > 0 || freeze.columns > 0)) {
    ops.push({
      bytes: cost(3, freeze),
      run: () => {
        const panes = sheet().freezePanes;
        if (freeze.columns > 0) panes.freezeAt(sheet().getRange(toA1Range(0, 0, Math.max(freeze.rows, 1) - 1, freeze.columns - 1)));
        else panes.freezeRows(freeze.rows);
      },
    });
  }
  for (const call of conditionalFormatCalls(plan.conditionalFormats)) {
    for (const list of call.addressLists) {
      ops.push({
        bytes: cost(8 * (ranges.areas ? 1 : list.length), list, call.format) + 8 * pathBytes(list),
        run: () => {
          for (const target of ranges.targets(list)) addConditionalFormat(target, call.format);
        },
      });
    }
  }
  if (perCell === null) ops.push(...linkOps(links, ranges));
  const page = plan.page ?? null;
  if (page !== null && env.isSetSupported("ExcelApi", "1.9")) {
    ops.push({
      bytes: cost(6, page),
      run: () => {
        const layout = sheet().pageLayout;
        layout.orientation = page.orientation;
        layout.paperSize = page.paper;
        if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (page.printTitleRows !== null) layout.setPrintTitleRows(page.printTitleRows);
      },
    });
  }
  if (plan.tabColor !== null) {
    const color = plan.tabColor;
    ops.push({ bytes: cost(1, color), run: () => (sheet().tabColor = color) });
  }
  const chart = plan.chart;
  if (chart !== null && env.charts) {
    ops.push({
      bytes: cost(5, chart),
      run: () => {
        const c = sheet().charts.add("ColumnClustered", sheet().getRange(chart.source), "Columns");
        c.title.text = chart.title;
        c.setPosition(chart.topLeft, chart.bottomRight);
      },
    });
  }
  return ops;
}

/** Adds one conditional format to a range or to areas. */
function addConditionalFormat(target: Formattable, cf: ConditionalFormat): void {
  if (cf.type === "cellValue") {
    const c = target.conditionalFormats.add("CellValue");
    c.cellValue.format.fill.color = cf.fill;
    c.cellValue.format.font.color = cf.fontColor;
    c.cellValue.rule = cf.formula2 === undefined ? { formula1: cf.formula1, operator: cf.operator } : { formula1: cf.formula1, formula2: cf.formula2, operator: cf.operator };
  } else if (cf.type === "custom") {
    const c = target.conditionalFormats.add("Custom");
    c.custom.rule.formula = cf.formula;
    c.custom.format.fill.color = cf.fill;
    c.custom.format.font.color = cf.fontColor;
  } else {
    const c = target.conditionalFormats.add("DataBar");
    // The bar direction is left at Excel's default (by the sheet's direction: left to right here).
    c.dataBar.positiveFormat.fillColor = cf.color;
    c.dataBar.positiveFormat.gradientFill = false;
    if (cf.lowerBound !== undefined) c.dataBar.lowerBoundRule = { type: "Number", formula: String(cf.lowerBound) };
    if (cf.upperBound !== undefined) c.dataBar.upperBoundRule = { type: "Number", formula: String(cf.upperBound) };
  }
}

/**
 * Column widths and row heights. With ExcelApi 1.9: one setColumnProperties over the plan's
 * columns and one setRowProperties over the rows from the first to the last sized one (an empty
 * entry leaves a row alone), whatever the number of rows. Below it: one call per run of adjacent
 * columns or rows of equal size.
 */
function sizeOps(plan: SheetPlan, ranges: Ranges): Op[] {
  const ops: Op[] = [];
  const widths = plan.columnWidths;
  const heights = [...plan.rowHeights].sort((a, b) => a.row - b.row);
  if (ranges.areas) {
    // Both calls take the plan's block when the values went out as one (a range object already
    // there): setColumnProperties wants one entry per column, setRowProperties one per row.
    const rowCount = plan.cells.length;
    const width = plan.cells[0]?.length ?? 0;
    const block = rowCount <= CHUNK_ROWS && width > 0 ? toA1Range(0, 0, rowCount - 1, width - 1) : null;
    if (widths.length > 0) {
      const address = block !== null && widths.length === width ? block : toA1Range(0, 0, 0, widths.length - 1);
      const data = widths.map((w) => ({ format: { columnWidth: w } }));
      ops.push({ bytes: cost(2, address, data), run: () => ranges.range(address).setColumnProperties(data) });
    }
    const first = heights[0];
    const last = heights[heights.length - 1];
    if (first !== undefined && last !== undefined) {
      const whole = block !== null && last.row < rowCount;
      const from = whole ? 0 : first.row;
      const data: Excel.SettableRowProperties[] = Array.from({ length: (whole ? rowCount : last.row + 1) - from }, () => ({}));
      for (const h of heights) data[h.row - from] = { format: { rowHeight: h.height } };
      const address = whole ? (block as string) : toA1Range(first.row, 0, last.row, 0);
      ops.push({ bytes: cost(2, address, data), run: () => ranges.range(address).setRowProperties(data) });
    }
    return ops;
  }
  for (const [a, z, w] of runs(widths.map((w, i) => ({ at: i, size: w })))) {
    const address = `${columnLetters(a)}1:${columnLetters(z)}1`;
    ops.push({ bytes: cost(2, address, w), run: () => (ranges.range(address).format.columnWidth = w) });
  }
  for (const [a, z, h] of runs(heights.map((h) => ({ at: h.row, size: h.height })))) {
    const address = toA1Range(a, 0, z, 0);
    ops.push({ bytes: cost(2, address, h), run: () => (ranges.range(address).format.rowHeight = h) });
  }
  return ops;
}

/** Runs of adjacent positions with the same size: [first, last, size]. */
function runs(items: readonly { at: number; size: number }[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const { at, size } of items) {
    const last = out[out.length - 1];
    if (last !== undefined && last[1] === at - 1 && last[2] === size) last[1] = at;
    else out.push([at, at, size]);
  }
  return out;
}

/** The text a plan puts in a local cell, so a hyperlink keeps showing it. */
function textAt(plan: SheetPlan, address: string): string {
  const at = parseA1(address);
  const c = at ? plan.cells[at.row]?.[at.col] : undefined;
  if (c === undefined) return "";
  return c.kind === "text" ? c.text : c.kind === "number" ? String(c.value) : c.kind === "formula" ? String(c.value) : "";
}
