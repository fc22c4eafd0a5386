/**
 * The quick evaluator of plain formulas (src/hosts/xlsx/exceljs/quickFormula.ts): it answers as
 * Excel does where it answers, says UNSURE for everything else, and on every formula the CLI
 * writes for the examples and a generated 300-row workbook it gives what fast-formula-parser
 * (the general engine) gives.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  CellError,
  quickEvaluate,
  UNSURE,
  type QuickCells,
  type Scalar,
} from "../../../src/hosts/xlsx/exceljs/quickFormula";
import { FormulaEngine } from "../../../src/hosts/xlsx/exceljs/formulas";
import { runCli, ROOT } from "../../cli/run";
import { benchExcelWorkbook } from "../../../scripts/benchWorkbook";

/** Cells from a plain table: sheet → "A1" → value. */
function cellsOf(sheets: Record<string, Record<string, Scalar>>): QuickCells {
  const find = (name: string): Record<string, Scalar> | undefined =>
    Object.entries(sheets).find(
      ([n]) => n.toLowerCase() === name.toLowerCase(),
    )?.[1];
  const colName = (c: number): string =>
    (c > 26 ? colName(Math.floor((c - 1) / 26)) : "") +
    String.fromCharCode(65 + ((c - 1) % 26));
  return {
    value: (sheet, row, col) => {
      const s = find(sheet);
      if (s === undefined) return new CellError("#REF!");
      return s[`${colName(col)}${row}`] ?? null;
    },
    extent: (sheet) =>
      find(sheet) === undefined ? null : { rows: 100, cols: 26 },
  };
}

const cells = cellsOf({
  S: {
    A1: 10,
    A2: 4,
    A3: "text",
    A4: true,
    A5: new CellError("#N/A"),
    B1: 0,
    C1: 2.675,
    C2: -2.5,
  },
  "评分 表": { J5: 7 },
  "Bob's": { A1: 3 },
});
const q = (f: string): Scalar | typeof UNSURE => quickEvaluate(f, "S", cells);

describe("quickEvaluate", () => {
  it("does arithmetic, comparisons and the functions the add-in writes as Excel does", () => {
    expect(q("A1-A2")).toBe(6);
    expect(q("A1*A2/2+1")).toBe(21);
    expect(q("-A1+--A2")).toBe(-6);
    expect(q("Z9")).toBe(0); // an empty cell as the whole result
    expect(q("Z9+1")).toBe(1);
    expect(q("A1/B1")).toEqual(new CellError("#DIV/0!"));
    expect(q('IFERROR(A1/B1,"")')).toBe("");
    expect(q('IFERROR(A1/A2,"")')).toBe(2.5);
    expect(q("A5+1")).toEqual(new CellError("#N/A"));
    expect(q('IF(ISNUMBER(A1),A1-A2,"")')).toBe(6);
    expect(q('IF(ISNUMBER(A3),A1-A2,"")')).toBe("");
    expect(q("ISNUMBER(A5)")).toBe(false);
    expect(q("IF(A1>=A2,1,2)")).toBe(1);
    expect(q("IF(A1<=A2,1,2)")).toBe(2);
    expect(q("IF(A2<>4,1,2)")).toBe(2);
    expect(q("IF(B1,1,A1/B1)")).toEqual(new CellError("#DIV/0!"));
    expect(q("IF(A1>=A2,A1,A1/B1)")).toBe(10); // the branch not taken is not evaluated
    expect(q("SUM(A1:A4)")).toBe(14); // text and booleans in a range are skipped
    expect(q("SUM(A1,A2,3)")).toBe(17);
    expect(q("MIN(A1:A2,3)")).toBe(3);
    expect(q("MAX(A1:A3)")).toBe(10);
    expect(q("ROUND(C1,2)")).toBe(2.68);
    expect(q("ROUND(C2,0)")).toBe(-3);
    expect(q("'评分 表'!J5*2")).toBe(14);
    expect(q("'Bob''s'!A1")).toBe(3);
    expect(q("$A$1+S!A2")).toBe(14);
    expect(q('IF(TRUE,"a""b","")')).toBe('a"b');
  });

  it("is UNSURE of everything else", () => {
    for (const f of [
      "A1&A2",
      "A1^2",
      "A3+1",
      "A4*1",
      "A1%",
      "SUMPRODUCT(A1:A2)",
      "MyName+1",
      "A:A",
      "SUM(A:A)",
      "IF(A3,1,2)",
      "A5>1",
      '"a"="a"',
      'SUM(A1,"2")',
      "IF(A1)",
      "ROUND(A1)",
      "1+",
      "(1",
      "LOG10(A1)",
      "Missing!A1+",
    ]) {
      expect([f, q(f)]).toEqual([f, UNSURE]);
    }
    expect(q("Missing!A1+1")).toEqual(new CellError("#REF!"));
  });
});

/** Every formula of a scored copy, evaluated by the host's engine with and without the quick evaluator (over the copy's cached values). */
async function compareOnOutput(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const quick = new FormulaEngine(wb);
  const general = new FormulaEngine(wb, { quick: false });
  let compared = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        expect([
          ws.name,
          cell.address,
          cell.formula,
          quick.evaluate(ws, cell),
        ]).toEqual([
          ws.name,
          cell.address,
          cell.formula,
          general.evaluate(ws, cell),
        ]);
        compared++;
      }),
    );
  }
  expect(quick.problems).toEqual([]);
  return compared;
}

describe("the quick evaluator agrees with fast-formula-parser", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(
      path.join(fs.realpathSync(os.tmpdir()), "perfscore-quick-"),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    "seed.xlsx",
    "self-evaluation-form.xlsx",
    "english.xlsx",
    "projects.xlsx",
  ])("on every formula the CLI writes for %s", async (name) => {
    const out = path.join(dir, `scored-${name}`);
    expect(
      (await runCli([path.join(ROOT, "examples", name), "-o", out, "--json"]))
        .code,
    ).toBe(0);
    expect(await compareOnOutput(out)).toBeGreaterThan(10);
  });

  it("on every formula the CLI writes for a generated 300-row workbook", async () => {
    const input = path.join(dir, "bench-300.xlsx");
    await benchExcelWorkbook(300).xlsx.writeFile(input);
    const out = path.join(dir, "scored-bench-300.xlsx");
    expect((await runCli([input, "-o", out, "--json"])).code).toBe(0);
    expect(await compareOnOutput(out)).toBeGreaterThan(600);
  });
});
