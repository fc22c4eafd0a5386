import * as fs from "fs";
import * as path from "path";
import { dumpInSeparateProcess, ROOT, runCli, tempCopy, type WorkbookDump } from "./run";

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

/**
 * What the CLI reports per example: request bytes (the read requests and the write batches of its
 * plans), queued actions and the largest response. Before styles were grouped over RangeAreas
 * (issue 9 §3) these were 127,399 / 125,885 / 114,962 bytes and 986 / 982 / 911 actions.
 */
const HOST: Record<string, { payloadBytes: number; actions: number; maxResponseBytes: number }> = {
  seed: { payloadBytes: 54117, actions: 149, maxResponseBytes: 3942 },
  "self-evaluation-form": { payloadBytes: 47814, actions: 150, maxResponseBytes: 5176 },
  english: { payloadBytes: 42478, actions: 148, maxResponseBytes: 4025 },
};

describe.each(["seed", "self-evaluation-form", "english"])("perfscore on examples/%s.xlsx", (name) => {
  const expected = JSON.parse(fs.readFileSync(path.join(ROOT, "examples", `${name}.expected.json`), "utf8")) as Expected;
  const { dir, paths } = tempCopy(path.join(ROOT, "examples", `${name}.xlsx`));
  const input = paths[0]!;
  let before: WorkbookDump;
  let result: Awaited<ReturnType<typeof runCli>>;
  let report: Record<string, unknown> & Expected & { outputSheets: string[]; file: string; host: Record<string, number> };

  beforeAll(async () => {
    [before] = (await dumpInSeparateProcess(input)) as [WorkbookDump];
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

  it("writes <name>.scored.xlsx beside the input and leaves the input byte for byte unchanged", async () => {
    expect(report.file).toBe(path.join(dir, `${name}.scored.xlsx`));
    expect(fs.existsSync(report.file)).toBe(true);
    const [after] = (await dumpInSeparateProcess(input)) as [WorkbookDump];
    expect(after.sha256).toBe(before.sha256);
  });

  it("reads in 2 syncs and writes in 1, with the request bytes and actions of its plans", () => {
    expect(report.host).toEqual({ syncs: 3, ...HOST[name] });
  });

  it("leaves every input sheet's values, formulas and formats identical (read by a plain ExcelJS in another process)", async () => {
    const [output] = (await dumpInSeparateProcess(report.file)) as [WorkbookDump];
    expect(output.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), ...report.outputSheets]);
    expect(output.sheets.slice(0, before.sheets.length)).toEqual(before.sheets);
  });

  it("gives the same output and no extra sheets when run again on its own output", async () => {
    const again = await runCli([report.file, "--json", "--in-place"]);
    expect(again.code).toBe(0);
    const second = JSON.parse(again.stdout);
    expect(second.outputSheets).toEqual(report.outputSheets);
    expect(second.total).toBe(report.total);
    expect(second.findings).toEqual(report.findings);
    const [output] = (await dumpInSeparateProcess(report.file)) as [WorkbookDump];
    expect(output.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), ...report.outputSheets]);
  });
});
