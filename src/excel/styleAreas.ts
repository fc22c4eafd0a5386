/**
 * Pure planning for writePlans: turns a plan's styles, merges and conditional formats into as few
 * Excel calls as their meaning allows.
 *
 * - Styles are split into single properties (bold, fill, horizontal alignment, borders…). Each
 *   property's assignments with the same value are gathered into one group, applied at once over
 *   all its areas, unless an assignment of another value in between overlaps: then the order of
 *   the plan is kept, since later entries win.
 * - A group's boxes are coalesced (touching boxes of the same span become one) and their
 *   addresses cut into lists short enough for one `Worksheet.getRanges` (Excel rejects very long
 *   area lists: about 8,000 characters fail; we stay far below).
 * - One-row merges of the same columns on consecutive rows become one `merge(true)` (across).
 */
import { parseA1Range, toA1Range } from "../core/cells/address";
import type { CellStyle, ConditionalFormat } from "../core/layout/sheetPlan";

/** The longest address list given to one getRanges call. */
export const AREAS_ADDRESS_LIMIT = 2_000;

export interface Box {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/** One formatting property and its value. */
export type StyleProperty =
  | { key: "fontName"; value: string }
  | { key: "bold"; value: boolean }
  | { key: "italic"; value: boolean }
  | { key: "fontColor"; value: string }
  | { key: "fontSize"; value: number }
  | { key: "fill"; value: string }
  | { key: "hAlign"; value: NonNullable<CellStyle["hAlign"]> | "General" }
  | { key: "vAlign"; value: NonNullable<CellStyle["vAlign"]> }
  | { key: "wrap"; value: boolean }
  | { key: "border"; value: true };

/** A property applied over several areas, each address list short enough for one getRanges. */
export interface StyleGroup {
  property: StyleProperty;
  addressLists: string[][];
}

/** The properties a style sets, in a fixed order. */
function propertiesOf(style: CellStyle): StyleProperty[] {
  const out: StyleProperty[] = [];
  if (style.fontName !== undefined) out.push({ key: "fontName", value: style.fontName });
  if (style.bold !== undefined) out.push({ key: "bold", value: style.bold });
  if (style.italic !== undefined) out.push({ key: "italic", value: style.italic });
  if (style.fontColor !== undefined) out.push({ key: "fontColor", value: style.fontColor });
  if (style.fontSize !== undefined) out.push({ key: "fontSize", value: style.fontSize });
  if (style.fill !== undefined) out.push({ key: "fill", value: style.fill });
  if (style.hAlign !== undefined) out.push({ key: "hAlign", value: style.hAlign });
  if (style.vAlign !== undefined) out.push({ key: "vAlign", value: style.vAlign });
  if (style.wrap !== undefined) out.push({ key: "wrap", value: style.wrap });
  if (style.border === true) out.push({ key: "border", value: true });
  return out;
}

function overlaps(a: Box, b: Box): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount;
}

interface Building {
  property: StyleProperty;
  boxes: Box[];
  /** The bounding box of `boxes`, for a quick no-overlap answer. */
  bounds: Box;
}

function extend(bounds: Box, box: Box): Box {
  const row = Math.min(bounds.row, box.row);
  const col = Math.min(bounds.col, box.col);
  return {
    row,
    col,
    rowCount: Math.max(bounds.row + bounds.rowCount, box.row + box.rowCount) - row,
    colCount: Math.max(bounds.col + bounds.colCount, box.col + box.colCount) - col,
  };
}

/**
 * Groups a plan's styles by property and value, keeping what the plan's order means: the final
 * value of every property of every cell is the one the last style setting it gives.
 *
 * @example
 * groupStyles([{ range: "A1", style: { bold: true } }, { range: "C1", style: { bold: true } }])
 * //=> [{ property: { key: "bold", value: true }, addressLists: [["A1", "C1"]] }]
 */
