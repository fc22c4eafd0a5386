import type { Document, Element } from "@xmldom/xmldom";
import { entryContent, type OutputEntry, type StoredEntry } from "./zipEntries";
import { NS, REL_TYPE, children, parseXml, removeElement, resolveTarget, rootOf, serializeXml } from "./xmlParts";

/**
 * The package plumbing composeScoredPackage works through: parts by name (copied, edited,
 * removed or added), relationships and content-type overrides.
 */

/** A precondition of composeScoredPackage is broken (the message names the sheet, name or part). */
export class PackageComposeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageComposeError";
  }
}

/** The order of CT_Workbook's children, for placing a new definedNames element. */
export const WORKBOOK_ORDER = ["fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

/** The order of CT_Worksheet's children, for placing a new sheetViews element. */
export const WORKSHEET_ORDER = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** The content types part of every OPC package. */
export const CONTENT_TYPES = "[Content_Types].xml";

const encoder = new TextEncoder();

/** The parts of a package by name, with edits kept as parsed documents until written. */
export class PackageParts {
  readonly order: string[];
  private readonly stored = new Map<string, StoredEntry>();
  private readonly docs = new Map<string, Document>();
  readonly dirty = new Set<string>();
  readonly removed = new Set<string>();
  readonly added = new Map<string, Uint8Array | Document | string>();

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
    if (typeof added === "string") {
      // An added part kept as text, to be edited: from now on it is kept as its DOM.
      const doc = parseXml(name, encoder.encode(added));
      this.added.set(name, doc);
      return doc;
    }
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
  add(name: string, content: Uint8Array | Document | string): void {
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
    for (const [name, content] of this.added) out.push({ kind: "new", name, data: content instanceof Uint8Array ? content : typeof content === "string" ? encoder.encode(content) : serializeXml(content) });
    return out;
  }
}

/** One relationship of a .rels part. */
export interface Rel {
  readonly el: Element;
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** The relationships of a .rels part (none for null). */
export function relsOf(doc: Document | null): Rel[] {
  if (!doc) return [];
  return children(rootOf(doc), "Relationship").map((el) => ({
    el,
    id: el.getAttribute("Id") ?? "",
    type: el.getAttribute("Type") ?? "",
    target: el.getAttribute("Target") ?? "",
    external: el.getAttribute("TargetMode") === "External",
  }));
}

/** rId(N+1) for the highest rIdN in the part. */
export function freshRelId(doc: Document): string {
  let max = 0;
  for (const r of relsOf(doc)) {
    const m = /^rId(\d+)$/.exec(r.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `rId${max + 1}`;
}

/** The workbook part named by the package's officeDocument relationship. */
export function workbookPartOf(parts: PackageParts): string {
  const root = relsOf(parts.xmlIfPresent("_rels/.rels")).find((r) => r.type === REL_TYPE.officeDocument);
  return root ? resolveTarget("", root.target) : "xl/workbook.xml";
}

/** The r:id of a <sheet>. */
export function sheetRelId(sheet: Element): string {
  return sheet.getAttributeNS(NS.rel, "id") ?? "";
}

/** Sheet and part names compare case-insensitively, as Excel and OPC do. */
export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Content-type overrides: remove the one for `part`. */
export function dropOverride(types: Document, part: string): void {
  for (const o of children(rootOf(types), "Override")) if (sameName(o.getAttribute("PartName") ?? "", `/${part}`)) removeElement(o);
}

/** Content-type overrides: add one for `part`. */
export function addOverride(types: Document, part: string, contentType: string): void {
  const el = types.createElementNS(NS.contentTypes, "Override");
  el.setAttribute("PartName", `/${part}`);
  el.setAttribute("ContentType", contentType);
  rootOf(types).appendChild(el);
}
