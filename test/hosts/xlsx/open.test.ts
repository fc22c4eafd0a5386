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
    const e = await openError(XlsxHost.fromFile(await tempFile("notes.xlsx", "just some text")));
    expect(e).toBeInstanceOf(HostOpenError);
    expect(e.message).toMatch(/not an \.xlsx workbook/);
  });

  it("throws HostOpenError naming encryption for an OLE compound file", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const e = await openError(XlsxHost.fromFile(await tempFile("locked.xlsx", ole)));
    expect(e.name).toBe("HostOpenError");
    expect(e.message).toMatch(/encrypted/);
  });

  it("throws HostOpenError for a broken zip", async () => {
    const e = await openError(XlsxHost.fromBuffer(Buffer.from("PK\u0003\u0004broken")));
    expect(e).toBeInstanceOf(HostOpenError);
    expect(e.message).toMatch(/could not be read as an \.xlsx workbook/);
  });

  it("throws HostOpenError for a missing file", async () => {
    const e = await openError(XlsxHost.fromFile(path.join(os.tmpdir(), "no-such-dir-xlsxhost", "x.xlsx")));
    expect(e.message).toMatch(/^Cannot read /);
  });

  it("opens a file written by writeFile", async () => {
    const host = hostOf({ Sheet1: [["kept"]] });
    const file = await tempFile("out.xlsx", "");
    await host.writeFile(file);
    const again = await XlsxHost.fromFile(file);
    expect(again.workbook.getWorksheet("Sheet1")?.getCell("A1").value).toBe("kept");
  });
});
