/**
 * Office's document settings as a workbook carries them: the add-in's properties in
 * xl/webextensions/webextension1.xml, each value the JSON text of what `settings.set` stored,
 * reached from the package through xl/webextensions/taskpanes.xml. ExcelJS keeps none of these
 * parts, so the harness reads them from the bytes it opened and writes them into the bytes it saves.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

const WE_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const WETP_NS = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TASKPANES_REL = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
const WEBEXTENSION_REL = "http://schemas.microsoft.com/office/2011/relationships/webextension";

/** The add-in's id in manifest.xml; Office records it in the reference of the web extension part. */
export const ADDIN_ID = "5d8b2a19-e3e0-4d2b-b9ac-0c078930c559";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The settings stored in an .xlsx package (every web extension part's properties), values parsed
 * from their JSON text. An unreadable package or property gives nothing for it.
 */
export function readPackageSettings(bytes: Uint8Array): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.startsWith("xl/webextensions/webextension") && f.name.endsWith(".xml") });
  } catch {
    return out;
  }
  for (const data of Object.values(files)) {
    const doc = new DOMParser().parseFromString(strFromU8(data), "application/xml");
    for (const p of Array.from(doc.getElementsByTagNameNS(WE_NS, "property"))) {
      const name = p.getAttribute("name");
      const value = p.getAttribute("value");
      if (name === null || value === null) continue;
      try {
        out[name] = JSON.parse(value) as unknown;
      } catch {
        // A property Office could not read either; skip it.
      }
    }
  }
  return out;
}

/**
 * The package with the settings written as Office writes them (replacing any web extension parts
 * it had). Nothing else in the package changes.
 */
export function writePackageSettings(bytes: Uint8Array, settings: Record<string, unknown>): Uint8Array {
  const files = unzipSync(bytes);
  const kept: Zippable = {};
  for (const [name, data] of Object.entries(files)) if (!name.startsWith("xl/webextensions/")) kept[name] = data;
  if (Object.keys(settings).length === 0) return zipSync(kept);
  const properties = Object.entries(settings)
    .map(([name, value]) => `<we:property name="${escapeXml(name)}" value="${escapeXml(JSON.stringify(value))}"/>`)
    .join("");
  kept["xl/webextensions/webextension1.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="${WE_NS}" id="{${ADDIN_ID.toUpperCase()}}">` +
      `<we:reference id="${ADDIN_ID}" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/>` +
      `<we:properties>${properties}</we:properties><we:bindings/><we:snapshot xmlns:r="${R_NS}"/></we:webextension>`,
  );
  kept["xl/webextensions/taskpanes.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="${WETP_NS}"><wetp:taskpane dockstate="right" visibility="0" width="350" row="0">` +
      `<wetp:webextensionref xmlns:r="${R_NS}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
  );
  kept["xl/webextensions/_rels/taskpanes.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${WEBEXTENSION_REL}" Target="webextension1.xml"/></Relationships>`,
  );
  const rels = kept["_rels/.rels"];
  if (rels instanceof Uint8Array) {
    const text = strFromU8(rels).replace(/<Relationship [^>]*Type="[^"]*webextensiontaskpanes"[^>]*\/>/g, "");
    kept["_rels/.rels"] = strToU8(text.replace("</Relationships>", `<Relationship Id="rIdPerfScoreWe" Type="${TASKPANES_REL}" Target="xl/webextensions/taskpanes.xml"/></Relationships>`));
  }
  const types = kept["[Content_Types].xml"];
  if (types instanceof Uint8Array) {
    let text = strFromU8(types).replace(/<Override PartName="\/xl\/webextensions\/[^"]*"[^>]*\/>/g, "");
    text = text.replace(
      "</Types>",
      `<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>` +
        `<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>`,
    );
    kept["[Content_Types].xml"] = strToU8(text);
  }
  return zipSync(kept);
}
