/**
 * `Excel.ConditionalFormatCollection`, `Excel.ConditionalFormat` and its three kinds: `cellValue`,
 * `custom` and `dataBar`, with their rule and format objects. `add(type)` registers an ExcelJS
 * rule at sync; every later set edits that rule in place (see ../exceljs/conditionalFormats.ts).
 * Each part's target is the rule; using the part of another kind makes sync reject with
 * "InvalidArgument".
 */
import type {
  PortCellValueConditionalFormat, PortConditionalFormat, PortConditionalFormatCollection, PortConditionalFormatRule,
  PortConditionalRangeFill, PortConditionalRangeFont, PortConditionalRangeFormat, PortCustomConditionalFormat,
  PortDataBarConditionalFormat, PortDataBarPositiveFormat,
} from "../../../excel/port";
import type { FormatTarget } from "./rangeFormat";
import {
  addRule, type CfRule, type CfType, setBarBound, setBarColor, setBarDirection, setBarGradient, setCellValueRule, setCustomFormula,
  setRuleFill, setRuleFontColor,
} from "../exceljs/conditionalFormats";
import { toArgb } from "../exceljs/style";
import { ClientObject } from "../office/clientObject";
import { apiError, MESSAGES } from "../office/errors";
import type { Session } from "../office/session";

/** A conditional format's target: its kind and the rule object inside the sheet's model. */
interface CfTarget {
  type: CfType;
  rule: CfRule;
}

export class ConditionalFormatCollection extends ClientObject<FormatTarget> implements PortConditionalFormatCollection {
  constructor(session: Session, path: string) {
    super(session, path, "ConditionalFormatCollection");
  }

  /** Adds a conditional format of the given type to the range. */
  add(type: Parameters<PortConditionalFormatCollection["add"]>[0]): ConditionalFormat {
    return this.spawn(new ConditionalFormat(this.session, this.childPath("add", [type])), "add", [type], (t) => addRule(t.ws, t.boxes, type));
  }
}

export class ConditionalFormat extends ClientObject<CfTarget> implements PortConditionalFormat {
  private readonly parts = new Map<CfType, ClientObject<CfRule>>();

  constructor(session: Session, path: string) {
    super(session, path, "ConditionalFormat");
  }

  /** The cell-value part; only for a "CellValue" format. */
  get cellValue(): CellValueConditionalFormat {
    return this.part("CellValue", "cellValue", (p) => new CellValueConditionalFormat(this.session, p));
  }

  /** The custom-formula part; only for a "Custom" format. */
  get custom(): CustomConditionalFormat {
    return this.part("Custom", "custom", (p) => new CustomConditionalFormat(this.session, p));
  }

  /** The data-bar part; only for a "DataBar" format. */
  get dataBar(): DataBarConditionalFormat {
    return this.part("DataBar", "dataBar", (p) => new DataBarConditionalFormat(this.session, p));
  }

