// A require hook for .ts files, for tests that run the CLI's source in a child process (as
// another user, when the tests run as root): TypeScript's transpileModule, no type checking
// (npm run typecheck does that).
"use strict";
const fs = require("fs");
const ts = require("typescript");

require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true },
  });
  module._compile(outputText, filename);
};