export function groupStyles(styles: readonly { range: string; style: CellStyle }[], limit = AREAS_ADDRESS_LIMIT): StyleGroup[] {
  const groups: Building[] = [];
  /** Per property key: the indexes into `groups` of its groups, in order. */
  const byKey = new Map<string, number[]>();
  for (const { range, style } of styles) {
    const box = parseA1Range(range);
    if (box === null) throw new RangeError(`writePlans: bad range in a plan's styles: ${range}`);
    for (const property of propertiesOf(style)) {
      const mine = byKey.get(property.key) ?? [];
      byKey.set(property.key, mine);
      let target: Building | undefined;
      // The last group of this value, if no later group of another value overlaps the box.
      for (let k = mine.length - 1; k >= 0; k--) {
        const g = groups[mine[k] as number] as Building;
        if (g.property.value === property.value) {
          target = g;
          break;
        }
        if (overlaps(g.bounds, box) && g.boxes.some((b) => overlaps(b, box))) break;
      }
      if (target === undefined) {
        mine.push(groups.length);
        groups.push({ property, boxes: [box], bounds: box });
      } else {
        target.boxes.push(box);
        target.bounds = extend(target.bounds, box);
      }
    }
  }
  return groups.map((g) => ({ property: g.property, addressLists: addressLists(coalesce(g.boxes), limit) }));
}

/**
 * Joins boxes that together form one rectangle: first those stacked in the same columns, then
 * those side by side on the same rows. Overlapping boxes are kept as they are.
 *
 * @example
 * coalesce([{ row: 0, col: 0, rowCount: 1, colCount: 3 }, { row: 1, col: 0, rowCount: 4, colCount: 3 }])
 * //=> [{ row: 0, col: 0, rowCount: 5, colCount: 3 }]
 */
export function coalesce(boxes: readonly Box[]): Box[] {
  const vertical = joinRuns(boxes, (b) => `${b.col},${b.colCount}`, (b) => b.row, (b) => b.rowCount, (b, n) => ({ ...b, rowCount: n }));
  return joinRuns(vertical, (b) => `${b.row},${b.rowCount}`, (b) => b.col, (b) => b.colCount, (b, n) => ({ ...b, colCount: n }));
}

function joinRuns(boxes: readonly Box[], key: (b: Box) => string, start: (b: Box) => number, size: (b: Box) => number, resize: (b: Box, n: number) => Box): Box[] {
  const byKey = new Map<string, Box[]>();
  for (const b of boxes) {
    const list = byKey.get(key(b));
    if (list === undefined) byKey.set(key(b), [b]);
    else list.push(b);
  }
  const out: Box[] = [];
  for (const list of byKey.values()) {
    const sorted = [...list].sort((a, b) => start(a) - start(b));
    let cur: Box | undefined;
    for (const b of sorted) {
      if (cur !== undefined && start(b) === start(cur) + size(cur)) cur = resize(cur, size(cur) + size(b));
      else {
        if (cur !== undefined) out.push(cur);
        cur = b;
      }
    }
    if (cur !== undefined) out.push(cur);
  }
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}

function addressOf(b: Box): string {
  return toA1Range(b.row, b.col, b.row + b.rowCount - 1, b.col + b.colCount - 1);
}

/** The boxes' addresses, cut into lists whose comma-joined length stays within `limit`. */
export function addressLists(boxes: readonly Box[], limit = AREAS_ADDRESS_LIMIT): string[][] {
  const lists: string[][] = [];
  let cur: string[] = [];
  let length = 0;
  for (const b of boxes) {
    const a = addressOf(b);
    if (cur.length > 0 && length + 1 + a.length > limit) {
      lists.push(cur);
      cur = [];
      length = 0;
    }
    length += (cur.length > 0 ? 1 : 0) + a.length;
    cur.push(a);
  }
  if (cur.length > 0) lists.push(cur);
  return lists;
}

/** One merge call: a range and whether it merges each row on its own. */
export interface MergeCall {
  address: string;
  across: boolean;
}

/**
 * The merge calls for a plan's merges: one-row merges over the same columns on consecutive rows
 * become one `merge(true)`; every other merge is its own `merge(false)`.
 *
 * @example
 * mergeCalls(["B7:F7", "B8:F8", "A1:A3"]) //=> [{ address: "A1:A3", across: false }, { address: "B7:F8", across: true }]
 */
