/**
 * The typed parts of a conditional format: `cellValue`, `custom` and `dataBar`, with their rule and
 * format objects. Each proxy's target is the ExcelJS rule object, edited in place at sync.
 *
 * - Formulas are given as Excel shows them ("=0.6", "=$B2>1"); the leading "=" is dropped for the file.
 * - Fill colours go to the rule's differential style as a solid pattern with both `fgColor` and
 *   `bgColor` set (Excel reads `bgColor` for conditional fills; some readers read `fgColor`).
 */
import { ClientObject } from "../clientObject";
import { apiError, MESSAGES } from "../errors";
import type { Session } from "../session";
import { fromArgb, toArgb } from "../style";
import type { CfRule } from "./conditionalFormatCollection";

const OPERATORS: Readonly<Record<string, string>> = {
  Between: "between", NotBetween: "notBetween", EqualTo: "equal", NotEqualTo: "notEqual",
  GreaterThan: "greaterThan", LessThan: "lessThan", GreaterThanOrEqual: "greaterThanOrEqual", LessThanOrEqual: "lessThanOrEqual",
};

function formulaText(f: unknown): string {
  if (typeof f === "number") return String(f);
  if (typeof f !== "string" || f.trim() === "" || f.trim() === "=") throw apiError("InvalidArgument", MESSAGES.invalidArgument());
  return f.trim().replace(/^=/, "");
}

function styleOf(rule: CfRule): Record<string, unknown> {
  const style = (rule.style ?? {}) as Record<string, unknown>;
  rule.style = style;
  return style;
}

