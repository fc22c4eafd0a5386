/**
 * The pane as people use it, in headless Chromium through the harness: both languages, the dark
 * theme and contrast, the keyboard alone with visible focus, settings (validated, saved in the
 * workbook, surviving a reopen), errors in the user's language, stale results, hostile workbook
 * text, the ribbon command, and the network.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { terms } from "../../../src/core/text/terms";
import { inspectWorkbook } from "../../../src/excel/inspect";
import { describeOfficeError } from "../../../src/excel/officeErrors";
import { XlsxHost } from "../../../src/hosts/xlsx";
import { paneText } from "../../../src/taskpane/paneText";
import { computeInPane, openHarness, openPage, ROOT, savedWorkbook, waitIdle, useSuite } from "./browser";
import type { Page } from "playwright-core";

const s = useSuite();

async function problemOf(file: string): Promise<{ zh: string; en: string }> {
  const host = await XlsxHost.fromFile(path.join(ROOT, file));
  const env = { isSetSupported: (n: string, v: string) => host.capabilities.isSetSupported(n, v), charts: false, now: () => new Date(0), version: "0" };
  const inspection = await host.run((context) => inspectWorkbook(context, env));
  if (inspection.problem === null) throw new Error(`${file} has an indicator table`);
  return inspection.problem;
}

/** WCAG contrast ratios of every visible text element of the pane against the background it sits on. */
async function worstContrast(page: Page): Promise<{ ratio: number; text: string }> {
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] => {
      const m = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/.exec(c);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : [0, 0, 0, 0];
    };
    const lum = ([r, g, b]: number[]) =>
      [r, g, b].map((v) => ((v ?? 0) / 255 <= 0.03928 ? (v ?? 0) / 255 / 12.92 : (((v ?? 0) / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    const background = (el: Element | null): number[] => {
      for (let node = el; node !== null; node = node.parentElement) {
        const c = parse(getComputedStyle(node).backgroundColor);
        if (c[3] > 0.5) return c;
      }
      return parse(getComputedStyle(document.body).backgroundColor);
    };
    let worst = { ratio: 21, text: "" };
    for (const el of Array.from(document.querySelectorAll("main.pane *"))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "");
      const box = el.getBoundingClientRect();
      if (!own || box.width === 0 || box.height === 0 || (el as HTMLButtonElement).disabled) continue;
      const fg = lum(parse(getComputedStyle(el).color));
      const bg = lum(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < worst.ratio) worst = { ratio, text: (el.textContent ?? "").slice(0, 40) };
    }
    return worst;
  });
}

