/** The part of fast-formula-parser (MIT) the xlsx host uses; the package ships no types. */
declare module "fast-formula-parser" {
  interface CellRef {
    sheet: string;
    row: number;
    col: number;
  }
  interface RangeRef {
    sheet: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the class is declared for `FormulaParser.FormulaError`
  class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    static readonly VALUE: FormulaError;
  }
  /** An argument as the parser hands it to a function. */
  interface FunctionArg {
    value: unknown;
    isArray?: boolean;
    isRangeRef?: boolean;
    isCellRef?: boolean;
  }
  interface ParserConfig {
    functions?: Record<string, (...args: FunctionArg[]) => unknown>;
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown[][];
    onVariable?: (name: string, sheetName: string) => CellRef | RangeRef | null;
  }
  class FormulaParser {
    constructor(config?: ParserConfig);
    parse(formula: string, position: CellRef, allowReturnArray?: boolean): unknown;
    static FormulaError: typeof FormulaError;
  }
  export = FormulaParser;
}

declare module "fast-formula-parser/formulas/operators" {
  export const Prefix: { unaryOp: (prefixes: string[], value: unknown, isArray: boolean) => unknown };
}