/** `Excel.ConditionalFill`: the fill a rule applies. */
export class ConditionalRangeFill extends ClientObject<CfRule> {
  protected readonly scalarNames = ["color"] as const;
  constructor(session: Session, path: string) { super(session, path, "ConditionalRangeFill"); }
  protected readScalar(rule: CfRule): unknown {
    const fill = styleOf(rule).fill as { bgColor?: { argb?: string } } | undefined;
    return fromArgb(fill?.bgColor) ?? null;
  }
  get color(): string { return this.prop("color"); }
  set color(value: string) {
    this.queueSet("color", value, (rule) => {
      const argb = toArgb(value, "ConditionalRangeFill.color");
      styleOf(rule).fill = { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
    });
  }
}

/** `Excel.ConditionalRangeFont`: the font a rule applies. */
export class ConditionalRangeFont extends ClientObject<CfRule> {
  protected readonly scalarNames = ["color", "bold", "italic"] as const;
  constructor(session: Session, path: string) { super(session, path, "ConditionalRangeFont"); }
  protected readScalar(rule: CfRule, name: string): unknown {
    const font = (styleOf(rule).font ?? {}) as { color?: { argb?: string }; bold?: boolean; italic?: boolean };
    if (name === "color") return fromArgb(font.color) ?? null;
    return name === "bold" ? Boolean(font.bold) : Boolean(font.italic);
  }
  get color(): string { return this.prop("color"); }
  set color(value: string) { this.setFont("color", value, () => ({ color: { argb: toArgb(value, "ConditionalRangeFont.color") } })); }
  get bold(): boolean { return this.prop("bold"); }
  set bold(value: boolean) { this.setFont("bold", value, () => ({ bold: Boolean(value) })); }
  get italic(): boolean { return this.prop("italic"); }
  set italic(value: boolean) { this.setFont("italic", value, () => ({ italic: Boolean(value) })); }
  private setFont(name: string, value: unknown, make: () => Record<string, unknown>): void {
    this.queueSet(name, value, (rule) => {
      const style = styleOf(rule);
      style.font = { ...(style.font as Record<string, unknown> | undefined), ...make() };
    });
  }
}

/** `Excel.ConditionalRangeFormat`: the fill and font a rule applies. */
export class ConditionalRangeFormat extends ClientObject<CfRule> {
  protected readonly scalarNames = [] as const;
  private fillProxy: ConditionalRangeFill | undefined;
  private fontProxy: ConditionalRangeFont | undefined;
  constructor(session: Session, path: string) { super(session, path, "ConditionalRangeFormat"); }
  protected readScalar(): unknown { return undefined; }
  protected override navigation(name: string): ClientObject<unknown> | undefined {
    if (name === "fill") return this.fill as ClientObject<unknown>;
    if (name === "font") return this.font as ClientObject<unknown>;
    return undefined;
  }
  get fill(): ConditionalRangeFill {
    this.checkUsable();
    this.fillProxy ??= new ConditionalRangeFill(this.session, `${this.path}.fill`).followParent(this, (r) => r);
    return this.fillProxy;
  }
  get font(): ConditionalRangeFont {
    this.checkUsable();
    this.fontProxy ??= new ConditionalRangeFont(this.session, `${this.path}.font`).followParent(this, (r) => r);
    return this.fontProxy;
  }
}

/** What `cellValue.rule` takes (`Excel.ConditionalCellValueRule`). */
export interface CellValueRule {
  formula1: string;
  formula2?: string;
  operator: string;
}

abstract class FormattedPart extends ClientObject<CfRule> {
  private formatProxy: ConditionalRangeFormat | undefined;
  protected override navigation(name: string): ClientObject<unknown> | undefined {
    return name === "format" ? (this.format as ClientObject<unknown>) : undefined;
  }
  /** The formatting applied when the rule holds. */
  get format(): ConditionalRangeFormat {
    this.checkUsable();
    this.formatProxy ??= new ConditionalRangeFormat(this.session, `${this.path}.format`).followParent(this, (r) => r);
    return this.formatProxy;
  }
}

/** `Excel.CellValueConditionalFormat`. */
export class CellValueConditionalFormat extends FormattedPart {
  protected readonly scalarNames = ["rule"] as const;
  constructor(session: Session, path: string) { super(session, path, "CellValueConditionalFormat"); }
  protected readScalar(rule: CfRule): unknown {
    const formulae = (rule.formulae ?? []) as string[];
    const operator = Object.keys(OPERATORS).find((k) => OPERATORS[k] === rule.operator) ?? "Invalid";
    const out: CellValueRule = { formula1: `=${formulae[0] ?? ""}`, operator };
    if (formulae[1] !== undefined) out.formula2 = `=${formulae[1]}`;
    return out;
  }
  get rule(): CellValueRule { return this.prop("rule"); }
  set rule(value: CellValueRule) {
    this.queueSet("rule", value, (rule) => {
      const operator = OPERATORS[value?.operator];
      if (operator === undefined) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      const between = operator === "between" || operator === "notBetween";
      if (between && value.formula2 === undefined) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      rule.operator = operator;
      rule.formulae = between ? [formulaText(value.formula1), formulaText(value.formula2)] : [formulaText(value.formula1)];
    });
  }
}

/** `Excel.ConditionalFormatRule`: the formula of a custom rule. */
export class ConditionalFormatRule extends ClientObject<CfRule> {
  protected readonly scalarNames = ["formula"] as const;
  constructor(session: Session, path: string) { super(session, path, "ConditionalFormatRule"); }
  protected readScalar(rule: CfRule): unknown {
    const f = ((rule.formulae ?? []) as string[])[0];
    return f === undefined ? "" : `=${f}`;
  }
  get formula(): string { return this.prop("formula"); }
  set formula(value: string) {
    this.queueSet("formula", value, (rule) => {
      rule.formulae = [formulaText(value)];
    });
  }
}

/** `Excel.CustomConditionalFormat`. */
export class CustomConditionalFormat extends FormattedPart {
  protected readonly scalarNames = [] as const;
  private ruleProxy: ConditionalFormatRule | undefined;
  constructor(session: Session, path: string) { super(session, path, "CustomConditionalFormat"); }
  protected readScalar(): unknown { return undefined; }
  protected override navigation(name: string): ClientObject<unknown> | undefined {
    return name === "rule" ? (this.rule as ClientObject<unknown>) : super.navigation(name);
  }
  /** The rule's formula. */
  get rule(): ConditionalFormatRule {
    this.checkUsable();
    this.ruleProxy ??= new ConditionalFormatRule(this.session, `${this.path}.rule`).followParent(this, (r) => r);
    return this.ruleProxy;
  }
}

/** `Excel.ConditionalDataBarPositiveFormat`. */
export class ConditionalDataBarPositiveFormat extends ClientObject<CfRule> {
  protected readonly scalarNames = ["fillColor", "gradientFill"] as const;
  constructor(session: Session, path: string) { super(session, path, "ConditionalDataBarPositiveFormat"); }
  protected readScalar(rule: CfRule, name: string): unknown {
    if (name === "fillColor") return fromArgb(rule.color as { argb?: string } | undefined) ?? null;
    return rule.gradient !== false;
  }
  get fillColor(): string { return this.prop("fillColor"); }
  set fillColor(value: string) {
    this.queueSet("fillColor", value, (rule) => {
      rule.color = { argb: toArgb(value, "ConditionalDataBarPositiveFormat.fillColor") };
    });
  }
  get gradientFill(): boolean { return this.prop("gradientFill"); }
  set gradientFill(value: boolean) {
    this.queueSet("gradientFill", value, (rule) => {
      if (typeof value !== "boolean") throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      rule.gradient = value;
    });
  }
}

function cfvoOf(rule: CfRule): Cfvo[] {
  return Array.isArray(rule.cfvo) ? (rule.cfvo as Cfvo[]) : [];
}

const DIRECTIONS: Readonly<Record<string, string>> = { Context: "context", LeftToRight: "leftToRight", RightToLeft: "rightToLeft" };

/** What `dataBar.lowerBoundRule` / `upperBoundRule` take (`Excel.ConditionalDataBarRule`). */
export interface DataBarRule {
  type: string;
  formula?: string;
}

/** A data bar bound as ExcelJS models it: one `cfvo` entry. */
interface Cfvo {
  type: string;
  value?: number | string;
}

/** Bound kinds that carry a formula, by `Excel.ConditionalFormatRuleType`, with their `cfvo` type. */
const VALUED_BOUNDS: Readonly<Record<string, string>> = { Number: "num", Percent: "percent", Percentile: "percentile", Formula: "formula" };

/** The `cfvo` of a bound; `lower` tells which end of the bar it is. */
function toCfvo(value: DataBarRule, lower: boolean): Cfvo {
  const type = value?.type;
  if (type === "Automatic") return { type: lower ? "autoMin" : "autoMax" };
  if (type === "LowestValue" || type === "HighestValue") {
    if ((type === "LowestValue") !== lower) {
      throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} A data bar's ${lower ? "lower" : "upper"} bound cannot be ${type}.`);
    }
    return { type: lower ? "min" : "max" };
  }
  const cfvoType = VALUED_BOUNDS[type];
  if (cfvoType === undefined) throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} '${String(type)}' is not a data bar bound type.`);
  const text = formulaText(value.formula);
  if (cfvoType === "formula") return { type: cfvoType, value: text };
  const n = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(n)) throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} A ${type} bound needs a number, not '${text}'.`);
  if (cfvoType !== "num" && (n < 0 || n > 100)) throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} A ${type} bound must be from 0 to 100.`);
  return { type: cfvoType, value: n };
}

/** A bound as `Excel.ConditionalDataBarRule`. */
function fromCfvo(cfvo: Cfvo | undefined, lower: boolean): DataBarRule {
  if (cfvo === undefined) return { type: "Automatic" };
  switch (cfvo.type) {
    case "autoMin": case "autoMax": return { type: "Automatic" };
    case "min": return { type: "LowestValue" };
    case "max": return { type: "HighestValue" };
    default: {
      const type = Object.keys(VALUED_BOUNDS).find((k) => VALUED_BOUNDS[k] === cfvo.type) ?? (lower ? "LowestValue" : "HighestValue");
      const value = cfvo.value;
      if (value === undefined) return { type };
      return { type, formula: type === "Formula" ? `=${String(value)}` : String(value) };
    }
  }
}

/**
 * `Excel.DataBarConditionalFormat`.
 *
 * The bounds are the rule's two `cfvo` entries: "Number" → `num`, "Percent" → `percent`,
 * "Percentile" → `percentile`, "Formula" → `formula`, "LowestValue" / "HighestValue" → `min` /
 * `max`, "Automatic" → `autoMin` / `autoMax` (saved as `min` / `max` in the rule itself and as
 * `autoMin` / `autoMax` in its Excel 2010 extension, as Excel does; ExcelJS reads such a file
 * back as `min` / `max`). A new bar's bounds are `min` / `max`, so they read "LowestValue" /
 * "HighestValue" (Excel would say "Automatic"). "Number", "Percent" and "Percentile" take a number
 * ("0", "=1"); a cell reference or formula needs "Formula".
 */
export class DataBarConditionalFormat extends ClientObject<CfRule> {
  protected readonly scalarNames = ["barDirection", "lowerBoundRule", "upperBoundRule"] as const;
  private positive: ConditionalDataBarPositiveFormat | undefined;
  constructor(session: Session, path: string) { super(session, path, "DataBarConditionalFormat"); }
  protected readScalar(rule: CfRule, name: string): unknown {
    if (name === "lowerBoundRule") return fromCfvo(cfvoOf(rule)[0], true);
    if (name === "upperBoundRule") return fromCfvo(cfvoOf(rule)[1], false);
    return Object.keys(DIRECTIONS).find((k) => DIRECTIONS[k] === rule.direction) ?? "Context";
  }
  get lowerBoundRule(): DataBarRule { return this.prop("lowerBoundRule"); }
  set lowerBoundRule(value: DataBarRule) {
    this.queueSet("lowerBoundRule", value, (rule) => {
      const cfvo = toCfvo(value, true);
      rule.cfvo = [cfvo, cfvoOf(rule)[1] ?? { type: "max" }];
    });
  }
  get upperBoundRule(): DataBarRule { return this.prop("upperBoundRule"); }
  set upperBoundRule(value: DataBarRule) {
    this.queueSet("upperBoundRule", value, (rule) => {
      const cfvo = toCfvo(value, false);
      rule.cfvo = [cfvoOf(rule)[0] ?? { type: "min" }, cfvo];
    });
  }
  protected override navigation(name: string): ClientObject<unknown> | undefined {
    return name === "positiveFormat" ? (this.positiveFormat as ClientObject<unknown>) : undefined;
  }
  get barDirection(): string { return this.prop("barDirection"); }
  set barDirection(value: string) {
    this.queueSet("barDirection", value, (rule) => {
      const d = DIRECTIONS[value];
      if (d === undefined) throw apiError("InvalidArgument", MESSAGES.invalidArgument());
      rule.direction = d;
    });
  }
  /** The look of bars for positive values. */
  get positiveFormat(): ConditionalDataBarPositiveFormat {
    this.checkUsable();
    this.positive ??= new ConditionalDataBarPositiveFormat(this.session, `${this.path}.positiveFormat`).followParent(this, (r) => r);
    return this.positive;
  }
}
