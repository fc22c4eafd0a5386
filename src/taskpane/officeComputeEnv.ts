/** The ComputeEnv for code running inside Office, shared by the task pane and the ribbon command. */
import type { ComputeEnv } from "../excel/compute";
import type { Language } from "../core/types";

/** package.json's version, injected by webpack's DefinePlugin. */
declare const PERFSCORE_VERSION: string;

/** Describes the running Office host to compute(). Call it after Office.onReady. */
export function officeComputeEnv(): ComputeEnv {
  return {
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    charts: true,
    now: () => new Date(),
    version: typeof PERFSCORE_VERSION === "string" ? PERFSCORE_VERSION : "dev",
  };
}

/** "zh" for a Chinese Office UI locale ("zh-CN", "zh-TW"), "en" for any other. */
export function languageOfLocale(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith("zh") ? "zh" : "en";
}
