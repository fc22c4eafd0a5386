import type { CellStyle, PlanCell, SheetPlan } from "../core/layout/sheetPlan";
import { columnLetters, parseA1, toA1Range } from "../core/cells/address";
import type { OutputMarker } from "./readWorkbook";
import { markerName } from "./markers";
import type { PortContext, PortRange, PortWorksheet } from "./port";

/** Excel on the web refuses requests over 5 MB; we cut writes into batches well under that. */
export const BATCH_LIMIT_BYTES = 4_000_000;
/** Rows per chunk when a sheet's cells are written in slices. */
const CHUNK_ROWS = 500;
const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;

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

/** How many calls applyStyle queues for a style: one per property, and 3 per border edge. */
function styleActions(style: CellStyle): number {
  return 2 + Object.keys(style).length + (style.border ? BORDER_EDGES.length * 4 : 0);
}

function cellValue(c: PlanCell): string | number {
  switch (c.kind) {
    case "empty":
      return "";
    case "text":
      return c.text;
    case "number":
      return c.value;
    case "formula":
      return c.formula;
  }
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
    ops.push(...cellOps(plan, get));
    ops.push(...formatOps(plan, get, env));
    const marker = markerName(plan);
    ops.push({
      bytes: cost(2, plan.name, marker),
      run: () => {
        book.names.add(marker, get().getRange("A1"), "PerfScore output: re-running replaces this sheet unless it has been edited");
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

function cellOps(plan: SheetPlan, sheet: () => PortWorksheet): Op[] {
  const ops: Op[] = [];
  const width = plan.cells[0]?.length ?? 0;
  if (width === 0) return ops;
  for (let start = 0; start < plan.cells.length; start += CHUNK_ROWS) {
    const end = Math.min(plan.cells.length, start + CHUNK_ROWS);
    const formats = plan.numberFormats.slice(start, end);
    const values = plan.cells.slice(start, end).map((row) => row.map(cellValue));
    const address = toA1Range(start, 0, end - 1, width - 1);
    ops.push({
      bytes: cost(3, formats, values),
      run: () => {
        const range = sheet().getRange(address);
        range.numberFormat = formats;
        range.values = values;
      },
    });
  }
  return ops;
}

function applyStyle(range: PortRange, style: CellStyle): void {
  const f = range.format;
  if (style.fontName !== undefined) f.font.name = style.fontName;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontColor !== undefined) f.font.color = style.fontColor;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fill !== undefined) f.fill.color = style.fill;
  if (style.hAlign !== undefined) f.horizontalAlignment = style.hAlign;
  if (style.vAlign !== undefined) f.verticalAlignment = style.vAlign;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.border) {
    for (const edge of BORDER_EDGES) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = "#7F7F7F";
    }
  }
}

function formatOps(plan: SheetPlan, sheet: () => PortWorksheet, env: WriteEnv): Op[] {
  const ops: Op[] = [];
  for (const m of plan.merges) ops.push({ bytes: cost(2, m), run: () => sheet().getRange(m).merge(false) });
  for (const s of plan.styles) ops.push({ bytes: cost(styleActions(s.style), s), run: () => applyStyle(sheet().getRange(s.range), s.style) });
  plan.columnWidths.forEach((w, i) => {
    ops.push({ bytes: cost(3, w), run: () => (sheet().getRange(`${columnLetters(i)}1`).format.columnWidth = w) });
  });
  for (const h of plan.rowHeights) ops.push({ bytes: cost(3, h), run: () => (sheet().getRange(`A${h.row + 1}`).format.rowHeight = h.height) });
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
  for (const cf of plan.conditionalFormats) {
    ops.push({
      bytes: cost(8, cf),
      run: () => {
        const range = sheet().getRange(cf.range);
        if (cf.type === "cellValue") {
          const c = range.conditionalFormats.add("CellValue");
          c.cellValue.format.fill.color = cf.fill;
          c.cellValue.format.font.color = cf.fontColor;
          c.cellValue.rule = cf.formula2 === undefined ? { formula1: cf.formula1, operator: cf.operator } : { formula1: cf.formula1, formula2: cf.formula2, operator: cf.operator };
        } else if (cf.type === "custom") {
          const c = range.conditionalFormats.add("Custom");
          c.custom.rule.formula = cf.formula;
          c.custom.format.fill.color = cf.fill;
          c.custom.format.font.color = cf.fontColor;
        } else {
          const c = range.conditionalFormats.add("DataBar");
          c.dataBar.barDirection = "LeftToRight";
          c.dataBar.positiveFormat.fillColor = cf.color;
          c.dataBar.positiveFormat.gradientFill = false;
          if (cf.lowerBound !== undefined) c.dataBar.lowerBoundRule = { type: "Number", formula: String(cf.lowerBound) };
          if (cf.upperBound !== undefined) c.dataBar.upperBoundRule = { type: "Number", formula: String(cf.upperBound) };
        }
      },
    });
  }
  for (const h of plan.hyperlinks) {
    ops.push({
      bytes: cost(2, h),
      run: () => {
        sheet().getRange(h.cell).hyperlink = { documentReference: h.target, screenTip: h.tooltip, textToDisplay: textAt(plan, h.cell) };
      },
    });
  }
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

/** The text a plan puts in a local cell, so a hyperlink keeps showing it. */
function textAt(plan: SheetPlan, address: string): string {
  const at = parseA1(address);
  const c = at ? plan.cells[at.row]?.[at.col] : undefined;
  if (c === undefined) return "";
  return c.kind === "text" ? c.text : c.kind === "number" ? String(c.value) : c.kind === "formula" ? String(c.value) : "";
}
