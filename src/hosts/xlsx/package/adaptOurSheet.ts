import type { Document, Element } from "@xmldom/xmldom";
import type { StyleMaps } from "./appendStyles";
import {
  NS,
  REL_TYPE,
  child,
  children,
  parseXml,
  relsPathOf,
  removeElement,
  resolveTarget,
  rootOf,
} from "./xmlParts";
import { PackageComposeError, relsOf, sheetRelId } from "./packageParts";
import {
  entryContent,
  readStoredEntries,
  type StoredEntry,
} from "./zipEntries";

/**
 * Our sheets, adapted for the user's package as text. A score table of 20,000 rows is 13 MB of
 * sheet XML and half a million elements: as a DOM it took seconds and a gigabyte, so our sheet
 * parts are rewritten here by a scan of their tags instead. That is sound because they are
 * ExcelJS's output, whose form is fixed: double-quoted attributes, every "<", ">", "&" and quote
 * in text and attributes escaped, no comments, CDATA or processing instructions after the
 * declaration, SpreadsheetML as the default namespace and unprefixed elements. What the scan
 * relies on is checked, and a part that breaks it is refused (PackageComposeError).
 */

/** A fresh, deterministic GUID for our n-th extension id on our k-th sheet. */
export function fixedGuid(sheet: number, n: number): string {
  const hex = (v: number, w: number): string =>
    v.toString(16).toUpperCase().padStart(w, "0");
  return `{50455246-5343-4F52-8000-${hex(sheet, 4)}${hex(n, 8)}}`;
}

/** One attribute of a tag, as written (the value still escaped). */
type Attr = [name: string, value: string];

const ATTR = /\s*([^\s=/>]+)="([^"]*)"/y;

/** The attributes of a tag's attribute text (what follows the element name); throws on anything but `name="value"` pairs. */
function parseAttrs(text: string): Attr[] {
  const out: Attr[] = [];
  ATTR.lastIndex = 0;
  let at = 0;
  for (;;) {
    ATTR.lastIndex = at;
    const m = ATTR.exec(text);
    if (m === null) break;
    out.push([m[1] ?? "", m[2] ?? ""]);
    at = ATTR.lastIndex;
  }
  if (text.slice(at).trim() !== "")
    throw new PackageComposeError(
      `our sheet has a tag whose attributes do not read as name="value" (${text.slice(0, 80)})`,
    );
  return out;
}

const renderAttrs = (attrs: readonly Attr[]): string =>
  attrs.map(([n, v]) => ` ${n}="${v}"`).join("");

const getAttr = (attrs: readonly Attr[], name: string): string | undefined =>
  attrs.find((a) => a[0] === name)?.[1];

function setAttr(attrs: Attr[], name: string, value: string): void {
  const found = attrs.find((a) => a[0] === name);
  if (found) found[1] = value;
  else attrs.push([name, value]);
}

function removeAttr(attrs: Attr[], name: string): void {
  const i = attrs.findIndex((a) => a[0] === name);
  if (i >= 0) attrs.splice(i, 1);
}

/** Text escaped for a double-quoted attribute. */
const escapeAttr = (s: string): string =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** The namespace declarations of a whole part: prefix ("" for the default) → the URIs it is bound to anywhere. */
function namespaceBindings(xml: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of xml.matchAll(/\sxmlns(?::([^\s=]+))?="([^"]*)"/g)) {
    const prefix = m[1] ?? "";
    const set = out.get(prefix) ?? new Set<string>();
    set.add(m[2] ?? "");
    out.set(prefix, set);
  }
  return out;
}

/** The one prefix bound to `uri` throughout the part, or null when none is; throws when it is bound ambiguously. */
function prefixFor(
  bindings: Map<string, Set<string>>,
  uri: string,
): string | null {
  let found: string | null = null;
  for (const [prefix, uris] of bindings) {
    if (!uris.has(uri)) continue;
    if (uris.size > 1 || found !== null)
      throw new PackageComposeError(
        `our sheet binds the namespace ${uri} in more than one way`,
      );
    found = prefix;
  }
  return found;
}

/** The inner XML of each <si> of a shared strings part, in order. */
export function sharedStringItems(sst: string): string[] {
  const out: string[] = [];
  for (const m of sst.matchAll(/<si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/si>)/g))
    out.push(m[1] ?? "");
  return out;
}

