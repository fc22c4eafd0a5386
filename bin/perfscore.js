#!/usr/bin/env node
// The `perfscore` command. The CLI is TypeScript compiled by `tsc -p tsconfig.node.json` (run by
// `npm ci` through `prepare`) into dist/src/cli/main.js, which exports main(argv): Promise<number>.
// main() reports every problem itself in one line; what reaches the handler below is a bug, still
// told in one line (the stack only with PERFSCORE_DEBUG=1). Exit codes: src/cli/exitCodes.ts.
"use strict";

const fs = require("fs");
const path = require("path");

const entry = path.join(__dirname, "..", "dist", "src", "cli", "main.js");

if (!fs.existsSync(entry)) {
  console.error(`perfscore: ${path.relative(process.cwd(), entry)} is missing; run \`npm ci\` or \`npx tsc -p tsconfig.node.json\` first.`);
  process.exit(2);
}

require(entry)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      const debug = process.env.PERFSCORE_DEBUG === "1";
      console.error(`perfscore: internal error / 内部错误: ${debug && error && error.stack ? error.stack : error && error.message ? error.message : error}`);
      process.exitCode = 1;
    },
  );
