#!/usr/bin/env node
/**
 * `npm start`. On Windows and macOS, sideloads the add-in into desktop Excel with
 * office-addin-debugging. Elsewhere desktop Excel does not exist (and office-addin-debugging
 * prints "platform not supported" yet exits 0), so it runs the CLI on the bundled example instead
 * and exits with the CLI's exit code.
 */
"use strict";

const { spawnSync } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) {
    console.error(`start: could not run ${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

function main() {
  if (process.platform === "win32" || process.platform === "darwin") {
    // npx is npx.cmd on Windows, which spawnSync can only start through a shell.
    return run("npx", ["office-addin-debugging", "start", "manifest.xml"], { shell: process.platform === "win32" });
  }
  console.log(`Desktop Excel is not available on ${process.platform}; scoring examples/seed.xlsx with the perfscore CLI instead.`);
  return run(process.execPath, [path.join("bin", "perfscore.js"), path.join("examples", "seed.xlsx")]);
}

process.exit(main());
