/**
 * Writes the LibreOffice-saved workbooks into test/fixtures/libreoffice/ (described in
 * test/fixtures/README.md): examples/seed.xlsx as LibreOffice Calc saves it, and the seed with an
 * extra sheet holding an Excel table (a ListObject), also saved by LibreOffice, which writes the
 * table without `tableStyleInfo`. LibreOffice stamps the time into the package, so a rebuild
 * differs in its dates; the committed files are the ones the tests read.
 *
 * Run: npx tsc -p tsconfig.node.json && node dist/scripts/buildLibreOfficeFixtures.js
 * Needs soffice (LibreOffice Calc) on the PATH.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";

const ROOT = path.join(__dirname, "..", "..");
const OUT = path.join(ROOT, "test", "fixtures", "libreoffice");

/** Converts `file` to .xlsx with LibreOffice (its own profile, so a running LibreOffice is left alone) into `dir`. */
function saveWithLibreOffice(file: string, dir: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-lo-profile-"));
  try {
    execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", dir, file], { stdio: "pipe", timeout: 120000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return path.join(dir, path.basename(file));
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-lo-"));
  try {
    const seed = path.join(work, "seed-libreoffice.xlsx");
    fs.copyFileSync(path.join(ROOT, "examples", "seed.xlsx"), seed);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ROOT, "examples", "seed.xlsx"));
    const ws = wb.addWorksheet("附表");
    ws.addTable({
      name: "附表1",
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: [{ name: "项目" }, { name: "金额" }],
      rows: [
        ["培训", 10],
        ["宣传", 5],
      ],
    });
    const table = path.join(work, "seed-table-libreoffice.xlsx");
    await wb.xlsx.writeFile(table);

    const converted = path.join(work, "out");
    for (const f of [seed, table]) fs.copyFileSync(saveWithLibreOffice(f, converted), path.join(OUT, path.basename(f)));
    console.log(`wrote ${fs.readdirSync(OUT).join(", ")} into ${path.relative(ROOT, OUT)}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
