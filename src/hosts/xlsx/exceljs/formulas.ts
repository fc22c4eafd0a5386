/**
 * Formulas as Excel would see them, where the file carries no result: a workbook written by a
 * program (not by Excel) may hold `=10+10` with no cached value, which Excel calculates on open
 * and ExcelJS reads as empty. The xlsx host evaluates such a cell with fast-formula-parser (MIT)
 * when it is read, and evaluates our own formulas when it saves, so that every formula we write
 * carries its result.
 *
 * - A referenced cell gives its value; a formula cell its cached result, or its own evaluation.
 * - Defined names that ExcelJS models (ranges) resolve; other names give "unknownName".
 * - A result the engine cannot give — a function it does not implement, an unknown name, a
 *   circular reference, a formula it cannot parse, a result that is a whole range — is a
 *   problem, recorded once per cell with its reason; the cell reads as empty ("").
 * - Excel's own errors (#DIV/0!, #N/A, …) are results, as in Excel.
 */
import type * as ExcelJS from "exceljs";
import type FormulaParser from "fast-formula-parser";
import { parseAddress } from "./a1";
import { nameFormula, storedName } from "./definedNames";
import { type ApiValue, isMergeSlave, toSerial } from "./cellRead";
import { cellsOf, rowsOf, ValueType } from "./internals";
import { CellError, quickEvaluate, UNSURE, type Scalar } from "./quickFormula";

/** Why a formula could not be evaluated. */
export type FormulaFailure =
  | "unsupportedFunction"
  | "unknownName"
  | "circular"
  | "syntax"
  | "range"
  | "tooDeep";

/** A formula the engine could not evaluate: the sheet, the cell and the formula (without "="). */
export interface FormulaProblem {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
  readonly reason: FormulaFailure;
}

/** What the engine makes of a formula. */
export type Evaluated =
  | { readonly kind: "value"; readonly value: number | string | boolean }
  | { readonly kind: "error"; readonly error: string }
  | { readonly kind: "failed"; readonly reason: FormulaFailure };

type Parser = typeof FormulaParser;
let loaded: Parser | null = null;
/** fast-formula-parser's FormulaError, once the parser is loaded. */
let FormulaError: Parser["FormulaError"];

/**
 * fast-formula-parser, loaded (and patched) the first time a formula needs it: most saves never
 * do (quickFormula.ts evaluates the add-in's own formulas), and loading it costs ~60 ms.
 *
 * fast-formula-parser 1.0.19 leaves a double negation ("--TRUE", "--ISNUMBER(A1:A3)") as it is;
 * Excel turns booleans and numeric text into numbers there (the usual SUMPRODUCT idiom). Patched
 * once here: with an even, non-zero number of "-", the value is coerced as Excel does.
 */
function formulaParser(): Parser {
  if (loaded !== null) return loaded;
  // Not ExcelJS's modules (which only internals.ts requires): fast-formula-parser, loaded on first use.
  /* eslint-disable @typescript-eslint/no-require-imports, no-restricted-syntax */
  const parser = require("fast-formula-parser") as Parser;
  const { Prefix } =
    require("fast-formula-parser/formulas/operators") as typeof import("fast-formula-parser/formulas/operators");
  /* eslint-enable @typescript-eslint/no-require-imports, no-restricted-syntax */
  FormulaError = parser.FormulaError;
  const unaryOp = Prefix.unaryOp;
  Prefix.unaryOp = (prefixes, value, isArray) => {
    const out = unaryOp(prefixes, value, isArray);
    const minus = prefixes.filter((p) => p === "-").length;
    if (minus === 0 || minus % 2 === 1) return out;
    return Array.isArray(out)
      ? (out as unknown[][]).map((row) => row.map(coerce))
      : coerce(out);
  };
  loaded = parser;
  return parser;
}

function coerce(v: unknown): unknown {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === null || v === undefined) return 0;
  if (typeof v === "string") {
    const n = Number(v);
    if (v.trim() === "" || Number.isNaN(n)) return FormulaError.VALUE;
    return n;
  }
  return v;
}

