/**
 * Folds full-width ASCII variants (Ｕ+FF01–FF5E) and the ideographic space to their ASCII forms.
 *
 * @example
 * foldWidth("１２３．５％") //=> "123.5%"
 */
export function foldWidth(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/**
 * Normalises header text for matching: folds width, drops bracketed parts such as （A）, (B/A) or
 * 【万元】, removes all white space and lower-cases.
 *
 * @example
 * normalizeHeader("全年预算数（A）") //=> "全年预算数"
 * normalizeHeader(" Level 1 ") //=> "level1"
 */
export function normalizeHeader(text: string): string {
  return foldWidth(text)
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, "")
    .replace(/\s+/g, "")
    .toLowerCase();
}

/**
 * Normalises a name for comparison: folds width, trims, collapses inner white space.
 *
 * @example
 * normalizeName(" 资金 管理 ") //=> "资金管理"
 */
export function normalizeName(text: string): string {
  return foldWidth(text).replace(/\s+/g, "").trim();
}
