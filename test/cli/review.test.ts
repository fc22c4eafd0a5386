import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { Writable } from "stream";
import { main } from "../../src/cli/main";
import { ROOT, runCli, sha256 } from "./run";

const EXAMPLES = ["english", "seed", "self-evaluation-form"];
const expected = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, "examples", `${name}.expected.json`), "utf8")) as { total: number; grade: string; selfTotal: number | null };

/** A temp folder holding copies of the examples, a file that is not a zip and a workbook with nothing to score. */
function reviewFolder(): { dir: string; out: string; hashes: () => Record<string, string> } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-review-"));
  const dir = path.join(base, "in");
  const out = path.join(base, "out");
  fs.mkdirSync(dir);
  fs.mkdirSync(out);
  for (const name of EXAMPLES) fs.copyFileSync(path.join(ROOT, "examples", `${name}.xlsx`), path.join(dir, `${name}.xlsx`));
  fs.writeFileSync(path.join(dir, "broken.xlsx"), "this is not a zip\n");
  fs.copyFileSync(path.join(ROOT, "test", "fixtures", "empty.xlsx"), path.join(dir, "empty.xlsx"));
  const hashes = () => Object.fromEntries(["broken", "empty", ...EXAMPLES].map((n) => [n, sha256(path.join(dir, `${n}.xlsx`))]));
  return { dir, out, hashes };
}

interface Json {
  files: number;
  projects: { file: string; projectIndex: number; department: string | null; project: string | null; total: number; grade: string; selfTotal: number | null; difference: number | null; scoreSum: number; findings: Record<string, number>; topFinding: { code: string; severity: string; cell: string } | null; scoredCopy: string }[];
  failures: { file: string; kind: string; reason: string }[];
  distribution: Record<string, number>;
  output: string;
}

