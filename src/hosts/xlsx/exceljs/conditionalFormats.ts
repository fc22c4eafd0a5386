/**
 * Conditional formats as ExcelJS models them: one block `{ ref, rules: [rule] }` per
 * `conditionalFormats.add`, whose rule object the later sets (`cellValue.rule`,
 * `custom.rule.formula`, `format.fill.color`…) edit in place.
 *
 * - "CellValue" is ExcelJS `cellIs`, "Custom" is `expression`, "DataBar" is `dataBar`.
 * - Formulas are given as Excel shows them ("=0.6", "=$B2>1"); the leading "=" is dropped for the file.
 * - Fill colours go to the rule's differential style as a solid pattern with both `fgColor` and
 *   `bgColor` set (Excel reads `bgColor` for conditional fills; some readers read `fgColor`).
 * - Data bar bounds are the rule's two `cfvo` entries: "Number" → `num`, "Percent" → `percent`,
 *   "Percentile" → `percentile`, "Formula" → `formula`, "LowestValue" / "HighestValue" → `min` /
 *   `max`, "Automatic" → `autoMin` / `autoMax` (saved as `min` / `max` in the rule itself and as
 *   `autoMin` / `autoMax` in its Excel 2010 extension, as Excel does; see patches.ts).
 */
import type * as ExcelJS from "exceljs";
import { type Box, localAddress } from "./a1";
import { apiError, MESSAGES } from "../office/errors";
import { conditionalFormattingsOf, setConditionalFormattings } from "./internals";

/** The kinds of conditional format the host supports (`Excel.ConditionalFormatType` values). */
export type CfType = "CellValue" | "Custom" | "DataBar";

/** An ExcelJS rule model, edited in place. */
export type CfRule = Record<string, unknown>;

const OPERATORS: Readonly<Record<string, string>> = {
  Between: "between", NotBetween: "notBetween", EqualTo: "equal", NotEqualTo: "notEqual",
  GreaterThan: "greaterThan", LessThan: "lessThan", GreaterThanOrEqual: "greaterThanOrEqual", LessThanOrEqual: "lessThanOrEqual",
};

const DIRECTIONS: Readonly<Record<string, string>> = { Context: "context", LeftToRight: "leftToRight", RightToLeft: "rightToLeft" };

/** Bound kinds that carry a formula, by `Excel.ConditionalFormatRuleType`, with their `cfvo` type. */
const VALUED_BOUNDS: Readonly<Record<string, string>> = { Number: "num", Percent: "percent", Percentile: "percentile", Formula: "formula" };

/** A data bar bound as ExcelJS models it: one `cfvo` entry. */
interface Cfvo {
  type: string;
  value?: number | string;
}

function invalid(detail?: string): never {
  throw apiError("InvalidArgument", detail === undefined ? MESSAGES.invalidArgument() : `${MESSAGES.invalidArgument()} ${detail}`);
}

function formulaText(f: unknown): string {
  if (typeof f === "number") return String(f);
  if (typeof f !== "string" || f.trim() === "" || f.trim() === "=") invalid();
  return f.trim().replace(/^=/, "");
}

function styleOf(rule: CfRule): Record<string, unknown> {
  const style = (rule.style ?? {}) as Record<string, unknown>;
  rule.style = style;
  return style;
}

function cfvoOf(rule: CfRule): Cfvo[] {
  return Array.isArray(rule.cfvo) ? (rule.cfvo as Cfvo[]) : [];
}

/**
 * Adds a conditional format of a type to boxes of the sheet (several from a RangeAreas: one
 * rule over a space-separated sqref) and returns its rule.
 *
 * @throws HostApiError "InvalidArgument" for a type other than CellValue, Custom and DataBar
 */
