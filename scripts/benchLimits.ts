/**
 * The resource limits, measured: builds hostile and large workbooks, runs the CLI on each under
 * `/usr/bin/time -v`, and prints the wall time, peak memory (maximum resident set size), exit
 * code and first line of the CLI's message. Nothing is asserted: the figures are for the README
 * and for a person to read (`npm run bench:limits`).
 *
 * - name-bomb: a small scored table plus a defined name over 自评表!$A$1:$XFD$1048576 (17 billion cells).
 * - xml-bomb: a workbook whose sheet XML is 300 MB, deflated to about 19 MB.
 * - rows-N: the benchmark's N-row indicator table (scripts/benchWorkbook.ts).
 *
 * Usage: node dist/scripts/benchLimits.js [--keep] [cases…]   (cases: name-bomb xml-bomb rows-20000 rows-60000 rows-100000)
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough, zipSync } from "fflate";
import { benchExcelWorkbook, seeded } from "./benchWorkbook";

const ROOT = path.join(__dirname, "..", "..");
const CLI = path.join(ROOT, "bin", "perfscore.js");

async function writeTable(file: string, rows: number): Promise<void> {
  await benchExcelWorkbook(rows).xlsx.writeFile(file);
}

/** A 20-row table with one more defined name, over every cell of the sheet. */
async function writeNameBomb(file: string): Promise<void> {
  const small = path.join(path.dirname(file), "small.xlsx");
  await writeTable(small, 20);
  const parts = unzipSync(new Uint8Array(fs.readFileSync(small)));
  const wb = strFromU8(parts["xl/workbook.xml"] as Uint8Array);
  const name = `<definedName name="Everything">'自评表'!$A$1:$XFD$1048576</definedName>`;
  parts["xl/workbook.xml"] = strToU8(wb.includes("<definedNames>") ? wb.replace("<definedNames>", `<definedNames>${name}`) : wb.replace("</sheets>", `</sheets><definedNames>${name}</definedNames>`));
  fs.writeFileSync(file, zipSync(parts, { level: 9 }));
  fs.rmSync(small);
}

/** A 20-row table's package with its sheet replaced by about `megabytes` MB of rows of numbers, streamed into the zip. */
async function writeXmlBomb(file: string, megabytes: number): Promise<void> {
  const small = path.join(path.dirname(file), "small.xlsx");
  await writeTable(small, 20);
  const parts = unzipSync(new Uint8Array(fs.readFileSync(small)));
  fs.rmSync(small);
  const out = fs.openSync(file, "w");
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    fs.writeSync(out, chunk);
  });
  for (const [name, data] of Object.entries(parts)) {
    if (name === "xl/worksheets/sheet1.xml") continue;
    const entry = new ZipPassThrough(name);
    zip.add(entry);
    entry.push(data, true);
  }
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
  zip.add(sheet);
  const random = seeded(7);
  sheet.push(strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
  const target = megabytes * 1024 * 1024;
  let written = 0;
  for (let r = 1; written < target; r++) {
    let row = `<row r="${r}">`;
    // Cells without an r attribute (OOXML allows it: they follow one another), so that the XML deflates about 15 to 1.
    for (let c = 0; c < 8; c++) row += `<c><v>${Math.floor(random() * 10)}</v></c>`;
    row += "</row>";
    const bytes = strToU8(row);
    written += bytes.length;
    sheet.push(bytes);
  }
  sheet.push(strToU8("</sheetData></worksheet>"), true);
  zip.end();
  fs.closeSync(out);
}

interface Measure {
  wallSeconds: number;
  peakMb: number;
  exit: number;
  message: string;
}

function measure(file: string, out: string): Measure {
  const r = spawnSync("/usr/bin/time", ["-v", process.execPath, CLI, file, "-o", out, "--lang", "en"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const stderr = r.stderr ?? "";
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  const exit = /Exit status: (\d+)/.exec(stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  const message = `${stderr.split("\n").find((l) => l.startsWith("perfscore:")) ?? (r.stdout ?? "").split("\n")[0] ?? ""}`.slice(0, 160);
  return { wallSeconds: seconds, peakMb: rss ? Number(rss[1]) / 1024 : NaN, exit: exit ? Number(exit[1]) : (r.status ?? -1), message };
}

const CASES: Record<string, (file: string) => Promise<void>> = {
  "name-bomb": writeNameBomb,
  "xml-bomb": (f) => writeXmlBomb(f, 300),
  "rows-20000": (f) => writeTable(f, 20_000),
  "rows-60000": (f) => writeTable(f, 60_000),
  "rows-100000": (f) => writeTable(f, 100_000),
};

async function main(): Promise<void> {
  try {
    execFileSync("/usr/bin/time", ["-v", "true"], { stdio: "ignore" });
  } catch {
    throw new Error("/usr/bin/time (GNU time) is required: apt-get install -y time");
  }
  const args = process.argv.slice(2);
  const keep = args.includes("--keep");
  const chosen = args.filter((a) => !a.startsWith("--"));
  const names = chosen.length > 0 ? chosen : Object.keys(CASES);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-limits-"));
  console.log(`node ${process.version}, ${os.cpus().length} cores; files in ${dir}`);
  console.log("case         file MB   sheet XML MB   wall s   peak MB   exit   message");
  for (const name of names) {
    const build = CASES[name];
    if (build === undefined) throw new Error(`unknown case ${name}; known: ${Object.keys(CASES).join(", ")}`);
    const file = path.join(dir, `${name}.xlsx`);
    await build(file);
    const xml = xmlMegabytes(file);
    const m = measure(file, path.join(dir, `${name}.scored.xlsx`));
    const mb = (n: number) => n.toFixed(1).padStart(7);
    console.log(`${name.padEnd(12)} ${mb(fs.statSync(file).size / 1048576)}   ${mb(xml)}        ${m.wallSeconds.toFixed(1).padStart(5)}   ${mb(m.peakMb)}   ${String(m.exit).padStart(4)}   ${m.message}`);
  }
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
}

/** The uncompressed size of the sheet parts, from `unzip -l`-like listing of the central directory (read with fflate's filter, nothing inflated). */
function xmlMegabytes(file: string): number {
  let total = 0;
  unzipSync(new Uint8Array(fs.readFileSync(file)), {
    filter: (f) => {
      if (f.name.startsWith("xl/worksheets/")) total += f.originalSize;
      return false;
    },
  });
  return total / 1048576;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