/** The numbers of MIN/MAX's arguments, as Excel takes them: numbers in ranges (text and booleans there skipped), typed numbers, booleans and numeric text. */
function numbersOf(
  args: readonly { value: unknown; isCellRef?: boolean }[],
): number[] {
  const out: number[] = [];
  for (const a of args) {
    const v = a.value;
    if (v instanceof FormulaError) throw v;
    if (Array.isArray(v)) {
      for (const row of v as unknown[][]) {
        for (const x of row) {
          if (x instanceof FormulaError) throw x;
          if (typeof x === "number") out.push(x);
        }
      }
    } else if (typeof v === "number") out.push(v);
    else if (a.isCellRef) continue;
    else if (typeof v === "boolean") out.push(v ? 1 : 0);
    else if (typeof v === "string") {
      const n = Number(v);
      if (v.trim() === "" || Number.isNaN(n)) throw FormulaError.VALUE;
      out.push(n);
    }
  }
  return out;
}

/** Functions fast-formula-parser 1.0.19 declares but does not implement (MIN, MAX), and ISNUMBER over a range (it takes only the first cell). */
const FUNCTIONS = {
  MIN: (...args: { value: unknown; isCellRef?: boolean }[]): number => {
    const n = numbersOf(args);
    return n.length === 0 ? 0 : Math.min(...n);
  },
  MAX: (...args: { value: unknown; isCellRef?: boolean }[]): number => {
    const n = numbersOf(args);
    return n.length === 0 ? 0 : Math.max(...n);
  },
  ISNUMBER: (arg: { value: unknown }): boolean | boolean[][] =>
    Array.isArray(arg.value)
      ? (arg.value as unknown[][]).map((row) =>
          row.map((x) => typeof x === "number"),
        )
      : typeof arg.value === "number",
};

/** How deep a chain of uncached formulas may go before the engine gives up. */
const MAX_DEPTH = 500;

class Failure extends Error {
  constructor(readonly reason: FormulaFailure) {
    super(reason);
  }
}

function findSheet(
  wb: ExcelJS.Workbook,
  name: string,
): ExcelJS.Worksheet | undefined {
  const key = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === key);
}

/** Evaluates the formulas of one workbook; results are kept until a cell is written. */
export class FormulaEngine {
  private readonly cache = new Map<string, Evaluated>();
  private readonly active = new Set<string>();
  private readonly problemKeys = new Set<string>();
  /** Every formula read or saved that could not be evaluated, in the order met. */
  readonly problems: FormulaProblem[] = [];
  private parserInstance: FormulaParser | null = null;
  private readonly date1904: boolean;
  /** The cells as quickFormula.ts reads them. */
  private readonly quickCells = {
    value: (sheet: string, row: number, col: number): Scalar =>
      this.cellValue(sheet, row, col),
    extent: (sheet: string): { rows: number; cols: number } | null => {
      const ws = this.sheet(sheet);
      return ws === undefined
        ? null
        : { rows: ws.rowCount, cols: ws.columnCount };
    },
  };
  private lastSheet: ExcelJS.Worksheet | undefined;

  /** @param options.quick - false to evaluate every formula with fast-formula-parser (tests compare the two) */
  constructor(
    private readonly wb: ExcelJS.Workbook,
    private readonly options: { quick?: boolean } = {},
  ) {
    this.date1904 = Boolean(
      (wb.properties as { date1904?: boolean } | undefined)?.date1904,
    );
  }

  /** The sheet a formula names (case-insensitively), remembering the last one asked for. */
  private sheet(name: string): ExcelJS.Worksheet | undefined {
    const last = this.lastSheet;
    if (
      last !== undefined &&
      last.name.toLowerCase() === name.toLowerCase() &&
      this.wb.getWorksheet(last.id) === last
    )
      return last;
    this.lastSheet = findSheet(this.wb, name);
    return this.lastSheet;
  }

