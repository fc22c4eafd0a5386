/**
 * LibreOffice end to end: scores each example with the CLI (in-process), opens the scored file in
 * headless LibreOffice with a profile that recalculates every formula on load, and checks that
 * every formula the layout wrote evaluates to the value the engine computed (the plan's `value`).
 * It also renders the workbook to PDF and PNG for a human to look at:
 *
 * - test/e2e/out/<case>-page-N.png: the printed pages, as File > Print would cut them;
 * - test/e2e/out/<case>-sheet-N.png: each sheet on one page of its own (sheet N of the workbook);
 * - test/e2e/out/<case>.json: sheet names, formula counts and page counts of the run.
 *
 * With PERFSCORE_UPDATE_DOCS_IMAGES=1 it also copies the pictures docs/ uses to docs/images/.
 *
 * LibreOffice is required; without it the suite fails with the install command.
 */
import { toA1 } from "../../src/core/cells/address";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Writable } from "stream";
import { main } from "../../src/cli/main";
import { DEFAULT_SETTINGS, type Language } from "../../src/core/types";
import { compute } from "../../src/excel/compute";
import { XlsxHost } from "../../src/hosts/xlsx";
import { layoutWorkbook } from "../../src/core/layout/layoutWorkbook";
import type { SheetPlan } from "../../src/core/layout/sheetPlan";
import {
  convert,
  isErrorResult,
  makeRecalcProfile,
  ONE_PAGE_PER_SHEET,
  pageCount,
  pageText,
  readFormulaCells,
  renderPages,
  requireTools,
  type FormulaCell,
  type FormulaResult,
} from "./libreoffice";

const ROOT = path.join(__dirname, "..", "..");
const OUT = path.join(__dirname, "out");
const DOCS_IMAGES = path.join(ROOT, "docs", "images");
/** 2023-02-28T00:00:00Z: the CLI reads SOURCE_DATE_EPOCH, the in-process run gets the same clock. */
const EPOCH = 1677542400;
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;

interface Case {
  id: string;
  example: string;
  lang: Language;
  /** Pictures to copy to docs/images: output role → file name. */
  docs: Partial<Record<SheetPlan["role"], string>>;
}

const CASES: Case[] = [
  { id: "seed", example: "seed", lang: "zh", docs: { scoreTable: "seed-score-table.png", summary: "seed-summary.png" } },
  { id: "self-evaluation-form", example: "self-evaluation-form", lang: "zh", docs: { scoreTable: "self-evaluation-form-score-table.png" } },
  { id: "english", example: "english", lang: "zh", docs: {} },
  { id: "english-en", example: "english", lang: "en", docs: { summary: "english-summary.png" } },
  // Three projects (docs/scoring-rules.md §1.6): stacked blocks, the overview and the grade distribution.
  { id: "projects", example: "projects", lang: "zh", docs: {} },
  { id: "projects-en", example: "projects", lang: "en", docs: {} },
];

/** Numbers agree within 1e-9 (relative beyond 1, since LibreOffice writes 15 significant digits); text exactly. */
function agrees(actual: FormulaResult, expected: number | string): boolean {
  if (typeof expected === "number") return typeof actual === "number" && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  return actual === expected;
}

function sink(append: (s: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, cb) {
      append(chunk.toString("utf8"));
      cb();
    },
  });
}

/** The CLI, in-process, with the fixed clock. */
async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const before = process.env["SOURCE_DATE_EPOCH"];
  process.env["SOURCE_DATE_EPOCH"] = String(EPOCH);
  try {
    const code = await main(argv, sink((s) => (stdout += s)), sink((s) => (stderr += s)));
    return { code, stdout, stderr };
  } finally {
    if (before === undefined) delete process.env["SOURCE_DATE_EPOCH"];
    else process.env["SOURCE_DATE_EPOCH"] = before;
  }
}

