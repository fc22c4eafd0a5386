/**
 * A quick evaluator for the plain formulas the add-in itself writes (`IF(ISNUMBER(K3),K3-J3,"")`,
 * `IFERROR(H5/G5,"")`, `SUM(F3:F20)`, `评分表!J30`, …), so that saving a 5,000-row score table does
 * not run fast-formula-parser's general parser 15,000 times (about 80 µs each, and 60 ms to load).
 *
 * It answers only where the answer is certain and the same as the general engine's
 * (src/hosts/xlsx/exceljs/formulas.ts) and Excel's: numbers, text and booleans as literals,
 * single cells and bounded ranges (optionally sheet-qualified), `+ - * /`, comparisons of two
 * numbers, unary minus and plus on numbers, and IF, IFERROR, ISNUMBER, SUM, MIN, MAX, ROUND with
 * arguments of the plain kinds. Anything else — a function or operator it does not know, a
 * defined name, text where a number is expected, an error where it is not simply passed on — is
 * {@link UNSURE}, and the caller evaluates the formula with the general engine.
 */

/** An Excel error value (#DIV/0!, #N/A, …). */
export class CellError {
  constructor(readonly error: string) {}
}

/** What a cell or an expression gives: null is an empty cell. */
export type Scalar = number | string | boolean | null | CellError;

/** The cells a formula reads. Rows and columns are 1-based; `sheet` is as the formula names it (or the formula's own sheet). */
export interface QuickCells {
  value(sheet: string, row: number, col: number): Scalar;
  /** The last used row and column of a sheet (ranges are read up to there); null when there is no such sheet. */
  extent(sheet: string): { rows: number; cols: number } | null;
}

/** The quick evaluator cannot be sure of this formula: evaluate it in full. */
export const UNSURE: unique symbol = Symbol("unsure");

class Unsure extends Error {}
const unsure = (): never => {
  throw new Unsure();
};

