/**
 * What PerfScore keeps in the workbook itself (Office.context.document.settings), so a colleague
 * who opens the shared workbook scores it by the same rules: the scoring settings, the ranges
 * chosen with "use the selection as …", and whether the user has read the note about writing.
 */
import type { Language, Settings } from "../core/types";
import { readStoredOverrides, type TableOverrides } from "./overrides";
import { readStoredSettings } from "./settingsRules";

export const SETTINGS_KEYS = {
  settings: "PerfScore.settings",
  overrides: "PerfScore.overrides",
  writeNoticeAccepted: "PerfScore.writeNoticeAccepted",
} as const;

function stored(key: string): unknown {
  try {
    return Office.context.document.settings.get(key) as unknown;
  } catch {
    // settings.get throws on some hosts for a key never set; that is "nothing stored".
    return null;
  }
}

/** The scoring settings stored in the workbook, or the defaults with `language` for the output. */
export function readDocumentSettings(language: Language): Settings {
  return readStoredSettings(stored(SETTINGS_KEYS.settings), language);
}

export function readDocumentOverrides(): TableOverrides {
  return readStoredOverrides(stored(SETTINGS_KEYS.overrides));
}

export function readWriteNoticeAccepted(): boolean {
  return stored(SETTINGS_KEYS.writeNoticeAccepted) === true;
}

/**
 * Sets `key` (or removes it, for null) and saves the document settings.
 *
 * @throws the Office error when saving fails (a read-only workbook), for the caller to describe
 */
export function saveDocumentSetting(key: (typeof SETTINGS_KEYS)[keyof typeof SETTINGS_KEYS], value: unknown): Promise<void> {
  const settings = Office.context.document.settings;
  if (value === null) settings.remove(key);
  else settings.set(key, value);
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => (result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(result.error)));
  });
}
