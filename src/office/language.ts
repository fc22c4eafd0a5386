/** The language of the Office UI, as the pane and the command speak it. */
import type { Language } from "../core/types";

/**
 * "zh" for a Chinese Office UI locale ("zh-CN", "zh-TW"), "en" for any other.
 *
 * @example
 * languageOfLocale("zh-CN") //=> "zh"
 * languageOfLocale("en-GB") //=> "en"
 */
export function languageOfLocale(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** The Office UI's language, or `fallback` outside Office (office.js missing or not ready). */
export function officeLanguage(fallback: Language): Language {
  if (typeof Office === "undefined") return fallback;
  const locale = Office.context?.displayLanguage;
  return typeof locale === "string" && locale !== "" ? languageOfLocale(locale) : fallback;
}