describe("languages and themes", () => {
  it.each(["zh", "en"] as const)("the %s interface follows Office's display language, and switches", async (lang) => {
    const { page } = await openHarness(s(), "/examples/seed.xlsx", { lang });
    const text = paneText(lang);
    await expect(page.getByRole("button", { name: text.compute, exact: true }).count()).resolves.toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === "zh" ? "zh-CN" : "en");
    expect(await page.textContent("#tables-heading")).toBe(text.tables);
    const other = lang === "zh" ? "en" : "zh";
    await page.click(`#language-${other}`);
    expect(await page.textContent("#compute")).toBe(paneText(other).compute);
    expect(await page.getAttribute(`#language-${other}`, "aria-pressed")).toBe("true");
    await page.context().close();
  });

  it.each(["light", "dark"] as const)("the %s Office theme colours the pane, with readable text (contrast ≥ 4.5)", async (theme) => {
    const { page } = await openHarness(s(), "/examples/seed.xlsx", { lang: "zh", theme });
    await computeInPane(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    const bg = await page.evaluate(() => {
      for (let node: Element | null = document.querySelector("main.pane"); node !== null; node = node.parentElement) {
        const c = getComputedStyle(node).backgroundColor;
        if (!/rgba\(.*, 0\)$/.test(c) && c !== "transparent") return c;
      }
      return getComputedStyle(document.documentElement).backgroundColor;
    });
    const dark = /rgba?\((\d+), (\d+), (\d+)/.exec(bg)?.slice(1).every((v) => Number(v) < 80);
    expect(dark).toBe(theme === "dark");
    const worst = await worstContrast(page);
    console.log(`${theme}: lowest text contrast ${worst.ratio.toFixed(2)} (“${worst.text}”)`);
    expect(worst.ratio).toBeGreaterThanOrEqual(4.5);
    await page.context().close();
  });
});

describe("the keyboard alone", () => {
  it("reaches Compute, accepts the notice, reaches a finding and selects its cell, every stop with visible focus", async () => {
    const { page } = await openHarness(s(), "/examples/seed.xlsx", { lang: "zh" });
    const focusShown = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (el === null || el === document.body) return { id: "", visible: false };
        const style = getComputedStyle(el);
        const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1) || style.boxShadow !== "none";
        return { id: el.id || el.className, visible };
      });
    const tabTo = async (test: () => Promise<boolean>, limit: number) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press("Tab");
        const focus = await focusShown();
        expect(focus).toEqual({ id: focus.id, visible: true });
        if (await test()) return;
      }
      throw new Error("never reached");
    };
    await tabTo(() => page.evaluate(() => document.activeElement?.id === "compute"), 6);
    await page.keyboard.press("Enter");
    await page.waitForSelector("#notice-accept");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("notice-accept");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".finding-list");
    await waitIdle(page);
    await tabTo(() => page.evaluate(() => document.activeElement?.classList.contains("finding") === true), 30);
    const cell = await page.evaluate(() => document.activeElement?.querySelector(".finding-cell")?.textContent ?? "");
    await page.keyboard.press("Enter");
    await page.waitForFunction((c) => window.perfscoreHarness.selection() === c, cell);
    await page.context().close();
  });
});

describe("settings", () => {
  it("are validated as typed, saved into the workbook, and read back when it is reopened", async () => {
    const { page } = await openHarness(s(), "/examples/seed.xlsx", { lang: "zh" });
    await page.click("#settings-section > summary");
    await page.fill("#good", "95");
    expect(await page.textContent("#good-error")).toBe("分数线须满足：优 > 良 > 中。");
    expect(await page.getAttribute("#good", "aria-invalid")).toBe("true");
    expect(await page.isDisabled("#save-settings")).toBe(true);
    await page.fill("#good", "八十");
    expect(await page.textContent("#good-error")).toBe("请输入数字，例如 1.2 或 120%。");
    await page.fill("#good", "82");
    expect(await page.textContent("#good-error")).toBe("");
    await page.fill("#overCompletionThreshold", "130%");
    await page.click("#save-settings");
    await waitIdle(page);
    expect(await page.textContent("#settings-status")).toBe(paneText("zh").saved);
    const files = unzipSync(new Uint8Array(await savedWorkbook(page)));
    const part = files["xl/webextensions/webextension1.xml"];
    expect(part).toBeDefined();
    const xml = strFromU8(part ?? new Uint8Array());
    const value = /name="PerfScore\.settings" value="([^"]*)"/.exec(xml)?.[1]?.replace(/&quot;/g, '"') ?? "";
    const stored = JSON.parse(value) as { gradeBands: { good: number }; overCompletionThreshold: number };
    expect(stored.gradeBands.good).toBe(82);
    expect(stored.overCompletionThreshold).toBeCloseTo(1.3);

    await Promise.all([page.waitForURL(/file=session/), page.evaluate(() => window.perfscoreHarness.reopen())]);
    await page.evaluate(() => window.perfscoreHarness.ready);
    await waitIdle(page);
    expect(await page.inputValue("#good")).toBe("82");
    expect(await page.inputValue("#overCompletionThreshold")).toBe("1.3");
    await page.context().close();
  });
});