describe("perfscore review over a folder with a broken file", () => {
  const f = reviewFolder();
  const before = f.hashes();
  const review = path.join(f.out, "review.xlsx");
  let run: { code: number; stdout: string; stderr: string };
  let json: Json;
  beforeAll(async () => {
    run = await runCli(["review", f.dir, "-o", review, "--json", "--jobs", "2", "--lang", "en"]);
    json = JSON.parse(run.stdout) as Json;
  });

  it("exits 3 when some files failed and others were scored", () => {
    expect(run.code).toBe(3);
    expect(run.stderr).toBe("");
  });

  it("gives one row per project, largest |self − score| first, with the totals and grades of the examples", () => {
    expect(json.files).toBe(5);
    expect(json.projects.map((p) => path.basename(p.file))).toEqual(["self-evaluation-form.xlsx", "english.xlsx", "seed.xlsx"]);
    for (const p of json.projects) {
      const e = expected(path.basename(p.file, ".xlsx"));
      expect([p.total, p.grade, p.selfTotal]).toEqual([e.total, e.grade, e.selfTotal]);
      expect(p.difference).toBe((e.selfTotal as number) - p.scoreSum);
    }
    expect(json.distribution).toEqual({ 优: 3, 良: 0, 中: 0, 差: 0 });
  });

  it("names the department, the project, the findings by severity and the most serious finding", () => {
    const form = json.projects[0]!;
    expect([form.department, form.project]).toEqual(["信丰县人力资源和社会保障局", "社保专项工作经费项目"]);
    expect(form.findings).toEqual({ error: 0, warning: 4, info: 1 });
    expect(form.topFinding).toMatchObject({ code: "SCORE_MISMATCH", severity: "warning", cell: "自评表!I13" });
    const seed = json.projects[2]!;
    expect([seed.department, seed.project, seed.findings]).toEqual([null, "社保专项工作经费项目", { error: 0, warning: 2, info: 4 }]);
  });

  it("gives the broken file and the file with nothing to score a failure row with the reason", () => {
    expect(json.failures).toEqual([
      { file: path.join(f.dir, "broken.xlsx"), kind: "unreadable", reason: "cannot be read: not an .xlsx workbook" },
      { file: path.join(f.dir, "empty.xlsx"), kind: "nothingToScore", reason: "The workbook is empty: there is nothing to score." },
    ]);
  });

  it("leaves every input byte for byte as it was and adds only the scored copies beside them", () => {
    expect(f.hashes()).toEqual(before);
    expect(fs.readdirSync(f.dir).sort()).toEqual(["broken.xlsx", "empty.xlsx", "english.scored.xlsx", "english.xlsx", "seed.scored.xlsx", "seed.xlsx", "self-evaluation-form.scored.xlsx", "self-evaluation-form.xlsx"]);
    expect(json.projects.map((p) => p.scoredCopy)).toEqual(["self-evaluation-form", "english", "seed"].map((n) => path.join(f.dir, `${n}.scored.xlsx`)));
    expect(json.output).toBe(review);
  });

  it("writes a review workbook ExcelJS reads: the rows, the COUNTIF distribution, links to the copies, the AutoFilter and the failures", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(review);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Review", "Failures"]);
    const ws = wb.getWorksheet("Review")!;
    expect(["B5", "C5", "D5", "E5", "F5"].map((a) => (ws.getCell(a).value as { formula: string }).formula)).toEqual([
      'COUNTIF($E$9:$E$11,"Excellent (优)")',
      'COUNTIF($E$9:$E$11,"Good (良)")',
      'COUNTIF($E$9:$E$11,"Fair (中)")',
      'COUNTIF($E$9:$E$11,"Poor (差)")',
      "SUM(B5:E5)",
    ]);
    const rows = [9, 10, 11].map((r) => ["A", "B", "C", "D", "E", "G", "I", "J", "K"].map((c) => ws.getCell(`${c}${r}`).value));
    expect(rows).toEqual([
      [path.join(f.dir, "self-evaluation-form.xlsx"), "信丰县人力资源和社会保障局", "社保专项工作经费项目", expected("self-evaluation-form").total, "Excellent (优)", 85.7, 0, 4, 1],
      [path.join(f.dir, "english.xlsx"), null, null, expected("english").total, "Excellent (优)", 89.8, 0, 1, 0],
      [path.join(f.dir, "seed.xlsx"), null, "社保专项工作经费项目", 100, "Excellent (优)", 100, 0, 2, 4],
    ]);
    expect((ws.getCell("H9").value as { formula: string }).formula).toBe('IF(ISNUMBER(G9),G9-F9,"")');
    expect(ws.getCell("M9").value).toEqual({ text: "../in/self-evaluation-form.scored.xlsx", hyperlink: "../in/self-evaluation-form.scored.xlsx" });
    expect(ws.autoFilter).toBe("A8:M11");
    const failures = wb.getWorksheet("Failures")!;
    expect([3, 4].map((r) => [failures.getCell(`A${r}`).value, failures.getCell(`B${r}`).value])).toEqual([
      [path.join(f.dir, "broken.xlsx"), "cannot be read: not an .xlsx workbook"],
      [path.join(f.dir, "empty.xlsx"), "The workbook is empty: there is nothing to score."],
    ]);
    expect(wb.definedNames.model).toEqual([]);
  });
});

describe("perfscore review of a workbook with several projects", () => {
  it("gives one row per project, each with its own total, grade and findings, on the same file and scored copy", async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-review-projects-"));
    fs.copyFileSync(path.join(ROOT, "examples", "projects.xlsx"), path.join(base, "projects.xlsx"));
    const r = await runCli(["review", base, "-o", path.join(base, "review.xlsx"), "--json", "--lang", "en"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Json;
    const worked = (JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "projects.expected.json"), "utf8")) as { projects: { name: string; total: number; grade: string; findings: unknown[] }[] }).projects;
    // Largest |self − score| first: 医疗救助项目 (94 against 84), then 城乡居民医保 (93.81 against
    // 93.8118, rounded by the department), then 就业创业 (no difference).
    expect(json.projects.map((p) => [p.project, p.total, p.grade, p.projectIndex])).toEqual([
      [worked[2]!.name, worked[2]!.total, "良", 2],
      [worked[1]!.name, worked[1]!.total, "优", 1],
      [worked[0]!.name, worked[0]!.total, "优", 0],
    ]);
    expect(json.projects[0]!.topFinding).toMatchObject({ code: "UNMET_TARGET_FULL_MARKS", cell: "医保项目!I14" });
    expect(new Set(json.projects.map((p) => p.scoredCopy))).toEqual(new Set([path.join(base, "projects.scored.xlsx")]));
    expect(json.distribution).toEqual({ 优: 2, 良: 1, 中: 0, 差: 0 });
  });
});

