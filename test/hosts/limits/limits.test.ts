/**
 * Bounded resources at open: a defined name over a whole sheet is never expanded into cells (the
 * written package keeps it), and a package over --max-size is refused naming the part, in zh and en.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { XlsxHost } from "../../../src/hosts/xlsx";
import { cellsOfNameFormula, packageForReading } from "../../../src/hosts/xlsx/package";
import { runCli, tempCopy, ROOT } from "../../cli/run";

const SEED = path.join(ROOT, "examples", "seed.xlsx");

function withParts(file: string, edit: (parts: Record<string, Uint8Array>) => void): void {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  edit(parts);
  fs.writeFileSync(file, zipSync(parts, { level: 6 }));
}

function addName(parts: Record<string, Uint8Array>, xml: string): void {
  const wb = strFromU8(parts["xl/workbook.xml"] as Uint8Array);
  parts["xl/workbook.xml"] = strToU8(wb.includes("<definedNames>") ? wb.replace("<definedNames>", `<definedNames>${xml}`) : wb.replace("</sheets>", `</sheets><definedNames>${xml}</definedNames>`));
}

describe("cellsOfNameFormula", () => {
  it.each([
    ["Sheet1!$A$1:$XFD$1048576", 17179869184],
    ["'数据'!$A:$C", 3 * 1048576],
    ["Sheet1!$2:$3", 2 * 16384],
    ["Sheet1!$A$1,Sheet1!$B$2:$C$3", 5],
    ["0.1", 0],
    ["SUM('数据'!$A:$A)", 0],
  ])("%s covers %d cells", (formula, cells) => {
    expect(cellsOfNameFormula(formula)).toBe(cells);
  });
});

describe("a defined name over the whole sheet (the 9 KB name bomb)", () => {
  it("is hidden from the reader, the table is scored, and the scored copy keeps the name byte for byte", async () => {
    const { dir, paths } = tempCopy(SEED);
    const input = paths[0] as string;
    const bomb = `<definedName name="Everything">'${"自评表"}'!$A$1:$XFD$1048576</definedName>`;
    withParts(input, (parts) => addName(parts, bomb));
    const read = packageForReading(new Uint8Array(fs.readFileSync(input)));
    expect(read.hiddenNames).toEqual([{ name: "Everything", cells: 17179869184 }]);
    const host = await XlsxHost.fromFile(input);
    expect(host.hiddenNames.map((n) => n.name)).toEqual(["Everything"]);
    const out = path.join(dir, "out.xlsx");
    const r = await runCli([input, "-o", out, "--lang", "en"]);
    expect(r.code).toBe(0);
    const wb = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(out)))["xl/workbook.xml"] as Uint8Array);
    expect(wb).toContain(bomb);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe("--max-size", () => {
  let dir: string;
  let input: string;
  beforeAll(() => {
    ({ dir, paths: [input = ""] } = tempCopy(SEED));
    // A 2 MB part that does not compress (ratio 1), so only the size limit can stop it.
    const noise = new Uint8Array(2 * 1024 * 1024);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    withParts(input, (parts) => {
      parts["customXml/noise.bin"] = noise;
    });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("refuses a part over the limit, naming it and the flag, in Chinese", async () => {
    const r = await runCli([input, "--max-size", "1", "-o", path.join(dir, "out.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("部件 customXml/noise.bin 解压后为 2.0 MB，超过上限 1.0 MB；如确需打开，可用 --max-size 4 提高上限。");
    expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(false);
  });

  it("and in English", async () => {
    const r = await runCli([input, "--max-size=1", "--lang", "en", "-o", path.join(dir, "out.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("The part customXml/noise.bin unpacks to 2.0 MB, more than the limit of 1.0 MB; raise the limit to open it (e.g. --max-size 4).");
  });

  it("opens it under the default limit and keeps the part", async () => {
    const out = path.join(dir, "ok.xlsx");
    const r = await runCli([input, "-o", out]);
    expect(r.code).toBe(0);
    expect(unzipSync(new Uint8Array(fs.readFileSync(out)), { filter: (f) => f.name === "customXml/noise.bin" })["customXml/noise.bin"]?.length).toBe(2 * 1024 * 1024);
  });

  it("rejects a value that is not a size", async () => {
    for (const bad of ["0", "-3", "lots", "5000"]) {
      const r = await runCli([input, "--max-size", bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--max-size must be a number of megabytes");
    }
  });
});