describe("errors, in the user's language", () => {
  it.each(["zh", "en"] as const)("a workbook with no indicator table says what is missing (%s)", async (lang) => {
    const problem = await problemOf("test/fixtures/unrelated.xlsx");
    const { page } = await openHarness(s(), "/test/fixtures/unrelated.xlsx", { lang });
    expect(await page.locator("#tables .notice.warning").textContent()).toBe(problem[lang]);
    await computeInPane(page);
    expect(await page.locator("#result h2").textContent()).toBe(paneText(lang).nothingToScore);
    expect(await page.locator("#result .notice").textContent()).toBe(problem[lang]);
    const words = terms(lang);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await savedWorkbook(page)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).not.toContain(words.sheet.summary);
    await page.context().close();
  });

  it.each(["zh", "en"] as const)("Excel in cell-edit mode gives the sentence, and the next compute works (%s)", async (lang) => {
    const { page } = await openHarness(s(), "/examples/seed.xlsx", { lang });
    await page.evaluate(() => window.perfscoreHarness.setCellEditMode(true));
    await computeInPane(page);
    const sentence = describeOfficeError({ name: "RichApi.Error", code: "InvalidOperationInCellEditMode", message: "" }, lang);
    await expect(page.locator(".notice.error").allTextContents()).resolves.toEqual([expect.stringContaining(sentence)]);
    expect(await page.locator("#result h2").count()).toBe(0);
    await page.evaluate(() => window.perfscoreHarness.setCellEditMode(false));
    await computeInPane(page);
    expect(await page.locator(".notice.error").count()).toBe(0);
    expect(await page.locator("#result dl.card dd").first().textContent()).toBe("100.00");
    await page.context().close();
  });
});

describe("stale results", () => {
  it("editing a cell of a scored table marks the results out of date; another sheet does not", async () => {
    const { page } = await openHarness(s(), "/examples/seed.xlsx", { lang: "en" });
    await computeInPane(page);
    const stale = page.locator(".notice.warning", { hasText: paneText("en").stale });
    await page.evaluate(() => window.perfscoreHarness.editCell(`${"Summary"}!B40`, "x"));
    await page.waitForTimeout(300);
    expect(await stale.count()).toBe(0);
    await page.evaluate(() => window.perfscoreHarness.editCell("绩效评价!H5", 1));
    await stale.waitFor();
    await page.context().close();
  });
});

describe("hostile workbook text", () => {
  it("indicator names like <img onerror> and =HYPERLINK() are shown as text: no element, no dialog, no script, no formula written", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ROOT, "examples", "seed.xlsx"));
    const ws = wb.getWorksheet("绩效评价");
    if (ws === undefined) throw new Error("seed has no 绩效评价");
    const IMG = "<img src=x onerror=alert(1)>";
    const LINK = '=HYPERLINK("http://x","y")';
    // The project's name (the result's heading) and two level-2 names alike (a DUPLICATE_NAME finding quotes them).
    ws.getCell("C2").value = IMG;
    ws.getCell("D5").value = LINK;
    ws.getCell("D7").value = LINK;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const { page, dialogs, pageErrors, refused } = await openHarness(s(), "/extra/hostile.xlsx", { lang: "en", extra: { "/extra/hostile.xlsx": bytes } });
    await computeInPane(page);
    expect(await page.locator("#result h2").textContent()).toBe(IMG);
    const messages = (await page.locator(".finding-message").allTextContents()).join("\n");
    expect(messages).toContain(`"${LINK}"`);
    expect(await page.locator("main.pane img, main.pane a[href]").count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(refused).toEqual([]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load((await savedWorkbook(page)) as unknown as ArrayBuffer);
    const ours = [terms("en").sheet.scoreTable, terms("en").sheet.summary];
    let seen = 0;
    for (const name of ours) {
      out.getWorksheet(name)?.eachRow((row) =>
        row.eachCell((cell) => {
          const formula = (cell.value as { formula?: string } | null)?.formula ?? "";
          expect(formula).not.toMatch(/HYPERLINK\("http:\/\/x"/);
          if (cell.value === LINK || cell.value === IMG) seen++;
        }),
      );
    }
    expect(seen).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });
});

