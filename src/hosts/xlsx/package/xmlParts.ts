/**
 * XML of package parts through @xmldom/xmldom: a DOM that keeps unknown elements, attributes,
 * namespaces and extension lists, so a part we edit loses nothing we did not touch.
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  extendedProps: "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
  vt: "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
} as const;

export const REL_TYPE = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  hyperlink: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
  extendedProps: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
} as const;

/** Thrown when a part that must be XML does not parse. */
export class PartXmlError extends Error {
  constructor(part: string, reason: string) {
    super(`${part}: not well-formed XML (${reason})`);
    this.name = "PartXmlError";
  }
}

const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/** Parses a part's bytes (UTF-8, with or without BOM) into a DOM; throws PartXmlError if malformed. */
export function parseXml(part: string, bytes: Uint8Array): Document {
  const text = decoder.decode(bytes).replace(/^\uFEFF/, "");
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new PartXmlError(part, message);
    },
  }).parseFromString(text, "application/xml");
  if (!doc.documentElement) throw new PartXmlError(part, "no root element");
  return doc;
}

/** Serializes a DOM to UTF-8 bytes, with the standalone XML declaration Office writes. */
export function serializeXml(doc: Document): Uint8Array {
  let text = new XMLSerializer().serializeToString(doc);
  if (!text.startsWith("<?xml")) text = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`;
  return encoder.encode(text);
}

function isElement(n: Node | null): n is Element {
  return n !== null && n.nodeType === 1;
}

/** The element children of `parent`, optionally only those with the local name `name`. */
export function children(parent: Element | Document, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (isElement(n) && (name === undefined || n.localName === name)) out.push(n);
  return out;
}

/** The first element child named `name`, or null. */
export function child(parent: Element | Document, name: string): Element | null {
  return children(parent, name)[0] ?? null;
}

/** Every descendant element with local name `name` (and namespace `ns` when given), in document order. */
export function descendants(root: Element, name: string, ns?: string): Element[] {
  const out: Element[] = [];
  const walk = (el: Element): void => {
    for (const c of children(el)) {
      if (c.localName === name && (ns === undefined || c.namespaceURI === ns)) out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** The root element of a document (parseXml guarantees there is one). */
export function rootOf(doc: Document): Element {
  const root = doc.documentElement;
  if (!root) throw new PartXmlError("document", "no root element");
  return root;
}

/**
 * A canonical text for an element: its qualified names resolved to namespace URIs, attributes
 * sorted, namespace declarations and whitespace-only text left out. Two style records with the
 * same canonical text format a cell the same way.
 */
export function canonical(el: Element): string {
  const attrs: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (!a || a.name === "xmlns" || a.prefix === "xmlns") continue;
    attrs.push(`{${a.namespaceURI ?? ""}}${a.localName}=${JSON.stringify(a.value)}`);
  }
  attrs.sort();
  let inner = "";
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (isElement(n)) inner += canonical(n);
    else if ((n.nodeType === 3 || n.nodeType === 4) && (n.nodeValue ?? "").trim() !== "") inner += JSON.stringify(n.nodeValue);
  }
  return `<{${el.namespaceURI ?? ""}}${el.localName} ${attrs.join(" ")}>${inner}</>`;
}

/**
 * Inserts `el` as a child of `parent` in the place a schema sequence gives it: before the first
 * existing child whose local name comes after `el`'s in `order`, else at the end.
 */
export function insertInOrder(parent: Element, el: Element, order: readonly string[]): void {
  const rank = order.indexOf(el.localName ?? "");
  const before = children(parent).find((c) => order.indexOf(c.localName ?? "") > rank);
  parent.insertBefore(el, before ?? null);
}

/** Removes an element together with the whitespace text node just before it, if any. */
export function removeElement(el: Element): void {
  const prev = el.previousSibling;
  if (prev && prev.nodeType === 3 && (prev.nodeValue ?? "").trim() === "") prev.parentNode?.removeChild(prev);
  el.parentNode?.removeChild(el);
}

/** Resolves a relationship target against the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A target for `part` written relative to the folder of `sourcePart`. */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}
