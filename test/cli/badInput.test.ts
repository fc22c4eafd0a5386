import * as fs from "fs";
import * as path from "path";
import { ROOT, runCli, sha256, tempCopy } from "./run";

const fixture = (name: string) => path.join(ROOT, "test", "fixtures", name);

describe("perfscore on bad input", () => {
  it.each([
    ["empty.xlsx", "empty", 1],
    ["unrelated.xlsx", "Sales", 1],
    ["enrollment-only.xlsx", "参保情况!B3", 1],
    ["no-weight-column.xlsx", "评分表!B3", 1],
    ["not-xlsx.xlsx", "not an .xlsx", 2],
  ])("on %s, names the reason (%s), exits %s and writes no file", async (name, reason, exit) => {
    const { dir, paths } = tempCopy(fixture(name));
    const r = await runCli([paths[0]!, "--lang", "en"]);
    expect(r.code).toBe(exit);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(paths[0]!);
    expect(r.stderr).toContain(reason);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(dir)).toEqual([name]);
  });

  it("says so in Chinese by default", async () => {
    const r = await runCli([fixture("no-weight-column.xlsx")]);
    expect(r.stderr).toContain("没有“分值”");
  });

  it("exits 2 for a missing file", async () => {
    const r = await runCli([path.join(ROOT, "no-such-file.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no-such-file.xlsx");
  });

  it("flags every bad value in bad-values.xlsx with its cell, and still exits 0: it was scored", async () => {
    const { paths } = tempCopy(fixture("bad-values.xlsx"));
    const r = await runCli([paths[0]!, "--json"]);
    expect(r.code).toBe(0);
    const cells = (JSON.parse(r.stdout).findings as { code: string; cell: string }[]).map((f) => `${f.code}@${f.cell}`);
    expect(cells).toEqual(
      expect.arrayContaining([
        "NON_NUMERIC@自评表!F4",
        "NON_NUMERIC@自评表!F5",
        "NON_NUMERIC@自评表!F6",
        "NON_NUMERIC@自评表!F7",
        "ZERO_TARGET@自评表!E8",
        "NEGATIVE_VALUE@自评表!F9",
        "ZERO_WEIGHT@自评表!G10",
        "DUPLICATE_NAME@自评表!D12",
        "WEIGHT_SUM@自评表!G14",
        "DECLARED_TOTAL_MISMATCH@自评表!G14",
      ]),
    );
  });

  it("scores around a stray value at XFD1048576 and says the range was clipped", async () => {
    const { paths } = tempCopy(fixture("stray-cell.xlsx"));
    const r = await runCli([paths[0]!, "--json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.total).toBe(100);
    expect(report.findings.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`)).toContain("RANGE_CLIPPED@绩效评价!XFD1048576");
  });

  it("scores a workbook with a password-protected sheet without touching it", async () => {
    const { paths } = tempCopy(fixture("protected.xlsx"));
    const before = sha256(paths[0]!);
    const r = await runCli([paths[0]!, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).grade).toBe("优");
    expect(sha256(paths[0]!)).toBe(before);
  });

  it("keeps formula-like names as text", async () => {
    const { paths } = tempCopy(fixture("formula-injection.xlsx"));
    const r = await runCli([paths[0]!, "--json"]);
    const report = JSON.parse(r.stdout);
    expect(report.total).toBe(95);
    expect(report.indicators.map((i: { path: string[] }) => i.path[0])).toContain("=1+1");
  });
});

describe("perfscore arguments", () => {
  it.each([[[]], [["a.xlsx", "b.xlsx"]], [["a.xlsx", "--lang", "fr"]], [["a.xlsx", "--bogus"]], [["a.xlsx", "-o", "x.xlsx", "--in-place"]], [["a.xlsx", "-o"]]])(
    "exits 2 on bad arguments %j",
    async (argv) => {
      const r = await runCli(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("usage: perfscore");
    },
  );
  it("writes to -o and --in-place as asked", async () => {
    const { dir, paths } = tempCopy(path.join(ROOT, "examples", "seed.xlsx"));
    const out = path.join(dir, "out.xlsx");
    expect((await runCli([paths[0]!, "-o", out])).code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    const before = sha256(paths[0]!);
    const r = await runCli([paths[0]!, "--in-place"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("总分 100.00，等级 优");
    expect(sha256(paths[0]!)).not.toBe(before);
  });
  it("prints a short English summary with --lang en", async () => {
    const { paths } = tempCopy(path.join(ROOT, "examples", "seed.xlsx"));
    const r = await runCli([paths[0]!, "--lang", "en"]);
    expect(r.stdout.split("\n").slice(0, 3)).toEqual([
      "Total 100.00, grade Excellent (优) (self-assessed 100.00)",
      "Findings: 0 errors, 2 warnings, 4 notes",
      '  [warning] DUPLICATE_NAME 绩效评价!D13: "资金管理" appears twice under "决策" (the other is at 绩效评价!D11). If it is one category continued after a page break, merge the two; otherwise rename one.',
    ]);
    expect(r.stdout).toContain("seed.scored.xlsx");
  });
});
