#!/usr/bin/env node
/**
 * Screenshots the built task pane in headless Chromium for the README: docs/images/taskpane-{zh,en}.png
 * and taskpane-{zh,en}-dark.png.
 *
 * The pane runs outside Office here. office.js's CDN URL is answered with a small stand-in that
 * gives the pane an Office context (UI language, theme, document settings), and Excel.run answers
 * the pane's jobs in order with what the real code gives on examples/seed.xlsx through the xlsx
 * host: the tables inspectWorkbook() finds, then the result compute() returns. The pictures show
 * the pane's real rendering of real results. (The browser suite drives a live xlsx host instead.)
 *
 * Needs `npm run build`, `npx tsc -p tsconfig.node.json` and Debian's chromium (npm run screenshots).
 */
/* global URL, window -- URL is Node's; window belongs to the page callbacks */
"use strict";

const fs = require("fs");
const http = require("http");
const path = require("path");

const root = path.join(__dirname, "..");
const dist = path.join(root, "dist");

async function realData() {
  const { XlsxHost } = require(path.join(dist, "src", "hosts", "xlsx"));
  const { compute } = require(path.join(dist, "src", "excel", "compute"));
  const { inspectWorkbook } = require(path.join(dist, "src", "excel", "inspect"));
  const { DEFAULT_SETTINGS } = require(path.join(dist, "src", "core", "types"));
  const host = await XlsxHost.fromFile(path.join(root, "examples", "seed.xlsx"));
  const env = { isSetSupported: (n, v) => host.capabilities.isSetSupported(n, v), charts: false, now: () => new Date(0), version: "0" };
  const inspection = await host.run((ctx) => inspectWorkbook(ctx, env));
  const result = await host.run((ctx) => compute(ctx, DEFAULT_SETTINGS, env));
  return JSON.parse(JSON.stringify({ inspection, result }));
}

/** The stand-in for office.js: an Excel host with a UI language and theme, and in-memory document settings. */
function fakeOffice(displayLanguage, dark) {
  const theme = dark
    ? { bodyBackgroundColor: "#292929", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#3d3d3d", controlForegroundColor: "#ffffff" }
    : { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#242424", controlBackgroundColor: "#ffffff", controlForegroundColor: "#242424" };
  return `(() => {
    const store = {};
    const info = { host: "Excel", platform: "OfficeOnline" };
    window.Office = {
      HostType: { Excel: "Excel" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      context: {
        displayLanguage: ${JSON.stringify(displayLanguage)},
        officeTheme: ${JSON.stringify(theme)},
        requirements: { isSetSupported: () => true },
        document: { settings: {
          get: (k) => (k in store ? store[k] : null),
          set: (k, v) => { store[k] = v; },
          remove: (k) => { delete store[k]; },
          saveAsync: (cb) => cb({ status: "succeeded" }),
        } },
      },
      onReady: (cb) => { if (cb) cb(info); return Promise.resolve(info); },
    };
    window.Excel = { run: async () => window.__answers.shift() };
  })();`;
}

function serve() {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".png": "image/png" };
  const server = http.createServer((req, res) => {
    const file = path.join(dist, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function shoot(browser, port, data, { lang, dark, file }) {
  const page = await browser.newPage({ viewport: { width: 340, height: 640 }, deviceScaleFactor: 2, colorScheme: dark ? "dark" : "light" });
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ body: fakeOffice(lang === "zh" ? "zh-CN" : "en-US", dark), contentType: "text/javascript" }));
  // Answers to the pane's Excel jobs, in the order it asks: inspect; compute; watch; inspect.
  await page.addInitScript((d) => {
    window.__answers = [d.inspection, d.result, [], d.inspection];
  }, data);
  await page.goto(`http://127.0.0.1:${port}/taskpane.html`);
  await page.waitForSelector(".table-card");
  await page.click("#compute");
  await page.click("#notice-accept");
  await page.waitForSelector(".finding-list");
  await page.screenshot({ path: path.join(root, "docs", "images", file), fullPage: true });
  if (lang === "zh" && !dark) {
    // The settings as a user meets a mistake: a 良 boundary above 优's, refused as it is typed.
    await page.click("#settings-section > summary");
    await page.fill("#good", "95");
    await page.locator("#settings-section").screenshot({ path: path.join(root, "docs", "images", "taskpane-zh-settings.png") });
    console.log("wrote docs/images/taskpane-zh-settings.png");
  }
  await page.close();
  if (problems.length > 0) throw new Error(`${file}: the page reported problems:\n${problems.join("\n")}`);
  console.log(`wrote docs/images/${file}`);
}

async function main() {
  const { chromium } = require("playwright-core");
  const data = await realData();
  const server = await serve();
  const port = server.address().port;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
  try {
    fs.mkdirSync(path.join(root, "docs", "images"), { recursive: true });
    for (const lang of ["zh", "en"]) {
      for (const dark of [false, true]) await shoot(browser, port, data, { lang, dark, file: `taskpane-${lang}${dark ? "-dark" : ""}.png` });
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
