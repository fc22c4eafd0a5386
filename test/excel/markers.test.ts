/**
 * Marks that cannot be spoofed (docs/scoring-rules.md §1.5): our sheets carry a name with the
 * digest of what we wrote; an unchanged sheet is replaced on a re-run, an edited one is kept and
 * reported, and a PerfScore_ name of any other shape is the user's.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { XlsxHost } from "../../src/hosts/xlsx";
import { compute, type ComputeResult } from "../../src/excel/compute";
import { cellsDigest, parseMarker } from "../../src/excel/markers";
import { DEFAULT_SETTINGS } from "../../src/core/types";
import { runCli, tempCopy, ROOT } from "../cli/run";

const SEED = path.join(ROOT, "examples", "seed.xlsx");
const env = (host: XlsxHost) => ({ isSetSupported: (n: string, v: string) => host.capabilities.isSetSupported(n, v), charts: false, now: () => new Date(Date.UTC(2023, 1, 28)), version: "test" });

async function score(bytes: Buffer): Promise<{ result: ComputeResult; out: Buffer; host: XlsxHost }> {
  const host = await XlsxHost.fromBuffer(bytes);
  const result = await host.run((c) => compute(c, { ...DEFAULT_SETTINGS, language: "zh" }, env(host)));
  return { result, out: await host.writeBuffer(), host };
}

/** The marks of a workbook and, for each, the digest its sheet has now. */
async function marks(bytes: Buffer): Promise<{ name: string; sheet: string; digest: string | undefined; now: string }[]> {
  const host = await XlsxHost.fromBuffer(bytes);
  return host.run(async (context) => {
    const names = context.workbook.names.load("items/name,items/formula");
    await context.sync();
    const ours = names.items.filter((n) => parseMarker(n.name) !== null);
    const reads = ours.map((n) => {
      const sheet = /^='?(.*?)'?!/.exec(n.formula)?.[1]?.replace(/''/g, "'") ?? "";
      return { n, sheet, used: context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true).load("formulas,rowIndex,columnIndex") };
    });
    await context.sync();
    return reads.map((r) => ({ name: r.n.name, sheet: r.sheet, digest: parseMarker(r.n.name)?.digest, now: cellsDigest(r.sheet, r.used.rowIndex, r.used.columnIndex, r.used.formulas) }));
  });
}

/** The user's edit, as a spreadsheet program saves it: the whole workbook read and written again (ExcelJS here). */
async function edit(bytes: Buffer, sheet: string, address: string, value: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  if (ws === undefined) throw new Error(`no sheet ${sheet}`);
  ws.getCell(address).value = value;
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("our marks", () => {
  it("carry the digest of what the sheet holds once written", async () => {
    const { result, out } = await score(fs.readFileSync(SEED));
    const found = await marks(out);
    expect(found.map((m) => m.sheet).sort()).toEqual([...result.outputSheets].sort());
    for (const m of found) expect({ name: m.name, digest: m.now }).toEqual({ name: m.name, digest: m.digest });
  });

  it("replace an unchanged sheet, keep an edited one under its name (reported), and never delete it", async () => {
    const first = await score(fs.readFileSync(SEED));
    const [table, summary] = first.result.outputSheets as [string, string];
    const edited = await edit(first.out, table, "Z3", "我的批注：第3行已核实");
    const second = await score(edited);
    expect(second.result.keptEditedSheets).toEqual([table]);
    expect(second.result.outputSheets).toEqual([`${table} (2)`, summary]);
    const kept = second.result.evaluation?.findings.filter((f) => f.code === "KEPT_EDITED_SHEET") ?? [];
    expect(kept.map((f) => f.cell)).toEqual([`${table}!A1`]);
    expect(kept[0]?.message.zh).toContain(`工作表“${table}”是此前生成的结果表，但生成后被改动过`);
    const again = await XlsxHost.fromBuffer(second.out);
    expect(again.workbook.worksheets.map((w) => w.name)).toEqual(["绩效评价", "参保情况", table, `${table} (2)`, summary]);
    expect(again.workbook.getWorksheet(table)?.getCell("Z3").value).toBe("我的批注：第3行已核实");
    // A third run keeps the edited sheet again and replaces only its own unchanged sheets.
    const third = await score(second.out);
    expect(third.result.keptEditedSheets).toEqual([table]);
    expect(third.result.outputSheets).toEqual([`${table} (2)`, summary]);
    expect((await XlsxHost.fromBuffer(third.out)).workbook.worksheets.map((w) => w.name)).toEqual(["绩效评价", "参保情况", table, `${table} (2)`, summary]);
    // The total is the same every time: the kept sheet is never read as the user's table.
    expect(third.result.evaluation?.total).toBe(first.result.evaluation?.total);
  }, 60_000);
});

describe("a PerfScore_ name of another shape is the user's", () => {
  it("leaves the sheet it names alone, reads it, and keeps the name byte for byte", async () => {
    const { dir, paths } = tempCopy(SEED);
    const input = paths[0] as string;
    const names = [
      `<definedName name="PerfScore_ScoreTable">'参保情况'!$A$1</definedName>`,
      `<definedName name="PerfScore_Summary_notahex">'参保情况'!$A$1</definedName>`,
      `<definedName name="PerfScore_Mine" localSheetId="0">'绩效评价'!$A$1</definedName>`,
    ].join("");
    const parts = unzipSync(new Uint8Array(fs.readFileSync(input)));
    parts["xl/workbook.xml"] = strToU8(strFromU8(parts["xl/workbook.xml"] as Uint8Array).replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`));
    fs.writeFileSync(input, zipSync(parts));
    const plain = await runCli([SEED, "-o", path.join(dir, "plain.xlsx"), "--json"]);
    const out = path.join(dir, "out.xlsx");
    const r = await runCli([input, "-o", out, "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { total: number }).total).toBe((JSON.parse(plain.stdout) as { total: number }).total);
    const again = await runCli([out, "-o", path.join(dir, "again.xlsx"), "--json"]);
    expect(again.code).toBe(0);
    const wb = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(path.join(dir, "again.xlsx"))))["xl/workbook.xml"] as Uint8Array);
    expect(wb).toContain(names);
    expect(wb).toMatch(/<sheet name="参保情况"|name="参保情况"/);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
