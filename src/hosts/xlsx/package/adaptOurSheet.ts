import type { Document, Element } from "@xmldom/xmldom";
import type { StyleMaps } from "./appendStyles";
import { NS, REL_TYPE, child, children, relsPathOf, removeElement, resolveTarget, rootOf } from "./xmlParts";
import { PackageComposeError, relsOf, sheetRelId, workbookPartOf, type PackageParts } from "./packageParts";

/** A fresh, deterministic GUID for our n-th extension id on our k-th sheet. */
export function fixedGuid(sheet: number, n: number): string {
  const hex = (v: number, w: number): string => v.toString(16).toUpperCase().padStart(w, "0");
  return `{50455246-5343-4F52-8000-${hex(sheet, 4)}${hex(n, 8)}}`;
}

/** The text runs of a shared string item, as children of a new <is>. */
export function inlineFrom(doc: Document, si: Element): Element {
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
export function adaptOurSheet(sheet: Document, sharedStrings: readonly Element[], styles: StyleMaps, rels: Document | null, ordinal: number): void {
  const root = rootOf(sheet);
  // One walk of the sheet, indexed by local name: a 20,000-row score table has half a million elements.
  const byName = new Map<string, Element[]>();
  const index = (el: Element): void => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const e = n as Element;
      const list = byName.get(e.localName ?? "");
      if (list) list.push(e);
      else byName.set(e.localName ?? "", [e]);
      index(e);
    }
  };
  index(root);
  const descendants = (_root: Element, name: string, ns: string): Element[] => (byName.get(name) ?? []).filter((e) => e.namespaceURI === ns);
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

  const relList = new Map(relsOf(rels).map((r) => [r.id, r]));
  for (const link of descendants(root, "hyperlink", NS.main)) {
    const id = link.getAttributeNS(NS.rel, "id");
    const rel = id ? relList.get(id) : undefined;
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

/** One of our sheets, as read from the workbook ExcelJS wrote. */
export interface OurSheet {
  readonly name: string;
  readonly doc: Document;
  readonly rels: Document | null;
}

/** Reads the workbook of our sheets: its sheets in order, adapted; its names; its styles. */
export function readOurs(ours: PackageParts): { sheets: OurSheet[]; names: Element[]; styles: Document | null; sharedStrings: Element[] } {
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
