import * as fs from "fs";
import * as path from "path";
import { strToU8, zipSync } from "fflate";
import { DEFAULT_PACKAGE_LIMITS, describePackageProblem, inspectPackage, MAX_TOTAL_UNCOMPRESSED_BYTES } from "../../../src/hosts/xlsx/package";

const FIXTURES = path.join(__dirname, "..", "..", "fixtures", "package");
const MTIME = new Date(2023, 1, 28);
const BASE = { "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": strToU8("<workbook/>") };

describe("inspectPackage", () => {
  it("lists the parts of a workbook in directory order with their sizes", async () => {
    const result = await inspectPackage(new Uint8Array(fs.readFileSync(path.join(FIXTURES, "minimal.xlsx"))));
    if (!result.ok) throw new Error(describePackageProblem(result.problem));
    expect(result.parts.map((p) => p.name)).toEqual(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/styles.xml", "xl/sharedStrings.xml", "docProps/core.xml"]);
    expect(result.totalUncompressedBytes).toBe(result.parts.reduce((n, p) => n + p.uncompressedSize, 0));
  });

  it("reports NOT_A_ZIP for bytes that are not a zip", async () => {
    expect(await inspectPackage(strToU8("hello, not a workbook"))).toEqual({ ok: false, problem: { code: "NOT_A_ZIP", detail: "End of central directory record signature not found. Either not a zip file, or file is truncated." } });
  });

  it("reports ENCRYPTED_OR_LEGACY for an OLE compound file", async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await inspectPackage(ole)).toEqual({ ok: false, problem: { code: "ENCRYPTED_OR_LEGACY", detail: "an OLE compound file: a password-protected workbook or a legacy .xls" } });
  });

  it("reports ENCRYPTED_PART for an entry with the zip encryption flag", async () => {
    const zip = Buffer.from(zipSync({ ...BASE, "xl/secret.xml": strToU8("<x/>") }, { mtime: MTIME }));
    const name = Buffer.from("xl/secret.xml");
    for (let at = zip.indexOf(name); at >= 0; at = zip.indexOf(name, at + 1)) {
      const central = zip.readUInt32LE(at - 46) === 0x02014b50;
      const header = central ? at - 46 : at - 30;
      zip.writeUInt16LE(zip.readUInt16LE(header + (central ? 8 : 6)) | 1, header + (central ? 8 : 6));
    }
    expect(await inspectPackage(new Uint8Array(zip))).toEqual({ ok: false, problem: { code: "ENCRYPTED_PART", part: "xl/secret.xml" } });
  });

  it("reports MISSING_PART when xl/workbook.xml is absent", async () => {
    const zip = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w/>") }, { mtime: MTIME });
    expect(await inspectPackage(zip)).toEqual({ ok: false, problem: { code: "MISSING_PART", part: "xl/workbook.xml" } });
  });

  it("reports MISSING_PART when [Content_Types].xml is absent", async () => {
    const zip = zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }, { mtime: MTIME });
    expect(await inspectPackage(zip)).toEqual({ ok: false, problem: { code: "MISSING_PART", part: "[Content_Types].xml" } });
  });

  it("reports COMPRESSION_RATIO_TOO_HIGH naming a part of zeros under the default limits", async () => {
    const zip = zipSync({ ...BASE, "xl/media/zeros.bin": new Uint8Array(8 * 1024 * 1024) }, { mtime: MTIME, level: 9 });
    const result = await inspectPackage(zip);
    expect(result.ok ? null : { ...result.problem, ratio: undefined }).toEqual({ code: "COMPRESSION_RATIO_TOO_HIGH", part: "xl/media/zeros.bin", ratio: undefined, limit: 200 });
    expect(!result.ok && result.problem.code === "COMPRESSION_RATIO_TOO_HIGH" && result.problem.ratio > 200).toBe(true);
  });

  it("accepts the same part of zeros when the ratio limit is raised", async () => {
    const zip = zipSync({ ...BASE, "xl/media/zeros.bin": new Uint8Array(8 * 1024 * 1024) }, { mtime: MTIME, level: 9 });
    const result = await inspectPackage(zip, { ...DEFAULT_PACKAGE_LIMITS, maxCompressionRatio: 10000 });
    expect(result.ok && result.totalUncompressedBytes).toBe(8 * 1024 * 1024 + 8 + 11);
  });

  it("reports PART_TOO_LARGE naming the part over the per-part limit", async () => {
    const zip = zipSync({ ...BASE, "xl/big.xml": new Uint8Array(2000).fill(65) }, { mtime: MTIME });
    expect(await inspectPackage(zip, { ...DEFAULT_PACKAGE_LIMITS, maxPartUncompressedBytes: 1000 })).toEqual({ ok: false, problem: { code: "PART_TOO_LARGE", part: "xl/big.xml", bytes: 2000, limit: 1000 } });
  });

  it("reports TOTAL_TOO_LARGE when the parts together exceed the total limit", async () => {
    const zip = zipSync({ ...BASE, "xl/a.xml": new Uint8Array(600).fill(65), "xl/b.xml": new Uint8Array(600).fill(66) }, { mtime: MTIME });
    expect(await inspectPackage(zip, { ...DEFAULT_PACKAGE_LIMITS, maxTotalUncompressedBytes: 1000 })).toEqual({ ok: false, problem: { code: "TOTAL_TOO_LARGE", bytes: 1219, limit: 1000 } });
  });

  it("reports TOO_MANY_PARTS over the entry limit", async () => {
    const zip = zipSync({ ...BASE, "a.xml": strToU8("<a/>"), "b.xml": strToU8("<b/>") }, { mtime: MTIME });
    expect(await inspectPackage(zip, { ...DEFAULT_PACKAGE_LIMITS, maxEntries: 3 })).toEqual({ ok: false, problem: { code: "TOO_MANY_PARTS", count: 4, limit: 3 } });
  });

  it("documents a 200 MB default total", () => {
    expect(MAX_TOTAL_UNCOMPRESSED_BYTES).toBe(209715200);
  });
});

describe("describePackageProblem", () => {
  it("names the part and both sizes for a part over its limit", () => {
    expect(describePackageProblem({ code: "PART_TOO_LARGE", part: "xl/worksheets/sheet1.xml", bytes: 150 * 1024 * 1024, limit: 100 * 1024 * 1024 })).toBe(
      "The part xl/worksheets/sheet1.xml unpacks to 150.0 MB, more than the limit of 100.0 MB; raise the limit to open it (e.g. --max-size 300).",
    );
  });

  it("says it in Chinese too, with the flag that raises the limit", () => {
    expect(describePackageProblem({ code: "TOTAL_TOO_LARGE", bytes: 300 * 1024 * 1024, limit: 200 * 1024 * 1024 }, "zh")).toBe(
      "文件解压后共 300.0 MB，超过上限 200.0 MB；如确需打开，可用 --max-size 600 提高上限。",
    );
  });
});