export function addRule(ws: ExcelJS.Worksheet, boxes: readonly Box[], type: string): { type: CfType; rule: CfRule } {
  let rule: CfRule;
  if (type === "CellValue") rule = { type: "cellIs", operator: "equal", formulae: [], style: {} };
  else if (type === "Custom") rule = { type: "expression", formulae: [], style: {} };
  else if (type === "DataBar") rule = { type: "dataBar", cfvo: [{ type: "min" }, { type: "max" }], color: { argb: "FF638EC6" }, gradient: true };
  else invalid("The xlsx host supports CellValue, Custom and DataBar conditional formats.");
  ws.addConditionalFormatting({ ref: boxes.map(localAddress).join(" "), rules: [rule as unknown as ExcelJS.ConditionalFormattingRule] });
  return { type, rule };
}

/** Sets a rule's fill colour (ARGB). */
export function setRuleFill(rule: CfRule, argb: string): void {
  styleOf(rule).fill = { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
}

/** Sets a rule's font colour (ARGB). */
export function setRuleFontColor(rule: CfRule, argb: string): void {
  const style = styleOf(rule);
  style.font = { ...(style.font as Record<string, unknown> | undefined), color: { argb } };
}

/** Sets a cell-value rule: `{ formula1, formula2?, operator }` as `Excel.ConditionalCellValueRule`. */
export function setCellValueRule(rule: CfRule, value: { formula1: string; formula2?: string; operator: string }): void {
  const operator = OPERATORS[value?.operator];
  if (operator === undefined) invalid();
  const between = operator === "between" || operator === "notBetween";
  if (between && value.formula2 === undefined) invalid();
  rule.operator = operator;
  rule.formulae = between ? [formulaText(value.formula1), formulaText(value.formula2)] : [formulaText(value.formula1)];
}

/** Sets a custom rule's formula. */
export function setCustomFormula(rule: CfRule, formula: string): void {
  rule.formulae = [formulaText(formula)];
}

/** Sets a data bar's direction ("Context" | "LeftToRight" | "RightToLeft"). */
export function setBarDirection(rule: CfRule, direction: string): void {
  const d = DIRECTIONS[direction];
  if (d === undefined) invalid();
  rule.direction = d;
}

/** Sets a data bar's colour (ARGB). */
export function setBarColor(rule: CfRule, argb: string): void {
  rule.color = { argb };
}

/** Sets whether a data bar is drawn with a gradient. */
export function setBarGradient(rule: CfRule, gradient: boolean): void {
  if (typeof gradient !== "boolean") invalid();
  rule.gradient = gradient;
}

/** Sets one bound of a data bar from an `Excel.ConditionalDataBarRule`. */
export function setBarBound(rule: CfRule, value: { type: string; formula?: string }, lower: boolean): void {
  const cfvo = toCfvo(value, lower);
  const now = cfvoOf(rule);
  rule.cfvo = lower ? [cfvo, now[1] ?? { type: "max" }] : [now[0] ?? { type: "min" }, cfvo];
}

function toCfvo(value: { type: string; formula?: string }, lower: boolean): Cfvo {
  const type = value?.type;
  if (type === "Automatic") return { type: lower ? "autoMin" : "autoMax" };
  if (type === "LowestValue" || type === "HighestValue") {
    if ((type === "LowestValue") !== lower) invalid(`A data bar's ${lower ? "lower" : "upper"} bound cannot be ${type}.`);
    return { type: lower ? "min" : "max" };
  }
  const cfvoType = VALUED_BOUNDS[type];
  if (cfvoType === undefined) invalid(`'${String(type)}' is not a data bar bound type.`);
  const text = formulaText(value.formula);
  if (cfvoType === "formula") return { type: cfvoType, value: text };
  const n = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(n)) invalid(`A ${type} bound needs a number, not '${text}'.`);
  if (cfvoType !== "num" && (n < 0 || n > 100)) invalid(`A ${type} bound must be from 0 to 100.`);
  return { type: cfvoType, value: n };
}

/** Drops conditional formats whose rule was never given a formula: they would make an invalid file. */
export function dropIncompleteRules(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const list = conditionalFormattingsOf(ws);
    for (const cf of list) {
      cf.rules = cf.rules.filter((r) => !((r.type === "cellIs" || r.type === "expression") && (r.formulae as unknown[] | undefined)?.length === 0));
    }
    setConditionalFormattings(ws, list.filter((cf) => cf.rules.length > 0));
  }
}
