#!/usr/bin/env node
/**
 * Serves the browser harness (`npm run harness`): dist/ at the root, so the page is
 * http://localhost:3001/harness/harness.html, and the repository's example and fixture workbooks
 * at /examples/ and /test/fixtures/ for its ?file= parameter. Plain HTTP on localhost only; nothing
 * else is served. The browser tests start the same server on a free port.
 *
 * The pane's page asks for office.js from Microsoft's CDN, as in Office. The harness does not need
 * it (it installs its own Office), so offline the pane still runs; the browser tests route that
 * address to node_modules/@microsoft/office-js.
 */
"use strict";
/* global URL -- Node's */

const fs = require("fs");
const http = require("http");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const PORT = 3001;
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json",
  ".json": "application/json",
  ".xml": "application/xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The file a URL path names: under dist/, or under examples/ or test/fixtures/; null for anything else. */
function fileFor(urlPath) {
  const clean = path.posix.normalize(decodeURIComponent(urlPath));
  const [base, rel] = /^\/(examples|test\/fixtures)\//.test(clean) ? [ROOT, clean.slice(1)] : [path.join(ROOT, "dist"), clean.slice(1)];
  const file = path.join(base, rel);
  if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return null;
  return file;
}

/**
 * Starts the server.
 *
 * @param port - 0 for a free port
 * @returns the server, listening on 127.0.0.1
 */
function serveHarness(port = PORT) {
  const server = http.createServer((req, res) => {
    const file = fileFor(new URL(req.url ?? "/", "http://localhost").pathname);
    if (file === null) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

module.exports = { serveHarness };

if (require.main === module) {
  if (!fs.existsSync(path.join(ROOT, "dist", "harness", "harness.html"))) {
    console.error("dist/harness/harness.html is missing: run `npm run build` first.");
    process.exit(1);
  }
  serveHarness(PORT).then(() => {
    console.log(`PerfScore harness (the real pane, the xlsx host in place of Excel):\n`);
    console.log(`  http://localhost:${PORT}/harness/harness.html?file=/examples/seed.xlsx&lang=zh`);
    console.log(`  http://localhost:${PORT}/harness/harness.html?file=/examples/english.xlsx&lang=en&theme=dark`);
    console.log(`  http://localhost:${PORT}/harness/harness.html   (choose a workbook with the file picker)\n`);
    console.log("Ctrl+C stops it.");
  });
}
