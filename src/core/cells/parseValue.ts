import type { CellValue, Operator, ParsedValue } from "../types";
import { foldWidth } from "./normalize";
import { parseAchievement } from "./qualitative";
import { RATIO_POINTS_THRESHOLD } from "../numbers/tolerances";

const ERROR_VALUE = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;
const PLACEHOLDER = /^(\*+|\/|—+|-|–|－|——|--|\.\.\.|…+|无)$/;
const NOT_APPLICABLE = /^(不适用|n\/a|na|not applicable|无此项)$/i;
const OPERATOR_PREFIX: [RegExp, Operator][] = [
  [/^(>=|=>|≥|≧|不低于|不少于|大于等于|大于或等于|达到)/, ">="],
  [/^(<=|=<|≤|≦|不高于|不超过|不多于|小于等于|小于或等于)/, "<="],
  [/^(>|大于|高于)/, ">"],
  [/^(<|小于|低于)/, "<"],
  [/^(=|﹦|等于)/, "="],
];
const OPERATOR_SUFFIX: [RegExp, Operator][] = [
  [/(以上|及以上)$/, ">="],
  [/(以下|以内|及以下)$/, "<="],
];
const NUMBER = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(.*)$/;

/**
 * Reads an operator cell or prefix: ≥ ≤ > < = (ASCII or full-width) and 定性 / Qualitative.
 *
 * @returns the operator, or null when the text names none
 * @example
 * parseOperator("＞＝") //=> ">="
 * parseOperator("定性") //=> "qualitative"
 */
export function parseOperator(text: string): Operator | null {
  if (text === "") return null;
  const t = foldWidth(text).replace(/\s+/g, "").toLowerCase();
  if (t === "") return null;
  if (t === "定性" || t === "qualitative") return "qualitative";
  if (t === "定量" || t === "quantitative") return null;
  // The 指标性质 column of some forms names the direction instead of an operator.
  if (t === "正向" || t === "正向指标") return ">=";
  if (t === "反向" || t === "逆向" || t === "反向指标" || t === "逆向指标") return "<=";
  for (const [re, op] of OPERATOR_PREFIX) {
    const m = re.exec(t);
    if (m && m[0].length === t.length) return op;
  }
  return null;
}

/** The multiplier a unit's leading character implies (万 1e4, 亿 1e8, 千 1e3 for counts and money). */
export function unitScale(unit: string): number {
  const u = unit.trim();
  if (u.startsWith("万")) return 1e4;
  if (u.startsWith("亿")) return 1e8;
  if (/^千(人|元|户|家|个|次|件|名|份|套|台|所)?$/.test(u)) return 1e3;
  return 1;
}

