/**
 * The layer rules of eslint.config.js bite: each forbidden import or global gives an error at the
 * file where it is forbidden, and the allowed ones give none.
 */
import * as path from "path";
import { ESLint } from "eslint";

// Jest's VM cannot run ESLint's dynamic import of the config file, so the same file is required and
// handed over as the whole configuration.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../eslint.config.js") as ESLint.Options["overrideConfig"];
const eslint = new ESLint({ cwd: path.join(__dirname, "..", ".."), overrideConfigFile: true, overrideConfig: config });

/** The layer rules that fire for `code` placed at `filePath`, as "rule: message" lines. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const layerRules = new Set(["no-restricted-imports", "no-restricted-globals", "no-restricted-syntax"]);
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && layerRules.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

const importOf = (from: string) => `import { x } from "${from}";\nexport const y = x;\n`;

describe("layer rules", () => {
  it.each([
    ["src/core/x.ts", "exceljs", "no-restricted-imports: 'exceljs' import is restricted from being used by a pattern. src/core is pure TypeScript: it imports no package."],
    ["src/core/x.ts", "../excel/compute", "no-restricted-imports: '../excel/compute' import is restricted from being used by a pattern. src/core imports nothing outside src/core."],
    ["src/core/layout/_lib/x.ts", "../../../hosts/xlsx", "no-restricted-imports: '../../../hosts/xlsx' import is restricted from being used by a pattern. src/core imports nothing outside src/core."],
    ["src/excel/x.ts", "exceljs", "no-restricted-imports: 'exceljs' import is restricted from being used by a pattern. src/excel imports no package: it runs against the port (src/excel/port.ts) only."],
    ["src/excel/x.ts", "../hosts/xlsx", "no-restricted-imports: '../hosts/xlsx' import is restricted from being used by a pattern. src/excel imports only src/core and its own files (the port included)."],
    ["src/excel/x.ts", "../taskpane/taskpane", "no-restricted-imports: '../taskpane/taskpane' import is restricted from being used by a pattern. src/excel imports only src/core and its own files (the port included)."],
    ["src/excel/x.ts", "../cli/main", "no-restricted-imports: '../cli/main' import is restricted from being used by a pattern. src/excel imports only src/core and its own files (the port included)."],
    ["src/hosts/xlsx/x.ts", "../../excel/writePlans", "no-restricted-imports: '../../excel/writePlans' import is restricted from being used by a pattern. A host may import the port (src/excel/port) only, never the code path's internals."],
    ["src/hosts/xlsx/office/x.ts", "../../../excel/compute", "no-restricted-imports: '../../../excel/compute' import is restricted from being used by a pattern. A host may import the port (src/excel/port) only, never the code path's internals."],
    ["src/hosts/xlsx/x.ts", "../../cli/main", "no-restricted-imports: '../../cli/main' import is restricted from being used by a pattern. A host never imports a surface (taskpane, commands, cli, office, harness)."],
    ["src/hosts/xlsx/proxies/x.ts", "../../../office/dialog", "no-restricted-imports: '../../../office/dialog' import is restricted from being used by a pattern. A host never imports a surface (taskpane, commands, cli, office, harness)."],
    ["src/hosts/xlsx/office/x.ts", "../exceljs/internals", "no-restricted-imports: '../exceljs/internals' import is restricted from being used by a pattern. office/ is Office's behaviour only: it imports neither ExcelJS, the adapter (exceljs/) nor the proxies."],
    ["src/hosts/xlsx/office/x.ts", "exceljs", "no-restricted-imports: 'exceljs' import is restricted from being used by a pattern. office/ is Office's behaviour only: it imports neither ExcelJS, the adapter (exceljs/) nor the proxies."],
    ["src/hosts/xlsx/office/x.ts", "../proxies/range", "no-restricted-imports: '../proxies/range' import is restricted from being used by a pattern. office/ is Office's behaviour only: it imports neither ExcelJS, the adapter (exceljs/) nor the proxies."],
    ["src/hosts/xlsx/exceljs/x.ts", "../proxies/range", "no-restricted-imports: '../proxies/range' import is restricted from being used by a pattern. The ExcelJS adapter (exceljs/) knows nothing of the proxies."],
    ["src/hosts/xlsx/exceljs/x.ts", "../../../excel/compute", "no-restricted-imports: '../../../excel/compute' import is restricted from being used by a pattern. A host may import the port (src/excel/port) only, never the code path's internals."],
  ])("refuses, in %s, an import of %s", async (file, from, message) => {
    expect(await layerErrors(file, importOf(from))).toEqual([message]);
  });

  it.each([
    ["src/core/layout/_lib/x.ts", "../../cells/address"],
    ["src/core/x.ts", "./types"],
    ["src/excel/x.ts", "../core/evaluate"],
    ["src/excel/x.ts", "./port"],
    ["src/hosts/xlsx/office/x.ts", "../../../excel/port"],
    ["src/hosts/xlsx/x.ts", "exceljs"],
    ["src/hosts/xlsx/exceljs/x.ts", "../../../core/cells/address"],
    ["src/hosts/xlsx/exceljs/x.ts", "../office/errors"],
    ["src/hosts/xlsx/proxies/x.ts", "../exceljs/cells"],
    ["src/cli/x.ts", "../hosts/xlsx"],
    ["src/taskpane/x.ts", "../excel/compute"],
  ])("allows, in %s, an import of %s", async (file, from) => {
    expect(await layerErrors(file, importOf(from))).toEqual([]);
  });

  it.each(["src/core/x.ts", "src/excel/x.ts", "src/hosts/xlsx/x.ts"])("refuses Office, document and Excel.run in %s", async (file) => {
    const code = "export const a = Office.context;\nexport const b = document.title;\nexport const c = Excel.run;\n";
    expect(await layerErrors(file, code)).toEqual([
      "no-restricted-globals: Unexpected use of 'Office'. Only surfaces (taskpane, commands, cli, office, harness) may use Office's globals.",
      "no-restricted-globals: Unexpected use of 'document'. Only surfaces may touch the DOM.",
      "no-restricted-syntax: Use `Excel` for types only here (e.g. Excel.Range); Excel.run and other values belong to surfaces.",
    ]);
  });

  it("refuses ExcelJS's private fields and modules in the xlsx host outside exceljs/internals.ts", async () => {
    const code = "export const rows = (ws: { _rows: unknown[] }) => ws._rows;\nexport const x = require(\"exceljs/lib/xlsx/xform/sheet/hyperlink-xform\");\n";
    expect(await layerErrors("src/hosts/xlsx/proxies/range.ts", code)).toEqual([
      "no-restricted-syntax: ExcelJS's private fields are touched only in src/hosts/xlsx/exceljs/internals.ts.",
      "no-restricted-syntax: ExcelJS's private modules are required only in src/hosts/xlsx/exceljs/internals.ts.",
    ]);
    expect(await layerErrors("src/hosts/xlsx/exceljs/internals.ts", code)).toEqual([]);
  });

  it("allows Excel as a type namespace in src/excel", async () => {
    expect(await layerErrors("src/excel/x.ts", "export type R = Pick<Excel.Range, \"values\">;\n")).toEqual([]);
  });

  it("allows Office's globals in a surface", async () => {
    expect(await layerErrors("src/taskpane/x.ts", "export const a = Office.context;\nexport const c = Excel.run;\n")).toEqual([]);
  });
});