describe("perfscore review exit codes", () => {
  it("exits 0 when every file is scored, puts the copies in --out-dir and skips earlier copies in the folder", async () => {
    const f = reviewFolder();
    fs.rmSync(path.join(f.dir, "broken.xlsx"));
    fs.rmSync(path.join(f.dir, "empty.xlsx"));
    fs.copyFileSync(path.join(ROOT, "examples", "seed.xlsx"), path.join(f.dir, "seed.scored.xlsx"));
    const copies = path.join(f.out, "copies");
    const r = await runCli(["review", f.dir, "-o", path.join(f.out, "new", "r.xlsx"), "--out-dir", copies, "--jobs", "1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("文件 3 个，已评分 3 个（项目 3 个），失败 0 个");
    expect(r.stdout).toContain("等级：优 3，良 0，中 0，差 0");
    expect(fs.readdirSync(copies).sort()).toEqual(["english.scored.xlsx", "seed.scored.xlsx", "self-evaluation-form.scored.xlsx"]);
    expect(fs.existsSync(path.join(f.out, "new", "r.xlsx"))).toBe(true);
  });

  it("exits 1 when no file can be scored, and still writes the review with the failures", async () => {
    const f = reviewFolder();
    const out = path.join(f.out, "r.xlsx");
    const r = await runCli(["review", path.join(f.dir, "broken.xlsx"), path.join(f.dir, "missing.xlsx"), "-o", out, "--json"]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Json).failures.map((x) => [path.basename(x.file), x.kind, x.reason])).toEqual([
      ["missing.xlsx", "missing", "文件不存在或不是文件"],
      ["broken.xlsx", "unreadable", "无法读取：不是 .xlsx 工作簿"],
    ]);
    expect(fs.existsSync(out)).toBe(true);
  });

  it("shows progress on one updating line when stderr is a terminal", async () => {
    const f = reviewFolder();
    let stderr = "";
    const tty = Object.assign(new Writable({ write: (chunk: Buffer, _e, cb) => ((stderr += chunk.toString("utf8")), cb()) }), { isTTY: true });
    const code = await main(["review", f.dir, "-o", path.join(f.out, "r.xlsx"), "--json", "--jobs", "2", "--lang", "en"], new Writable({ write: (_c, _e, cb) => cb() }), tty);
    expect(code).toBe(3);
    const lines = stderr.split("\r").filter((l) => l !== "");
    expect(lines[0]).toBe("0/5 done\x1b[K");
    expect(lines[lines.length - 1]).toBe("5/5 done, 2 failed\x1b[K\n");
    expect(lines.length).toBe(6);
  });

  it("exits 1 when a folder holds no workbook", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-review-"));
    const r = await runCli(["review", dir, "--lang", "en"]);
    expect([r.code, r.stderr]).toEqual([1, "perfscore review: no .xlsx workbooks found\n"]);
  });

  it.each([[["review"]], [["review", "x", "--jobs", "0"]], [["review", "x", "--jobs"]], [["review", "x", "--lang", "fr"]], [["review", "x", "--bogus"]]])("exits 2 on bad arguments %j", async (argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("usage: perfscore");
  });

  it("exits 2 when -o names a folder", async () => {
    const f = reviewFolder();
    const r = await runCli(["review", f.dir, "-o", f.out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`-o ${f.out} is a folder`);
  });

  it("exits 2 when -o names an input", async () => {
    const f = reviewFolder();
    const input = path.join(f.dir, "seed.xlsx");
    const r = await runCli(["review", input, "-o", input]);
    expect(r.code).toBe(2);
    expect(sha256(input)).toBe(f.hashes()["seed"]);
  });
});
