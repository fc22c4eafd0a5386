#!/usr/bin/env node
// The `perfscore` command. The CLI is TypeScript compiled by `tsc -p tsconfig.node.json` (run by
// `npm ci` through `prepare`) into dist/src/cli/main.js, which exports main(argv): Promise<number>.
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
    (code) => process.exit(code),
    (error) => {
      console.error(`perfscore: ${error && error.stack ? error.stack : error}`);
      process.exit(1);
    },
  );
