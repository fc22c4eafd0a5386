/**
 * True when a reason cell gives a reason (docs/scoring-rules.md §2): not blank, and not a
 * placeholder typed into it (0, -, —, /, ／, 无, *).
 *
 * @example
 * hasReason("0") //=> false
 * hasReason("尾款未付") //=> true
 */
export function hasReason(text: string): boolean {
  return !/^(|0|-|－|—+|\/|／|无|\*+)$/.test(text.replace(/\s+/g, ""));
}
