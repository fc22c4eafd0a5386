import type { Document } from "@xmldom/xmldom";
import { NS, child, descendants, insertInOrder, resolveTarget, rootOf, children } from "./xmlParts";
import { PackageComposeError, WORKBOOK_ORDER, WORKSHEET_ORDER, relsOf, sameName, sheetRelId, type PackageParts } from "./packageParts";

/** Makes `name` the one active, selected sheet (see ComposeOptions.activeSheet). */
export function activate(parts: PackageParts, workbookPart: string, workbookDoc: Document, wbRels: Document, name: string): void {
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
