/**
 * Reading and writing the zip container of an Office package, entry by entry, without ever
 * recompressing an entry that is copied.
 *
 * - Reading uses yauzl: it walks the central directory and hands out each entry's stored bytes
 *   (still deflated) with the header fields needed to write the entry again.
 * - Writing uses fflate's streaming `Zip`. A copied entry is given to it as a custom input file
 *   whose data are the original compressed bytes, with the original CRC, sizes, method, DOS time,
 *   extra fields (less zip64), attributes and comment. Its data are therefore byte-identical; its
 *   local header is fflate's own (data-descriptor form, "version needed" 2.0), so the header bytes
 *   can differ from the original's while saying the same thing.
 * - A new or changed entry is deflated with the caller's fixed date, so the output is
 *   byte-reproducible: by Node's zlib where there is one (native, several times faster than
 *   fflate on a score table's megabytes of XML), else by fflate (the browser harness, where the
 *   bundle's zlib is empty). Either way at level 6, handed to the zip writer as a stored entry is.
 */
import { buf as crc32buf } from "crc-32";
import * as yauzl from "yauzl";
import * as zlib from "zlib";
import { inflateSync, Zip, ZipDeflate, type ZipInputFile } from "fflate";

/** One entry of a zip file as it is stored: compressed bytes plus the header fields to keep. */
export interface StoredEntry {
  readonly name: string;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly flags: number;
  readonly dosDate: number;
  readonly dosTime: number;
  readonly extra: Readonly<Record<number, Uint8Array>>;
  readonly externalAttributes: number;
  readonly madeByOs: number;
  readonly comment: string;
  /** The entry's data exactly as stored in the file (deflated when `method` is 8). */
  readonly raw: Uint8Array;
}

/** An entry of the output: either a stored entry copied as is, or new content to deflate. */
export type OutputEntry = { readonly kind: "copy"; readonly entry: StoredEntry } | { readonly kind: "new"; readonly name: string; readonly data: Uint8Array };

const ZIP64_EXTRA = 0x0001;
const STORED = 0;
const DEFLATED = 8;

/** Thrown when bytes that passed inspection still cannot be read as a zip (a broken entry). */
export class PackageReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageReadError";
  }
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

