/**
 * Text from a workbook (cell text, sheet names) and from the command line (file names) is shown
 * on a terminal only after it has been made inert: control characters, the ESC that starts ANSI
 * escape sequences, and the Unicode bidi controls that can make a line read other than it is are
 * shown escaped (`\x1B`, `\u202E`); tabs and line breaks become spaces, so that one finding stays
 * one line.
 */

/** C0 controls, DEL and C1 controls (0x9B is CSI on some terminals). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidi embeddings, overrides, isolates and marks, and the Unicode line and paragraph separators. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
/** A surrogate half without its partner: it cannot be printed as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hex = (c: string, width: number): string => c.charCodeAt(0).toString(16).toUpperCase().padStart(width, "0");

/**
 * One piece of untrusted text, safe to print inside one line.
 *
 * @example
 * terminalText("a\u001b[31mb\u202Ec\nd") //=> "a\\x1B[31mb\\u202Ec d"
 */
export function terminalText(s: string): string {
  return s
    .replace(/\r\n|[\t\n\r\u000b\u000c]/g, " ")
    .replace(CONTROL, (c) => `\\x${hex(c, 2)}`)
    .replace(BIDI, (c) => `\\u${hex(c, 4)}`)
    .replace(LONE_SURROGATE, "\ufffd");
}

/**
 * A report of several lines, each made safe: the line breaks the report itself chose are kept.
 *
 * @example
 * terminalLines("ok\n\u0007bell") //=> "ok\n\\x07bell"
 */
export function terminalLines(s: string): string {
  return s.split("\n").map(terminalText).join("\n");
}

/**
 * JSON text whose every character a terminal might act on is escaped: JSON.stringify already
 * escapes C0 controls; this adds DEL, the C1 controls, bidi controls and the line separators, as
 * `\uXXXX` escapes, so the value parsed back is unchanged.
 *
 * @example
 * JSON.parse(safeJson({ s: "\u009b\u202e" })).s //=> "\u009b\u202e"
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => `\\u${hex(c, 4)}`);
}