  /** fast-formula-parser with this workbook's cells, names and functions, made the first time a formula needs it. */
  private get parser(): FormulaParser {
    if (this.parserInstance !== null) return this.parserInstance;
    const Parser = formulaParser();
    const forParser = (v: Scalar): unknown =>
      v instanceof CellError ? new Parser.FormulaError(v.error) : v;
    this.parserInstance = new Parser({
      functions: FUNCTIONS,
      onCell: (ref) => forParser(this.cellValue(ref.sheet, ref.row, ref.col)),
      onRange: (ref) => {
        const ws = findSheet(this.wb, ref.sheet);
        const out: unknown[][] = [];
        // A whole-column reference ends at the sheet's last row, not at row 1,048,576.
        const lastRow = Math.min(ref.to.row, ws?.rowCount ?? 0);
        const lastCol = Math.min(ref.to.col, ws?.columnCount ?? 0);
        for (let r = ref.from.row; r <= Math.max(lastRow, ref.from.row); r++) {
          const line: unknown[] = [];
          for (let c = ref.from.col; c <= Math.max(lastCol, ref.from.col); c++)
            line.push(forParser(this.cellValue(ref.sheet, r, c)));
          out.push(line);
        }
        return out;
      },
      onVariable: (name, sheetName) => {
        const stored = storedName(this.wb, name);
        if (stored === undefined) throw new Failure("unknownName");
        const parsed = parseAddress(
          nameFormula(this.wb, stored).replace(/^=/, ""),
        );
        if (parsed === null) throw new Failure("unknownName");
        const sheet = parsed.sheet ?? sheetName;
        const b = parsed.box;
        if (b.rowCount === 1 && b.colCount === 1)
          return { sheet, row: b.row + 1, col: b.col + 1 };
        return {
          sheet,
          from: { row: b.row + 1, col: b.col + 1 },
          to: { row: b.row + b.rowCount, col: b.col + b.colCount },
        };
      },
    });
    return this.parserInstance;
  }

  /** Forgets computed results (a cell was written). Recorded problems stay. */
  invalidate(): void {
    this.cache.clear();
  }

  /**
   * The value `Range.values` gives for a formula cell without a cached result: the engine's
   * result, an error's text, or "" when it cannot be evaluated (recorded in `problems`).
   */
  valueOf(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): ApiValue {
    const r = this.evaluate(ws, cell);
    return r.kind === "value" ? r.value : r.kind === "error" ? r.error : "";
  }