describe("the ribbon command", () => {
  it("scores the workbook, activates the summary and completes its event", async () => {
    const { page } = await openHarness(s(), "/examples/seed.xlsx", { lang: "zh" });
    await page.evaluate(() => window.perfscoreHarness.pressRibbonCompute());
    expect(await page.evaluate(() => window.perfscoreHarness.selection())).toBe(`${terms("zh").sheet.summary}!A1`);
    expect(await page.evaluate(() => window.perfscoreHarness.dialogs())).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await savedWorkbook(page)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain(terms("zh").sheet.scoreTable);
    await page.context().close();
  });

  it.each(["zh", "en"] as const)("on a workbook it cannot score, shows why in a dialog and still completes its event (%s)", async (lang) => {
    const problem = await problemOf("test/fixtures/unrelated.xlsx");
    const { page } = await openHarness(s(), "/test/fixtures/unrelated.xlsx", { lang });
    const [dialog] = await Promise.all([page.waitForEvent("popup"), page.evaluate(() => window.perfscoreHarness.pressRibbonCompute())]);
    expect(await page.evaluate(() => window.perfscoreHarness.dialogs())).toHaveLength(1);
    await dialog.waitForSelector("#message");
    expect(await dialog.textContent("#message")).toBe(problem[lang]);
    expect(await dialog.textContent("#close")).toBe(lang === "zh" ? "关闭" : "Close");
    await page.context().close();
  });
});

describe("the network", () => {
  it("the pane in the harness, through a whole session, asks nothing outside localhost but office.js", async () => {
    const { page, outside, refused } = await openHarness(s(), "/examples/seed.xlsx", { lang: "zh" });
    await computeInPane(page);
    await page.locator(".finding-list > li > button").first().click();
    await page.click("#insert-example", { force: true }).catch(() => undefined);
    await waitIdle(page);
    expect(refused).toEqual([]);
    expect(outside.length).toBeGreaterThan(0);
    for (const url of outside) expect(url).toMatch(/^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\//);
    await page.context().close();
  });

  it("the pane loads its compute chunk ahead (prefetched) and its template chunk only when a template is inserted, from its own server", async () => {
    const { page, pageErrors, refused } = await openHarness(s(), "/examples/seed.xlsx", { lang: "en" });
    // The chunks the page has fetched (a prefetched chunk may be fetched again from the cache when run).
    const chunks = (): Promise<string[]> =>
      page.evaluate(() => [
        ...new Set(
          performance
            .getEntriesByType("resource")
            .map((e) => new URL(e.name))
            .filter((u) => u.origin === location.origin && /^\/(compute|template)\.[0-9a-f]{8}\.js$/.test(u.pathname))
            .map((u) => u.pathname.split(".")[0]!),
        ),
      ]);
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => /\/compute\.[0-9a-f]{8}\.js$/.test(e.name)));
    expect(await chunks()).toEqual(["/compute"]);
    await computeInPane(page);
    expect(await page.locator("#result h2").count()).toBe(1);
    await page.click("#templates-section > summary");
    await page.click("#insert-example");
    await page.waitForSelector(".notice.info");
    await waitIdle(page);
    const names = ["绩效评价 (2)", "参保情况 (2)"];
    expect(await page.textContent(".notice.info")).toBe(paneText("en").inserted(names.join("、")));
    expect((await chunks()).sort()).toEqual(["/compute", "/template"]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await savedWorkbook(page)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(names));
    expect([pageErrors, refused]).toEqual([[], []]);
    await page.context().close();
  });

  it("the production taskpane.html outside Office loads office.js (routed), says to open it in Excel, and asks for nothing else", async () => {
    const watched = await openPage(s());
    await watched.page.goto(`${s().base}/taskpane.html`);
    await watched.page.waitForSelector(".notice.error");
    expect(await watched.page.locator(".notice.error").textContent()).toBe(paneText("zh").notInExcel);
    expect(watched.outside).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(watched.refused).toEqual([]);
    expect(await watched.page.isDisabled("#compute")).toBe(true);
    await watched.page.context().close();
  });
});
