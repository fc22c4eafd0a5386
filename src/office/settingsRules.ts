/**
 * The scoring settings as a person types them: a draft of strings, validated field by field, and
 * the settings stored in a workbook, read back defensively. Pure: no Office, no DOM.
 */
import { PROFILES, resolveSettings } from "../core/score/profiles";
import { DEFAULT_SETTINGS } from "../core/types";
import type { Language, ProfileId, Settings } from "../core/types";

export type SettingsField = "profile" | "reverse" | "overCompletionThreshold" | "mismatchTolerance" | "excellent" | "good" | "fair" | "language";

/** The settings form's values, exactly as typed. */
export type SettingsDraft = Record<SettingsField, string>;

export type Text = { zh: string; en: string };

export type SettingsCheck = { settings: Settings; errors: null } | { settings: null; errors: Partial<Record<SettingsField, Text>> };

/** The text of `settings` for the form. */
export function draftOf(settings: Settings): SettingsDraft {
  return {
    profile: settings.profile,
    reverse: settings.reverse,
    overCompletionThreshold: String(settings.overCompletionThreshold),
    mismatchTolerance: String(settings.mismatchTolerance),
    excellent: String(settings.gradeBands.excellent),
    good: String(settings.gradeBands.good),
    fair: String(settings.gradeBands.fair),
    language: settings.language,
  };
}

/** Reads a typed number: ASCII or full-width digits, an optional trailing % (so 120% is 1.2); NaN otherwise. */
export function parseTypedNumber(text: string): number {
  const ascii = text.trim().replace(/[\uFF10-\uFF19\uFF0E\uFF05]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const percent = /%$/.test(ascii);
  const body = percent ? ascii.slice(0, -1).trim() : ascii;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(body)) return NaN;
  return percent ? Number(body) / 100 : Number(body);
}

const MESSAGES = {
  number: { zh: "请输入数字，例如 1.2 或 120%。", en: "Enter a number, such as 1.2 or 120%." },
  threshold: { zh: "阈值须大于 1（即完成率高于 100%），且不超过 10。", en: "The threshold must be above 1 (a completion over 100%) and at most 10." },
  tolerance: { zh: "容差须在 0 到 10 分之间。", en: "The tolerance must be between 0 and 10 points." },
  band: { zh: "分数线须在 0 到 100 之间。", en: "A grade boundary must be between 0 and 100." },
  order: { zh: "分数线须满足：优 > 良 > 中。", en: "The boundaries must rise: Excellent > Good > Fair." },
  profile: { zh: "请选择评分规则（财政部、湖北或四川）。", en: "Choose the rule profile (Ministry of Finance, Hubei or Sichuan)." },
  reverse: { zh: "请选择反向指标的计分方法。", en: "Choose how reverse indicators are scored." },
  language: { zh: "请选择输出语言。", en: "Choose the output language." },
} satisfies Record<string, Text>;

/**
 * Validates a settings draft, field by field.
 *
 * - Over-completion threshold: a number above 1 and at most 10 (`1.3` or `130%`).
 * - Mismatch tolerance: 0 to 10 points.
 * - Grade boundaries: each 0 to 100, and excellent > good > fair.
 * - Profile one of the known rule profiles (its qualitative bands and budget rules come with it).
 * - Reverse convention `ratio` or `deviation`; language `zh` or `en`.
 *
 * @returns the settings, or an error message (zh and en) for each field in error
 *
 * @example
 * validateSettings({ ...draftOf(DEFAULT_SETTINGS), good: "95" }).errors
 * //=> { good: { zh: "分数线须满足：优 > 良 > 中。", en: "The boundaries must rise: Excellent > Good > Fair." } }
 */
export function validateSettings(draft: SettingsDraft): SettingsCheck {
  const errors: Partial<Record<SettingsField, Text>> = {};
  const threshold = parseTypedNumber(draft.overCompletionThreshold);
  if (Number.isNaN(threshold)) errors.overCompletionThreshold = MESSAGES.number;
  else if (!(threshold > 1 && threshold <= 10)) errors.overCompletionThreshold = MESSAGES.threshold;
  const tolerance = parseTypedNumber(draft.mismatchTolerance);
  if (Number.isNaN(tolerance)) errors.mismatchTolerance = MESSAGES.number;
  else if (!(tolerance >= 0 && tolerance <= 10)) errors.mismatchTolerance = MESSAGES.tolerance;
  const bands = { excellent: parseTypedNumber(draft.excellent), good: parseTypedNumber(draft.good), fair: parseTypedNumber(draft.fair) };
  for (const key of ["excellent", "good", "fair"] as const) {
    if (Number.isNaN(bands[key])) errors[key] = MESSAGES.number;
    else if (!(bands[key] >= 0 && bands[key] <= 100)) errors[key] = MESSAGES.band;
  }
  if (errors.excellent === undefined && errors.good === undefined && !(bands.excellent > bands.good)) errors.good = MESSAGES.order;
  if (errors.good === undefined && errors.fair === undefined && !(bands.good > bands.fair)) errors.fair = MESSAGES.order;
  const profile = PROFILES.find((p) => p.id === draft.profile);
  if (profile === undefined) errors.profile = MESSAGES.profile;
  if (draft.reverse !== "ratio" && draft.reverse !== "deviation") errors.reverse = MESSAGES.reverse;
  if (draft.language !== "zh" && draft.language !== "en") errors.language = MESSAGES.language;
  if (Object.keys(errors).length > 0) return { settings: null, errors };
  return {
    settings: resolveSettings(draft.profile as ProfileId, {
      reverse: draft.reverse as Settings["reverse"],
      overCompletionThreshold: threshold,
      mismatchTolerance: tolerance,
      gradeBands: bands,
      language: draft.language as Language,
    }),
    errors: null,
  };
}

/**
 * The settings a workbook stored, read defensively: anything missing or invalid (an older or
 * hand-edited value) falls back to the defaults as a whole, so a workbook never scores by half
 * its own rules.
 *
 * @param stored - the value kept in the document settings, or null when there is none
 * @param language - the output language when the workbook stored none (the Office UI's)
 *
 * @example
 * readStoredSettings(null, "en").language //=> "en"
 */
export function readStoredSettings(stored: unknown, language: Language): Settings {
  const fallback: Settings = { ...DEFAULT_SETTINGS, gradeBands: { ...DEFAULT_SETTINGS.gradeBands }, language };
  if (typeof stored !== "object" || stored === null) return fallback;
  const s = stored as Partial<Record<keyof Settings, unknown>>;
  const bands = (typeof s.gradeBands === "object" && s.gradeBands !== null ? s.gradeBands : {}) as Record<string, unknown>;
  const text = (v: unknown, d: string | number) => (typeof v === "number" || typeof v === "string" ? String(v) : String(d));
  const check = validateSettings({
    profile: text(s.profile, fallback.profile),
    reverse: text(s.reverse, fallback.reverse),
    overCompletionThreshold: text(s.overCompletionThreshold, fallback.overCompletionThreshold),
    mismatchTolerance: text(s.mismatchTolerance, fallback.mismatchTolerance),
    excellent: text(bands.excellent, fallback.gradeBands.excellent),
    good: text(bands.good, fallback.gradeBands.good),
    fair: text(bands.fair, fallback.gradeBands.fair),
    language: text(s.language, language),
  });
  return check.settings ?? fallback;
}
