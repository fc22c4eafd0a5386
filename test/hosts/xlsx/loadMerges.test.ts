import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { XlsxHost, HostOpenError } from "../../../src/hosts/xlsx";

/**
 * A workbook file whose one sheet has `n` two-row merges in column A (written into the XML: ExcelJS
 * would take N² to make them), its XML then edited by `edit`.
 */
async function mergedFile(n: number, edit: (xml: string) => string = (x) => x): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  for (let i = 0; i < n; i++) ws.getCell(2 * i + 1, 1).value = `组${i}`;
  ws.mergeCells("A1:A2");
  const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const name = "xl/worksheets/sheet1.xml";
  const merges = Array.from({ length: n }, (_, i) => `<mergeCell ref="A${2 * i + 1}:A${2 * i + 2}"/>`).join("");
  const xml = strFromU8(files[name]!).replace(/<mergeCells count="1">.*?<\/mergeCells>/, `<mergeCells count="${n}">${merges}</mergeCells>`);
  files[name] = strToU8(edit(xml));
  return Buffer.from(zipSync(files));
}

describe("loading merged areas", () => {
  it("loads every one of 20,000 merged areas of a file, each with its top-left value", async () => {
    const host = await XlsxHost.fromBuffer(await mergedFile(20_000));
    const ws = host.workbook.getWorksheet("表")!;
    expect(Object.keys((ws as unknown as { _merges: object })._merges)).toHaveLength(20_000);
    expect([ws.getCell("A39999").value, ws.getCell("A40000").isMerged, ws.getCell("A40000").master.address]).toEqual(["组19999", true, "A39999"]);
  });

  it("refuses a file whose merged areas overlap, as ExcelJS does", async () => {
    const buf = await mergedFile(2, (xml) => xml.replace('<mergeCell ref="A3:A4"/>', '<mergeCell ref="A3:A4"/><mergeCell ref="A4:B5"/>').replace(/<mergeCells count="\d+">/, '<mergeCells count="3">'));
    await expect(XlsxHost.fromBuffer(buf)).rejects.toThrow(HostOpenError);
  });
});
