/**
 * `Excel.ConditionalFormatCollection` and `Excel.ConditionalFormat`.
 *
 * `range.conditionalFormats.add(type)` registers an ExcelJS conditional formatting for the range at
 * sync; the rule is filled in by later sets (`cellValue.rule`, `custom.rule.formula`,
 * `format.fill.color`…), which edit the same rule object. Types: "CellValue" (ExcelJS `cellIs`),
 * "Custom" (`expression`) and "DataBar" (`dataBar`); others reject with "InvalidArgument".
 */
import type * as ExcelJS from "exceljs";
import { localAddress } from "../a1";
import { ClientCollection } from "../clientCollection";
import { ClientObject } from "../clientObject";
import { apiError, MESSAGES } from "../errors";
import type { RangeTarget } from "../rangeCells";
import type { Session } from "../session";
import { CellValueConditionalFormat, CustomConditionalFormat, DataBarConditionalFormat } from "./conditionalFormatParts";

/** The kinds of conditional format the host supports (`Excel.ConditionalFormatType` values). */
export type CfType = "CellValue" | "Custom" | "DataBar";

/** An ExcelJS rule model, edited in place by the proxies. */
export type CfRule = Record<string, unknown>;

/** A conditional format's target: its kind and the rule object inside the sheet's model. */
export interface CfTarget {
  type: CfType;
  rule: CfRule;
}

function newRule(type: CfType): CfRule {
  switch (type) {
    case "CellValue": return { type: "cellIs", operator: "equal", formulae: [], style: {} };
    case "Custom": return { type: "expression", formulae: [], style: {} };
    default: return { type: "dataBar", cfvo: [{ type: "min" }, { type: "max" }], color: { argb: "FF638EC6" }, gradient: true };
  }
}

export class ConditionalFormat extends ClientObject<CfTarget> {
  protected readonly scalarNames = ["type"] as const;
  private parts = new Map<string, ClientObject<unknown>>();

  constructor(session: Session, path: string) {
    super(session, path, "ConditionalFormat");
  }

  protected readScalar(t: CfTarget): unknown {
    return t.type;
  }

  get type(): string { return this.prop("type"); }

  /** The cell-value part; only for a "CellValue" format. */
  get cellValue(): CellValueConditionalFormat {
    return this.part("cellValue", "CellValue", (p) => new CellValueConditionalFormat(this.session, p));
  }

  /** The custom-formula part; only for a "Custom" format. */
  get custom(): CustomConditionalFormat {
    return this.part("custom", "Custom", (p) => new CustomConditionalFormat(this.session, p));
  }

  /** The data-bar part; only for a "DataBar" format. */
  get dataBar(): DataBarConditionalFormat {
    return this.part("dataBar", "DataBar", (p) => new DataBarConditionalFormat(this.session, p));
  }

  private part<P extends ClientObject<CfRule>>(name: string, type: CfType, make: (path: string) => P): P {
    this.checkUsable();
    let p = this.parts.get(name) as P | undefined;
    if (p === undefined) {
      p = make(`${this.path}.${name}`).followParent(this, (t) => {
        if (t.type !== type) throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} This conditional format is of type ${t.type}, not ${type}.`);
        return t.rule;
      });
      this.parts.set(name, p as ClientObject<unknown>);
    }
    return p;
  }
}

export class ConditionalFormatCollection extends ClientCollection<RangeTarget, ConditionalFormat> {
  constructor(session: Session, path: string) {
    super(session, path, "ConditionalFormatCollection");
  }

  protected listItems(): ConditionalFormat[] {
    throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} The xlsx host cannot list conditional formats.`);
  }

  /** Adds a conditional format of the given type to the range. */
  add(type: string): ConditionalFormat {
    return this.spawn(new ConditionalFormat(this.session, this.childPath("add", [type])), "add", [type], (t) => {
      if (type !== "CellValue" && type !== "Custom" && type !== "DataBar") {
        throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} The xlsx host supports CellValue, Custom and DataBar conditional formats.`);
      }
      const rule = newRule(type);
      t.ws.addConditionalFormatting({ ref: localAddress(t.box), rules: [rule as unknown as ExcelJS.ConditionalFormattingRule] });
      return { type, rule };
    });
  }
}
