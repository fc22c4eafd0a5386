import type { Document, Element } from "@xmldom/xmldom";
import { REL_TYPE, child, children, removeElement, resolveTarget, relsPathOf, rootOf } from "./xmlParts";
import { dropOverride, relsOf, type PackageParts } from "./packageParts";

/**
 * Removes a part, its relationships part, and every part it alone points to (recursively): a
 * part still named by another relationship elsewhere in the package stays.
 */
export function removeOwnedPart(parts: PackageParts, part: string, types: Document): void {
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
export function refersTo(formula: string, sheet: string): boolean {
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
export function dropSheetNames(definedNames: Element | null, index: number, sheet: string): void {
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

/** Keeps workbookView activeTab and firstSheet on the same sheets when the one at `index` goes. */
export function shiftViews(workbook: Element, index: number, remaining: number): void {
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
export function pruneCalcChain(parts: PackageParts, workbookPart: string, workbookRels: Document, types: Document, removedIds: Set<string>): void {
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
