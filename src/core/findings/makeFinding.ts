import type { Finding, FindingCode } from "../types";
import { MESSAGES, SEVERITY } from "./catalog";

/**
 * The most characters (code points) of one text a message quotes: an indicator name, a cell's
 * text. Longer ones are cut to this many and end in "…", and the finding carries `quotedLength`
 * (docs/scoring-rules.md §4.22). Real names are far shorter; the limit keeps a pasted essay, or a
 * program-written cell of 65,000 characters, out of every message, terminal line and 发现 cell.
 */
export const QUOTE_LIMIT = 200;

const ELLIPSIS = "…";

/** The parameters with every string longer than QUOTE_LIMIT cut, and the longest original length (0 if none was cut). */
function cutQuotes(value: unknown, longest: { length: number }): unknown {
  if (typeof value === "string") {
    // A string of at most QUOTE_LIMIT UTF-16 units has at most as many code points.
    if (value.length <= QUOTE_LIMIT) return value;
    const chars = Array.from(value);
    if (chars.length <= QUOTE_LIMIT) return value;
    longest.length = Math.max(longest.length, chars.length);
    return chars.slice(0, QUOTE_LIMIT).join("") + ELLIPSIS;
  }
  if (Array.isArray(value)) return value.map((v) => cutQuotes(v, longest));
  if (value !== null && typeof value === "object") {
    // A copy only when something in it was cut.
    const entries = Object.entries(value);
    let changed = false;
    const cut = entries.map(([k, v]) => {
      const c = cutQuotes(v, longest);
      if (c !== v) changed = true;
      return [k, c] as const;
    });
    return changed ? Object.fromEntries(cut) : value;
  }
  return value;
}

/**
 * Builds a finding from the catalog: the code's severity and its message in both languages. A
 * quoted text longer than QUOTE_LIMIT is cut (see QUOTE_LIMIT).
 *
 * @example
 * makeFinding("ZERO_WEIGHT", "评分表!F18", { name: "经济效益" }).severity //=> "info"
 * makeFinding("ZERO_WEIGHT", "评分表!F18", { name: "长".repeat(500) }).quotedLength //=> 500
 */
export function makeFinding<C extends FindingCode>(code: C, cell: string, params: Parameters<(typeof MESSAGES)[C]>[0]): Finding {
  const build = MESSAGES[code] as (p: typeof params) => { zh: string; en: string };
  const longest = { length: 0 };
  const message = build(cutQuotes(params, longest) as typeof params);
  return longest.length > 0 ? { code, severity: SEVERITY[code], cell, message, quotedLength: longest.length } : { code, severity: SEVERITY[code], cell, message };
}

/**
 * The findings, with one TEXT_TRUNCATED note after each place (cell) where a finding's quoted text
 * was cut; the `quotedLength` marks are left off the returned findings.
 *
 * @example
 * noteTruncations([makeFinding("ZERO_WEIGHT", "表!F9", { name: "长".repeat(300) })]).map((f) => f.code) //=> ["ZERO_WEIGHT", "TEXT_TRUNCATED"]
 */
export function noteTruncations(findings: readonly Finding[]): Finding[] {
  const longest = new Map<string, number>();
  for (const f of findings) if (f.quotedLength !== undefined) longest.set(f.cell, Math.max(longest.get(f.cell) ?? 0, f.quotedLength));
  if (longest.size === 0) return [...findings];
  const out: Finding[] = findings.map(({ quotedLength: _cut, ...f }) => f);
  for (const [cell, length] of longest) out.push(makeFinding("TEXT_TRUNCATED", cell, { length, limit: QUOTE_LIMIT }));
  return out;
}