export function mergeCalls(merges: readonly string[]): MergeCall[] {
  const calls: MergeCall[] = [];
  const single: Box[] = [];
  for (const m of merges) {
    const box = parseA1Range(m);
    if (box === null) throw new RangeError(`writePlans: bad merge in a plan: ${m}`);
    if (box.rowCount === 1 && box.colCount > 1) single.push(box);
    else calls.push({ address: m, across: false });
  }
  const runs = joinRuns(single, (b) => `${b.col},${b.colCount}`, (b) => b.row, (b) => b.rowCount, (b, n) => ({ ...b, rowCount: n }));
  for (const r of runs) calls.push({ address: addressOf(r), across: r.rowCount > 1 });
  return calls;
}

/** A conditional format and the ranges it covers; rules alike are given once over all their ranges. */
export interface ConditionalFormatCall {
  format: ConditionalFormat;
  addressLists: string[][];
}

/**
 * Gathers cell-value rules that differ only in their range (and compare against constants, so that
 * nothing in them is relative to a range's first cell) into one call over all their ranges. Every
 * other rule is its own call.
 */
export function conditionalFormatCalls(formats: readonly ConditionalFormat[], limit = AREAS_ADDRESS_LIMIT): ConditionalFormatCall[] {
  const calls: { format: ConditionalFormat; boxes: Box[] }[] = [];
  const byRule = new Map<string, { format: ConditionalFormat; boxes: Box[] }>();
  const constant = (f: string | undefined): boolean => f === undefined || /^[-+]?\d+(\.\d+)?$/.test(f);
  for (const cf of formats) {
    const box = parseA1Range(cf.range);
    if (box === null) throw new RangeError(`writePlans: bad range in a conditional format: ${cf.range}`);
    if (cf.type === "cellValue" && constant(cf.formula1) && constant(cf.formula2)) {
      const key = JSON.stringify({ ...cf, range: "" });
      const call = byRule.get(key);
      if (call !== undefined) {
        call.boxes.push(box);
        continue;
      }
      const fresh = { format: cf, boxes: [box] };
      byRule.set(key, fresh);
      calls.push(fresh);
    } else calls.push({ format: cf, boxes: [box] });
  }
  return calls.map((c) => ({ format: c.format, addressLists: addressLists(coalesce(c.boxes), limit) }));
}

/** The most cells a sheet's block may have for its formats to travel per cell (setCellProperties). */
export const CELL_PROPERTIES_MAX_CELLS = 4_000;
/** The most bytes (UTF-8 JSON) that per-cell call may carry; a larger sheet is styled by areas. */
export const CELL_PROPERTIES_MAX_BYTES = 64_000;

/** A cell's format as `Range.setCellProperties` takes it (the part we set). */
export interface CellFormat {
  font?: { name?: string; bold?: boolean; italic?: boolean; color?: string; size?: number };
  fill?: { color: string };
  horizontalAlignment?: NonNullable<CellStyle["hAlign"]> | "General";
  verticalAlignment?: NonNullable<CellStyle["vAlign"]>;
  wrapText?: boolean;
}

/** A hyperlink as `Range.hyperlink` and setCellProperties take it. */
export interface CellLink {
  documentReference: string;
  screenTip: string;
  textToDisplay: string;
}

/** One cell's entry for `Range.setCellProperties`: `{}` leaves the cell as it is. */
export interface CellEntry {
  format?: CellFormat;
  hyperlink?: CellLink;
}

/**
 * A sheet block's formats as per-cell entries for one `Range.setCellProperties` (ExcelApi 1.9):
 * each property's commonest value is set once on the whole block and only the cells that differ
 * carry it, and borders stay grouped areas (per cell they would be four edges in every cell of a
 * table).
 */
