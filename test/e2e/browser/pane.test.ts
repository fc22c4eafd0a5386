/**
 * The built task pane in headless Chromium, through the harness: the pane's real code on the xlsx
 * host, checked against the CLI and the Node host on the same files (never against canned values).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { formatFixed } from "../../../src/core/text/formatNumber";
import { terms } from "../../../src/core/text/terms";
import { inspectWorkbook } from "../../../src/excel/inspect";
import { XlsxHost } from "../../../src/hosts/xlsx";
import { paneText } from "../../../src/taskpane/paneText";
import { computeInPane, openHarness, ROOT, savedWorkbook, waitIdle, useSuite } from "./browser";

interface CliJson {
  total: number;
  grade: "优" | "良" | "中" | "差";
  findings: { code: string; severity: string; cell: string; message: string }[];
  outputSheets: string[];
}

/** The CLI's JSON for a workbook (on a copy, so the repository's file is never written). */
function cliJson(file: string, lang: "zh" | "en"): CliJson {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-cli-"));
  try {
    const input = path.join(dir, path.basename(file));
    fs.copyFileSync(path.join(ROOT, file), input);
    const out = execFileSync("node", [path.join(ROOT, "bin", "perfscore.js"), input, "-o", path.join(dir, "out.xlsx"), "--json", "--lang", lang], { encoding: "utf8" });
    return JSON.parse(out) as CliJson;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function sheetValues(wb: ExcelJS.Workbook, name: string): Promise<unknown[]> {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  const out: unknown[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => out.push([r, c, cell.value])));
  return out;
}

const s = useSuite();

describe.each(["examples/seed.xlsx", "examples/english.xlsx", "examples/self-evaluation-form.xlsx"])("detection on %s", (file) => {
  it("shows every table the Node host finds, with its range", async () => {
    const host = await XlsxHost.fromFile(path.join(ROOT, file));
    const env = { isSetSupported: (n: string, v: string) => host.capabilities.isSetSupported(n, v), charts: false, now: () => new Date(0), version: "0" };
    const expected = await host.run((context) => inspectWorkbook(context, env));
    expect(expected.tables.length).toBeGreaterThan(0);
    const { page } = await openHarness(s(), `/${file}`, { lang: "en" });
    const shown = await page.locator(".table-card .range").allTextContents();
    expect(shown).toEqual(expected.tables.map((t) => paneText("en").selectRange(t.range)));
    await page.context().close();
  });
});

describe("compute on examples/seed.xlsx", () => {
  it.each(["zh", "en"] as const)("shows the CLI's total, grade and findings (%s), in at most 3 syncs", async (lang) => {
    const cli = cliJson("examples/seed.xlsx", lang);
    const { page, pageErrors, loadMs } = await openHarness(s(), "/examples/seed.xlsx", { lang });
    const { syncs, ms } = await computeInPane(page);
    console.log(`seed.xlsx (${lang}): ${loadMs ?? "?"} ms from page load to an interactive pane (tables shown); compute took ${syncs} context.sync() calls, ${ms} ms from click to result`);
    expect(syncs).toBeLessThanOrEqual(3);
    const card = page.locator("#result dl.card dd");
    expect(await card.nth(0).textContent()).toBe(formatFixed(cli.total, 2));
    expect(await card.nth(1).textContent()).toBe(terms(lang).grade[cli.grade]);
    const items = page.locator(".finding-list > li > button");
    const shown = await items.evaluateAll((buttons) =>
      buttons.map((b) => ({ cell: b.querySelector(".finding-cell")?.textContent ?? "", message: b.querySelector(".finding-message")?.textContent ?? "" })),
    );
    const sortKey = (f: { cell: string; message: string }) => `${f.cell}\u0000${f.message}`;
    expect(shown.map(sortKey).sort()).toEqual(cli.findings.map((f) => sortKey({ cell: f.cell, message: f.message })).sort());
    expect(shown.length).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it("writes the score table and summary; the user's sheets keep every value; a re-run replaces only its own sheets", async () => {
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(path.join(ROOT, "examples", "seed.xlsx"));
    const userSheets = original.worksheets.map((w) => w.name);
    const { page } = await openHarness(s(), "/examples/seed.xlsx", { lang: "zh" });
    await computeInPane(page);
    const first = new ExcelJS.Workbook();
    await first.xlsx.load((await savedWorkbook(page)) as unknown as ArrayBuffer);
    const words = terms("zh");
    expect(first.worksheets.map((w) => w.name)).toEqual([...userSheets, words.sheet.scoreTable, words.sheet.summary]);
    for (const name of userSheets) expect(await sheetValues(first, name)).toEqual(await sheetValues(original, name));
    expect((await sheetValues(first, words.sheet.scoreTable)).length).toBeGreaterThan(20);
    expect((await sheetValues(first, words.sheet.summary)).length).toBeGreaterThan(5);

    await computeInPane(page);
    const second = new ExcelJS.Workbook();
    await second.xlsx.load((await savedWorkbook(page)) as unknown as ArrayBuffer);
    expect(second.worksheets.map((w) => w.name)).toEqual(first.worksheets.map((w) => w.name));
    for (const name of userSheets) expect(await sheetValues(second, name)).toEqual(await sheetValues(original, name));
    await page.context().close();
  });

  it("the download button gives the same workbook as save()", async () => {
    const { page } = await openHarness(s(), "/examples/seed.xlsx", { lang: "en" });
    await computeInPane(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#harness-download")]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining([terms("en").sheet.scoreTable, terms("en").sheet.summary]));
    expect(download.suggestedFilename()).toBe("seed-perfscore.xlsx");
    await page.context().close();
  });
});

describe("office.js finishing late", () => {
  it("does not take the page's Office back from the harness: the pane starts in Excel's language and computes", async () => {
    const { page, pageErrors } = await openHarness(s(), "/examples/seed.xlsx", { lang: "en", slowOfficeMs: 1500 });
    expect(await page.textContent("#compute")).toBe(paneText("en").compute);
    expect(await page.locator(".notice.error").count()).toBe(0);
    await computeInPane(page);
    expect(await page.locator("#result dl.card dd").first().textContent()).toBe("100.00");
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});

describe("findings and tables select their cells in the host", () => {
  it("a click and Enter on a finding select its cell; the table link selects its range", async () => {
    const { page } = await openHarness(s(), "/examples/seed.xlsx", { lang: "en" });
    await computeInPane(page);
    const buttons = page.locator(".finding-list > li > button");
    expect(await buttons.count()).toBeGreaterThan(1);
    const firstCell = (await buttons.nth(0).locator(".finding-cell").textContent()) ?? "";
    const secondCell = (await buttons.nth(1).locator(".finding-cell").textContent()) ?? "";
    expect(firstCell).not.toBe(secondCell);
    await buttons.nth(0).click();
    await page.waitForFunction((cell) => window.perfscoreHarness.selection() === cell, firstCell);
    await buttons.nth(1).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((cell) => window.perfscoreHarness.selection() === cell, secondCell);
    expect(await buttons.nth(1).getAttribute("title")).toBe(paneText("en").goTo(secondCell));
    const range = page.locator(".table-card .range").first();
    const label = (await range.textContent()) ?? "";
    await range.click();
    await page.waitForFunction((l) => `Select ${window.perfscoreHarness.selection()}` === l, label);
    await waitIdle(page);
    await page.context().close();
  });
});

describe("several projects (examples/projects.xlsx)", () => {
  it("shows one line per project with the CLI's total and grade, and filters the findings by project", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-cli-"));
    fs.copyFileSync(path.join(ROOT, "examples", "projects.xlsx"), path.join(dir, "projects.xlsx"));
    const cli = JSON.parse(
      execFileSync("node", [path.join(ROOT, "bin", "perfscore.js"), path.join(dir, "projects.xlsx"), "-o", path.join(dir, "out.xlsx"), "--json", "--lang", "en"], { encoding: "utf8" }),
    ) as { projects: { name: string; total: number; grade: "优" | "良" | "中" | "差"; findings: { cell: string; message: string }[] }[]; workbookFindings: { cell: string }[] };
    fs.rmSync(dir, { recursive: true, force: true });
    expect(cli.projects.length).toBeGreaterThan(1);
    const { page } = await openHarness(s(), "/examples/projects.xlsx", { lang: "en" });
    await computeInPane(page);
    const lines = page.locator(".project-list .project");
    expect(await lines.count()).toBe(cli.projects.length + 1);
    const words = terms("en");
    for (const [i, p] of cli.projects.entries()) {
      expect(await lines.nth(i + 1).locator(".project-name").textContent()).toBe(p.name);
      expect(await lines.nth(i + 1).locator(".project-score").textContent()).toBe(`${formatFixed(p.total, 2)} ${words.grade[p.grade]}`);
    }
    const cells = () => page.locator(".finding-list .finding-cell").allTextContents();
    const all = [...cli.projects.flatMap((p) => p.findings.map((f) => f.cell)), ...cli.workbookFindings.map((f) => f.cell)];
    expect((await cells()).sort()).toEqual(all.sort());
    const last = cli.projects.length;
    const chosen = cli.projects[last - 1]!;
    await lines.nth(last).click();
    expect(await lines.nth(last).getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator("#result > h2").last().textContent()).toBe(chosen.name);
    expect(await page.locator("#result dl.card dd").first().textContent()).toBe(formatFixed(chosen.total, 2));
    const shown = await page.locator(".finding-list .finding-cell").count();
    if (chosen.findings.length === 0) expect(shown).toBe(0);
    else expect((await cells()).sort()).toEqual(chosen.findings.map((f) => f.cell).sort());
    await page.context().close();
  });
});
