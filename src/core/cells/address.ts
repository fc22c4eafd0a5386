/**
 * Converts a 0-based column index to Excel letters.
 *
 * @param col - 0-based column index
 * @returns the column letters, or "" for a negative or non-integer index
 * @example
 * columnLetters(27) //=> "AB"
 */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) return "";
  if (col < LETTERS.length) return LETTERS[col] as string;
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The letters of the first 702 columns (A to ZZ), built once. */
const LETTERS = Array.from({ length: 702 }, (_, col) => lettersOf(col));

/**
 * Builds a local A1 address from 0-based row and column.
 *
 * @example
 * toA1(6, 2) //=> "C7"
 */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/**
 * Builds a local A1 range address from 0-based corners; a single cell gives "C7".
 *
 * @example
 * toA1Range(0, 0, 2, 3) //=> "A1:D3"
 */
export function toA1Range(row1: number, col1: number, row2: number, col2: number): string {
  const a = toA1(row1, col1);
  const b = toA1(row2, col2);
  return a === b ? a : `${a}:${b}`;
}

/**
 * Quotes a sheet name the way Excel does in references: plain names stay bare; names with spaces,
 * punctuation or a leading digit, or that look like a cell reference, are wrapped in single quotes
 * with inner quotes doubled.
 *
 * @example
 * quoteSheetName("Score table") //=> "'Score table'"
 * quoteSheetName("评分表") //=> "评分表"
 */
export function quoteSheetName(name: string): string {
  const bare = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name);
  const looksLikeCell = /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^R[0-9]*C[0-9]*$/i.test(name);
  if (bare && !looksLikeCell) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Builds a sheet-qualified A1 reference.
 *
 * @example
 * qualify("Sheet 1", 6, 2) //=> "'Sheet 1'!C7"
 */
export function qualify(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!${toA1(row, col)}`;
}

/**
 * Parses a local A1 cell address ("C7", "$C$7") into 0-based row and column.
 *
 * @returns the position, or null when the text is not a cell address
 * @example
 * parseA1("C7") //=> { row: 6, col: 2 }
 */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(address.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/**
 * Parses a local A1 range ("A1:D3" or "C7") into 0-based corners.
 *
 * @returns the corners, or null when the text is not a range address
 * @example
 * parseA1Range("A1:D3") //=> { row: 0, col: 0, rowCount: 3, colCount: 4 }
 */
export function parseA1Range(address: string): { row: number; col: number; rowCount: number; colCount: number } | null {
  const parts = address.split(":");
  if (parts.length > 2) return null;
  const a = parseA1(parts[0] ?? "");
  const b = parts.length === 2 ? parseA1(parts[1] ?? "") : a;
  if (!a || !b) return null;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rowCount: Math.abs(a.row - b.row) + 1, colCount: Math.abs(a.col - b.col) + 1 };
}

/**
 * Splits a sheet-qualified reference into sheet name and local address.
 *
 * @example
 * splitQualified("'Sheet 1'!C7") //=> { sheet: "Sheet 1", address: "C7" }
 */
export function splitQualified(ref: string): { sheet: string; address: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(ref.trim());
  if (!m || m[3] === undefined) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? "");
  return { sheet, address: m[3].replace(/\$/g, "") };
}

/**
 * Splits a list of areas at its separators, except inside a quoted sheet name or parentheses.
 * Every part is kept, empty ones too; callers decide what an empty part means.
 *
 * @param separators - the characters that separate areas (Excel writes ","; some APIs take ";")
 * @example
 * splitAreaList("'a,b'!A1:B2,C5") //=> ["'a,b'!A1:B2", "C5"]
 * splitAreaList("A1;B2", ",;") //=> ["A1", "B2"]
 */
export function splitAreaList(list: string, separators = ","): string[] {
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  let depth = 0;
  for (const ch of list) {
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")") depth--;
    if (separators.includes(ch) && !quoted && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}