export interface CellFormats {
  /** Each property's commonest value, set on the whole block before the entries. */
  uniform: StyleProperty[];
  /** One entry per cell of the block, row by row. */
  entries: CellEntry[][];
  /** The border groups, applied over areas as before. */
  borders: StyleGroup[];
  /** UTF-8 bytes of `entries` as JSON: what the call carries. */
  bytes: number;
}

type FinalStyle = Partial<Record<StyleProperty["key"], StyleProperty["value"]>>;

/**
 * The final value of every non-border property in every cell of a `rowCount` × `colCount` block
 * (later styles win, as in the plan), as per-cell entries with the block's hyperlinks; null when
 * the block has more than CELL_PROPERTIES_MAX_CELLS cells or its entries more than
 * CELL_PROPERTIES_MAX_BYTES.
 *
 * @example
 * cellFormats([{ range: "A1:B1", style: { bold: true } }, { range: "A1", style: { fill: "#FF0000" } }], [], 1, 2)
 * //=> { uniform: [{ key: "bold", value: true }], entries: [[{ format: { fill: { color: "#FF0000" } } }, {}]], borders: [], bytes: 44 }
 */
export function cellFormats(
  styles: readonly { range: string; style: CellStyle }[],
  links: readonly { cell: string; link: CellLink }[],
  rowCount: number,
  colCount: number,
): CellFormats | null {
  if (rowCount * colCount > CELL_PROPERTIES_MAX_CELLS || rowCount === 0 || colCount === 0) return null;
  const finals: FinalStyle[][] = Array.from({ length: rowCount }, () => Array.from({ length: colCount }, () => ({})));
  const borderStyles: { range: string; style: CellStyle }[] = [];
  for (const { range, style } of styles) {
    const box = parseA1Range(range);
    if (box === null) throw new RangeError(`writePlans: bad range in a plan's styles: ${range}`);
    if (style.border === true) borderStyles.push({ range, style: { border: true } });
    const properties = propertiesOf(style).filter((p) => p.key !== "border");
    const lastRow = Math.min(rowCount, box.row + box.rowCount);
    const lastCol = Math.min(colCount, box.col + box.colCount);
    for (let r = box.row; r < lastRow; r++) {
      const row = finals[r] as FinalStyle[];
      for (let c = box.col; c < lastCol; c++) {
        const cell = row[c] as FinalStyle;
        for (const p of properties) cell[p.key] = p.value;
      }
    }
  }
  const uniform = baseValues(finals);
  const entries: CellEntry[][] = finals.map((row) => row.map(entryOf));
  for (const { cell, link } of links) {
    const at = parseA1Range(cell);
    const entry = at === null ? undefined : entries[at.row]?.[at.col];
    if (entry === undefined) throw new RangeError(`writePlans: a hyperlink outside the sheet's block: ${cell}`);
    entry.hyperlink = link;
  }
  const bytes = new TextEncoder().encode(JSON.stringify(entries)).length;
  if (bytes > CELL_PROPERTIES_MAX_BYTES) return null;
  return { uniform, entries, borders: groupStyles(borderStyles), bytes };
}

/** What a new sheet's cells already have, for the properties with a fixed default. */
const SHEET_DEFAULTS: Partial<Record<StyleProperty["key"], StyleProperty["value"]>> = { bold: false, italic: false, wrap: false, hAlign: "General", vAlign: "Bottom" };

/**
 * For each property, the value most cells have, set once on the whole block; the cells with
 * another value keep theirs, and the others lose it. A property some cells leave unset gets a base
 * only when a new sheet's default is known (not bold, not italic, not wrapped, General
 * alignment, bottom), and none when that
 * default is itself the commonest value (then only the other cells carry it).
 */
