import type { Finding, ParsedValue } from "../../types";
import { makeFinding } from "../../findings/makeFinding";
import { WHAT } from "../../findings/catalog";

/**
 * Checks the values a ratio needs (a target and an actual, a budget and its spending): each must
 * read as a number and not be negative. Each failure becomes a finding naming its cell.
 *
 * @returns true when every value is a usable number
 */
export function checkCounts(name: string, values: [ParsedValue, keyof typeof WHAT, string][], findings: Finding[]): boolean {
  let ok = true;
  for (const [p, what, cell] of values) {
    if (p.kind !== "number") {
      ok = false;
      findings.push(makeFinding("NON_NUMERIC", cell, { name, what: WHAT[what]!, text: p.text }));
    } else if (p.value < 0) {
      ok = false;
      findings.push(makeFinding("NEGATIVE_VALUE", cell, { name, what: WHAT[what]!, value: p.value }));
    }
  }
  return ok;
}
