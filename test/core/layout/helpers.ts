// Reads plan cells by A1 address in the layout tests.
import { parseA1 } from "../../../src/core/cells/address";
import type { PlanCell, SheetPlan } from "../../../src/core/layout/sheetPlan";

export function at(plan: SheetPlan, a1: string): PlanCell {
  const p = parseA1(a1);
  if (!p) throw new Error(`bad address ${a1}`);
  return plan.cells[p.row]?.[p.col] ?? { kind: "empty" };
}

export function formatAt(plan: SheetPlan, a1: string): string {
  const p = parseA1(a1)!;
  return plan.numberFormats[p.row]?.[p.col] ?? "";
}

/** The row (1-based) whose column A holds `text`. */
export function rowOf(plan: SheetPlan, text: string, col = 0): number {
  const i = plan.cells.findIndex((r) => {
    const c = r[col];
    return c?.kind === "text" && c.text === text;
  });
  if (i < 0) throw new Error(`no row with ${text}`);
  return i + 1;
}

export function textAt(plan: SheetPlan, a1: string): string {
  const c = at(plan, a1);
  return c.kind === "text" ? c.text : `<${c.kind}>`;
}
