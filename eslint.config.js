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
 * - Layers (see LAYERS below): which folder of src may import which, and where Office globals may
 *   appear. test/lint/layers.test.ts proves each rule bites.
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

/**
 * The layers of src, innermost first.
 * - src/core: pure TypeScript; imports nothing outside src/core (no package, no other folder).
 * - src/excel: the one Office.js code path; imports only src/core and itself (its port included).
 * - src/hosts: implementations of the port; may import the port (src/excel/port) but no other part
 *   of src/excel, and no surface.
 * - Surfaces (src/taskpane, src/commands, src/cli, src/office, src/harness): the only folders that
 *   may import a host or touch Office's globals.
 * In core, excel and hosts the globals Office, document and window are refused, and `Excel` may be
 * used as a type namespace only (`Excel.Range`), never as a value (`Excel.run`). In the xlsx host,
 * ExcelJS's private fields and modules are reached through exceljs/internals.ts only.
 */
const SURFACES = ["taskpane", "commands", "cli", "office", "harness"];
const EXCEL_VALUE = {
  selector: "MemberExpression[object.name='Excel']",
  message: "Use `Excel` for types only here (e.g. Excel.Range); Excel.run and other values belong to surfaces.",
};
/** The one module of the xlsx host that may touch ExcelJS's private fields and modules. */
const EXCELJS_INTERNALS = "src/hosts/xlsx/exceljs/internals.ts";
const EXCELJS_PRIVATE = [
  {
    selector: "MemberExpression[property.name=/^(_rows|_cells|_columns|_merges|matrixMap|conditionalFormattings)$/]",
    message: `ExcelJS's private fields are touched only in ${EXCELJS_INTERNALS}.`,
  },
  { selector: "CallExpression[callee.name='require']", message: `ExcelJS's private modules are required only in ${EXCELJS_INTERNALS}.` },
];
const SRC_FOLDER_DEPTHS = [1, 2, 3, 4, 5];

/** Imports that climb `depth` folders reach src/; the next segment names the folder they enter. */
function atSrc(depth, folderRegex) {
  return `^(\\.\\./){${depth}}${folderRegex}`;
}

/** The import patterns of one layer, for files `depth` folders below src/. */
function layerPatterns(layer, depth) {
  return {
    core: [
      { regex: "^[^.]", message: "src/core is pure TypeScript: it imports no package." },
      { regex: atSrc(depth, ""), message: "src/core imports nothing outside src/core." },
    ],
    excel: [
      { regex: "^[^.]", message: "src/excel imports no package: it runs against the port (src/excel/port.ts) only." },
      { regex: atSrc(depth, "(?!core(/|$))"), message: "src/excel imports only src/core and its own files (the port included)." },
    ],
    hosts: [
      { regex: atSrc(depth, "excel(?!/port$)(/|$)"), message: "A host may import the port (src/excel/port) only, never the code path's internals." },
      { regex: atSrc(depth, `(${SURFACES.join("|")})(/|$)`), message: "A host never imports a surface (taskpane, commands, cli, office, harness)." },
    ],
  }[layer];
}

function layerImports(layer, depth) {
  return {
    files: [`src/${layer}/${Array(depth - 1).fill("*/").join("")}*.ts`],
    rules: { "no-restricted-imports": ["error", { patterns: layerPatterns(layer, depth) }] },
  };
}

/**
 * Inside the xlsx host: office/ (Office's behaviour) knows neither ExcelJS nor the proxies, and
 * exceljs/ (the adapter) knows nothing of the proxies.
 */
const XLSX_HOST_PARTS = [
  {
    files: ["src/hosts/xlsx/office/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        ...layerPatterns("hosts", 3),
        { regex: "^(\\.\\./(exceljs|proxies)(/|$)|exceljs($|/))", message: "office/ is Office's behaviour only: it imports neither ExcelJS, the adapter (exceljs/) nor the proxies." },
      ] }],
    },
  },
  {
    files: ["src/hosts/xlsx/exceljs/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        ...layerPatterns("hosts", 3),
        { regex: "^\\.\\./proxies(/|$)", message: "The ExcelJS adapter (exceljs/) knows nothing of the proxies." },
      ] }],
    },
  },
];

const LAYERS = [
  ...["core", "excel", "hosts"].flatMap((layer) => SRC_FOLDER_DEPTHS.map((depth) => layerImports(layer, depth))),
  ...XLSX_HOST_PARTS,
  {
    files: ["src/core/**/*.ts", "src/excel/**/*.ts", "src/hosts/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "Only surfaces (taskpane, commands, cli, office, harness) may use Office's globals." },
        { name: "document", message: "Only surfaces may touch the DOM." },
        { name: "window", message: "Only surfaces may touch the DOM." },
      ],
      "no-restricted-syntax": ["error", EXCEL_VALUE],
    },
  },
  {
    files: ["src/hosts/**/*.ts"],
    ignores: [EXCELJS_INTERNALS],
    rules: { "no-restricted-syntax": ["error", EXCEL_VALUE, ...EXCELJS_PRIVATE] },
  },
];

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
  ...LAYERS,
  {
    files: ["**/*.js"],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: "commonjs", ecmaVersion: 2022, globals: NODE_GLOBALS },
  },
]);
