import type { Document, Element } from "@xmldom/xmldom";
import { canonical, child, children, insertInOrder, NS, rootOf } from "./xmlParts";

/** The order of CT_Stylesheet's children. */
const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;

/** Where each of our style indices went in the user's styles part. */
export interface StyleMaps {
  /** our cellXfs index → index in the merged cellXfs */
  readonly xf: readonly number[];
  /** our dxfs index → index in the merged dxfs */
  readonly dxf: readonly number[];
  /** true when a record was appended (the styles part must be written) */
  readonly changed: boolean;
}

/** The first number ≥ 164 (the first custom number format id) not in `used`. */
function freeNumFmtId(used: Set<number>): number {
  let id = 164;
  while (used.has(id)) id++;
  return id;
}

function section(doc: Document, name: string): Element {
  const root = rootOf(doc);
  const found = child(root, name);
  if (found) return found;
  const el = doc.createElementNS(NS.main, name);
  insertInOrder(root, el, STYLESHEET_ORDER);
  return el;
}

/**
 * Appends to a list section (fonts, fills, …) each of our records that the section lacks, and
 * returns for each of ours the index of the equal record (existing or appended). Existing
 * records never move; equal records are found by canonical text, so composing twice appends
 * nothing the second time.
 */
function mergeList(target: Document, name: string, ours: readonly Element[], prepare: (el: Element) => void = () => undefined): { map: number[]; appended: number } {
  const existing = children(rootOf(target), name)[0];
  const have = new Map<string, number>();
  if (existing) children(existing).forEach((el, i) => {
    const key = canonical(el);
    if (!have.has(key)) have.set(key, i);
  });
  const map: number[] = [];
  let appended = 0;
  let list: Element | null = existing ?? null;
  for (const el of ours) {
    // Our record is prepared in our own (throwaway) document and copied over only when appended:
    // importing every record first cost more than the rest of the merge.
    prepare(el);
    const key = canonical(el);
    const found = have.get(key);
    if (found !== undefined) {
      map.push(found);
      continue;
    }
    list ??= section(target, name);
    const index = children(list).length;
    list.appendChild(target.importNode(el, true) as Element);
    have.set(key, index);
    map.push(index);
    appended++;
  }
  if (appended > 0 && list) list.setAttribute("count", String(children(list).length));
  return { map, appended };
}

/**
 * Appends our style records to the user's styles part, in place.
 *
 * - numFmts: a format code the user already has keeps the user's id; a new one gets the first
 *   free id ≥ 164.
 * - fonts, fills, borders, dxfs: each of ours is matched to an equal existing record or appended.
 * - cellXfs: each of ours has its font/fill/border/number-format ids rewritten to the merged
 *   indices and xfId set to 0 (the user's Normal cell style), then is matched or appended.
 * - Every count attribute of a section that grew is set to its number of records.
 * Our cellStyleXfs, cellStyles, tableStyles and colors are not carried: ExcelJS writes only the
 * Normal style there.
 *
 * @param target - the user's styles part, edited in place
 * @param ours - the styles part of the workbook that holds our sheets (its cellXfs are rewritten in place to the merged ids)
 * @returns the index maps for our cellXfs and dxfs, and whether anything was appended
 *
 * @example
 * appendStyles(userStyles, ourStyles).xf
 * //=> [0, 7, 8]   (our xf 0 equals the user's xf 0; ours 1 and 2 were appended after the user's 7)
 */
export function appendStyles(target: Document, ours: Document): StyleMaps {
  const ourRoot = rootOf(ours);
  const targetRoot = rootOf(target);
  let changed = false;

  const numFmtMap = new Map<number, number>();
  const ourFmts = children(child(ourRoot, "numFmts") ?? ourRoot, "numFmt");
  if (ourFmts.length > 0) {
    const fmtsEl = child(targetRoot, "numFmts");
    const byCode = new Map<string, number>();
    const used = new Set<number>();
    for (const f of fmtsEl ? children(fmtsEl, "numFmt") : []) {
      const id = Number(f.getAttribute("numFmtId"));
      used.add(id);
      const code = f.getAttribute("formatCode") ?? "";
      if (!byCode.has(code)) byCode.set(code, id);
    }
    for (const f of ourFmts) {
      const ourId = Number(f.getAttribute("numFmtId"));
      const code = f.getAttribute("formatCode") ?? "";
      const known = byCode.get(code);
      if (known !== undefined) {
        numFmtMap.set(ourId, known);
        continue;
      }
      const id = freeNumFmtId(used);
      used.add(id);
      byCode.set(code, id);
      numFmtMap.set(ourId, id);
      const list = section(target, "numFmts");
      const el = target.createElementNS(NS.main, "numFmt");
      el.setAttribute("numFmtId", String(id));
      el.setAttribute("formatCode", code);
      list.appendChild(el);
      list.setAttribute("count", String(children(list).length));
      changed = true;
    }
  }

  const ourList = (name: string, item: string): Element[] => children(child(ourRoot, name) ?? ourRoot, item);
  const fonts = mergeList(target, "fonts", ourList("fonts", "font"));
  const fills = mergeList(target, "fills", ourList("fills", "fill"));
  const borders = mergeList(target, "borders", ourList("borders", "border"));
  const remap = (el: Element, attr: string, map: readonly number[] | Map<number, number>): void => {
    const v = el.getAttribute(attr);
    if (v === null || v === "") return;
    const n = Number(v);
    const to = Array.isArray(map) ? map[n] : (map as Map<number, number>).get(n);
    if (to !== undefined) el.setAttribute(attr, String(to));
  };
  const xfs = mergeList(target, "cellXfs", ourList("cellXfs", "xf"), (xf) => {
    remap(xf, "numFmtId", numFmtMap);
    remap(xf, "fontId", fonts.map);
    remap(xf, "fillId", fills.map);
    remap(xf, "borderId", borders.map);
    xf.setAttribute("xfId", "0");
  });
  const dxfs = mergeList(target, "dxfs", ourList("dxfs", "dxf"));
  changed ||= fonts.appended + fills.appended + borders.appended + xfs.appended + dxfs.appended > 0;
  return { xf: xfs.map, dxf: dxfs.map, changed };
}