/** The same pipeline as the CLI, kept in memory: the plans and therefore each formula's engine value. */
async function enginePlans(input: string, lang: Language): Promise<SheetPlan[]> {
  const host = await XlsxHost.fromFile(input);
  const now = () => new Date(EPOCH * 1000);
  const result = await host.run((context) =>
    compute(context, { ...DEFAULT_SETTINGS, language: lang }, { isSetSupported: (n, v) => host.capabilities.isSetSupported(n, v), charts: host.capabilities.charts, now, version: VERSION }),
  );
  if (result.evaluation === null) throw new Error(`${input}: nothing to score in-process`);
  const [scoreTableName, summaryName] = result.outputSheets;
  if (scoreTableName === undefined || summaryName === undefined) throw new Error(`${input}: compute wrote ${result.outputSheets.length} sheets`);
  return layoutWorkbook(result, { scoreTableName, summaryName, version: VERSION, generatedAt: now().toISOString() });
}

interface PlannedFormula {
  sheet: string;
  address: string;
  formula: string;
  value: number | string;
}

function plannedFormulas(plans: SheetPlan[]): PlannedFormula[] {
  const out: PlannedFormula[] = [];
  for (const plan of plans) {
    plan.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.kind === "formula") out.push({ sheet: plan.name, address: toA1(r, c), formula: cell.formula.replace(/^=/, ""), value: cell.value });
      }),
    );
  }
  return out;
}

const key = (sheet: string, address: string) => `${sheet}!${address}`;

describe("LibreOffice", () => {
  it("is installed (soffice, pdftoppm)", () => {
    expect(requireTools().soffice).toMatch(/LibreOffice/);
  });
});

