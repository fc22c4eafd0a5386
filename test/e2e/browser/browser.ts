/**
 * The browser suite's helpers: Debian's headless Chromium driven by playwright-core, the harness
 * served from dist/ (scripts/harness.js), office.js's CDN address answered from
 * node_modules/@microsoft/office-js, and every other request outside localhost recorded and refused.
 *
 * Needs `npm run build` (dist/harness/harness.html) and /usr/bin/chromium.
 */
import * as fs from "fs";
import type { Server } from "http";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = path.join(__dirname, "..", "..", "..");
export const CHROMIUM = "/usr/bin/chromium";
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveHarness } = require("../../../scripts/harness.js") as { serveHarness(port: number): Promise<Server> };

export interface Suite {
  browser: Browser;
  server: Server;
  base: string;
}

/** Launches Chromium (fresh profile) and the harness server; throws with a hint when either is missing. */
export async function startSuite(): Promise<Suite> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  if (!fs.existsSync(path.join(ROOT, "dist", "harness", "harness.html"))) throw new Error("dist/harness/harness.html is missing: run `npm run build` first");
  // Playwright gives every launch a fresh, temporary --user-data-dir of its own (it refuses one passed in args).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const server = await serveHarness(0);
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the harness server has no port");
  return { browser, server, base: `http://127.0.0.1:${address.port}` };
}

export async function stopSuite(suite: Suite | undefined): Promise<void> {
  if (suite === undefined) return;
  await suite.browser.close();
  await new Promise((resolve) => suite.server.close(resolve));
}

/**
 * Starts the suite before the file's tests and stops it after them.
 *
 * @returns the running suite, for use inside a test (throws if asked before it started)
 */
export function useSuite(): () => Suite {
  let suite: Suite | undefined;
  beforeAll(async () => {
    suite = await startSuite();
  });
  afterAll(async () => stopSuite(suite));
  return () => {
    if (suite === undefined) throw new Error("suite not started");
    return suite;
  };
}

/** A page with its network watched: requests that left localhost, console errors, script errors and dialogs. */
export interface Watched {
  page: Page;
  /** Every URL requested outside localhost (office.js's included). */
  outside: string[];
  /** Requests outside localhost that were not office.js's files, refused. */
  refused: string[];
  pageErrors: string[];
  consoleErrors: string[];
  dialogs: string[];
  /** For a harness page: ms from navigation to a pane that shows what it detected and takes clicks. */
  loadMs?: number;
}

/** Extra answers for URLs under /extra/ of the harness server (workbooks built by a test). */
export type Extra = Record<string, Buffer>;

export async function openPage(suite: Suite, options: { colorScheme?: "light" | "dark"; extra?: Extra; width?: number; slowOfficeMs?: number } = {}): Promise<Watched> {
  const context = await suite.browser.newContext({ viewport: { width: options.width ?? 1100, height: 900 }, deviceScaleFactor: 2, colorScheme: options.colorScheme ?? "light", acceptDownloads: true });
  // The machine may be loaded; no test measures time against a limit.
  context.setDefaultTimeout(90_000);
  const page = await context.newPage();
  const watched: Watched = { page, outside: [], refused: [], pageErrors: [], consoleErrors: [], dialogs: [] };
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    const u = new URL(url);
    if (u.hostname === "127.0.0.1" || u.hostname === "localhost") {
      const extra = options.extra?.[u.pathname];
      if (extra !== undefined) return route.fulfill({ body: extra, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      return route.continue();
    }
    watched.outside.push(url);
    if (url.startsWith(OFFICE_CDN)) {
      const file = path.join(OFFICE_DIST, u.pathname.slice("/lib/1/hosted/".length));
      // office.js loads more of itself after the page has run; a slow network delays that part.
      if (options.slowOfficeMs !== undefined && !url.endsWith("/office.js")) await new Promise((resolve) => setTimeout(resolve, options.slowOfficeMs));
      if (file.startsWith(OFFICE_DIST) && fs.existsSync(file)) return route.fulfill({ body: fs.readFileSync(file), contentType: "text/javascript" });
      return route.fulfill({ status: 404 });
    }
    watched.refused.push(url);
    return route.abort();
  });
  page.on("pageerror", (e) => watched.pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") watched.consoleErrors.push(m.text());
  });
  page.on("dialog", (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  return watched;
}

/** Opens the harness on a workbook and waits until the pane has shown what it detected. */
export async function openHarness(suite: Suite, file: string, options: { lang?: "zh" | "en"; theme?: "light" | "dark"; extra?: Extra; width?: number; slowOfficeMs?: number } = {}): Promise<Watched> {
  const watched = await openPage(suite, { colorScheme: options.theme ?? "light", extra: options.extra, width: options.width, slowOfficeMs: options.slowOfficeMs });
  const query = new URLSearchParams({ file, lang: options.lang ?? "zh", theme: options.theme ?? "light" });
  const started = Date.now();
  await watched.page.goto(`${suite.base}/harness/harness.html?${query.toString()}`);
  await watched.page.evaluate(() => window.perfscoreHarness.ready);
  await waitIdle(watched.page);
  watched.loadMs = Date.now() - started;
  return watched;
}

/** Waits until the pane runs no task (its compute button is enabled again, or the notice waits). */
export async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const compute = document.getElementById("compute") as HTMLButtonElement | null;
    return compute !== null && (!compute.disabled || document.getElementById("notice-accept") !== null) && document.getElementById("progress")?.textContent === "";
  });
}

/** Clicks Compute (accepting the one-time notice) and waits for the result; returns the Excel.run of the compute and the ms from click to result. */
export async function computeInPane(page: Page): Promise<{ syncs: number; ms: number }> {
  const runsBefore = await page.evaluate(() => window.perfscoreHarness.runs().length);
  const started = Date.now();
  await page.click("#compute");
  if ((await page.locator("#notice-accept").count()) > 0) await page.click("#notice-accept");
  // The compute's Excel.run ends first (the pane runs its jobs one at a time), then the pane renders.
  await page.waitForFunction((n) => window.perfscoreHarness.runs().length > n, runsBefore, { timeout: 30_000 }).catch(async (error: unknown) => {
    const state = await page.evaluate(() => ({
      runs: window.perfscoreHarness.runs(),
      notices: document.getElementById("notices")?.textContent,
      progress: document.getElementById("progress")?.textContent,
      computeDisabled: (document.getElementById("compute") as HTMLButtonElement).disabled,
    }));
    throw new Error(`compute did not run (runs before: ${runsBefore}): ${JSON.stringify(state)}\n${String(error)}`);
  });
  await page.waitForFunction(() => document.querySelector("#result h2") !== null || document.querySelector(".notice.error") !== null);
  const ms = Date.now() - started;
  await waitIdle(page);
  const runs = await page.evaluate(() => window.perfscoreHarness.runs());
  const compute = runs[runsBefore];
  if (compute === undefined) throw new Error("compute ran no Excel.run");
  return { syncs: compute.syncs, ms };
}

/** The workbook as the harness saves it. */
export async function savedWorkbook(page: Page): Promise<Buffer> {
  return Buffer.from(await page.evaluate(() => window.perfscoreHarness.save()), "base64");
}

declare global {
  interface Window {
    perfscoreHarness: import("../../../src/harness/harness").PerfScoreHarness;
  }
}
