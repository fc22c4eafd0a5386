#!/usr/bin/env node
/**
 * Screenshots the built task pane in headless Chromium for the README (docs/images/taskpane-*.png).
 *
 * The pane runs outside Office here, so `Excel.run` is stood in by one that returns what the real
 * compute() produced on examples/seed.xlsx through the xlsx host: the pictures show the pane's real
 * rendering of a real result. office.js is routed from Microsoft's CDN URL to the local copy in
 * @microsoft/office-js, as the browser tests do.
 *
 * Needs `npm run build`, `npx tsc -p tsconfig.node.json` and Debian's chromium.
 */
/* global URL, window, document -- URL is Node's; window and document belong to the page callbacks */
"use strict";

const fs = require("fs");
const http = require("http");
const path = require("path");

const root = path.join(__dirname, "..");
const dist = path.join(root, "dist");
const officeDist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");

async function realResult() {
  const { XlsxHost } = require(path.join(dist, "src", "hosts", "xlsx"));
  const { compute } = require(path.join(dist, "src", "excel", "compute"));
  const { DEFAULT_SETTINGS } = require(path.join(dist, "src", "core", "types"));
  const host = await XlsxHost.fromFile(path.join(root, "examples", "seed.xlsx"));
  const env = { isSetSupported: (n, v) => host.capabilities.isSetSupported(n, v), charts: false, now: () => new Date(0), version: "0" };
  return host.run((ctx) => compute(ctx, DEFAULT_SETTINGS, env));
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

async function main() {
  const { chromium } = require("playwright-core");
  const result = await realResult();
  const server = await serve();
  const port = server.address().port;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 340, height: 560 }, deviceScaleFactor: 2 });
    await page.route("https://appsforoffice.microsoft.com/**", (route) => {
      const name = path.basename(new URL(route.request().url()).pathname);
      const local = path.join(officeDist, name);
      if (fs.existsSync(local)) route.fulfill({ path: local, contentType: "text/javascript" });
      else route.abort();
    });
    await page.addInitScript((r) => {
      window.Excel = { run: async () => r };
    }, JSON.parse(JSON.stringify(result)));
    await page.goto(`http://127.0.0.1:${port}/taskpane.html`);
    await page.waitForSelector("#compute:not([disabled])");
    await page.click("#compute");
    await page.waitForFunction(() => document.querySelector("#output")?.textContent?.includes("100.00"));
    const out = path.join(root, "docs", "images");
    fs.mkdirSync(out, { recursive: true });
    await page.screenshot({ path: path.join(out, "taskpane-zh.png") });
    await page.click("#language-en");
    await page.screenshot({ path: path.join(out, "taskpane-en.png") });
    console.log("wrote docs/images/taskpane-zh.png and taskpane-en.png");
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
