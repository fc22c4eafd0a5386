import type { Document, Element } from "@xmldom/xmldom";
import { entryContent, readStoredEntries, writeEntries, type OutputEntry, type StoredEntry } from "./zipEntries";
import { appendStyles, type StyleMaps } from "./appendStyles";
import { CONTENT_TYPE, NS, REL_TYPE, child, children, descendants, insertInOrder, parseXml, relativeTarget, relsPathOf, removeElement, resolveTarget, rootOf, serializeXml } from "./xmlParts";

/** A defined name to add to the composed workbook (one of our marker names). */
export interface AddedName {
  readonly name: string;
  /** The formula without "=", e.g. `'评分表'!$A$1`. */
  readonly formula: string;
  /** Scope: the name of a sheet of the result (a user's or ours); global when absent. */
  readonly localSheet?: string;
  readonly comment?: string;
}

/** What composeScoredPackage does besides adding our sheets. */
export interface ComposeOptions {
  /** Sheets of an earlier run to remove first (matched case-insensitively, as Excel does). */
  readonly removeSheets: readonly string[];
  /** Names to add; an existing name with the same name and scope is replaced. */
  readonly definedNames: readonly AddedName[];
  /** The DOS date and time (its UTC fields) of every new or changed zip entry. */
  readonly zipDate: Date;
  /**
   * Sets calcPr fullCalcOnLoad="1" (adding calcPr when absent) so that Excel recalculates every
   * formula, ours included, when it opens the file. Off when omitted: the user's calcPr stays.
   */
  readonly fullCalcOnLoad?: boolean;
  /**
   * A sheet of the result (usually one of ours) to open on: the workbook view's activeTab points
   * at it, its sheetView is tab-selected, and every other sheet's tabSelected is removed, since
   * two selected tabs open as a group in which every edit lands on both. That last step edits
   * the user's sheet parts that carry tabSelected (normally the one they saved on): the only
   * change to a user's sheet this function makes. When omitted, the user's active sheet stays.
   */
  readonly activeSheet?: string;
}

/** A precondition of composeScoredPackage is broken (the message names the sheet, name or part). */
export class PackageComposeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageComposeError";
  }
}

