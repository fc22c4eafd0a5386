/** Inserts a template's sheets (src/office/templates.ts) with the Excel API: one read, one write. */
import type { PortContext } from "./port";
import { columnLetters, toA1Range } from "../core/cells/address";
import { freeName } from "./sheetNames";

/** A template cell's content; null leaves the cell empty. */
export type TemplateCell = string | number | null;

/** A sheet to insert (the pane's templates, src/office/templates.ts, are data of this shape). */
export interface TemplateSheet {
  /** The preferred sheet name; a free name is taken when it exists ("绩效评价 (2)"). */
  name: string;
  /** Rows from A1; null leaves a cell empty. */
  cells: TemplateCell[][];
  merges: string[];
  /** Bold, shaded header ranges. */
  headers: string[];
  /** The range that gets thin borders. */
  frame: string;
  /** Column widths in points, from column A. */
  widths: number[];
}

/**
 * Adds the template's sheets under free names, fills them in one write and activates the first.
 * Existing sheets are never touched.
 *
 * @returns the names the sheets were given
 */
export async function insertTemplate(context: PortContext, sheets: TemplateSheet[]): Promise<string[]> {
  const existing = context.workbook.worksheets.load("items/name");
  await context.sync();
  const taken = existing.items.map((s) => s.name);
  const names: string[] = [];
  for (const t of sheets) {
    const name = freeName(t.name, taken);
    taken.push(name);
    names.push(name);
    const ws = context.workbook.worksheets.add(name);
    const width = Math.max(...t.cells.map((r) => r.length));
    const values = t.cells.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ""));
    const all = ws.getRange(toA1Range(0, 0, values.length - 1, width - 1));
    all.values = values;
    all.format.font.name = "宋体";
    all.format.font.size = 11;
    all.format.verticalAlignment = "Center";
    all.format.wrapText = true;
    const framed = ws.getRange(t.frame);
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const) {
      framed.format.borders.getItem(edge).style = "Continuous";
    }
    framed.format.horizontalAlignment = "Center";
    for (const m of t.merges) ws.getRange(m).merge(false);
    for (const h of t.headers) {
      const header = ws.getRange(h);
      header.format.font.bold = true;
      header.format.fill.color = "#D9E1F2";
    }
    const title = ws.getRange("B1");
    title.format.font.bold = true;
    title.format.font.size = 16;
    title.format.horizontalAlignment = "Center";
    t.widths.forEach((w, i) => (ws.getRange(`${columnLetters(i)}1`).format.columnWidth = w));
  }
  if (names[0] !== undefined) context.workbook.worksheets.getItem(names[0]).activate();
  await context.sync();
  return names;
}
