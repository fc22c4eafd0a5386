/** Sheet names: kept apart from compute.ts so that inserting a template does not load the compute code (the pane's chunks). */

/**
 * Picks a sheet name no user sheet bears: the preferred one, else "name (2)", "name (3)" …
 * Excel compares sheet names without regard to case.
 *
 * @example
 * freeName("汇总", ["汇总", "Sheet1"]) //=> "汇总 (2)"
 */
export function freeName(preferred: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(preferred.toLowerCase())) return preferred;
  for (let i = 2; ; i++) {
    const candidate = `${preferred} (${i})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
