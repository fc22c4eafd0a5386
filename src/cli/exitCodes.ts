/**
 * The CLI's exit codes: one list for `perfscore` and `perfscore review`, printed in the usage text
 * and documented in the README. Anything else (a crash) is a bug.
 */
export const EXIT = {
  /** Scored, and no finding is an error (warnings and notes do not change it). */
  scored: 0,
  /**
   * Scored with at least one error finding (the scored copy is written and the report printed),
   * or nothing could be scored (no indicator table; nothing is written). For `review`: no file
   * could be scored.
   */
  notClean: 1,
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
  "exit codes: 0 scored, no error findings; 1 scored with error findings, or nothing could be scored;",
  "            2 bad arguments or an unreadable input; 3 (review) some files failed; 4 the output could not be written",
].join("\n");
