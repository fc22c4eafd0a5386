#!/usr/bin/env node
/**
 * `npm start`, `npm run start:web` and `npm run stop`.
 *
 * - `start` (no argument): on Windows and macOS, sideloads the add-in into desktop Excel with
 *   office-addin-debugging, which also starts the HTTPS dev server. Elsewhere desktop Excel does
 *   not exist (office-addin-debugging prints "platform not supported" yet exits 0), so it scores
 *   examples/seed.xlsx with the CLI instead and exits with the CLI's exit code.
 * - `web`: prints the steps that sideload the add-in into Excel on the web.
 * - `stop`: ends desktop sideloading; elsewhere says there is nothing to stop.
 */
"use strict";

const { spawnSync } = require("child_process");
const path = require("path");
const { DEV_URL, PORT, devManifest } = require("./addinUrls");
const { CERT_DIR, trustAdvice } = require("./devCerts");

const root = path.join(__dirname, "..");
const hasDesktopExcel = process.platform === "win32" || process.platform === "darwin";

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) {
    console.error(`start: could not run ${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

/**
 * office-addin-debugging on the dev manifest; `start` also runs `npm run dev-server` and waits for
 * it on the configured port. npx is npx.cmd on Windows, which spawnSync can only start through a shell.
 */
function debugging(verb) {
  const extra = verb === "start" ? ["desktop", "--dev-server-port", String(PORT)] : [];
  return run("npx", ["office-addin-debugging", verb, devManifest(), ...extra], { shell: process.platform === "win32" });
}

function start() {
  if (hasDesktopExcel) return debugging("start");
  console.log(`Desktop Excel is not available on ${process.platform}; scoring examples/seed.xlsx with the perfscore CLI instead.`);
  console.log("(To try the add-in in Excel on the web, run: npm run start:web)");
  return run(process.execPath, [path.join("bin", "perfscore.js"), path.join("examples", "seed.xlsx")]);
}

function startWeb() {
  const manifest = path.join(root, devManifest());
  console.log(`Sideloading PerfScore into Excel on the web

1. Start the HTTPS dev server and leave it running:
     npm run dev-server
   It serves ${DEV_URL} with the certificates in ${CERT_DIR}
   (created on first run by office-addin-dev-certs).

2. Make your browser trust the certificate: open ${DEV_URL}taskpane.html in the
   browser you use for Excel. If it shows a certificate warning, trust the development CA:
${trustAdvice().replace(/^/gm, "     ")}

3. Open a workbook in Excel on the web (https://www.office.com > Excel).

4. Home > Add-ins > More Add-ins (older layouts: Insert > Add-ins > Office Add-ins),
   then My Add-ins > Upload My Add-in > Browse, choose
     ${manifest}
   and select Upload.

5. The Home tab now has a 绩效评分 / PerfScore group: 计算评分 / Compute scores scores the open
   workbook at once; 绩效评分 / Open PerfScore opens the task pane.

The upload lasts for the browser session. To remove it, reload the page without the add-in or clear
the browser's cache.`);
  return 0;
}

function stop() {
  if (hasDesktopExcel) return debugging("stop");
  console.log(`Nothing to stop: on ${process.platform} npm start does not sideload into desktop Excel. (An add-in uploaded to Excel on the web ends with the browser session; stop npm run dev-server with Ctrl+C.)`);
  return 0;
}

const mode = process.argv[2] ?? "start";
const modes = { start, web: startWeb, stop };
if (!(mode in modes)) {
  console.error(`start: unknown mode "${mode}" (expected start, web or stop)`);
  process.exit(2);
}
process.exit(modes[mode]());