/** The order of CT_Workbook's children, for placing a new definedNames element. */
const WORKBOOK_ORDER = ["fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

const CONTENT_TYPES = "[Content_Types].xml";

/** The parts of a package by name, with edits kept as parsed documents until written. */
class PackageParts {
  readonly order: string[];
  private readonly stored = new Map<string, StoredEntry>();
  private readonly docs = new Map<string, Document>();
  readonly dirty = new Set<string>();
  readonly removed = new Set<string>();
  readonly added = new Map<string, Uint8Array | Document>();

  constructor(entries: readonly StoredEntry[]) {
    this.order = entries.map((e) => e.name);
    for (const e of entries) this.stored.set(e.name, e);
  }

  has(name: string): boolean {
    if (this.removed.has(name)) return false;
    if (this.added.has(name)) return true;
    return this.stored.has(name);
  }

  /** Every present part name, case-folded, for picking fresh names. */
  names(): Set<string> {
    const all = new Set<string>();
    for (const n of [...this.stored.keys(), ...this.added.keys()]) if (!this.removed.has(n)) all.add(n.toLowerCase());
    return all;
  }

  xml(name: string): Document {
    const added = this.added.get(name);
    if (added && !(added instanceof Uint8Array)) return added;
    const cached = this.docs.get(name);
    if (cached) return cached;
    const e = this.stored.get(name);
    if (!e || this.removed.has(name)) throw new PackageComposeError(`the package has no part ${name}`);
    const doc = parseXml(name, entryContent(e));
    this.docs.set(name, doc);
    return doc;
  }

  xmlIfPresent(name: string): Document | null {
    return this.has(name) ? this.xml(name) : null;
  }

  touch(name: string): void {
    this.dirty.add(name);
  }

  remove(name: string): void {
    if (this.added.delete(name)) return;
    this.removed.add(name);
  }

  /** Adds a part; a name freed by remove() is taken again, written with the new parts. */
  add(name: string, content: Uint8Array | Document): void {
    this.removed.delete(name);
    this.added.set(name, content);
  }

  storedNames(): string[] {
    return this.order.filter((n) => !this.removed.has(n) && !this.added.has(n));
  }

  output(): OutputEntry[] {
    const out: OutputEntry[] = [];
    for (const name of this.order) {
      if (this.removed.has(name) || this.added.has(name)) continue;
      const e = this.stored.get(name);
      if (!e) continue;
      const doc = this.docs.get(name);
      out.push(this.dirty.has(name) && doc ? { kind: "new", name, data: serializeXml(doc) } : { kind: "copy", entry: e });
    }
    for (const [name, content] of this.added) out.push({ kind: "new", name, data: content instanceof Uint8Array ? content : serializeXml(content) });
    return out;
  }
}

interface Rel {
  readonly el: Element;
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

function relsOf(doc: Document | null): Rel[] {
  if (!doc) return [];
  return children(rootOf(doc), "Relationship").map((el) => ({
    el,
    id: el.getAttribute("Id") ?? "",
    type: el.getAttribute("Type") ?? "",
    target: el.getAttribute("Target") ?? "",
    external: el.getAttribute("TargetMode") === "External",
  }));
}

function freshRelId(doc: Document): string {
  let max = 0;
  for (const r of relsOf(doc)) {
    const m = /^rId(\d+)$/.exec(r.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `rId${max + 1}`;
}

function workbookPartOf(parts: PackageParts): string {
  const root = relsOf(parts.xmlIfPresent("_rels/.rels")).find((r) => r.type === REL_TYPE.officeDocument);
  return root ? resolveTarget("", root.target) : "xl/workbook.xml";
}

function sheetRelId(sheet: Element): string {
  return sheet.getAttributeNS(NS.rel, "id") ?? "";
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Content-type overrides: remove the one for `part`. */
function dropOverride(types: Document, part: string): void {
  for (const o of children(rootOf(types), "Override")) if (sameName(o.getAttribute("PartName") ?? "", `/${part}`)) removeElement(o);
}

/**
 * Removes a part, its relationships part, and every part it alone points to (recursively): a
 * part still named by another relationship elsewhere in the package stays.
 */
function removeOwnedPart(parts: PackageParts, part: string, types: Document): void {
  const relsPath = relsPathOf(part);
  const rels = relsOf(parts.xmlIfPresent(relsPath));
  parts.remove(part);
  dropOverride(types, part);
  if (parts.has(relsPath)) parts.remove(relsPath);
  for (const r of rels) {
    if (r.external) continue;
    const target = resolveTarget(part, r.target);
    if (!parts.has(target)) continue;
    const stillUsed = parts.storedNames().filter((n) => n.endsWith(".rels")).some((relsName) => {
      const source = relsName.replace(/_rels\/([^/]*)\.rels$/, "$1");
      return relsOf(parts.xml(relsName)).some((o) => !o.external && resolveTarget(source, o.target) === target);
    });
    if (!stillUsed) removeOwnedPart(parts, target, types);
  }
}

/** True when a name's formula refers to `sheet` (as `'Sheet'!` or `Sheet!`). */
function refersTo(formula: string, sheet: string): boolean {
  const quoted = `'${sheet.replace(/'/g, "''")}'!`.toLowerCase();
  const text = formula.toLowerCase();
  if (text.includes(quoted)) return true;
  const bare = `${sheet.toLowerCase()}!`;
  let at = text.indexOf(bare);
  while (at >= 0) {
    if (at === 0 || /[^\p{L}\p{N}_.]/u.test(text[at - 1] ?? "")) return true;
    at = text.indexOf(bare, at + 1);
  }
  return false;
}

/**
 * Drops the names a removed sheet takes with it: those scoped to it (later scopes shift down)
 * and those whose formula refers to it, which would otherwise become #REF!.
 */
function dropSheetNames(definedNames: Element | null, index: number, sheet: string): void {
  if (!definedNames) return;
  for (const dn of children(definedNames, "definedName")) {
    if (refersTo(dn.textContent ?? "", sheet)) {
      removeElement(dn);
      continue;
    }
    const v = dn.getAttribute("localSheetId");
    if (v === null) continue;
    const id = Number(v);
    if (id === index) removeElement(dn);
    else if (id > index) dn.setAttribute("localSheetId", String(id - 1));
  }
}

function shiftViews(workbook: Element, index: number, remaining: number): void {
  const views = child(workbook, "bookViews");
  for (const v of views ? children(views, "workbookView") : []) {
    for (const attr of ["activeTab", "firstSheet"]) {
      const raw = v.getAttribute(attr);
      if (raw === null) continue;
      let n = Number(raw);
      if (n > index) n--;
      else if (n === index) n = 0;
      v.setAttribute(attr, String(Math.min(n, Math.max(0, remaining - 1))));
    }
  }
}

/** Removes calcChain entries of the removed sheets; the whole part when none remain. */
function pruneCalcChain(parts: PackageParts, workbookPart: string, workbookRels: Document, types: Document, removedIds: Set<string>): void {
  const rel = relsOf(workbookRels).find((r) => r.type === REL_TYPE.calcChain);
  if (!rel || removedIds.size === 0) return;
  const part = resolveTarget(workbookPart, rel.target);
  const doc = parts.xmlIfPresent(part);
  if (!doc) return;
  const cells = children(rootOf(doc), "c");
  let current = "";
  let pendingExplicit = false;
  let removedAny = false;
  for (const c of cells) {
    const explicit = c.getAttribute("i");
    if (explicit !== null) current = explicit;
    if (removedIds.has(current)) {
      removeElement(c);
      removedAny = true;
      pendingExplicit = true;
      continue;
    }
    if (pendingExplicit && explicit === null) c.setAttribute("i", current);
    pendingExplicit = false;
  }
  if (!removedAny) return;
  if (children(rootOf(doc), "c").length === 0) {
    parts.remove(part);
    dropOverride(types, part);
    removeElement(rel.el);
  } else parts.touch(part);
}

/** docProps/app.xml: the TitlesOfParts run that lists the sheets, found by matching names. */
function updateAppSheetList(parts: PackageParts, before: readonly string[], after: readonly string[]): void {
  const app = parts.xmlIfPresent("docProps/app.xml");
  if (!app || (before.length === after.length && before.every((b, i) => b === after[i]))) return;
  const root = rootOf(app);
  const pairsVector = child(child(root, "HeadingPairs") ?? root, "vector");
  const titlesVector = child(child(root, "TitlesOfParts") ?? root, "vector");
  if (!pairsVector || !titlesVector) return;
  const variants = children(pairsVector, "variant");
  const titles = children(titlesVector, "lpstr");
  let start = 0;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const countEl = children(variants[i + 1] as Element)[0];
    const count = Number(countEl?.textContent ?? "NaN");
    if (!countEl || !Number.isInteger(count)) return;
    const run = titles.slice(start, start + count).map((t) => t.textContent ?? "");
    if (count === before.length && run.every((t, k) => t === before[k])) {
      const next = start + count < titles.length ? titles[start + count] ?? null : null;
      for (const t of run.length > 0 ? titles.slice(start, start + count) : []) removeElement(t);
      for (const name of after) {
        const el = app.createElementNS(NS.vt, titles[0]?.nodeName ?? "vt:lpstr");
        el.appendChild(app.createTextNode(name));
        titlesVector.insertBefore(el, next);
      }
      countEl.textContent = String(after.length);
      titlesVector.setAttribute("size", String(children(titlesVector).length));
      parts.touch("docProps/app.xml");
      return;
    }
    start += count;
  }
}

/** A fresh, deterministic GUID for our n-th extension id on our k-th sheet. */
function fixedGuid(sheet: number, n: number): string {
  const hex = (v: number, w: number): string => v.toString(16).toUpperCase().padStart(w, "0");
  return `{50455246-5343-4F52-8000-${hex(sheet, 4)}${hex(n, 8)}}`;
}

/** The text runs of a shared string item, as children of a new <is>. */
function inlineFrom(doc: Document, si: Element): Element {
  const is = doc.createElementNS(NS.main, "is");
  for (const c of children(si)) is.appendChild(doc.importNode(c, true));
  return is;
}

/**
 * Rewrites one of our sheets for its place in the user's workbook: shared strings become inline
 * strings, style and dxf indices point at the appended records, hyperlinks to a "#place" become
 * location-only (no relationship), extension GUIDs become fixed ones, and the sheet is not
 * tab-selected (the user's selected sheet stays the only one).
 */
function adaptOurSheet(sheet: Document, sharedStrings: readonly Element[], styles: StyleMaps, rels: Document | null, ordinal: number): void {
  const root = rootOf(sheet);
  for (const c of descendants(root, "c", NS.main)) {
    if (c.getAttribute("t") === "s") {
      const v = child(c, "v");
      const si = sharedStrings[Number(v?.textContent ?? "NaN")];
      if (!v || !si) throw new PackageComposeError(`our sheet's cell ${c.getAttribute("r") ?? "?"} names a missing shared string`);
      c.replaceChild(inlineFrom(sheet, si), v);
      c.setAttribute("t", "inlineStr");
    }
  }
  const remap = (el: Element, attr: string, map: readonly number[]): void => {
    const v = el.getAttribute(attr);
    if (v === null) return;
    const to = map[Number(v)];
    if (to === undefined) throw new PackageComposeError(`our sheet refers to ${attr}="${v}", which our styles part does not have`);
    el.setAttribute(attr, String(to));
  };
  for (const c of descendants(root, "c", NS.main)) remap(c, "s", styles.xf);
  for (const r of descendants(root, "row", NS.main)) remap(r, "s", styles.xf);
  for (const col of descendants(root, "col", NS.main)) remap(col, "style", styles.xf);
  for (const rule of descendants(root, "cfRule", NS.main)) remap(rule, "dxfId", styles.dxf);
  for (const view of descendants(root, "sheetView", NS.main)) view.removeAttribute("tabSelected");

  const relList = relsOf(rels);
  for (const link of descendants(root, "hyperlink", NS.main)) {
    const id = link.getAttributeNS(NS.rel, "id");
    const rel = relList.find((r) => r.id === id);
    if (!id || !rel || !rel.external || !rel.target.startsWith("#")) continue;
    link.removeAttributeNS(NS.rel, "id");
    link.setAttribute("location", rel.target.slice(1));
    removeElement(rel.el);
  }
  for (const link of descendants(root, "hyperlink", NS.main)) {
    const loc = link.getAttribute("location");
    if (loc?.startsWith("#")) link.setAttribute("location", loc.slice(1));
  }

  const guids = new Map<string, string>();
  const fixed = (g: string): string => {
    let to = guids.get(g.toUpperCase());
    if (!to) {
      to = fixedGuid(ordinal, guids.size + 1);
      guids.set(g.toUpperCase(), to);
    }
    return to;
  };
  for (const idEl of descendants(root, "id", NS.x14)) idEl.textContent = fixed(idEl.textContent ?? "");
  for (const rule of descendants(root, "cfRule", NS.x14)) {
    const id = rule.getAttribute("id");
    if (id) rule.setAttribute("id", fixed(id));
  }
}

function freshSheetPart(used: Set<string>, folder: string): string {
  for (let n = 1; ; n++) {
    const name = `${folder}sheet${n}.xml`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

interface OurSheet {
  readonly name: string;
  readonly doc: Document;
  readonly rels: Document | null;
}

/** Reads the workbook of our sheets: its sheets in order, adapted; its names; its styles. */
function readOurs(ours: PackageParts): { sheets: OurSheet[]; names: Element[]; styles: Document | null; sharedStrings: Element[] } {
  const wbPart = workbookPartOf(ours);
  const wb = rootOf(ours.xml(wbPart));
  const rels = relsOf(ours.xmlIfPresent(relsPathOf(wbPart)));
  const target = (type: string): string | null => {
    const r = rels.find((x) => x.type === type);
    return r ? resolveTarget(wbPart, r.target) : null;
  };
  const sstPart = target(REL_TYPE.sharedStrings);
  const sharedStrings = sstPart && ours.has(sstPart) ? children(rootOf(ours.xml(sstPart)), "si") : [];
  const stylesPart = target(REL_TYPE.styles);
  const styles = stylesPart && ours.has(stylesPart) ? ours.xml(stylesPart) : null;
  const sheets: OurSheet[] = children(child(wb, "sheets") ?? wb, "sheet").map((s) => {
    const rel = rels.find((r) => r.id === sheetRelId(s));
    if (!rel) throw new PackageComposeError(`our workbook's sheet "${s.getAttribute("name") ?? ""}" has no relationship`);
    const part = resolveTarget(wbPart, rel.target);
    return { name: s.getAttribute("name") ?? "", doc: ours.xml(part), rels: ours.xmlIfPresent(relsPathOf(part)) };
  });
  const names = children(child(wb, "definedNames") ?? wb, "definedName");
  return { sheets, names, styles, sharedStrings };
}

/**
 * Writes the user's workbook package with our sheets added, changing nothing else of the user's.
 *
 * - Every part of `original` not listed below is copied as stored: the same compressed bytes,
 *   CRC, DOS time, extra fields and attributes (fflate writes the local header again, in its
 *   data-descriptor form).
 * - Removed first: each sheet named in `removeSheets` — its <sheet>, its workbook relationship,
 *   its part and relationships part and the parts only it points to, their content-type
 *   overrides, names scoped to it (later scopes shift down) or referring to it, its calcChain entries (the part
 *   goes when empty) and its entry in docProps/app.xml; workbookView activeTab/firstSheet follow.
 * - Added: each sheet of `ours`, in order, as the first free xl/worksheets/sheetN.xml, with a
 *   fresh r:id (rIdN after the highest), sheetId (after the highest), content-type override,
 *   app.xml title; ours' defined names with their scope moved to the sheet's new position; then
 *   `definedNames`. A name replaces an existing one of the same name and scope.
 * - styles.xml: our records appended (see appendStyles); existing indices never move.
 * - Changed parts (workbook, its rels, content types, styles, app.xml, calcChain) are edited as
 *   DOMs and written again; new and changed entries carry `zipDate`.
 * Throws PackageComposeError when one of our sheet names is taken by a sheet that stays, when a
 * localSheet names no sheet, or when our sheet points to an internal part (drawing, comments,
 * table), which this version does not carry.
 *
 * @param original - the user's .xlsx/.xlsm bytes (checked with inspectPackage first)
 * @param ours - an .xlsx written by ExcelJS 4.4 holding only our sheets; null to only remove
 * @param options - sheets to remove, names to add, the zip date
 * @returns the composed package's bytes, reproducible for the same inputs
 *
 * @example
 * const out = await composeScoredPackage(userBytes, ourBytes, { removeSheets: ["评分结果"], definedNames: [], zipDate: new Date(Date.UTC(2023, 1, 28)) })
 * //=> Uint8Array (the user's parts unchanged, plus xl/worksheets/sheet4.xml, …)
 */
export async function composeScoredPackage(original: Uint8Array, ours: Uint8Array | null, options: ComposeOptions): Promise<Uint8Array> {
  const parts = new PackageParts(await readStoredEntries(original));
  const workbookPart = workbookPartOf(parts);
  const workbookRelsPart = relsPathOf(workbookPart);
  const workbookDoc = parts.xml(workbookPart);
  const workbook = rootOf(workbookDoc);
  const wbRelsDoc = parts.xml(workbookRelsPart);
  const types = parts.xml(CONTENT_TYPES);
  const sheetsEl = child(workbook, "sheets");
  if (!sheetsEl) throw new PackageComposeError(`${workbookPart} has no <sheets>`);
  const sheetNamesBefore = children(sheetsEl, "sheet").map((s) => s.getAttribute("name") ?? "");

  // 1. Remove the earlier run's sheets.
  const removedIds = new Set<string>();
  for (const name of options.removeSheets) {
    const sheets = children(sheetsEl, "sheet");
    const index = sheets.findIndex((s) => sameName(s.getAttribute("name") ?? "", name));
    const sheet = sheets[index];
    if (!sheet) continue;
    const rel = relsOf(wbRelsDoc).find((r) => r.id === sheetRelId(sheet));
    removedIds.add(sheet.getAttribute("sheetId") ?? "");
    removeElement(sheet);
    dropSheetNames(child(workbook, "definedNames"), index, sheet.getAttribute("name") ?? name);
    shiftViews(workbook, index, sheets.length - 1);
    if (rel) {
      removeElement(rel.el);
      removeOwnedPart(parts, resolveTarget(workbookPart, rel.target), types);
    }
  }
  pruneCalcChain(parts, workbookPart, wbRelsDoc, types, removedIds);

  // 2. Our styles into the user's styles part.
  const our = ours ? readOurs(new PackageParts(await readStoredEntries(ours))) : { sheets: [], names: [], styles: null, sharedStrings: [] };
  const stylesRel = relsOf(wbRelsDoc).find((r) => r.type === REL_TYPE.styles);
  const stylesPart = stylesRel ? resolveTarget(workbookPart, stylesRel.target) : null;
  let styleMaps: StyleMaps;
  if (stylesPart && parts.has(stylesPart)) {
    styleMaps = our.styles ? appendStyles(parts.xml(stylesPart), our.styles) : { xf: [], dxf: [], changed: false };
    if (styleMaps.changed) parts.touch(stylesPart);
  } else if (our.styles) {
    const newStyles = resolveTarget(workbookPart, "styles.xml");
    parts.add(newStyles, our.styles);
    const relEl = wbRelsDoc.createElementNS(NS.pkgRel, "Relationship");
    relEl.setAttribute("Id", freshRelId(wbRelsDoc));
    relEl.setAttribute("Type", REL_TYPE.styles);
    relEl.setAttribute("Target", relativeTarget(workbookPart, newStyles));
    rootOf(wbRelsDoc).appendChild(relEl);
    addOverride(types, newStyles, CONTENT_TYPE.styles);
    const identity = (name: string, item: string): number[] => children(child(rootOf(our.styles as Document), name) ?? rootOf(our.styles as Document), item).map((_, i) => i);
    styleMaps = { xf: identity("cellXfs", "xf"), dxf: identity("dxfs", "dxf"), changed: true };
  } else styleMaps = { xf: [], dxf: [], changed: false };

  // 3. Our sheets.
  const kept = children(sheetsEl, "sheet");
  for (const s of our.sheets) {
    if (kept.some((k) => sameName(k.getAttribute("name") ?? "", s.name))) {
      throw new PackageComposeError(`the workbook already has a sheet named "${s.name}"; remove it first (removeSheets)`);
    }
  }
  const sheetFolder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1) + "worksheets/";
  let maxSheetId = kept.reduce((m, s) => Math.max(m, Number(s.getAttribute("sheetId") ?? 0) || 0), 0);
  const ourIndex: number[] = [];
  our.sheets.forEach((s, ordinal) => {
    adaptOurSheet(s.doc, our.sharedStrings, styleMaps, s.rels, ordinal + 1);
    const internal = relsOf(s.rels).filter((r) => !r.external);
    if (internal.length > 0) throw new PackageComposeError(`our sheet "${s.name}" points to ${internal[0]?.target ?? ""}; only external links are carried`);
    const part = freshSheetPart(parts.names(), sheetFolder);
    parts.add(part, s.doc);
    if (relsOf(s.rels).length > 0 && s.rels) parts.add(relsPathOf(part), s.rels);
    const relId = freshRelId(wbRelsDoc);
    const relEl = wbRelsDoc.createElementNS(NS.pkgRel, "Relationship");
    relEl.setAttribute("Id", relId);
    relEl.setAttribute("Type", REL_TYPE.worksheet);
    relEl.setAttribute("Target", relativeTarget(workbookPart, part));
    rootOf(wbRelsDoc).appendChild(relEl);
    addOverride(types, part, CONTENT_TYPE.worksheet);
    const sheetEl = workbookDoc.createElementNS(NS.main, "sheet");
    sheetEl.setAttribute("name", s.name);
    sheetEl.setAttribute("sheetId", String(++maxSheetId));
    const relPrefix = workbook.lookupPrefix(NS.rel) ?? "r";
    sheetEl.setAttributeNS(NS.rel, `${relPrefix}:id`, relId);
    sheetsEl.appendChild(sheetEl);
    ourIndex.push(children(sheetsEl, "sheet").length - 1);
  });

  // 4. Names: ours (scopes moved to their new positions), then the markers.
  const allSheets = children(sheetsEl, "sheet").map((s) => s.getAttribute("name") ?? "");
  const toAdd: { name: string; formula: string; local: number | null; comment?: string; hidden?: string }[] = [];
  for (const dn of our.names) {
    const local = dn.getAttribute("localSheetId");
    const moved = local === null ? null : ourIndex[Number(local)];
    if (moved === undefined) continue;
    toAdd.push({ name: dn.getAttribute("name") ?? "", formula: dn.textContent ?? "", local: moved, hidden: dn.getAttribute("hidden") ?? undefined });
  }
  for (const n of options.definedNames) {
    const local = n.localSheet === undefined ? null : allSheets.findIndex((s) => sameName(s, n.localSheet ?? ""));
    if (local === -1) throw new PackageComposeError(`the name ${n.name} is scoped to "${n.localSheet ?? ""}", which is not a sheet of the result`);
    toAdd.push({ name: n.name, formula: n.formula, local, comment: n.comment });
  }
  if (toAdd.length > 0) {
    let namesEl = child(workbook, "definedNames");
    if (!namesEl) {
      namesEl = workbookDoc.createElementNS(NS.main, "definedNames");
      insertInOrder(workbook, namesEl, WORKBOOK_ORDER);
    }
    for (const n of toAdd) {
      for (const old of children(namesEl, "definedName")) {
        const scope = old.getAttribute("localSheetId");
        if (sameName(old.getAttribute("name") ?? "", n.name) && (scope === null ? n.local === null : Number(scope) === n.local)) removeElement(old);
      }
      const el = workbookDoc.createElementNS(NS.main, "definedName");
      el.setAttribute("name", n.name);
      if (n.comment !== undefined) el.setAttribute("comment", n.comment);
      if (n.hidden !== undefined) el.setAttribute("hidden", n.hidden);
      if (n.local !== null) el.setAttribute("localSheetId", String(n.local));
      el.appendChild(workbookDoc.createTextNode(n.formula));
      namesEl.appendChild(el);
    }
  }
  const namesEl = child(workbook, "definedNames");
  if (namesEl && children(namesEl).length === 0) removeElement(namesEl);

  // 5. The sheet list in docProps/app.xml.
  updateAppSheetList(parts, sheetNamesBefore, allSheets);

  if (options.fullCalcOnLoad) {
    let calcPr = child(workbook, "calcPr");
    if (!calcPr) {
      calcPr = workbookDoc.createElementNS(NS.main, "calcPr");
      insertInOrder(workbook, calcPr, WORKBOOK_ORDER);
    }
    calcPr.setAttribute("fullCalcOnLoad", "1");
  }

  if (options.activeSheet !== undefined) activate(parts, workbookPart, workbookDoc, wbRelsDoc, options.activeSheet);

  if (removedIds.size > 0 || our.sheets.length > 0 || toAdd.length > 0 || options.fullCalcOnLoad || options.activeSheet !== undefined || styleMaps.changed) {
    parts.touch(workbookPart);
    parts.touch(workbookRelsPart);
    parts.touch(CONTENT_TYPES);
  }
  return writeEntries(parts.output(), options.zipDate);
}

function addOverride(types: Document, part: string, contentType: string): void {
  const el = types.createElementNS(NS.contentTypes, "Override");
  el.setAttribute("PartName", `/${part}`);
  el.setAttribute("ContentType", contentType);
  rootOf(types).appendChild(el);
}

/** Makes `name` the one active, selected sheet (see ComposeOptions.activeSheet). */
function activate(parts: PackageParts, workbookPart: string, workbookDoc: Document, wbRels: Document, name: string): void {
  const workbook = rootOf(workbookDoc);
  const sheets = children(child(workbook, "sheets") ?? workbook, "sheet");
  const index = sheets.findIndex((s) => sameName(s.getAttribute("name") ?? "", name));
  if (index < 0) throw new PackageComposeError(`the active sheet "${name}" is not a sheet of the result`);
  let views = child(workbook, "bookViews");
  if (!views) {
    views = workbookDoc.createElementNS(NS.main, "bookViews");
    insertInOrder(workbook, views, WORKBOOK_ORDER);
  }
  let view = child(views, "workbookView");
  if (!view) {
    view = workbookDoc.createElementNS(NS.main, "workbookView");
    views.appendChild(view);
  }
  view.setAttribute("activeTab", String(index));
  const first = Number(view.getAttribute("firstSheet") ?? 0);
  if (first > index) view.setAttribute("firstSheet", String(index));
  const rels = relsOf(wbRels);
  sheets.forEach((s, i) => {
    const rel = rels.find((r) => r.id === sheetRelId(s));
    if (!rel) return;
    const part = resolveTarget(workbookPart, rel.target);
    if (!parts.has(part)) return;
    const doc = parts.xml(part);
    const sheetViews = descendants(rootOf(doc), "sheetView", NS.main);
    if (i === index) {
      let target = sheetViews[0];
      if (!target) {
        const container = doc.createElementNS(NS.main, "sheetViews");
        target = doc.createElementNS(NS.main, "sheetView");
        target.setAttribute("workbookViewId", "0");
        container.appendChild(target);
        insertInOrder(rootOf(doc), container, WORKSHEET_ORDER);
      }
      if (target.getAttribute("tabSelected") !== "1") {
        target.setAttribute("tabSelected", "1");
        parts.touch(part);
      }
      return;
    }
    for (const v of sheetViews) {
      if (v.getAttribute("tabSelected") === null) continue;
      v.removeAttribute("tabSelected");
      parts.touch(part);
    }
  });
}

/** The order of CT_Worksheet's children, for placing a new sheetViews element. */
const WORKSHEET_ORDER = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];