  /** Evaluates a formula cell (its cached result is ignored). */
  evaluate(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): Evaluated {
    const key = `${ws.name.toLowerCase()}!${cell.address}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const formula = cell.formula ?? "";
    let result: Evaluated;
    if (this.active.has(key)) throw new Failure("circular");
    if (this.active.size >= MAX_DEPTH) throw new Failure("tooDeep");
    this.active.add(key);
    try {
      result = this.run(ws, cell, formula);
    } catch (e) {
      // A failure inside a referenced cell fails this one too (a circular chain reports every cell on it).
      if (!(e instanceof Failure)) throw e;
      result = { kind: "failed", reason: e.reason };
    } finally {
      this.active.delete(key);
    }
    if (result.kind === "failed" && !this.problemKeys.has(key)) {
      this.problemKeys.add(key);
      this.problems.push({
        sheet: ws.name,
        address: cell.address,
        formula,
        reason: result.reason,
      });
    }
    this.cache.set(key, result);
    return result;
  }

  private run(
    ws: ExcelJS.Worksheet,
    cell: ExcelJS.Cell,
    formula: string,
  ): Evaluated {
    const text = formula.replace(/_xlfn\.|_xlws\./g, "");
    // The add-in's own formulas, and most plain ones, without the general parser.
    const quick =
      this.options.quick === false
        ? UNSURE
        : quickEvaluate(text, ws.name, this.quickCells);
    if (
      quick !== UNSURE &&
      !(quick instanceof CellError && quick.error === "#NAME?")
    ) {
      return quick instanceof CellError
        ? { kind: "error", error: quick.error }
        : { kind: "value", value: quick ?? 0 };
    }
    let out: unknown;
    try {
      out = this.parser.parse(text, {
        sheet: ws.name,
        row: Number(cell.row),
        col: Number(cell.col),
      });
    } catch (e) {
      if (e instanceof Failure) throw e;
      const message = e instanceof Error ? e.message : String(e);
      if (/not implemented/i.test(message))
        return { kind: "failed", reason: "unsupportedFunction" };
      if (
        e instanceof Error &&
        "details" in e &&
        (e as { details?: unknown }).details instanceof Failure
      )
        throw (e as { details: Failure }).details;
      return {
        kind: "failed",
        reason: /#NAME\?/.test(message) ? "unknownName" : "syntax",
      };
    }
    if (out instanceof FormulaError) {
      if (out.error === "#NAME?")
        return { kind: "failed", reason: "unknownName" };
      return { kind: "error", error: out.error };
    }
    if (Array.isArray(out)) return { kind: "failed", reason: "range" };
    if (out === null || out === undefined) return { kind: "value", value: 0 };
    if (
      typeof out === "number" ||
      typeof out === "string" ||
      typeof out === "boolean"
    )
      return { kind: "value", value: out };
    return { kind: "failed", reason: "syntax" };
  }

  /** A referenced cell's value: null when empty, an error as CellError. */
  private cellValue(sheet: string, row: number, col: number): Scalar {
    const ws = this.sheet(sheet);
    if (ws === undefined) return new CellError("#REF!");
    const cell = cellsOf(rowsOf(ws)[row - 1] ?? ({} as ExcelJS.Row))[col - 1];
    if (cell === undefined || isMergeSlave(cell)) return null;
    const v = cell.value;
    if (v === null || v === undefined) return null;
    if (cell.type === ValueType.Formula) {
      const cached = (v as ExcelJS.CellFormulaValue).result;
      if (cached !== undefined && cached !== null) return this.plain(cached);
      const r = this.evaluate(ws, cell);
      if (r.kind === "failed") throw new Failure(r.reason);
      return r.kind === "value" ? r.value : new CellError(r.error);
    }
    return this.plain(v);
  }

  private plain(v: unknown): Scalar {
    if (v instanceof Date) return toSerial(v, this.date1904);
    if (typeof v === "object" && v !== null) {
      const o = v as Record<string, unknown>;
      if (typeof o.error === "string") return new CellError(o.error);
      if (Array.isArray(o.richText))
        return (o.richText as { text?: unknown }[])
          .map((r) => String(r.text ?? ""))
          .join("");
      if ("text" in o) return this.plain(o.text);
      if ("result" in o) return this.plain(o.result);
    }
    return v as Scalar;
  }
}

const engines = new WeakMap<ExcelJS.Workbook, FormulaEngine>();

/** The workbook's engine, made on first use. */
export function engineFor(wb: ExcelJS.Workbook): FormulaEngine {
  let e = engines.get(wb);
  if (e === undefined) {
    e = new FormulaEngine(wb);
    engines.set(wb, e);
  }
  return e;
}

/** True for a formula cell that carries no cached result (what Excel would calculate on open). */
export function lacksResult(
  cell: ExcelJS.Cell | undefined,
): cell is ExcelJS.Cell {
  if (
    cell === undefined ||
    cell.type !== ValueType.Formula ||
    isMergeSlave(cell)
  )
    return false;
  const result = (cell.value as ExcelJS.CellFormulaValue).result;
  return result === undefined || result === null;
}

/**
 * Gives every formula of the sheets a cached result where the engine can compute one, so that a
 * reader that does not calculate shows numbers. A formula it cannot evaluate keeps no result
 * (Excel and LibreOffice calculate it on open: the file is marked for a full recalculation).
 *
 * @returns how many formulas were given a result
 */
export function cacheResults(
  wb: ExcelJS.Workbook,
  sheets: readonly ExcelJS.Worksheet[],
): number {
  const engine = engineFor(wb);
  engine.invalidate();
  let n = 0;
  for (const ws of sheets) {
    for (const row of rowsOf(ws)) {
      if (row === undefined) continue;
      for (const cell of cellsOf(row)) {
        if (!lacksResult(cell)) continue;
        const r = engine.evaluate(ws, cell);
        if (r.kind === "failed") continue;
        const formula = cell.formula ?? "";
        cell.value = {
          formula,
          result: r.kind === "value" ? r.value : { error: r.error },
        } as ExcelJS.CellFormulaValue;
        n++;
      }
    }
  }
  return n;
}
