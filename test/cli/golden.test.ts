import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { ROOT, runCli, sha256, tempCopy } from "./run";

interface Expected {
  total: number;
  grade: string;
  selfTotal: number | null;
  weightTotal: number;
  indicators: Record<string, unknown>[];
  enrollment: Record<string, unknown>[];
  budget: Record<string, unknown> | null;
  findings: { code: string; cell: string }[];
}

/** Compares numbers within 1e-9 and everything else exactly. */
function expectClose(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === "number") {
    expect({ where, diff: Math.abs((actual as number) - expected) < 1e-9 }).toEqual({ where, diff: true });
  } else {
    expect({ where, value: actual }).toEqual({ where, value: expected });
  }
}

describe.each(["seed", "self-evaluation-form", "english"])("perfscore on examples/%s.xlsx", (name) => {
  const expected = JSON.parse(fs.readFileSync(path.join(ROOT, "examples", `${name}.expected.json`), "utf8")) as Expected;
  const { dir, paths } = tempCopy(path.join(ROOT, "examples", `${name}.xlsx`));
  const input = paths[0]!;
  const before = sha256(input);
  let result: Awaited<ReturnType<typeof runCli>>;
  let report: Record<string, unknown> & Expected & { outputSheets: string[]; file: string; host: { syncs: number; payloadBytes: number } };

  beforeAll(async () => {
    result = await runCli([input, "--json"]);
    report = JSON.parse(result.stdout);
  });

  it("exits 0 and prints exactly one JSON object", () => {
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toBe("");
  });

  it("matches the hand-worked totals", () => {
    expectClose(report.total, expected.total, "total");
    expect(report.grade).toBe(expected.grade);
    expectClose(report.selfTotal, expected.selfTotal, "selfTotal");
    expectClose(report.weightTotal, expected.weightTotal, "weightTotal");
  });

  it("matches the hand-worked indicators, enrollment lines and budget", () => {
    expect(report.indicators).toHaveLength(expected.indicators.length);
    expected.indicators.forEach((e, i) => {
      for (const [k, v] of Object.entries(e)) expectClose((report.indicators[i] as Record<string, unknown>)[k], v, `indicators[${i}].${k}`);
    });
    expect(report.enrollment).toHaveLength(expected.enrollment.length);
    expected.enrollment.forEach((e, i) => {
      for (const [k, v] of Object.entries(e)) expectClose((report.enrollment[i] as Record<string, unknown>)[k], v, `enrollment[${i}].${k}`);
    });
    if (expected.budget === null) expect(report.budget).toBeNull();
    else for (const [k, v] of Object.entries(expected.budget)) expectClose((report.budget as Record<string, unknown>)[k], v, `budget.${k}`);
  });

  it("lists the one project in projects with the top-level fields, and no workbook findings", () => {
    const projects = report["projects"] as Record<string, unknown>[];
    expect(projects).toHaveLength(1);
    const { name, sheet, table, ...fields } = projects[0]!;
    expect([typeof name, typeof sheet, typeof table]).toEqual(["string", "string", "string"]);
    const topLevel = ["total", "grade", "selfTotal", "weightTotal", "indicators", "enrollment", "budget", "findings"];
    expect(fields).toEqual(Object.fromEntries(topLevel.map((k) => [k, report[k]])));
    expect(report["workbookFindings"]).toEqual([]);
  });

  it("gives exactly the hand-worked findings, each with a message", () => {
    const got = (report.findings as { code: string; cell: string; message: string }[]).map((f) => `${f.code}@${f.cell}`).sort();
    expect(got).toEqual(expected.findings.map((f) => `${f.code}@${f.cell}`).sort());
    for (const f of report.findings as unknown as { message: string }[]) expect(f.message.length).toBeGreaterThan(5);
  });

  it("writes <name>.scored.xlsx beside the input and leaves the input unchanged", () => {
    expect(report.file).toBe(path.join(dir, `${name}.scored.xlsx`));
    expect(fs.existsSync(report.file)).toBe(true);
    expect(sha256(input)).toBe(before);
  });

  it("reads in 2 syncs and writes in 1", () => {
    expect(report.host.syncs).toBe(3);
    expect(report.host.payloadBytes).toBeGreaterThan(1000);
  });

  it("leaves every input sheet's values, formulas and formats identical", async () => {
    const a = new ExcelJS.Workbook();
    await a.xlsx.readFile(input);
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(report.file);
    expect(b.worksheets.map((w) => w.name)).toEqual([...a.worksheets.map((w) => w.name), ...report.outputSheets]);
    for (const ws of a.worksheets) {
      const other = b.getWorksheet(ws.name)!;
      const dump = (w: ExcelJS.Worksheet) => {
        const cells: string[] = [];
        w.eachRow({ includeEmpty: false }, (row) =>
          row.eachCell({ includeEmpty: false }, (c) => cells.push(`${c.address}=${JSON.stringify(c.value)}|${c.numFmt ?? ""}|${JSON.stringify(c.style.font ?? {})}|${JSON.stringify(c.style.fill ?? {})}|${JSON.stringify(c.style.border ?? {})}`)),
        );
        return { cells, merges: [...((w.model as { merges?: string[] }).merges ?? [])].sort(), widths: w.columns?.map((c) => c.width) ?? [] };
      };
      expect(dump(other)).toEqual(dump(ws));
    }
  });

  it("gives the same output and no extra sheets when run again on its own output", async () => {
    const again = await runCli([report.file, "--json", "--in-place"]);
    expect(again.code).toBe(0);
    const second = JSON.parse(again.stdout);
    expect(second.outputSheets).toEqual(report.outputSheets);
    expect(second.total).toBe(report.total);
    expect(second.findings).toEqual(report.findings);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report.file);
    expect(wb.worksheets).toHaveLength(new Set(wb.worksheets.map((w) => w.name)).size);
    expect(wb.worksheets.map((w) => w.name).slice(-2)).toEqual(report.outputSheets);
  });
});
