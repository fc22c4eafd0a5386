/**
 * The CLI's exit codes: one list for `perfscore` and `perfscore review`, printed in the usage text
 * and documented in the README. Anything else (a crash) is a bug.
 */
export const EXIT = {
  /**
   * Scored: the scored copy is written and the report printed. Findings, errors included, do not
   * change it: they are the audit's result, which the report and the JSON carry.
   */
  scored: 0,
  /**
   * Nothing could be scored (no indicator table, or a table too large to read whole; nothing is
   * written). For `review`: no file could be scored.
   */
  notScored: 1,
  /** Bad arguments, or an input that cannot be read (missing, a folder, not an .xlsx, encrypted, broken). */
  usage: 2,
  /** `review` only: some files were scored and some failed; the failures sheet and `failures` say why. */
  reviewProblems: 3,
  /** The output could not be written (folder missing or read-only, disk full, file open in Excel…); nothing is left behind. */
  cannotWrite: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit codes as the usage text lists them. */
export const EXIT_CODES_TEXT = [
  "exit codes: 0 scored (whatever the findings); 1 nothing could be scored;",
  "            2 bad arguments or an unreadable input; 3 (review) some files failed; 4 the output could not be written",
].join("\n");
