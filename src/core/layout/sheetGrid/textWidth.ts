/**
 * Points one character takes at 11pt: CJK and full-width forms are about square, Latin about
 * half, and a space about a quarter (a run of English would otherwise be estimated a line long
 * for every four it takes).
 */
const CJK_POINTS = 11;
const LATIN_POINTS = 6;
const SPACE_POINTS = 3;

function isWide(code: number): boolean {
  return code >= 0x2e80 && !(code >= 0xff61 && code <= 0xff9f);
}

/**
 * Estimates the width of one line of text in points.
 *
 * @param text - a single line
 * @param fontSize - font size in points (11 by default)
 * @example
 * textWidth("绩效") //=> 22
 */
export function textWidth(text: string, fontSize = 11): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character beyond U+FFFF: wide.
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    w += code === 0x20 ? SPACE_POINTS : isWide(code) ? CJK_POINTS : LATIN_POINTS;
  }
  return (w * fontSize) / 11;
}

/**
 * Counts the lines a text needs when wrapped in a column of the given width.
 *
 * @example
 * wrappedLines("一二三四五六七八九十", 60) //=> 3
 */
export function wrappedLines(text: string, widthPoints: number, fontSize = 11): number {
  const usable = Math.max(widthPoints - 8, 12);
  let lines = 0;
  for (const line of text.split("\n")) lines += Math.max(1, Math.ceil(textWidth(line, fontSize) / usable));
  return lines;
}

/** Height in points of a row showing the given number of lines at 11pt. */
export function linesHeight(lines: number): number {
  return lines * 16 + 4;
}
