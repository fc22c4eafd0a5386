import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { HostOpenError, XlsxHost } from "../../../src/hosts/xlsx";
import { hostOf } from "./helpers";

async function tempFile(name: string, data: Buffer | string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "xlsxhost-"));
  const file = path.join(dir, name);
  await fs.writeFile(file, data);
  return file;
}

async function openError(p: Promise<unknown>): Promise<HostOpenError> {
  try {
    await p;
  } catch (e) {
    return e as HostOpenError;
  }
  throw new Error("expected a HostOpenError");
}

describe("XlsxHost.fromFile", () => {
  it("throws HostOpenError for a text file", async () => {
    const file = await tempFile("notes.xlsx", "just some text");
    const e = await openError(XlsxHost.fromFile(file));
    expect(e).toBeInstanceOf(HostOpenError);
    expect(e.message).toBe(`${file} is not an .xlsx workbook (it is not a zip package).`);
  });

  it("throws HostOpenError naming encryption for an OLE compound file", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const file = await tempFile("locked.xlsx", ole);
    const e = await openError(XlsxHost.fromFile(file));
    expect(e.name).toBe("HostOpenError");
    expect(e.message).toBe(
      `${file} is an OLE compound file (D0CF11E0): either a password-protected (encrypted) workbook or an old .xls file. Remove the password or save it as .xlsx, then try again.`,
    );
  });

  it("throws HostOpenError for a broken zip", async () => {
    const e = await openError(XlsxHost.fromBuffer(Buffer.from("PK\u0003\u0004broken")));
    expect(e).toBeInstanceOf(HostOpenError);
    expect(e.message).toMatch(/^The data could not be read as an \.xlsx workbook: ./);
  });

  it("throws HostOpenError for a missing file", async () => {
    const file = path.join(os.tmpdir(), "no-such-dir-xlsxhost", "x.xlsx");
    const e = await openError(XlsxHost.fromFile(file));
    expect(e.message).toBe(`Cannot read ${file}: ENOENT: no such file or directory, open '${file}'`);
  });

  it("opens a file written by writeFile", async () => {
    const host = hostOf({ Sheet1: [["kept"]] });
    const file = await tempFile("out.xlsx", "");
    await host.writeFile(file);
    const again = await XlsxHost.fromFile(file);
    expect(again.workbook.getWorksheet("Sheet1")?.getCell("A1").value).toBe("kept");
  });
});
