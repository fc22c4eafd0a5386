import type { Element } from "@xmldom/xmldom";
import { NS, child, children, removeElement, rootOf } from "./xmlParts";
import type { PackageParts } from "./packageParts";

/** docProps/app.xml: the TitlesOfParts run that lists the sheets, found by matching names. */
export function updateAppSheetList(parts: PackageParts, before: readonly string[], after: readonly string[]): void {
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
