/**
 * Property tests of the CLI's handling of what users and their workbooks bring: file names with
 * spaces, Chinese, quotes and leading dashes, and cell text with control characters, ANSI escapes,
 * bidi controls, line breaks and great length. Fixed seeds and stated numbers of cases, so a
 * failure is reproduced by the same run.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as fc from "fast-check";
import * as ExcelJS from "exceljs";
import { EXIT } from "../../src/cli/exitCodes";
import { safeJson, terminalLines, terminalText } from "../../src/cli/terminal";
import { ROOT, runCli, sha256 } from "./run";

const SEED = path.join(ROOT, "examples", "seed.xlsx");
const listing = (dir: string): string[] => fs.readdirSync(dir).sort();
/** What must never reach a terminal raw: C0 (but the report's own line breaks), DEL, C1, bidi controls, line separators. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const DOCUMENTED = new Set<number>(Object.values(EXIT));

/** The characters file names are drawn from: what users type, and what shells and parsers trip on. */
const NAME_CHARS = ["a", "B", "7", "中", "文", "绩", "效", " ", "  ", "'", '"', "-", "--", "$", "#", "%", "&", "(", ")", "[", "]", "!", ";", "=", "é", "😀", "~", ".", ","];
const fileName = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...NAME_CHARS), { minLength: 1, maxLength: 10 }))
  .map(([dash, parts]) => `${dash ? "-" : ""}${parts.join("")}.xlsx`)
  .filter((n) => n.length <= 120 && !n.startsWith("~$") && !n.startsWith(".~lock."));

describe("file names (fast-check, seed 7001, 12 cases)", () => {
  it("scores a copy of the seed under any name: exit 0, the copy beside it, the input untouched, nothing else", async () => {
    await fc.assert(
      fc.asyncProperty(fileName, async (name) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-fuzz-"));
        try {
          const input = path.join(dir, name);
          fs.copyFileSync(SEED, input);
          const before = sha256(input);
          // A dash-led name: the options end at --.
          const r = await runCli(["--json", "--lang", "en", "--", input]);
          expect(r.code).toBe(EXIT.scored);
          expect(r.stderr).toBe("");
          const ext = path.extname(name);
          const expected = path.join(dir, `${path.basename(name, ext)}.scored${ext}`);
          expect((JSON.parse(r.stdout) as { file: string }).file).toBe(expected);
          expect(sha256(input)).toBe(before);
          expect(listing(dir)).toEqual([name, path.basename(expected)].sort());
          // The relative name as typed, from the folder: a dash-led one without -- is an unknown option (exit 2), never a file read or written.
          if (name.startsWith("-")) {
            const bare = await runCli([name]);
            expect(bare.code).toBe(EXIT.usage);
          }
          const human = await runCli(["--lang", "en", "--", input]);
          expect(human.code).toBe(EXIT.scored);
          expect(human.stdout).not.toMatch(UNSAFE);
          expect(human.stdout).toContain(`Written: ${terminalText(expected)}`);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: 7001, numRuns: 12 },
    );
  });
});

/** One piece of hostile cell text: control characters, escape sequences, bidi controls, line breaks, CJK. */
const PIECES = ["\u001b[31m", "\u001b]0;title\u0007", "\u001b[2J", "\u0007", "\u0008", "\r", "\n", "\t", "\u007f", "\u009b31m", "\u202e", "\u2066", "\u200f", "\u2028", "指标", "x", " ", '"', "“", "_x0041_"];
/** Characters XML 1.0 cannot hold raw, written the way Excel writes them (_xHHHH_) so that the workbook carries them. */
const asExcelText = (s: string): string => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);

let baseCell: { sheet: string; address: string } | null = null;

/** The seed with its level-2 name 经济效益 (quoted by a ZERO_WEIGHT note) replaced by `text`. */
async function seedWith(text: string, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED);
  if (baseCell === null) {
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
      if (c.value === "经济效益") baseCell = { sheet: ws.name, address: c.address };
    })));
  }
  const at = baseCell as { sheet: string; address: string } | null;
  if (at === null) throw new Error("examples/seed.xlsx has no 经济效益 cell");
  wb.getWorksheet(at.sheet)!.getCell(at.address).value = asExcelText(text);
  await wb.xlsx.writeFile(file);
}

describe("cell text (fast-check, seed 7002, 10 cases)", () => {
  it("never reaches the terminal raw, keeps one finding to a line, and is cut with TEXT_TRUNCATED when long", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-fuzz-"));
    const plainLines = (await runCli(["--lang", "en", "-o", path.join(dir, "plain.scored.xlsx"), SEED])).stdout.split("\n").length;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }), fc.boolean(), async (pieces, long) => {
          const text = `经济${pieces.join("")}${long ? "效".repeat(300) : ""}`;
          const input = path.join(dir, "in.xlsx");
          await seedWith(text, input);
          const before = sha256(input);
          const r = await runCli(["--lang", "en", input]);
          expect(DOCUMENTED.has(r.code)).toBe(true);
          expect(r.code).toBe(EXIT.scored);
          expect(r.stdout).not.toMatch(UNSAFE);
          expect(r.stderr).toBe("");
          // The seed's report, plus one line for the TEXT_TRUNCATED note when the name was cut.
          expect(r.stdout.split("\n").length).toBe(plainLines + (long ? 1 : 0));
          expect(r.stdout.includes("TEXT_TRUNCATED")).toBe(long);
          const json = await runCli(["--json", "--lang", "en", "-o", path.join(dir, "json.scored.xlsx"), input]);
          expect(json.stdout).not.toMatch(UNSAFE);
          const report = JSON.parse(json.stdout) as { findings: { code: string; message: string }[] };
          expect(report.findings.every((f) => f.message.length < 1000)).toBe(true);
          expect(sha256(input)).toBe(before);
        }),
        { seed: 7002, numRuns: 10 },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("terminal text (fast-check, seed 7003, 500 cases)", () => {
  it("terminalText leaves nothing unsafe and no line break; terminalLines keeps the lines; safeJson parses back to the same value", () => {
    const anyText = fc.string({ unit: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c))), maxLength: 40 });
    fc.assert(
      fc.property(anyText, (s) => {
        const one = terminalText(s);
        expect(one).not.toMatch(UNSAFE);
        expect(one).not.toContain("\n");
        expect(terminalText(one)).toBe(one);
        expect(terminalLines(`${s}\n${s}`).split("\n").length).toBe(s.split("\n").length * 2);
        const json = safeJson({ s });
        expect(json).not.toMatch(UNSAFE);
        expect((JSON.parse(json) as { s: string }).s).toBe(s);
      }),
      { seed: 7003, numRuns: 500 },
    );
  });
});
