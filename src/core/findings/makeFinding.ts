import type { Finding, FindingCode } from "../types";
import { MESSAGES, SEVERITY } from "./catalog";

/**
 * Builds a finding from the catalog: the code's severity and its message in both languages.
 *
 * @example
 * makeFinding("ZERO_WEIGHT", "评分表!F18", { name: "经济效益" }).severity //=> "info"
 */
export function makeFinding<C extends FindingCode>(code: C, cell: string, params: Parameters<(typeof MESSAGES)[C]>[0]): Finding {
  const build = MESSAGES[code] as (p: typeof params) => { zh: string; en: string };
  return { code, severity: SEVERITY[code], cell, message: build(params) };
}
