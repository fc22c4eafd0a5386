// A require hook for .ts files, for tests that run the CLI's source in a child process (as
// another user, when the tests run as root): TypeScript's transpileModule, no type checking
// (npm run typecheck does that). Transpiled modules are cached in the temp folder by content
// hash, per user, so only the first run pays for them.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

let ts = null;
const cache = path.join(os.tmpdir(), `perfscore-ts-hook-cache-${process.getuid ? process.getuid() : "user"}`);

require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const cached = path.join(cache, `${crypto.createHash("sha1").update(`${filename}\0${source}`).digest("hex")}.js`);
  let js = null;
  try {
    js = fs.readFileSync(cached, "utf8");
  } catch {
    ts = ts || require("typescript");
    js = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true },
    }).outputText;
    try {
      fs.mkdirSync(cache, { recursive: true });
      fs.writeFileSync(cached, js);
    } catch {
      // no cache: the next run transpiles again
    }
  }
  module._compile(js, filename);
};
