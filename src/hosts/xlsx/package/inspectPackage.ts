import { listCentralDirectory } from "./zipEntries";
import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from "./limits";

/** One part as the central directory describes it; nothing has been inflated. */
export interface PartInfo {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

/** Why a file cannot be opened as a workbook package. `part` names the offending part. */
export type PackageProblem =
  | { readonly code: "NOT_A_ZIP"; readonly detail: string }
  | { readonly code: "ENCRYPTED_OR_LEGACY"; readonly detail: string }
  | { readonly code: "ENCRYPTED_PART"; readonly part: string }
  | { readonly code: "TOO_MANY_PARTS"; readonly count: number; readonly limit: number }
  | { readonly code: "TOTAL_TOO_LARGE"; readonly bytes: number; readonly limit: number }
  | { readonly code: "PART_TOO_LARGE"; readonly part: string; readonly bytes: number; readonly limit: number }
  | { readonly code: "COMPRESSION_RATIO_TOO_HIGH"; readonly part: string; readonly ratio: number; readonly limit: number }
  | { readonly code: "MISSING_PART"; readonly part: string };

/** The result of inspectPackage: the part list, or the first problem found. */
export type PackageInspection = { readonly ok: true; readonly parts: readonly PartInfo[]; readonly totalUncompressedBytes: number } | { readonly ok: false; readonly problem: PackageProblem };

/** The signature of an OLE compound file: an encrypted OOXML workbook, or a legacy .xls. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const REQUIRED_PARTS = ["[Content_Types].xml", "xl/workbook.xml"];

function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= OLE_SIGNATURE.length && OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * Checks a workbook package from its zip central directory alone, before any part is inflated.
 *
 * - An OLE compound file (a password-encrypted workbook or a legacy .xls) is ENCRYPTED_OR_LEGACY.
 * - Bytes that are not a readable zip are NOT_A_ZIP, with the zip reader's reason.
 * - A part with the zip encryption flag is ENCRYPTED_PART.
 * - More entries than `maxEntries` is TOO_MANY_PARTS.
 * - A part larger than `maxPartUncompressedBytes` is PART_TOO_LARGE; a part of at least
 *   `ratioCheckMinBytes` whose uncompressed/compressed ratio exceeds `maxCompressionRatio` is
 *   COMPRESSION_RATIO_TOO_HIGH (a zip bomb); both name the part. Parts are checked in directory
 *   order and the first problem is returned.
 * - A total over `maxTotalUncompressedBytes` is TOTAL_TOO_LARGE.
 * - A package without `[Content_Types].xml` or `xl/workbook.xml` is MISSING_PART.
 * The sizes are the ones the central directory declares; the zip reader later refuses any entry
 * whose data inflate to a different size, so a lying directory cannot slip past.
 *
 * @param bytes - the file's bytes
 * @param limits - the limits to apply; DEFAULT_PACKAGE_LIMITS when omitted
 * @returns `{ ok: true, parts, totalUncompressedBytes }` or `{ ok: false, problem }`
 *
 * @example
 * await inspectPackage(new TextEncoder().encode("hello"))
 * //=> { ok: false, problem: { code: "NOT_A_ZIP", detail: "End of central directory record signature not found. Either not a zip file, or file is truncated." } }
 */
export async function inspectPackage(bytes: Uint8Array, limits: PackageLimits = DEFAULT_PACKAGE_LIMITS): Promise<PackageInspection> {
  if (isOle(bytes)) {
    return { ok: false, problem: { code: "ENCRYPTED_OR_LEGACY", detail: "an OLE compound file: a password-protected workbook or a legacy .xls" } };
  }
  let listed;
  try {
    listed = await listCentralDirectory(bytes);
  } catch (err) {
    return { ok: false, problem: { code: "NOT_A_ZIP", detail: err instanceof Error ? err.message : String(err) } };
  }
  listed.zip.close();
  const entries = listed.entries;
  if (entries.length > limits.maxEntries) return { ok: false, problem: { code: "TOO_MANY_PARTS", count: entries.length, limit: limits.maxEntries } };
  const parts: PartInfo[] = [];
  let total = 0;
  for (const e of entries) {
    if (e.isEncrypted()) return { ok: false, problem: { code: "ENCRYPTED_PART", part: e.fileName } };
    const bytesOut = e.uncompressedSize;
    if (bytesOut > limits.maxPartUncompressedBytes) {
      return { ok: false, problem: { code: "PART_TOO_LARGE", part: e.fileName, bytes: bytesOut, limit: limits.maxPartUncompressedBytes } };
    }
    if (bytesOut >= limits.ratioCheckMinBytes) {
      const ratio = bytesOut / Math.max(1, e.compressedSize);
      if (ratio > limits.maxCompressionRatio) {
        return { ok: false, problem: { code: "COMPRESSION_RATIO_TOO_HIGH", part: e.fileName, ratio: Math.round(ratio), limit: limits.maxCompressionRatio } };
      }
    }
    total += bytesOut;
    parts.push({ name: e.fileName, compressedSize: e.compressedSize, uncompressedSize: bytesOut });
  }
  if (total > limits.maxTotalUncompressedBytes) return { ok: false, problem: { code: "TOTAL_TOO_LARGE", bytes: total, limit: limits.maxTotalUncompressedBytes } };
  const names = new Set(parts.map((p) => p.name));
  for (const required of REQUIRED_PARTS) if (!names.has(required)) return { ok: false, problem: { code: "MISSING_PART", part: required } };
  return { ok: true, parts, totalUncompressedBytes: total };
}

/**
 * A sentence a person can act on for a package problem, in English or Chinese (the CLI prints it).
 * Size problems name the part and the --max-size flag that raises the limit.
 *
 * @example
 * describePackageProblem({ code: "MISSING_PART", part: "xl/workbook.xml" })
 * //=> "The file is a zip but not a workbook: it has no xl/workbook.xml."
 */
export function describePackageProblem(p: PackageProblem, lang: "zh" | "en" = "en"): string {
  const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  const raise = (limit: number): string => `${Math.ceil((limit * 2) / (1024 * 1024))}`;
  const zh = lang === "zh";
  switch (p.code) {
    case "NOT_A_ZIP":
      return zh ? `文件不是 .xlsx/.xlsm 工作簿（不是 zip 包：${p.detail}）。` : `The file is not an .xlsx/.xlsm workbook (not a zip package: ${p.detail}).`;
    case "ENCRYPTED_OR_LEGACY":
      return zh ? "文件设有打开密码或是旧版 .xls；请另存为无密码的 .xlsx 后再试。" : "The file is password-protected or a legacy .xls; save it as an unprotected .xlsx and try again.";
    case "ENCRYPTED_PART":
      return zh ? `部件 ${p.part} 已加密，无法读取工作簿。` : `The part ${p.part} is encrypted; the workbook cannot be read.`;
    case "TOO_MANY_PARTS":
      return zh ? `文件包含 ${p.count} 个部件，超过上限 ${p.limit}。` : `The package has ${p.count} parts, more than the limit of ${p.limit}.`;
    case "TOTAL_TOO_LARGE":
      return zh
        ? `文件解压后共 ${mb(p.bytes)}，超过上限 ${mb(p.limit)}；如确需打开，可用 --max-size ${raise(p.bytes)} 提高上限。`
        : `The package unpacks to ${mb(p.bytes)}, more than the limit of ${mb(p.limit)}; raise the limit to open it (e.g. --max-size ${raise(p.bytes)}).`;
    case "PART_TOO_LARGE":
      return zh
        ? `部件 ${p.part} 解压后为 ${mb(p.bytes)}，超过上限 ${mb(p.limit)}；如确需打开，可用 --max-size ${raise(p.bytes)} 提高上限。`
        : `The part ${p.part} unpacks to ${mb(p.bytes)}, more than the limit of ${mb(p.limit)}; raise the limit to open it (e.g. --max-size ${raise(p.bytes)}).`;
    case "COMPRESSION_RATIO_TOO_HIGH":
      return zh
        ? `部件 ${p.part} 的压缩比为 ${p.ratio}:1，超过上限 ${p.limit}:1（可能是“压缩炸弹”），已拒绝打开。`
        : `The part ${p.part} is compressed ${p.ratio} to 1, more than the limit of ${p.limit} to 1 (a possible zip bomb); it was not opened.`;
    case "MISSING_PART":
      return zh ? `文件是 zip 包但不是工作簿：缺少 ${p.part}。` : `The file is a zip but not a workbook: it has no ${p.part}.`;
  }
}