function checkForm(xml: string): void {
  if (/<!--|<!\[CDATA\[|<!DOCTYPE/.test(xml) || /<\?(?!xml\s)/.test(xml))
    throw new PackageComposeError(
      "our sheet holds a comment, CDATA, a DOCTYPE or a processing instruction, which the composer does not read",
    );
}

/**
 * Rewrites one of our sheets (its XML as ExcelJS wrote it) for its place in the user's workbook:
 * shared strings become inline strings, style and dxf indices point at the appended records,
 * hyperlinks to a "#place" become location-only (no relationship), extension GUIDs become fixed
 * ones, and the sheet is not tab-selected (the user's selected sheet stays the only one).
 *
 * @param sharedStrings - the inner XML of each <si> of our shared strings part
 * @param rels - our sheet's relationships part, edited in place (relationships of converted links removed)
 * @returns the adapted sheet XML
 */
export function adaptOurSheet(
  xml: string,
  sharedStrings: readonly string[],
  styles: StyleMaps,
  rels: Document | null,
  ordinal: number,
): string {
  checkForm(xml);
  const bindings = namespaceBindings(xml);
  const main = bindings.get("");
  if (
    main === undefined ||
    main.size !== 1 ||
    !main.has(NS.main) ||
    (xml.match(/\sxmlns="/g) ?? []).length !== 1
  ) {
    throw new PackageComposeError(
      "our sheet does not have SpreadsheetML as its one default namespace",
    );
  }
  const relPrefix = prefixFor(bindings, NS.rel);
  const x14 = prefixFor(bindings, NS.x14);

  const remap = (attrs: Attr[], attr: string, map: readonly number[]): void => {
    const v = getAttr(attrs, attr);
    if (v === undefined) return;
    const to = map[Number(v)];
    if (to === undefined)
      throw new PackageComposeError(
        `our sheet refers to ${attr}="${v}", which our styles part does not have`,
      );
    setAttr(attrs, attr, String(to));
  };

  // Cells: inline strings and style indices. A cell's content (f, v, is) never holds a <c>.
  let out = xml.replace(
    /<c(\s[^>]*?)?(\/>|>([\s\S]*?)<\/c>)/g,
    (
      _all,
      attrText: string | undefined,
      end: string,
      content: string | undefined,
    ) => {
      const attrs = parseAttrs(attrText ?? "");
      remap(attrs, "s", styles.xf);
      let body = content;
      if (getAttr(attrs, "t") === "s") {
        const v = /^<v>(\d+)<\/v>$/.exec(content ?? "");
        const si = v ? sharedStrings[Number(v[1])] : undefined;
        if (si === undefined)
          throw new PackageComposeError(
            `our sheet's cell ${getAttr(attrs, "r") ?? "?"} names a missing shared string`,
          );
        body = `<is>${si}</is>`;
        setAttr(attrs, "t", "inlineStr");
      }
      return body === undefined || end === "/>"
        ? `<c${renderAttrs(attrs)}/>`
        : `<c${renderAttrs(attrs)}>${body}</c>`;
    },
  );

  const relList = new Map(relsOf(rels).map((r) => [r.id, r]));
  const relId = relPrefix === null ? null : `${relPrefix}:id`;
  out = out.replace(
    /<(row|col|cfRule|sheetView|hyperlink)(\s[^>]*?)?(\/?)>/g,
    (_all, name: string, attrText: string | undefined, close: string) => {
      const attrs = parseAttrs(attrText ?? "");
      switch (name) {
        case "row":
          remap(attrs, "s", styles.xf);
          break;
        case "col":
          remap(attrs, "style", styles.xf);
          break;
        case "cfRule":
          remap(attrs, "dxfId", styles.dxf);
          break;
        case "sheetView":
          removeAttr(attrs, "tabSelected");
          break;
        default: {
          const id = relId === null ? undefined : getAttr(attrs, relId);
          const rel = id === undefined ? undefined : relList.get(id);
          if (
            relId !== null &&
            rel !== undefined &&
            rel.external &&
            rel.target.startsWith("#")
          ) {
            removeAttr(attrs, relId);
            setAttr(attrs, "location", escapeAttr(rel.target.slice(1)));
            removeElement(rel.el);
          }
          const loc = getAttr(attrs, "location");
          if (loc?.startsWith("#")) setAttr(attrs, "location", loc.slice(1));
        }
      }
      return `<${name}${renderAttrs(attrs)}${close}>`;
    },
  );

  if (x14 !== null && x14 !== "") {
    const guids = new Map<string, string>();
    const fixed = (g: string): string => {
      let to = guids.get(g.toUpperCase());
      if (!to) {
        to = fixedGuid(ordinal, guids.size + 1);
        guids.set(g.toUpperCase(), to);
      }
      return to;
    };
    // In document order, as the ids first appear (the ids in cfRule extensions, then the rules they point at).
    const idOpen = `<${x14}:id>`;
    const idClose = `</${x14}:id>`;
    const ruleOpen = `<${x14}:cfRule`;
    out = out.replace(
      new RegExp(
        `${escapeRegExp(idOpen)}([^<]*)${escapeRegExp(idClose)}|${escapeRegExp(ruleOpen)}(\\s[^>]*?)?(/?)>`,
        "g",
      ),
      (
        all,
        id: string | undefined,
        attrText: string | undefined,
        close: string | undefined,
      ) => {
        if (id !== undefined) return `${idOpen}${fixed(id)}${idClose}`;
        const attrs = parseAttrs(attrText ?? "");
        const ruleId = getAttr(attrs, "id");
        if (!ruleId) return all;
        setAttr(attrs, "id", fixed(ruleId));
        return `${ruleOpen}${renderAttrs(attrs)}${close ?? ""}>`;
      },
    );
  }
  return out;
}

const escapeRegExp = (s: string): string =>
  s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One of our sheets, as read from the workbook ExcelJS wrote. */
export interface OurSheet {
  readonly name: string;
  /** The sheet part's XML. */
  readonly xml: string;
  readonly rels: Document | null;
}

/** Our parts: the .xlsx ExcelJS wrote, or the parts ExcelJS rendered by name (see renderWorkbookParts). */
export type OurPackage = Uint8Array | ReadonlyMap<string, string | Uint8Array>;

const decoder = new TextDecoder("utf-8");

/** Our parts by name, as text or as a DOM. */
class OurParts {
  private readonly texts = new Map<string, string | Uint8Array | StoredEntry>();

  private constructor() {}

  static async of(ours: OurPackage): Promise<OurParts> {
    const parts = new OurParts();
    if (ours instanceof Uint8Array)
      for (const e of await readStoredEntries(ours)) parts.texts.set(e.name, e);
    else for (const [name, data] of ours) parts.texts.set(name, data);
    return parts;
  }

  has(name: string): boolean {
    return this.texts.has(name);
  }

  text(name: string): string {
    const t = this.texts.get(name);
    if (t === undefined)
      throw new PackageComposeError(`our package has no part ${name}`);
    if (typeof t === "string") return t;
    return decoder
      .decode(t instanceof Uint8Array ? t : entryContent(t))
      .replace(/^\uFEFF/, "");
  }

  xml(name: string): Document {
    return parseXml(name, new TextEncoder().encode(this.text(name)));
  }

  xmlIfPresent(name: string): Document | null {
    return this.has(name) ? this.xml(name) : null;
  }
}

/** Reads the workbook of our sheets: its sheets in order (as text, to adapt); its names; its styles; its shared strings' inner XML. */
export async function readOurs(
  ours: OurPackage,
): Promise<{
  sheets: OurSheet[];
  names: Element[];
  styles: Document | null;
  sharedStrings: string[];
}> {
  const parts = await OurParts.of(ours);
  const root = relsOf(parts.xmlIfPresent("_rels/.rels")).find(
    (r) => r.type === REL_TYPE.officeDocument,
  );
  const wbPart = root ? resolveTarget("", root.target) : "xl/workbook.xml";
  const wb = rootOf(parts.xml(wbPart));
  const rels = relsOf(parts.xmlIfPresent(relsPathOf(wbPart)));
  const target = (type: string): string | null => {
    const r = rels.find((x) => x.type === type);
    return r ? resolveTarget(wbPart, r.target) : null;
  };
  const sstPart = target(REL_TYPE.sharedStrings);
  const sharedStrings =
    sstPart && parts.has(sstPart) ? sharedStringItems(parts.text(sstPart)) : [];
  const stylesPart = target(REL_TYPE.styles);
  const styles =
    stylesPart && parts.has(stylesPart) ? parts.xml(stylesPart) : null;
  const sheets: OurSheet[] = children(child(wb, "sheets") ?? wb, "sheet").map(
    (s) => {
      const rel = rels.find((r) => r.id === sheetRelId(s));
      if (!rel)
        throw new PackageComposeError(
          `our workbook's sheet "${s.getAttribute("name") ?? ""}" has no relationship`,
        );
      const part = resolveTarget(wbPart, rel.target);
      return {
        name: s.getAttribute("name") ?? "",
        xml: parts.text(part),
        rels: parts.xmlIfPresent(relsPathOf(part)),
      };
    },
  );
  const names = children(child(wb, "definedNames") ?? wb, "definedName");
  return { sheets, names, styles, sharedStrings };
}