function isPercentFormat(numberFormat: string): boolean {
  if (numberFormat === "General" || !numberFormat.includes("%")) return false;
  return /%/.test(numberFormat.replace(/"[^"]*"/g, ""));
}

const HAS_SPACE = /\s/;

/** The first characters an operator prefix (OPERATOR_PREFIX) can start with. */
const OPERATOR_FIRST = new Set([">", "=", "≥", "≧", "不", "大", "达", "<", "≤", "≦", "小", "高", "低", "﹦", "等"]);

/**
 * Reads one cell the way docs/scoring-rules.md §2 says: numbers (with 1,234.5 and full-width digits), percents,
 * 万/亿/千, a leading ≥ ≤ > < = (or a trailing 以上/以下), unit words, qualitative words, N/A,
 * placeholders (`*`, `/`, `—`) and error values.
 *
 * - A number cell whose format is a percent is already a fraction (0.95 shown as 95%).
 * - `unit` (a unit column's text) scales plain numbers: 6.42 with 万人 reads 64200. With unit `%`,
 *   a plain number above 1 is in percent points (91 reads 0.91).
 * - Text that is neither a number nor N/A nor a placeholder reads as qualitative; its achievement
 *   is null unless it is a known word (or repeats `targetText`).
 *
 * @param value - the cell value as Excel returns it ("" when empty)
 * @param numberFormat - the cell's number format ("General" when none)
 * @param unit - the row's unit-column text, or ""
 * @param targetText - for an actual value: the target's text, to recognise a repeat as achieved
 * @returns what the cell reads as; never throws
 * @example
 * parseValue("≥95%", "General") //=> { kind: "number", value: 0.95, operator: ">=", isPercent: true, unit: "%", text: "≥95%" }
 * parseValue("6.42万人", "General").value //=> 64200
 */
export function parseValue(value: CellValue | null | undefined, numberFormat = "General", unit = "", targetText?: string): ParsedValue {
  if (value === null || value === undefined || value === "") return { kind: "missing", text: "" };
  if (typeof value === "boolean") {
    return { kind: "qualitative", achievement: value ? "achieved" : "notAchieved", text: value ? "TRUE" : "FALSE", operator: null };
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "error", text: String(value) };
    const text = String(value);
    if (isPercentFormat(numberFormat)) return { kind: "number", value, unit: "%", operator: null, isPercent: true, text };
    return scaleByUnitColumn(value, unit, null, text);
  }
  const raw = value;
  const t = foldWidth(raw).trim();
  if (t === "") return { kind: "missing", text: raw };
  if (ERROR_VALUE.test(t)) return { kind: "error", text: raw };
  if (PLACEHOLDER.test(t)) return { kind: "missing", text: raw };
  if (NOT_APPLICABLE.test(t)) return { kind: "notApplicable", text: raw };

  let rest = HAS_SPACE.test(t) ? t.replace(/\s+/g, "") : t;
  let operator: Operator | null = null;
  if (OPERATOR_FIRST.has(rest.charAt(0))) {
    for (const entry of OPERATOR_PREFIX) {
      const m = entry[0].exec(rest);
      if (m) {
        operator = entry[1];
        rest = rest.slice(m[0].length);
        break;
      }
    }
  }
  const last = rest.charAt(rest.length - 1);
  if (last === "上" || last === "下" || last === "内") {
    for (const entry of OPERATOR_SUFFIX) {
      const m = entry[0].exec(rest);
      if (m && NUMBER.test(rest)) {
        operator = operator ?? entry[1];
        rest = rest.slice(0, rest.length - m[0].length);
        break;
      }
    }
  }
  const m = NUMBER.exec(rest);
  if (m && m[1] !== undefined) {
    const n = Number(m[1].includes(",") ? m[1].replace(/,/g, "") : m[1]);
    const suffix = m[2] ?? "";
    if (suffix === "" ) return scaleByUnitColumn(n, unit, operator, raw);
    if (suffix === "%" || suffix === "百分比") return { kind: "number", value: n / 100, unit: "%", operator, isPercent: true, text: raw };
    if (suffix === "‰") return { kind: "number", value: n / 1000, unit: "‰", operator, isPercent: true, text: raw };
    if (/^[\u4e00-\u9fa5A-Za-z/²³·.]{1,8}$/.test(suffix)) {
      return { kind: "number", value: n * unitScale(suffix), unit: suffix, operator, isPercent: false, text: raw };
    }
  }
  const achievement = parseAchievement(t, targetText);
  return { kind: "qualitative", achievement, text: raw, operator };
}

function scaleByUnitColumn(n: number, unit: string, operator: Operator | null, text: string): ParsedValue {
  if (unit === "") return { kind: "number", value: n, unit: "", operator, isPercent: false, text };
  const u = foldWidth(unit).trim();
  if (u === "%" || u === "百分比") {
    return { kind: "number", value: Math.abs(n) > 1 ? n / 100 : n, unit: "%", operator, isPercent: true, text };
  }
  return { kind: "number", value: n * unitScale(u), unit: u, operator, isPercent: false, text };
}

/**
 * Reads a declared percentage (a completion or execution rate) from a cell: "88.47%", 0.8847
 * formatted as a percent, or a plain number above RATIO_POINTS_THRESHOLD (1.5) taken as percent
 * points.
 *
 * @returns the ratio, or null when the cell holds no number
 * @example
 * parseRatio("88.47%", "General") //=> 0.8847
 * parseRatio(88.47) //=> 0.8847
 */
export function parseRatio(value: CellValue | null | undefined, numberFormat = "General"): number | null {
  return ratioOf(parseValue(value, numberFormat));
}

/**
 * The one ratio reader: a value already read by parseValue as a ratio. A percent is a ratio as it
 * stands; a plain number above RATIO_POINTS_THRESHOLD is in percent points; a plain number at or
 * below it is already a ratio (1.2 for 120%).
 *
 * @returns the ratio, or null when the value is not a number
 * @example
 * ratioOf(parseValue("88.47%")) //=> 0.8847
 * ratioOf(parseValue(88.47)) //=> 0.8847
 * ratioOf(parseValue(1.2)) //=> 1.2
 */
export function ratioOf(p: ParsedValue): number | null {
  if (p.kind !== "number") return null;
  if (p.isPercent) return p.value;
  return Math.abs(p.value) > RATIO_POINTS_THRESHOLD ? p.value / 100 : p.value;
}
