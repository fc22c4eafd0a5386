/**
 * ESLint flat config.
 * - TypeScript (src, test, scripts): typescript-eslint's recommended rules.
 * - Office.js code (src/excel, src/taskpane, src/commands): also the three office-addins rules
 *   STYLE.md asks for, as errors. The plugin recognises proxies by method names such as getCell
 *   and getRange, so on ExcelJS code (src/hosts, scripts, tests driving a strict host on purpose)
 *   it reports false positives; it is scoped to the Office.js code path. The plugin's own
 *   recommended config is not used: it also turns on prettier and sets no-context-sync-in-loop
 *   to only "warn".
 * - CommonJS JavaScript (bin, scripts, config files): ESLint's recommended rules.
 */
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");
const { defineConfig, globalIgnores } = require("eslint/config");

const NODE_GLOBALS = {
  require: "readonly",
  module: "writable",
  exports: "writable",
  __dirname: "readonly",
  __filename: "readonly",
  process: "readonly",
  console: "readonly",
  Buffer: "readonly",
};

module.exports = defineConfig([
  globalIgnores(["dist/", "coverage/", "out/", "examples/", "assets/", ".tmp/", "test/e2e/out/"]),
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommended],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/excel/**/*.ts", "src/taskpane/**/*.ts", "src/commands/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
    },
  },
  {
    files: ["**/*.js"],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: "commonjs", ecmaVersion: 2022, globals: NODE_GLOBALS },
  },
]);
