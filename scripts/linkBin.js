#!/usr/bin/env node
/**
 * Makes `npx perfscore` work inside this project. npm links the `bin` entries of dependencies,
 * not of the root package, so after `npm ci` node_modules/.bin/perfscore does not exist.
 * Run from `prepare`, after tsc. It creates:
 * - node_modules/.bin/perfscore: a relative symlink to bin/perfscore.js (a shell shim where
 *   symlinks are not allowed);
 * - on Windows, also perfscore.cmd and perfscore.ps1 shims, as npm writes for dependencies.
 * An existing link or file that npm made is left alone.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const target = path.join(root, "bin", "perfscore.js");
const binDir = path.join(root, "node_modules", ".bin");
const link = path.join(binDir, "perfscore");

function exists(file) {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function writeShellShim() {
  fs.writeFileSync(link, `#!/bin/sh\nexec node "$(dirname "$0")/../../bin/perfscore.js" "$@"\n`, { mode: 0o755 });
}

function main() {
  if (!fs.existsSync(target)) {
    console.error(`linkBin: ${path.relative(root, target)} not found`);
    process.exit(1);
  }
  fs.chmodSync(target, 0o755);
  fs.mkdirSync(binDir, { recursive: true });

  if (!exists(link)) {
    if (process.platform === "win32") {
      writeShellShim(); // Git Bash and WSL use this one
    } else {
      try {
        fs.symlinkSync(path.relative(binDir, target), link);
      } catch {
        writeShellShim();
      }
    }
    console.log(`linkBin: created ${path.relative(root, link)}`);
  }

  if (process.platform === "win32") {
    const cmd = `${link}.cmd`;
    const ps1 = `${link}.ps1`;
    if (!exists(cmd)) fs.writeFileSync(cmd, `@ECHO off\r\nnode "%~dp0\\..\\..\\bin\\perfscore.js" %*\r\n`);
    if (!exists(ps1)) fs.writeFileSync(ps1, `& node "$PSScriptRoot/../../bin/perfscore.js" $args\r\nexit $LASTEXITCODE\r\n`);
  }
}

main();