describe.each(CASES)("LibreOffice on examples/$example.xlsx --lang $lang", (c) => {
  let dir: string;
  let profile: string;
  let cli: { code: number; stdout: string; stderr: string };
  let outputSheets: string[];
  let plans: SheetPlan[];
  let planned: PlannedFormula[];
  let written: { sheetNames: string[]; cells: FormulaCell[] };
  let recalculated: { sheetNames: string[]; cells: FormulaCell[] };
  let printPdf: string;
  let sheetsPdf: string;

  beforeAll(async () => {
    requireTools();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `perfscore-lo-${c.id}-`));
    const input = path.join(dir, `${c.example}.xlsx`);
    fs.copyFileSync(path.join(ROOT, "examples", `${c.example}.xlsx`), input);
    const output = path.join(dir, `${c.id}.scored.xlsx`);
    cli = await runCli([input, "-o", output, "--json", "--lang", c.lang]);
    if (cli.code !== 0) throw new Error(`perfscore exited ${cli.code}: ${cli.stderr}`);
    outputSheets = (JSON.parse(cli.stdout) as { outputSheets: string[] }).outputSheets;
    plans = await enginePlans(input, c.lang);
    planned = plannedFormulas(plans);
    written = await readFormulaCells(output);

    // Sequential conversions, one fresh profile for this case.
    profile = makeRecalcProfile();
    try {
      const xlsx = convert(output, "xlsx", "xlsx", path.join(dir, "recalculated"), profile);
      recalculated = await readFormulaCells(xlsx);
      printPdf = convert(output, "pdf", "pdf", path.join(dir, "print"), profile);
      sheetsPdf = convert(output, ONE_PAGE_PER_SHEET, "pdf", path.join(dir, "sheets"), profile);
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
    }
    fs.mkdirSync(OUT, { recursive: true });
    fs.copyFileSync(output, path.join(OUT, `${c.id}.scored.xlsx`));
    fs.copyFileSync(printPdf, path.join(OUT, `${c.id}.pdf`));
    fs.copyFileSync(sheetsPdf, path.join(OUT, `${c.id}-sheets.pdf`));
  });

  afterAll(() => {
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("scores the example (exit 0, no stderr) into a score table and a summary", () => {
    expect(cli.stderr).toBe("");
    expect(outputSheets).toHaveLength(2);
    expect(plans.map((p) => p.name)).toEqual(outputSheets);
  });

  it("writes exactly the planned formulas into the file", () => {
    const inOutput = written.cells.filter((w) => outputSheets.includes(w.sheet)).map((w) => `${key(w.sheet, w.address)} =${w.formula}`);
    expect(inOutput.sort()).toEqual(planned.map((p) => `${key(p.sheet, p.address)} =${p.formula}`).sort());
  });

  it("opens in LibreOffice with the same sheets", () => {
    expect(recalculated.sheetNames).toEqual(written.sheetNames);
    for (const s of outputSheets) expect(recalculated.sheetNames).toContain(s);
  });

  it("recalculates every formula to the engine's value, without errors", () => {
    const lo = new Map(recalculated.cells.map((x) => [key(x.sheet, x.address), x]));
    const compared = planned.filter((p) => lo.has(key(p.sheet, p.address)));
    const perSheet = Object.fromEntries(outputSheets.map((s) => [s, compared.filter((p) => p.sheet === s).length]));
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(
      path.join(OUT, `${c.id}.json`),
      `${JSON.stringify(
        {
          case: c.id,
          sheetNames: recalculated.sheetNames,
          planned: planned.length,
          compared: compared.length,
          perSheet,
          printPages: pageCount(printPdf),
          cells: planned.map((p) => ({ ...p, libreoffice: lo.get(key(p.sheet, p.address))?.result ?? null })),
        },
        null,
        1,
      )}\n`,
    );

    // Not vacuous: the examples all carry well over 20 formulas, on both output sheets.
    expect(compared.length).toBeGreaterThan(20);
    for (const s of outputSheets) expect({ sheet: s, formulas: perSheet[s]! > 0 }).toEqual({ sheet: s, formulas: true });

    const errors = recalculated.cells.filter((x) => outputSheets.includes(x.sheet) && isErrorResult(x.result)).map((x) => `${key(x.sheet, x.address)} =${x.formula} → ${JSON.stringify(x.result)}`);
    expect(errors).toEqual([]);

    const mismatches = planned
      .map((p) => {
        const got = lo.get(key(p.sheet, p.address));
        if (got === undefined) return `${key(p.sheet, p.address)} =${p.formula}: no formula in LibreOffice's file (engine ${JSON.stringify(p.value)})`;
        if (agrees(got.result, p.value)) return null;
        return `${key(p.sheet, p.address)} =${p.formula}: LibreOffice ${JSON.stringify(got.result)}, engine ${JSON.stringify(p.value)}`;
      })
      .filter((m): m is string => m !== null);
    expect(mismatches).toEqual([]);

    if (c.example === "projects") {
      // The overview's totals and grades and the grade distribution are among the formulas compared.
      const overview = compared.filter((p) => p.sheet === outputSheets[1] && /^(IFERROR\(|COUNTIF\(|IF\(ISNUMBER\(B[567]\))/.test(p.formula) && /^[BC][0-9]+$/.test(p.address));
      expect(overview.filter((p) => p.formula.startsWith("COUNTIF(")).map((p) => p.value)).toEqual([2, 1, 0, 0]);
      expect(overview.filter((p) => /^B[567]$/.test(p.address)).map((p) => p.value)).toEqual([95.5, 93.81176470588235, 84]);
    }
  });

  it("saves every formula we write with a cached result equal to LibreOffice's recalculation", () => {
    const lo = new Map(recalculated.cells.map((x) => [key(x.sheet, x.address), x]));
    const ours = written.cells.filter((w) => outputSheets.includes(w.sheet));
    expect(ours.length).toBe(planned.length);
    const mismatches = ours
      .map((w) => {
        const got = lo.get(key(w.sheet, w.address));
        if (got === undefined) return `${key(w.sheet, w.address)}: not in LibreOffice's file`;
        const cached = w.result;
        if (typeof cached === "object" || typeof got.result === "object") return `${key(w.sheet, w.address)} =${w.formula}: cached ${JSON.stringify(cached)}, LibreOffice ${JSON.stringify(got.result)}`;
        const expected = typeof got.result === "boolean" ? String(got.result) : got.result;
        return agrees(cached, expected) ? null : `${key(w.sheet, w.address)} =${w.formula}: cached ${JSON.stringify(cached)}, LibreOffice ${JSON.stringify(got.result)}`;
      })
      .filter((m): m is string => m !== null);
    expect(mismatches).toEqual([]);
  });

  it("renders to PDF and PNG: the printed pages, and each sheet on a page of its own", () => {
    const pages = renderPages(printPdf, path.join(OUT, `${c.id}-page`));
    expect(pages.length).toBe(pageCount(printPdf));
    const sheetPages = renderPages(sheetsPdf, path.join(OUT, `${c.id}-sheet`));
    expect(sheetPages).toHaveLength(recalculated.sheetNames.length);
    for (const plan of plans) {
      const index = recalculated.sheetNames.indexOf(plan.name);
      // The sheet's title (A1) is on its page, so the page really is that sheet.
      const title = plan.cells[0]?.[0];
      if (title?.kind === "text") expect(pageText(sheetsPdf, index + 1).replace(/\s+/g, "")).toContain(title.text.replace(/\s+/g, ""));
      const png = sheetPages[index]!;
      expect(fs.statSync(png).size).toBeGreaterThan(1000);
      const docName = c.docs[plan.role];
      if (docName !== undefined && process.env["PERFSCORE_UPDATE_DOCS_IMAGES"] === "1") {
        fs.mkdirSync(DOCS_IMAGES, { recursive: true });
        fs.copyFileSync(png, path.join(DOCS_IMAGES, docName));
      }
    }
  });
});

/**
 * The scored copy of a package that carries what ExcelJS does not model (a chart, sparklines,
 * custom properties, constant and whole-column names, macros) still opens in LibreOffice, with the
 * user's sheets and ours, and our formulas recalculate without errors.
 */
describe.each(["kitchen-sink.xlsx", "macro.xlsm"])("LibreOffice opens the scored copy of test/fixtures/package/%s", (file) => {
  it("converts it with every sheet, and our formulas recalculate to the values cached in the file", async () => {
    requireTools();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-lo-package-"));
    const profile = makeRecalcProfile();
    try {
      const input = path.join(dir, file);
      fs.copyFileSync(path.join(ROOT, "test", "fixtures", "package", file), input);
      const output = path.join(dir, `scored${path.extname(file)}`);
      const cli = await runCli([input, "-o", output, "--json", "--lang", "en"]);
      expect(cli.code).toBe(0);
      const outputSheets = (JSON.parse(cli.stdout) as { outputSheets: string[] }).outputSheets;
      const written = await readFormulaCells(output);
      const recalculated = await readFormulaCells(convert(output, "xlsx", "xlsx", path.join(dir, "recalculated"), profile));
      expect(recalculated.sheetNames).toEqual(written.sheetNames);
      expect(written.sheetNames).toEqual(["自评表", "数据", ...outputSheets]);
      const lo = new Map(recalculated.cells.map((x) => [key(x.sheet, x.address), x]));
      const ours = written.cells.filter((w) => outputSheets.includes(w.sheet));
      expect(ours.length).toBeGreaterThan(20);
      const problems = ours
        .map((w) => {
          const got = lo.get(key(w.sheet, w.address));
          if (got === undefined) return `${key(w.sheet, w.address)}: no formula after LibreOffice`;
          if (isErrorResult(got.result)) return `${key(w.sheet, w.address)} =${w.formula}: LibreOffice ${JSON.stringify(got.result)}`;
          if (typeof w.result === "object" || typeof got.result === "object") return `${key(w.sheet, w.address)}: cached ${JSON.stringify(w.result)}`;
          const expected = typeof got.result === "boolean" ? String(got.result) : got.result;
          if (!agrees(w.result, expected)) return `${key(w.sheet, w.address)} =${w.formula}: cached ${JSON.stringify(w.result)}, LibreOffice ${JSON.stringify(got.result)}`;
          return null;
        })
        .filter((m): m is string => m !== null);
      expect(problems).toEqual([]);
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