function baseValues(finals: FinalStyle[][]): StyleProperty[] {
  const cells = finals.flat();
  const keys = new Set<StyleProperty["key"]>();
  for (const cell of cells) for (const key of Object.keys(cell)) keys.add(key as StyleProperty["key"]);
  const bases: StyleProperty[] = [];
  for (const key of keys) {
    const fallback = SHEET_DEFAULTS[key];
    const counts = new Map<StyleProperty["value"], number>();
    let unset = 0;
    for (const cell of cells) {
      const v = cell[key];
      if (v === undefined) unset++;
      else counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    if (unset > 0) {
      if (fallback === undefined) continue;
      counts.set(fallback, (counts.get(fallback) ?? 0) + unset);
    }
    let base: StyleProperty["value"] | undefined;
    let most = 0;
    for (const [v, n] of counts) if (n > most) [base, most] = [v, n];
    if (base === undefined) continue;
    if (base !== fallback) bases.push({ key, value: base } as StyleProperty);
    for (const cell of cells) {
      const v = cell[key] ?? fallback;
      if (v === base) delete cell[key];
      else cell[key] = v;
    }
  }
  return bases;
}

/** A cell's final properties in setCellProperties' shape. */
function entryOf(s: FinalStyle): CellEntry {
  const format: CellFormat = {};
  const font: NonNullable<CellFormat["font"]> = {};
  if (s.fontName !== undefined) font.name = s.fontName as string;
  if (s.bold !== undefined) font.bold = s.bold as boolean;
  if (s.italic !== undefined) font.italic = s.italic as boolean;
  if (s.fontColor !== undefined) font.color = s.fontColor as string;
  if (s.fontSize !== undefined) font.size = s.fontSize as number;
  if (Object.keys(font).length > 0) format.font = font;
  if (s.fill !== undefined) format.fill = { color: s.fill as string };
  if (s.hAlign !== undefined) format.horizontalAlignment = s.hAlign as CellFormat["horizontalAlignment"];
  if (s.vAlign !== undefined) format.verticalAlignment = s.vAlign as CellFormat["verticalAlignment"];
  if (s.wrap !== undefined) format.wrapText = s.wrap as boolean;
  return Object.keys(format).length > 0 ? { format } : {};
}

/** The most rows one links-only setCellProperties spans (about 150 bytes a link: ~150 kB a call). */
export const LINK_RUN_ROWS = 1_000;

/** One setCellProperties that sets links only: a one-column range and an entry per cell ({} between links). */
export interface LinkCall {
  address: string;
  entries: CellEntry[][];
}

/**
 * The links of a sheet too large for per-cell formats, as one setCellProperties per run of a
 * column: links in the same column with at most `gap` rows between them share a call, up to
 * LINK_RUN_ROWS rows, so a findings list of any length costs a few actions, not two per link.
 *
 * @example
 * linkCalls([{ cell: "C5", link: a }, { cell: "C6", link: b }, { cell: "A1", link: c }]).map((c) => c.address) //=> ["A1", "C5:C6"]
 */
export function linkCalls(links: readonly { cell: string; link: CellLink }[], gap = 1): LinkCall[] {
  const byColumn = new Map<number, { row: number; link: CellLink }[]>();
  for (const { cell, link } of links) {
    const at = parseA1Range(cell);
    if (at === null) throw new RangeError(`writePlans: bad hyperlink cell: ${cell}`);
    const list = byColumn.get(at.col) ?? [];
    byColumn.set(at.col, list);
    list.push({ row: at.row, link });
  }
  const calls: { col: number; first: number; items: { row: number; link: CellLink }[] }[] = [];
  for (const [col, list] of [...byColumn].sort(([a], [b]) => a - b)) {
    list.sort((a, b) => a.row - b.row);
    let run: (typeof calls)[number] | null = null;
    for (const item of list) {
      const last = run?.items[run.items.length - 1];
      if (run === null || last === undefined || item.row - last.row > gap + 1 || item.row - run.first >= LINK_RUN_ROWS) {
        run = { col, first: item.row, items: [] };
        calls.push(run);
      }
      run.items.push(item);
    }
  }
  return calls.map(({ col, first, items }) => {
    const last = (items[items.length - 1] as { row: number }).row;
    const entries: CellEntry[][] = Array.from({ length: last - first + 1 }, () => [{}]);
    for (const { row, link } of items) entries[row - first] = [{ hyperlink: link }];
    return { address: toA1Range(first, col, last, col), entries };
  });
}