async function collect(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Opens a zip with yauzl and lists its central directory entries, reading no entry data. */
/** CRC-32 of `data` as an unsigned number (crc-32 returns it signed); crc-32 also runs in the browser harness, where zlib does not. */
const crc32 = (data: Uint8Array): number => crc32buf(data) >>> 0;

export async function listCentralDirectory(bytes: Uint8Array): Promise<{ zip: yauzl.ZipFile; entries: yauzl.Entry[] }> {
  const zip = await yauzl.fromBufferPromise(toBuffer(bytes), { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false });
  const entries: yauzl.Entry[] = [];
  for await (const entry of zip.eachEntry()) entries.push(entry);
  return { zip, entries };
}

/** Reads every entry of a zip as stored (compressed bytes and header fields), in directory order. */
export async function readStoredEntries(bytes: Uint8Array): Promise<StoredEntry[]> {
  const { zip, entries } = await listCentralDirectory(bytes);
  const out: StoredEntry[] = [];
  for (const e of entries) {
    if (e.compressionMethod !== STORED && e.compressionMethod !== DEFLATED) {
      throw new PackageReadError(`${e.fileName}: compression method ${e.compressionMethod} is not supported`);
    }
    const raw = await collect(await zip.openReadStreamPromise(e, { decodeFileData: false }));
    const extra: Record<number, Uint8Array> = {};
    for (const f of e.extraFields) if (f.id !== ZIP64_EXTRA) extra[f.id] = new Uint8Array(f.data);
    out.push({
      name: e.fileName,
      method: e.compressionMethod,
      crc32: e.crc32,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
      flags: e.generalPurposeBitFlag,
      dosDate: e.lastModFileDate,
      dosTime: e.lastModFileTime,
      extra,
      externalAttributes: e.externalFileAttributes,
      madeByOs: e.versionMadeBy >> 8,
      comment: e.fileComment,
      raw,
    });
  }
  zip.close();
  return out;
}

/**
 * The uncompressed content of a stored entry, checked against the size and CRC the central
 * directory declares (so a directory that understates a part's size cannot slip past the limits).
 */
export function entryContent(entry: StoredEntry): Uint8Array {
  let data: Uint8Array;
  try {
    data = entry.method === STORED ? entry.raw : inflateSync(entry.raw, { out: new Uint8Array(entry.uncompressedSize) });
  } catch (err) {
    throw new PackageReadError(`${entry.name}: the data do not inflate (${err instanceof Error ? err.message : String(err)})`);
  }
  if (data.length !== entry.uncompressedSize || crc32(data) !== entry.crc32) {
    throw new PackageReadError(`${entry.name}: the data do not match the size and CRC the zip directory declares`);
  }
  return data;
}

/**
 * A Date whose local-time fields are the given DOS date and time: fflate converts mtime to DOS
 * fields with local-time getters, so this round-trips the original fields exactly (save in a
 * local daylight-saving gap, which DOS times written by Office in practice never hit).
 */
function localDateFromDos(dosDate: number, dosTime: number): Date {
  const year = 1980 + (dosDate >> 9);
  const month = Math.max(1, (dosDate >> 5) & 15);
  const day = Math.max(1, dosDate & 31);
  return new Date(year, month - 1, day, dosTime >> 11, (dosTime >> 5) & 63, (dosTime & 31) * 2);
}

/** A Date whose local-time fields are `date`'s UTC fields, so the zip time does not depend on TZ. */
function localDateFromUtc(date: Date): Date {
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
}

/**
 * Writes the entries, in order, into a new zip: copies keep their stored bytes, new entries are
 * deflated (level 6) and stamped with `zipDate` (its UTC fields become the DOS date and time).
 */
export function writeEntries(entries: readonly OutputEntry[], zipDate: Date): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure = null as Error | null;
  let done = false;
  const zip = new Zip((err, data, final) => {
    if (err) failure = err;
    else chunks.push(data);
    if (final) done = true;
  });
  const mtime = localDateFromUtc(zipDate);
  const nativeDeflate = typeof zlib.deflateRawSync === "function" ? zlib.deflateRawSync : null;
  // zlib.crc32 is Node 20.15's and later; crc-32 otherwise.
  const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  for (const item of entries) {
    if (item.kind === "new" && nativeDeflate !== null) {
      const file: ZipInputFile = { filename: item.name, size: item.data.length, crc: nativeCrc32 ? nativeCrc32(item.data) >>> 0 : crc32(item.data), compression: DEFLATED, flag: 0, mtime };
      zip.add(file);
      if (!file.ondata) throw new PackageReadError(`${item.name}: the zip writer did not accept the entry`);
      const raw = nativeDeflate(item.data, { level: 6 });
      file.ondata(null, new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength), true);
      continue;
    }
    if (item.kind === "new") {
      const file = new ZipDeflate(item.name, { level: 6 });
      file.mtime = mtime;
      zip.add(file);
      file.push(item.data, true);
      continue;
    }
    const e = item.entry;
    const file: ZipInputFile = {
      filename: e.name,
      size: e.uncompressedSize,
      crc: e.crc32,
      compression: e.method,
      flag: (e.flags >> 1) & 3,
      mtime: localDateFromDos(e.dosDate, e.dosTime),
      extra: Object.keys(e.extra).length > 0 ? { ...e.extra } : undefined,
      attrs: e.externalAttributes,
      os: e.madeByOs,
      comment: e.comment || undefined,
    };
    zip.add(file);
    if (!file.ondata) throw new PackageReadError(`${e.name}: the zip writer did not accept the entry`);
    file.ondata(null, e.raw as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failure) throw failure;
  if (!done) throw new PackageReadError("the zip writer did not finish");
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