type Node =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "bool"; v: boolean }
  | { k: "ref"; sheet: string | null; row: number; col: number }
  | {
      k: "range";
      sheet: string | null;
      r1: number;
      c1: number;
      r2: number;
      c2: number;
    }
  | { k: "neg"; sign: number; e: Node }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "call"; name: string; args: Node[] };

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /\$?([A-Za-z]{1,3})\$?(\d{1,7})(?![A-Za-z0-9_.(!])/y;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_][A-Za-z0-9_.]*/y;
const BARE_SHEET = /([^\s!'"(),:;&=<>+\-*/^{}[\]%]+)!/y;

/** A recursive-descent parser over the formula text; throws Unsure for anything outside the subset. */
class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  parse(): Node {
    const e = this.compare();
    this.space();
    if (this.at !== this.text.length) unsure();
    return e;
  }

  private space(): void {
    while (this.text.charCodeAt(this.at) === 32) this.at++;
  }

  /** The next character, after spaces. */
  private next(): string {
    this.space();
    return this.text.charAt(this.at);
  }

  private take(ch: string): boolean {
    if (this.next() !== ch) return false;
    this.at++;
    return true;
  }

  /** Matches a sticky regular expression at the current position (no spaces skipped). */
  private match(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.at;
    const m = re.exec(this.text);
    if (m !== null) this.at = re.lastIndex;
    return m;
  }

  private compare(): Node {
    let a = this.add();
    for (;;) {
      const ch = this.next();
      if (ch !== "=" && ch !== "<" && ch !== ">") return a;
      const two = this.text.slice(this.at, this.at + 2);
      const op = two === "<=" || two === ">=" || two === "<>" ? two : ch;
      this.at += op.length;
      a = { k: "bin", op, a, b: this.add() };
    }
  }

  private add(): Node {
    let a = this.mul();
    for (;;) {
      const ch = this.next();
      if (ch === "&") unsure();
      if (ch !== "+" && ch !== "-") return a;
      this.at++;
      a = { k: "bin", op: ch, a, b: this.mul() };
    }
  }

  private mul(): Node {
    let a = this.unary();
    for (;;) {
      const ch = this.next();
      if (ch === "^") unsure();
      if (ch !== "*" && ch !== "/") return a;
      this.at++;
      a = { k: "bin", op: ch, a, b: this.unary() };
    }
  }

  private unary(): Node {
    let signs = 0;
    let minus = 0;
    for (;;) {
      const ch = this.next();
      if (ch === "-") minus++;
      else if (ch !== "+") break;
      signs++;
      this.at++;
    }
    const e = this.primary();
    if (this.next() === "%") unsure();
    if (signs === 0) return e;
    return { k: "neg", sign: minus % 2 === 1 ? -1 : 1, e };
  }

  /** A quoted text: `quote` opens and closes it, doubled inside; the position is just after the opening quote. */
  private quoted(quote: string): string {
    let v = "";
    for (;;) {
      const q = this.text.indexOf(quote, this.at);
      if (q < 0) unsure();
      v += this.text.slice(this.at, q);
      this.at = q + 1;
      if (this.text.charAt(this.at) !== quote) return v;
      v += quote;
      this.at++;
    }
  }

  private primary(): Node {
    const ch = this.next();
    if (ch === "(") {
      this.at++;
      const e = this.compare();
      if (!this.take(")")) unsure();
      return e;
    }
    if (ch === '"') {
      this.at++;
      return { k: "str", v: this.quoted('"') };
    }
    const num = this.match(NUMBER);
    if (num) return { k: "num", v: Number(num[0]) };
    let sheet: string | null = null;
    if (ch === "'") {
      this.at++;
      sheet = this.quoted("'");
      if (this.text.charAt(this.at) !== "!") unsure();
      this.at++;
    } else {
      const bare = this.match(BARE_SHEET);
      if (bare) sheet = bare[1] ?? "";
    }
    const cell = this.match(CELL);
    if (cell) {
      const row = Number(cell[2]);
      const col = colNumber(cell[1] ?? "");
      if (row < 1 || row > MAX_ROW || col > MAX_COL) unsure();
      if (this.text.charAt(this.at) !== ":") return { k: "ref", sheet, row, col };
      this.at++;
      const end = this.match(CELL);
      if (!end) return unsure();
      const row2 = Number(end[2]);
      const col2 = colNumber(end[1] ?? "");
      if (row2 < 1 || row2 > MAX_ROW || col2 > MAX_COL) unsure();
      return { k: "range", sheet, r1: Math.min(row, row2), c1: Math.min(col, col2), r2: Math.max(row, row2), c2: Math.max(col, col2) };
    }
    if (sheet !== null) unsure();
    const word = this.match(WORD);
    if (!word) return unsure();
    const name = word[0].toUpperCase();
    if (this.take("(")) {
      const args: Node[] = [];
      if (!this.take(")")) {
        do args.push(this.compare());
        while (this.take(","));
        if (!this.take(")")) unsure();
      }
      return { k: "call", name, args };
    }
    if (name === "TRUE" || name === "FALSE") return { k: "bool", v: name === "TRUE" };
    return unsure(); // a defined name
  }
}

/** Evaluates a parsed formula over the cells; throws Unsure where it cannot be sure. */
class Evaluator {
  constructor(
    private readonly cells: QuickCells,
    private readonly sheet: string,
  ) {}

  /** A scalar; a range is not a value here. */
  value(n: Node): Scalar {
    switch (n.k) {
      case "num":
      case "str":
      case "bool":
        return n.v;
      case "ref":
        return this.cells.value(n.sheet ?? this.sheet, n.row, n.col);
      case "range":
        return unsure();
      case "neg": {
        const v = this.value(n.e);
        if (v instanceof CellError) return v;
        if (typeof v !== "number") return unsure();
        return n.sign * v;
      }
      case "bin":
        return this.binary(n.op, n.a, n.b);
      case "call":
        return this.call(n.name, n.args);
    }
  }

  private binary(op: string, an: Node, bn: Node): Scalar {
    const a = this.value(an);
    const b = this.value(bn);
    if (op === "+" || op === "-" || op === "*" || op === "/") {
      if (a instanceof CellError) return a;
      if (b instanceof CellError) return b;
      const x = a === null ? 0 : a;
      const y = b === null ? 0 : b;
      if (typeof x !== "number" || typeof y !== "number") return unsure();
      switch (op) {
        case "+":
          return x + y;
        case "-":
          return x - y;
        case "*":
          return x * y;
        default:
          return y === 0 ? new CellError("#DIV/0!") : x / y;
      }
    }
    // Comparisons: two numbers (an empty cell is 0 beside a number) only.
    if (a instanceof CellError || b instanceof CellError) return unsure();
    const x = a === null && typeof b === "number" ? 0 : a;
    const y = b === null && typeof a === "number" ? 0 : b;
    if (typeof x !== "number" || typeof y !== "number") return unsure();
    switch (op) {
      case "=":
        return x === y;
      case "<>":
        return x !== y;
      case "<":
        return x < y;
      case ">":
        return x > y;
      case "<=":
        return x <= y;
      default:
        return x >= y;
    }
  }

  /** The cells of a range, row by row, up to the sheet's used extent. */
  private rangeValues(n: Extract<Node, { k: "range" }>): Scalar[] {
    const sheet = n.sheet ?? this.sheet;
    const extent = this.cells.extent(sheet);
    if (extent === null) return unsure();
    const out: Scalar[] = [];
    for (let r = n.r1; r <= Math.min(n.r2, extent.rows); r++)
      for (let c = n.c1; c <= Math.min(n.c2, extent.cols); c++)
        out.push(this.cells.value(sheet, r, c));
    return out;
  }

  /** The numbers of SUM/MIN/MAX's arguments: numbers in ranges and referenced cells (others skipped), numeric literals and results. */
  private numbers(args: Node[]): number[] {
    const out: number[] = [];
    for (const a of args) {
      const values = a.k === "range" ? this.rangeValues(a) : [this.value(a)];
      for (const v of values) {
        if (v instanceof CellError) unsure();
        if (typeof v === "number") out.push(v);
        else if (a.k !== "range" && a.k !== "ref" && v !== null) unsure();
      }
    }
    return out;
  }

  private call(name: string, args: Node[]): Scalar {
    switch (name) {
      case "IF": {
        if (args.length !== 3) return unsure();
        const c = this.value(args[0] as Node);
        if (c instanceof CellError) return unsure();
        if (typeof c !== "boolean" && typeof c !== "number") return unsure();
        return this.value(
          (c === true || (typeof c === "number" && c !== 0)
            ? args[1]
            : args[2]) as Node,
        );
      }
      case "IFERROR": {
        if (args.length !== 2) return unsure();
        const v = this.value(args[0] as Node);
        return v instanceof CellError ? this.value(args[1] as Node) : v;
      }
      case "ISNUMBER": {
        if (args.length !== 1 || args[0]?.k === "range") return unsure();
        return typeof this.value(args[0] as Node) === "number";
      }
      case "SUM": {
        if (args.length === 0) return unsure();
        return this.numbers(args).reduce((s, x) => s + x, 0);
      }
      case "MIN":
      case "MAX": {
        if (args.length === 0) return unsure();
        const n = this.numbers(args);
        return n.length === 0
          ? 0
          : name === "MIN"
            ? Math.min(...n)
            : Math.max(...n);
      }
      case "ROUND": {
        if (args.length !== 2) return unsure();
        const x = this.value(args[0] as Node);
        const d = this.value(args[1] as Node);
        if (
          typeof x !== "number" ||
          typeof d !== "number" ||
          !Number.isInteger(d)
        )
          return unsure();
        // As fast-formula-parser rounds: half away from zero.
        const m = 10 ** Math.abs(d);
        const sign = x > 0 ? 1 : -1;
        if (d > 0) return (sign * Math.round(Math.abs(x) * m)) / m;
        if (d === 0) return sign * Math.round(Math.abs(x));
        return sign * Math.round(Math.abs(x) / m) * m;
      }
      default:
        return unsure();
    }
  }
}

/**
 * The formula's result, or {@link UNSURE}.
 *
 * @param formula - the formula without "=" (no `_xlfn.` prefixes)
 * @param sheet - the sheet the formula is on (unqualified references are to it)
 * @returns the result as Excel gives it (an empty cell as the whole result is 0), or UNSURE
 */
export function quickEvaluate(
  formula: string,
  sheet: string,
  cells: QuickCells,
): Scalar | typeof UNSURE {
  try {
    const v = new Evaluator(cells, sheet).value(new Parser(formula).parse());
    return v === null ? 0 : v;
  } catch (e) {
    if (e instanceof Unsure) return UNSURE;
    throw e;
  }
}
