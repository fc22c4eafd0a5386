/**
 * The zip date for the entries a save writes: the SOURCE_DATE_EPOCH time when it is set (the
 * reproducible-builds convention: whole seconds since 1970-01-01 UTC), else `now`. DOS times
 * start in 1980 and have two-second steps, so earlier times become 1980-01-01 00:00:00 UTC and
 * odd seconds round down.
 *
 * @param sourceDateEpoch - the value of SOURCE_DATE_EPOCH, if any
 * @param now - the time to use when it is absent or not a whole number
 * @returns the date to pass as ComposeOptions.zipDate
 *
 * @example
 * zipDateFor("1677574800", new Date())
 * //=> 2023-02-28T09:00:00.000Z
 */
export function zipDateFor(sourceDateEpoch: string | undefined, now: Date): Date {
  const trimmed = sourceDateEpoch?.trim() ?? "";
  const base = /^\d+$/.test(trimmed) ? new Date(Number(trimmed) * 1000) : now;
  const floor = Date.UTC(1980, 0, 1);
  const ms = Math.max(floor, base.getTime());
  return new Date(ms - (ms % 2000));
}
