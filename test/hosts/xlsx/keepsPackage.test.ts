/**
 * Nothing lost, checked by bytes: the CLI's scored copy of every package fixture and every corpus
 * workbook holds every part of the input that the writer does not own, byte for byte (the part's
 * inflated content and its stored, compressed bytes), and the parts it owns keep every sheet and
 * every name of the user's.
 */
import * as fs from "fs";
import * as path from "path";
import * as yauzl from "yauzl";
import { DOMParser } from "@xmldom/xmldom";
import { runCli, tempCopy, ROOT } from "../../cli/run";

/** The parts the writer edits (workbook, its relationships, content types, styles, app.xml, calcChain). */
const OWNED = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/app.xml", "xl/calcChain.xml"]);

interface Part {
  content: Buffer;
  stored: Buffer;
  crc: number;
}

function readStream(zip: yauzl.ZipFile, entry: yauzl.Entry, decompress: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const options = entry.isCompressed() ? { decompress: decompress ? true : (false as unknown as null) } : {};
    zip.openReadStream(entry, options, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error("no stream"));
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => resolve(Buffer.concat(chunks)));
      stream.on("error", reject);
    });
  });
}

/** Every entry of a zip: its inflated content, its stored bytes and its CRC, read with yauzl. */
async function partsOf(file: string): Promise<Map<string, Part>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true, autoClose: false }, (e, z) => (e || !z ? reject(e) : resolve(z))));
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", reject);
    zip.readEntry();
  });
  const parts = new Map<string, Part>();
  for (const e of entries) parts.set(e.fileName, { content: await readStream(zip, e, true), stored: await readStream(zip, e, false), crc: e.crc32 });
  zip.close();
  return parts;
}

function workbookOf(parts: Map<string, Part>): { sheets: string[]; names: string[] } {
  const xml = parts.get("xl/workbook.xml")?.content.toString("utf8") ?? "";
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const sheets = Array.from(doc.getElementsByTagName("sheet")).map((s) => s.getAttribute("name") ?? "");
  const names = Array.from(doc.getElementsByTagName("definedName")).map((n) => `${n.getAttribute("name") ?? ""}@${n.getAttribute("localSheetId") ?? ""}=${n.textContent ?? ""}`);
  return { sheets, names };
}

const PACKAGE_DIR = path.join(ROOT, "test", "fixtures", "package");
const CORPUS_DIR = path.join(ROOT, "test", "corpus");
const FILES = [
  ...fs.readdirSync(PACKAGE_DIR).filter((f) => /\.xls[xm]$/.test(f)).map((f) => path.join(PACKAGE_DIR, f)),
  ...fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(CORPUS_DIR, f)),
];

describe("the scored copy is the user's package plus our sheets", () => {
  it("covers the package fixtures and the corpus", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(12);
  });

  it.each(FILES.map((f) => [path.basename(f), f]))("%s: every part we do not own is byte-identical, twice over", async (_name, file) => {
    const { dir, paths } = tempCopy(file);
    const input = paths[0] as string;
    const ext = path.extname(input);
    const out1 = path.join(dir, `once${ext}`);
    const out2 = path.join(dir, `twice${ext}`);
    const first = await runCli([input, "-o", out1, "--lang", "en"]);
    if (first.code === 1) {
      // A workbook with nothing to score (a corpus page without a weight column) is left alone.
      expect(fs.existsSync(out1)).toBe(false);
      expect(fs.readFileSync(input).equals(fs.readFileSync(file))).toBe(true);
      return;
    }
    expect(first.code).toBe(0);
    expect((await runCli([out1, "-o", out2, "--lang", "en"])).code).toBe(0);
    const before = await partsOf(input);
    for (const out of [out1, out2]) {
      const after = await partsOf(out);
      for (const [name, part] of before) {
        if (OWNED.has(name) && name !== "xl/calcChain.xml") {
          expect(after.has(name)).toBe(true);
          continue;
        }
        if (name === "xl/calcChain.xml") continue;
        const got = after.get(name);
        expect({ name, present: got !== undefined }).toEqual({ name, present: true });
        expect({ name, same: got?.content.equals(part.content) }).toEqual({ name, same: true });
        expect({ name, same: got?.stored.equals(part.stored), crc: got?.crc }).toEqual({ name, same: true, crc: part.crc });
      }
      const wbIn = workbookOf(before);
      const wbOut = workbookOf(after);
      expect(wbOut.sheets.slice(0, wbIn.sheets.length)).toEqual(wbIn.sheets);
      expect(wbOut.sheets.length).toBe(wbIn.sheets.length + 2);
      for (const n of wbIn.names) expect(wbOut.names).toContain(n);
    }
    // The second run replaced the first run's sheets: the same sheets, the same part count.
    expect(workbookOf(await partsOf(out2)).sheets).toEqual(workbookOf(await partsOf(out1)).sheets);
    expect((await partsOf(out2)).size).toBe((await partsOf(out1)).size);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