  private part<P extends ClientObject<CfRule>>(type: CfType, name: string, make: (path: string) => P): P {
    this.checkUsable();
    let p = this.parts.get(type) as P | undefined;
    if (p === undefined) {
      p = make(`${this.path}.${name}`).followParent(this, (t) => {
        if (t.type !== type) throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} This conditional format is of type ${t.type}, not ${type}.`);
        return t.rule;
      });
      this.parts.set(type, p);
    }
    return p;
  }
}

/** `Excel.ConditionalRangeFill`. */
class ConditionalRangeFill extends ClientObject<CfRule> implements PortConditionalRangeFill {
  constructor(session: Session, path: string) { super(session, path, "ConditionalRangeFill"); }
  get color(): string { return this.prop("color"); }
  set color(value: string) { this.queue("color", value, (rule) => setRuleFill(rule, toArgb(value, "ConditionalRangeFill.color"))); }
}

/** `Excel.ConditionalRangeFont`. */
class ConditionalRangeFont extends ClientObject<CfRule> implements PortConditionalRangeFont {
  constructor(session: Session, path: string) { super(session, path, "ConditionalRangeFont"); }
  get color(): string { return this.prop("color"); }
  set color(value: string) { this.queue("color", value, (rule) => setRuleFontColor(rule, toArgb(value, "ConditionalRangeFont.color"))); }
}

/** `Excel.ConditionalRangeFormat`: the fill and font a rule applies. */
class ConditionalRangeFormat extends ClientObject<CfRule> implements PortConditionalRangeFormat {
  private fillProxy: ConditionalRangeFill | undefined;
  private fontProxy: ConditionalRangeFont | undefined;
  constructor(session: Session, path: string) { super(session, path, "ConditionalRangeFormat"); }
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

/** A part with a `format`: the formatting applied when the rule holds. */
abstract class FormattedPart extends ClientObject<CfRule> {
  private formatProxy: ConditionalRangeFormat | undefined;
  get format(): ConditionalRangeFormat {
    this.checkUsable();
    this.formatProxy ??= new ConditionalRangeFormat(this.session, `${this.path}.format`).followParent(this, (r) => r);
    return this.formatProxy;
  }
}

/** `Excel.CellValueConditionalFormat`. */
export class CellValueConditionalFormat extends FormattedPart implements PortCellValueConditionalFormat {
  constructor(session: Session, path: string) { super(session, path, "CellValueConditionalFormat"); }
  get rule(): PortCellValueConditionalFormat["rule"] { return this.prop("rule"); }
  set rule(value: PortCellValueConditionalFormat["rule"]) { this.queue("rule", value, (rule) => setCellValueRule(rule, value)); }
}

/** `Excel.ConditionalFormatRule`: the formula of a custom rule. */
class ConditionalFormatRule extends ClientObject<CfRule> implements PortConditionalFormatRule {
  constructor(session: Session, path: string) { super(session, path, "ConditionalFormatRule"); }
  get formula(): string { return this.prop("formula"); }
  set formula(value: string) { this.queue("formula", value, (rule) => setCustomFormula(rule, value)); }
}

/** `Excel.CustomConditionalFormat`. */
export class CustomConditionalFormat extends FormattedPart implements PortCustomConditionalFormat {
  private ruleProxy: ConditionalFormatRule | undefined;
  constructor(session: Session, path: string) { super(session, path, "CustomConditionalFormat"); }
  /** The rule's formula. */
  get rule(): ConditionalFormatRule {
    this.checkUsable();
    this.ruleProxy ??= new ConditionalFormatRule(this.session, `${this.path}.rule`).followParent(this, (r) => r);
    return this.ruleProxy;
  }
}

/** `Excel.ConditionalDataBarPositiveFormat`. */
class ConditionalDataBarPositiveFormat extends ClientObject<CfRule> implements PortDataBarPositiveFormat {
  constructor(session: Session, path: string) { super(session, path, "ConditionalDataBarPositiveFormat"); }
  get fillColor(): string { return this.prop("fillColor"); }
  set fillColor(value: string) {
    this.queue("fillColor", value, (rule) => setBarColor(rule, toArgb(value, "ConditionalDataBarPositiveFormat.fillColor")));
  }
  get gradientFill(): boolean { return this.prop("gradientFill"); }
  set gradientFill(value: boolean) { this.queue("gradientFill", value, (rule) => setBarGradient(rule, value)); }
}

/** `Excel.DataBarConditionalFormat`: direction, bounds and the look of positive bars. */
export class DataBarConditionalFormat extends ClientObject<CfRule> implements PortDataBarConditionalFormat {
  private positive: ConditionalDataBarPositiveFormat | undefined;
  constructor(session: Session, path: string) { super(session, path, "DataBarConditionalFormat"); }

  get barDirection(): PortDataBarConditionalFormat["barDirection"] { return this.prop("barDirection"); }
  set barDirection(value: PortDataBarConditionalFormat["barDirection"]) { this.queue("barDirection", value, (rule) => setBarDirection(rule, value)); }

  get lowerBoundRule(): PortDataBarConditionalFormat["lowerBoundRule"] { return this.prop("lowerBoundRule"); }
  set lowerBoundRule(value: PortDataBarConditionalFormat["lowerBoundRule"]) {
    this.queue("lowerBoundRule", value, (rule) => setBarBound(rule, value, true));
  }

  get upperBoundRule(): PortDataBarConditionalFormat["upperBoundRule"] { return this.prop("upperBoundRule"); }
  set upperBoundRule(value: PortDataBarConditionalFormat["upperBoundRule"]) {
    this.queue("upperBoundRule", value, (rule) => setBarBound(rule, value, false));
  }

  /** The look of bars for positive values. */
  get positiveFormat(): ConditionalDataBarPositiveFormat {
    this.checkUsable();
    this.positive ??= new ConditionalDataBarPositiveFormat(this.session, `${this.path}.positiveFormat`).followParent(this, (r) => r);
    return this.positive;
  }
}
