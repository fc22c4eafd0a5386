/**
 * The ribbon command's function file. `computeScores` is registered for an ExecuteFunction
 * button; the button itself and a visible report of the outcome come with the ribbon-command issue.
 */
import { DEFAULT_SETTINGS } from "../core/types";
import type { Language } from "../core/types";
import { compute } from "../excel/compute";
import { describeOfficeError } from "../excel/officeErrors";
import { languageOfLocale, officeComputeEnv } from "../taskpane/officeComputeEnv";

/** The id an ExecuteFunction control names in the manifest's `<FunctionName>`. */
export const COMPUTE_SCORES = "computeScores";

/**
 * Scores the open workbook, writing the output sheets, in the Office UI's language.
 * Always reaches `event.completed()`, whatever compute() does, so Office never shows the command as stuck.
 *
 * @returns a one-line description of the outcome, in the same language
 */
export async function computeScores(event: Office.AddinCommands.Event): Promise<string> {
  let lang: Language = DEFAULT_SETTINGS.language;
  try {
    lang = languageOfLocale(Office.context.displayLanguage);
    const settings = { ...DEFAULT_SETTINGS, language: lang };
    const result = await Excel.run((context) => compute(context, settings, officeComputeEnv()));
    const outcome =
      result.status === "scored" && result.evaluation !== null
        ? `${result.evaluation.total.toFixed(2)} ${result.evaluation.grade}: ${result.outputSheets.join(", ")}`
        : (result.problem?.[lang] ?? result.status);
    console.info(`PerfScore: ${outcome}`);
    return outcome;
  } catch (error) {
    // A function file has no UI of its own; until the ribbon-command issue adds one, the log carries it.
    const message = describeOfficeError(error, lang);
    console.error(`PerfScore: ${message}`, error);
    return message;
  } finally {
    event.completed();
  }
}

void Office.onReady(() => {
  Office.actions.associate(COMPUTE_SCORES, computeScores);
});
