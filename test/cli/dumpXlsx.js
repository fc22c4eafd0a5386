/**
 * Prints, as one line of JSON, what the golden CLI tests compare: each file's SHA-256 and, per
 * sheet, every cell (address, value, number format, font, fill, border), the merges and the column
 * widths.
 *
 * It runs in its own node process with a plain ExcelJS (the xlsx host's patches are never
 * installed here), so reading the CLI's output does not go through the code under test.
 *
 * Usage: node test/cli/dumpXlsx.js <file.xlsx>...
 */
const crypto = require("crypto");
const fs = require("fs");
const ExcelJS = require("exceljs");

function dumpSheet(ws) {
  const cells = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) =>
      cells.push(`${c.address}=${JSON.stringify(c.value)}|${c.numFmt ?? ""}|${JSON.stringify(c.style.font ?? {})}|${JSON.stringify(c.style.fill ?? {})}|${JSON.stringify(c.style.border ?? {})}`),
    ),
  );
  return { name: ws.name, cells, merges: [...(ws.model.merges ?? [])].sort(), widths: ws.columns?.map((c) => c.width ?? null) ?? [] };
}

async function dump(file) {
  const bytes = fs.readFileSync(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return { file, sha256: crypto.createHash("sha256").update(bytes).digest("hex"), sheets: wb.worksheets.map(dumpSheet) };
}

Promise.all(process.argv.slice(2).map(dump)).then(
  (dumps) => process.stdout.write(`${JSON.stringify(dumps)}\n`),
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
