/**
 * The ribbon's 计算评分 / Compute scores button: scores the open workbook without opening the
 * pane, with the settings and table choices stored in the workbook, then shows the summary.
 */
import { DEFAULT_SETTINGS } from "../core/types";
import type { Language } from "../core/types";
import { compute } from "../excel/compute";
import { describeOfficeError } from "../excel/officeErrors";
import { readDocumentOverrides, readDocumentSettings } from "../office/documentSettings";
import { officeLanguage } from "../office/language";
import { officeComputeEnv } from "../office/officeComputeEnv";
import { restrictGrids } from "../office/overrides";
import { showMessage } from "./showMessage";

/** The id the manifest's ExecuteFunction `<FunctionName>` names. */
export const COMPUTE_SCORES = "computeScores";

export type CommandOutcome = { ok: true; summarySheet: string } | { ok: false; message: string };

/**
 * Scores the workbook and activates the summary sheet. When nothing can be scored, or Excel
 * refuses, the reason is shown in a small dialog in the Office UI's language. Always reaches
 * `event.completed()`, so Office never shows the button as stuck.
 */
export async function computeScores(event: Office.AddinCommands.Event): Promise<CommandOutcome> {
  let lang: Language = DEFAULT_SETTINGS.language;
  let outcome: CommandOutcome;
  try {
    lang = officeLanguage(lang);
    const settings = readDocumentSettings(lang);
    const overrides = readDocumentOverrides();
    const env = officeComputeEnv({ selectGrids: (grids) => restrictGrids(grids, overrides) });
    outcome = await Excel.run(async (context): Promise<CommandOutcome> => {
      const result = await compute(context, settings, env);
      // The summary is the last sheet written; compute() names it, whatever name it had to take.
      const summary = result.outputSheets[result.outputSheets.length - 1];
      if (result.status !== "scored" || summary === undefined) {
        return { ok: false, message: result.problem?.[lang] ?? (lang === "zh" ? "没有可评分的内容。" : "Nothing to score.") };
      }
      context.workbook.worksheets.getItem(summary).activate();
      await context.sync();
      return { ok: true, summarySheet: summary };
    });
  } catch (error) {
    outcome = { ok: false, message: describeOfficeError(error, lang) };
  }
  try {
    if (!outcome.ok) await showMessage(outcome.message, lang);
  } catch (error) {
    // The dialog is the last resort; the reason still reaches the log.
    console.error(`PerfScore: ${outcome.ok ? "" : outcome.message}`, error);
  } finally {
    event.completed();
  }
  return outcome;
}
