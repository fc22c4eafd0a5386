import * as fs from "fs";
import * as path from "path";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { XlsxHost } from "../../src/hosts/xlsx";
import { evaluateWorkbook } from "../../src/core/evaluate";
import { scoreBudget } from "../../src/core/score/scoreBudget";
import { DEFAULT_SETTINGS } from "../../src/core/types";
import { ROOT, runCli, tempCopy } from "./run";

/** test/corpus/<id>.expected.json, as test/corpus/README.md describes it. */
interface Expected {
  complete: boolean;
  total: number | null;
  grade: string | null;
  selfTotal: number | null;
  budget: Record<string, unknown> | null;
  indicators: Record<string, unknown>[];
  mustFind: { code: string; cell: string }[];
  mustNotFind: { code: string }[];
}

/** The CLI's JSON: one project's fields at the top level, or a projects array (§1.6). */
interface RawReport extends Partial<Report> {
  projects?: Report[];
  workbookFindings?: Report["findings"];
}

/**
 * The report as one table's reading. A page cut into fragments of two tables reads as two
 * projects; the corpus hand-worked them as one page, so their indicators are taken in order,
 * the budget is the one that was found, and the findings are all of them.
 */
function flatten(raw: RawReport): Report {
  const projects = raw.projects ?? [];
  if (projects.length <= 1 && raw.indicators !== undefined) return raw as Report;
  return {
    total: projects[0]!.total,
    grade: projects[0]!.grade,
    selfTotal: projects[0]!.selfTotal,
    budget: projects.find((p) => p.budget !== null)?.budget ?? null,
    indicators: projects.flatMap((p) => p.indicators),
    findings: [...projects.flatMap((p) => p.findings), ...(raw.workbookFindings ?? [])],
  };
}

interface Report {
  total: number;
  grade: string;
  selfTotal: number | null;
  budget: Record<string, unknown> | null;
  indicators: Record<string, unknown>[];
  findings: { code: string; severity: string; cell: string; message: string }[];
}

const DIR = path.join(ROOT, "test", "corpus");
const IDS = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => f.replace(".expected.json", ""))
  .sort();
/** Tables whose page stops before any indicator row: nothing can be scored, only the budget read. */
const NO_INDICATORS = ["hb-2020-huanggang-dangan"];

/** Compares numbers within 1e-9 and everything else exactly, naming the place on failure. */
function expectClose(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === "number") {
    expect({ where, diff: typeof actual === "number" && Math.abs(actual - expected) < 1e-9 ? 0 : actual }).toEqual({ where, diff: 0 });
  } else {
    expect({ where, value: actual }).toEqual({ where, value: expected });
  }
}

function load(id: string): Expected {
  return JSON.parse(fs.readFileSync(path.join(DIR, `${id}.expected.json`), "utf8")) as Expected;
}

it("has the nine published tables of the corpus", () => {
  expect(IDS).toHaveLength(9);
});

describe.each(IDS.filter((id) => !NO_INDICATORS.includes(id)))("perfscore on the published table %s", (id) => {
  const expected = load(id);
  let code: number;
  let report: Report;
  let raw: RawReport;

  beforeAll(async () => {
    const { paths } = tempCopy(path.join(DIR, `${id}.xlsx`));
    const result = await runCli([paths[0]!, "--json", "--lang", "en"]);
    code = result.code;
    raw = JSON.parse(result.stdout) as RawReport;
    report = flatten(raw);
  });

  it("scores it: exit 0 whatever its findings say", () => {
    expect(code).toBe(0);
  });

  it("matches the hand-worked total, grade and self-total where the page gives them", () => {
    if (expected.total !== null) expectClose(report.total, expected.total, "total");
    if (expected.grade !== null) expect(report.grade).toBe(expected.grade);
    if (expected.selfTotal !== null) expectClose(report.selfTotal, expected.selfTotal, "selfTotal");
  });

  it("matches the hand-worked budget", () => {
    if (expected.budget === null) expect(report.budget).toBeNull();
    else for (const [k, v] of Object.entries(expected.budget)) expectClose(report.budget?.[k], v, `budget.${k}`);
  });

  it("matches the hand-worked indicators, in order (a cut table may add rows after them)", () => {
    if (expected.complete) expect(report.indicators).toHaveLength(expected.indicators.length);
    expected.indicators.forEach((e, i) => {
      for (const [k, v] of Object.entries(e)) expectClose(report.indicators[i]?.[k], v, `indicators[${i}].${k}`);
    });
  });

  it("reports every finding it must, and none of the codes it must not", () => {
    const got = report.findings.map((f) => `${f.code}@${f.cell}`);
    expect(expected.mustFind.map((m) => `${m.code}@${m.cell}`).filter((m) => !got.includes(m))).toEqual([]);
    const banned = new Set(expected.mustNotFind.map((m) => m.code));
    expect(got.filter((g) => banned.has(g.split("@")[0]!))).toEqual([]);
  });

  it("gives at most one finding for unused template rows", () => {
    expect(report.findings.filter((f) => f.code === "UNUSED_TEMPLATE_ROWS").length).toBeLessThanOrEqual(1);
  });

  it("orders its findings errors first, then warnings, then notes", () => {
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    for (const list of raw.projects?.map((p) => p.findings) ?? [report.findings]) {
      const ranks = list.map((f) => rank[f.severity]!);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });
});

describe.each(NO_INDICATORS)("the published table %s, cut before its indicators", (id) => {
  const expected = load(id);

  it("is not scored: the CLI exits 1 and names the header it found", async () => {
    const { paths } = tempCopy(path.join(DIR, `${id}.xlsx`));
    const result = await runCli([paths[0]!, "--json", "--lang", "en"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("项目绩效自评表!B11");
  });

  it("still reads its budget block as worked by hand", async () => {
    const host = await XlsxHost.fromFile(path.join(DIR, `${id}.xlsx`));
    const { grids } = await host.run((ctx) => readWorkbook(ctx, { isSetSupported: () => true }));
    const result = evaluateWorkbook(grids, DEFAULT_SETTINGS);
    expect(result.evaluation).toBeNull();
    const block = result.evaluation === null ? result.detection.budget : null;
    expect(block).not.toBeNull();
    const { budget, findings } = scoreBudget(block!, DEFAULT_SETTINGS);
    const got: Record<string, unknown> = { ...budget };
    for (const [k, v] of Object.entries(expected.budget!)) expectClose(got[k], v, `budget.${k}`);
    const banned = new Set(expected.mustNotFind.map((m) => m.code));
    expect(findings.filter((f) => banned.has(f.code))).toEqual([]);
  });
});

describe("perfscore --profile", () => {
  it("rejects an unknown profile with exit 2, naming the known ones", async () => {
    const { paths } = tempCopy(path.join(DIR, "sc-2023-qingshen-gongzi.xlsx"));
    const result = await runCli([paths[0]!, "--profile", "guangdong"]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe('perfscore: unknown profile "guangdong"; known: mof (财政部), hubei (湖北), sichuan (四川)');
  });

  it("scores with the named profile (四川 by its Chinese name) and exits 0, its error findings in the report", async () => {
    const { paths } = tempCopy(path.join(DIR, "sc-2023-qingshen-gongzi.xlsx"));
    const result = await runCli([paths[0]!, "--json", "--profile=四川"]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Report).findings.some((f) => f.severity === "error")).toBe(true);
    expectClose((JSON.parse(result.stdout) as Report).total, 10, "total");
  });
});
