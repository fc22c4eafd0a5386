const HAS_WIDE_FORM = /[\uff01-\uff5e\u3000]/;

/**
 * Folds full-width ASCII variants (Ｕ+FF01–FF5E) and the ideographic space to their ASCII forms.
 *
 * @example
 * foldWidth("１２３．５％") //=> "123.5%"
 */
export function foldWidth(text: string): string {
  if (!HAS_WIDE_FORM.test(text)) return text;
  // Runs of other characters are copied whole (a surrogate pair is never a wide form).
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += text.slice(from, i) + String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += `${text.slice(from, i)} `;
    else continue;
    from = i + 1;
  }
  return out + text.slice(from);
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
  const folded = foldWidth(text);
  return HAS_SPACE.test(folded) ? folded.replace(/\s+/g, "").trim() : folded;
}

const HAS_SPACE = /\s/;

/** Punctuation a printed label may carry at either end: colons, commas, full stops (a minus sign stays). */
const EDGE_PUNCTUATION = /^[\s:：,，、;；。·]+|[\s:：,，、;；.。·]+$/g;
/** A weight written into a label: 产出指标（50分）, (20分). */
const LABEL_WEIGHT = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/;
/** A numbering prefix followed by punctuation: 指标1：, 1.,（一）, 一、. */
const NUMBERING = /^(?:指标\s*\d+|\d+|[一二三四五六七八九十]+|[(（][一二三四五六七八九十\d]+[)）])\s*[:：、.．]\s*(?!\d)/;

/** A label that cleanLabel's rules may change: every rule needs one of these. */
const NEEDS_CLEANING = /[\s分]|^[指\d一二三四五六七八九十(（:：,，、;；。·]|[:：,，、;；.。·]$/;

/**
 * Cleans a printed level or indicator label (docs/scoring-rules.md §1.1): removes line breaks and
 * white space inside Chinese text (labels printed one character a line; English keeps one space), a weight written into the label
 * (`产出指标（50分）`, returned as `weight`), a numbering prefix followed by punctuation (`指标1：`,
 * `一、`), and punctuation at either end (`年度资金总额：`). Numbering without punctuation and marks
 * such as ★ are part of the name and stay.
 *
 * @param text - the label as printed
 * @returns the name, and the weight the label declares (null when none)
 * @example
 * cleanLabel("产\n出\n指\n标\n(50分)") //=> { name: "产出指标", weight: 50 }
 * cleanLabel("指标1：工程完工率") //=> { name: "工程完工率", weight: null }
 * cleanLabel(" Pension\n enrollment ") //=> { name: "Pension enrollment", weight: null }
 */
export function cleanLabel(text: string): { name: string; weight: number | null } {
  // Most labels have nothing to clean: no white space, no 分 (a weight needs one), no numbering
  // or punctuation at the start and no punctuation at the end.
  if (!NEEDS_CLEANING.test(text)) return { name: text, weight: null };
  // White space between two non-ASCII characters is a line break inside a CJK word; elsewhere
  // (English labels) it is one space.
  let t = text.trim().replace(/\s+/g, (run, at: number, all: string) => (isWide(all.charAt(at - 1)) && isWide(all.charAt(at + run.length)) ? "" : " "));
  let weight: number | null = null;
  const m = LABEL_WEIGHT.exec(t);
  if (m?.[1] !== undefined) {
    weight = Number(m[1]);
    t = t.slice(0, m.index) + t.slice(m.index + m[0].length);
  }
  t = t.replace(NUMBERING, "").replace(EDGE_PUNCTUATION, "");
  return { name: t, weight };
}

/** True for a character outside ASCII (a CJK character or full-width punctuation). */
function isWide(ch: string): boolean {
  return ch !== "" && ch.charCodeAt(0) > 0x7f;
}
