import type { BudgetBlock, Operator, ParsedValue } from "../../types";
import { unitScale } from "../../cells/parseValue";
import { decimalsNeeded } from "./numbers";

/**
 * Drops a scale prefix (万, 亿, and 千 where the value reader scales by it) from a unit, since
 * values are held in base units.
 *
 * @example
 * baseUnit("万人") //=> "人"
 * baseUnit("千克") //=> "千克"
 */
export function baseUnit(unit: string): string {
  const u = unit.trim();
  return unitScale(u) !== 1 ? u.slice(1) : u;
}

/** True when a unit counts in 万 (ten thousands). */
export function isWanUnit(unit: string): boolean {
  return unit.trim().startsWith("万");
}

const OPERATOR_SYMBOL: Record<Exclude<Operator, "qualitative">, string> = {
  ">=": "≥",
  "<=": "≤",
  ">": ">",
  "<": "<",
  "=": "=",
};

/** The symbol shown for an operator, or "" for none or qualitative. */
export function operatorSymbol(op: Operator | null): string {
  return op === null || op === "qualitative" ? "" : OPERATOR_SYMBOL[op];
}

function literal(text: string): string {
  const clean = text.replace(/["\\]/g, "");
  return clean === "" ? "" : `"${clean}"`;
}

/**
 * A unit as a number-format literal: quoted, with a space before a unit that begins with a Latin
 * letter ("12 sessions") and none before CJK units or % ("12人").
 *
 * @example
 * unitLiteral("sessions") //=> '" sessions"'
 * unitLiteral("万元") //=> '"万元"'
 */
export function unitLiteral(unit: string): string {
  const u = unit.trim();
  return literal(/^[A-Za-z]/.test(u) ? ` ${u}` : u);
}

/**
 * Builds a number format for a quantity held in base units: the operator in front, then the
 * number (as a percent, or with thousands separators and exactly the decimals it needs), then the
 * base unit. Exact decimals avoid the dangling point that `#,##0.##` shows for whole numbers.
 *
 * @param value - the number the cell will hold
 * @param opts - operator symbol ("" for none), percent flag and unit text
 * @returns an Excel number format
 * @example
 * quantityFormat(64200, { operator: "≥", isPercent: false, unit: "万人" }) //=> '"≥"#,##0"人"'
 */
export function quantityFormat(value: number, opts: { operator: string; isPercent: boolean; unit: string }): string {
  const body = opts.isPercent ? "0.00%" : numberBody(value);
  const unit = opts.isPercent ? "" : unitPart(opts.unit);
  // Joined, not a template: one flat string, as every row keeps its format (see scoreFormula).
  return [literalOf(opts.operator), body, unit].join("");
}

/** Literals already built, by their text: a table repeats a handful of units and operators on every row. */
const LITERALS = new Map<string, string>();
const UNIT_PARTS = new Map<string, string>();
/** Enough for any real workbook's units; beyond it the maps stop growing (results are computed, not stored). */
const LITERAL_MEMO_LIMIT = 1000;

function literalOf(text: string): string {
  let out = LITERALS.get(text);
  if (out === undefined) {
    out = literal(text);
    if (LITERALS.size < LITERAL_MEMO_LIMIT) LITERALS.set(text, out);
  }
  return out;
}

/** The unit part of a quantity format: the base unit as a literal ("" for none or %). */
function unitPart(unit: string): string {
  let out = UNIT_PARTS.get(unit);
  if (out === undefined) {
    out = unitLiteral(baseUnit(unit).replace(/^%$/, ""));
    if (UNIT_PARTS.size < LITERAL_MEMO_LIMIT) UNIT_PARTS.set(unit, out);
  }
  return out;
}

const NUMBER_BODIES = ["#,##0", "#,##0.0", "#,##0.00", "#,##0.000", "#,##0.0000"];

function numberBody(value: number): string {
  const d = decimalsNeeded(value, 4);
  return NUMBER_BODIES[d] ?? `#,##0.${"0".repeat(d)}`;
}

/** The unit a parsed value carries, or "" when it is not a number. */
export function parsedUnit(v: ParsedValue | null | undefined): string {
  return v && v.kind === "number" ? v.unit : "";
}

/** True when a parsed value is a percent, or the row's unit says so. */
export function isPercentValue(v: ParsedValue, unitText: string): boolean {
  if (v.kind === "number" && v.isPercent) return true;
  if (unitText === "") return false;
  const unit = unitText.trim();
  return unit === "%" || unit === "％";
}

/** Budget amounts: thousands separators and 2 decimals, as money is written in the form. */
export const MONEY_FORMAT = "#,##0.00";

/**
 * The unit budget amounts are held in: the base unit of a unit written in the cells (values are
 * scaled to it), else the unit a bracket in the block names (项目资金（万元）: the values are
 * 万元 as written), else "" (unknown: shown without a unit, never guessed).
 *
 * @example
 * budgetUnit(block /* 57 and 55.29 under 项目资金（万元） *\/) //=> "万元"
 */
export function budgetUnit(b: BudgetBlock): string {
  const parsed = parsedUnit(b.planned) || parsedUnit(b.spent);
  return parsed !== "" ? baseUnit(parsed) : (b.unitText ?? "");
}
