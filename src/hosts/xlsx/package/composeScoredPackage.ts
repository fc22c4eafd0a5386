import type { Document } from "@xmldom/xmldom";
import { readStoredEntries, writeEntries } from "./zipEntries";
import { appendStyles, type StyleMaps } from "./appendStyles";
import { CONTENT_TYPE, NS, REL_TYPE, child, children, insertInOrder, relativeTarget, relsPathOf, removeElement, resolveTarget, rootOf } from "./xmlParts";
import { CONTENT_TYPES, PackageComposeError, PackageParts, WORKBOOK_ORDER, addOverride, freshRelId, relsOf, sameName, sheetRelId, workbookPartOf } from "./packageParts";
import { dropSheetNames, pruneCalcChain, removeOwnedPart, shiftViews } from "./removeSheet";
import { updateAppSheetList } from "./appSheetList";
import { adaptOurSheet, readOurs, type OurPackage } from "./adaptOurSheet";
import { activate } from "./activateSheet";

export { PackageComposeError };
export type { OurPackage };

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
  /** Global names to remove (matched case-insensitively), e.g. an earlier run's marker whose sheet is already gone. */
  readonly removeNames?: readonly string[];
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

function freshSheetPart(used: Set<string>, folder: string): string {
  for (let n = 1; ; n++) {
    const name = `${folder}sheet${n}.xml`;
    if (!used.has(name.toLowerCase())) return name;
  }
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
 *   DOMs and written again; our sheet parts are adapted as text (see adaptOurSheet); new and
 *   changed entries carry `zipDate`.
 * Throws PackageComposeError when the workbook is Strict Open XML, when one of our sheet names
 * is taken by a sheet that stays, when a localSheet or activeSheet names no sheet, or when our
 * sheet points to an internal part (drawing, comments, table), which this version does not carry.
 *
 * @param original - the user's .xlsx/.xlsm bytes (checked with inspectPackage first)
 * @param ours - an .xlsx written by ExcelJS 4.4 holding only our sheets, or the parts ExcelJS rendered for it (renderWorkbookParts); null to only remove
 * @param options - sheets to remove, names to add, the zip date
 * @returns the composed package's bytes, reproducible for the same inputs
 *
 * @example
 * const out = await composeScoredPackage(userBytes, ourBytes, { removeSheets: ["评分结果"], definedNames: [], zipDate: new Date(Date.UTC(2023, 1, 28)) })
 * //=> Uint8Array (the user's parts unchanged, plus xl/worksheets/sheet4.xml, …)
 */
export async function composeScoredPackage(original: Uint8Array, ours: OurPackage | null, options: ComposeOptions): Promise<Uint8Array> {
  const parts = new PackageParts(await readStoredEntries(original));
  const workbookPart = workbookPartOf(parts);
  const workbookRelsPart = relsPathOf(workbookPart);
  const workbookDoc = parts.xml(workbookPart);
  const workbook = rootOf(workbookDoc);
  const wbRelsDoc = parts.xml(workbookRelsPart);
  const types = parts.xml(CONTENT_TYPES);
  const sheetsEl = child(workbook, "sheets");
  if (workbook.namespaceURI !== NS.main) {
    throw new PackageComposeError(`${workbookPart} is in ${workbook.namespaceURI ?? "no namespace"}, not transitional SpreadsheetML (a Strict Open XML workbook); save it as an ordinary .xlsx first`);
  }
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
  const our = ours ? await readOurs(ours) : { sheets: [], names: [], styles: null, sharedStrings: [] };
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

  // 2b. Names the caller removed.
  const namesBefore = child(workbook, "definedNames");
  if (namesBefore && options.removeNames && options.removeNames.length > 0) {
    for (const dn of children(namesBefore, "definedName")) {
      if (dn.getAttribute("localSheetId") !== null) continue;
      if (options.removeNames.some((n) => sameName(dn.getAttribute("name") ?? "", n))) removeElement(dn);
    }
  }

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
    const xml = adaptOurSheet(s.xml, our.sharedStrings, styleMaps, s.rels, ordinal + 1);
    const internal = relsOf(s.rels).filter((r) => !r.external);
    if (internal.length > 0) throw new PackageComposeError(`our sheet "${s.name}" points to ${internal[0]?.target ?? ""}; only external links are carried`);
    const part = freshSheetPart(parts.names(), sheetFolder);
    parts.add(part, xml);
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

  if (removedIds.size > 0 || (options.removeNames?.length ?? 0) > 0 || our.sheets.length > 0 || toAdd.length > 0 || options.fullCalcOnLoad || options.activeSheet !== undefined || styleMaps.changed) {
    parts.touch(workbookPart);
    parts.touch(workbookRelsPart);
    parts.touch(CONTENT_TYPES);
  }
  return writeEntries(parts.output(), options.zipDate);
}
