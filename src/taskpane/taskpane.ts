/**
 * Task pane wiring: Office start-up, the language toggle and the compute button.
 * All DOM writing is in renderPane.ts; all scoring is in compute().
 */
import { DEFAULT_SETTINGS } from "../core/types";
import type { Language } from "../core/types";
import { compute } from "../excel/compute";
import type { ComputeResult } from "../excel/compute";
import { describeOfficeError } from "../excel/officeErrors";
import { languageOfLocale } from "../office/language";
import { officeComputeEnv } from "../office/officeComputeEnv";
import { findPaneElements, renderBusy, renderError, renderLanguage, renderResult } from "./renderPane";
import type { PaneElements } from "./renderPane";
import { summarizeResult } from "./summarizeResult";

/** The last thing shown, kept so that switching language re-renders it. */
type Outcome = { kind: "result"; result: ComputeResult } | { kind: "error"; error: unknown } | null;

interface PaneState {
  lang: Language;
  isBusy: boolean;
  outcome: Outcome;
}

function renderOutcome(elements: PaneElements, state: PaneState): void {
  const { outcome, lang } = state;
  if (outcome === null) return;
  if (outcome.kind === "result") renderResult(elements.output, summarizeResult(outcome.result, lang));
  else renderError(elements.output, lang, describeOfficeError(outcome.error, lang));
}

async function runCompute(elements: PaneElements, state: PaneState): Promise<void> {
  if (state.isBusy) return;
  state.isBusy = true;
  renderBusy(elements, state.lang, true);
  const settings = { ...DEFAULT_SETTINGS, language: state.lang };
  try {
    const result = await Excel.run((context) => compute(context, settings, officeComputeEnv()));
    state.outcome = { kind: "result", result };
  } catch (error) {
    // The one place the pane catches: anything thrown becomes a readable message.
    state.outcome = { kind: "error", error };
  } finally {
    state.isBusy = false;
    renderBusy(elements, state.lang, false);
    renderOutcome(elements, state);
  }
}

function setLanguage(elements: PaneElements, state: PaneState, lang: Language): void {
  state.lang = lang;
  renderLanguage(elements, lang);
  renderBusy(elements, lang, state.isBusy);
  renderOutcome(elements, state);
}

function start(displayLanguage: string | null): void {
  const elements = findPaneElements(document);
  const state: PaneState = { lang: displayLanguage === null ? DEFAULT_SETTINGS.language : languageOfLocale(displayLanguage), isBusy: false, outcome: null };
  elements.languageZh.addEventListener("click", () => setLanguage(elements, state, "zh"));
  elements.languageEn.addEventListener("click", () => setLanguage(elements, state, "en"));
  elements.compute.addEventListener("click", () => void runCompute(elements, state));
  setLanguage(elements, state, state.lang);
}

if (typeof Office === "undefined") {
  // office.js failed to load (offline, blocked CDN): still show the pane; the button then explains.
  start(null);
} else {
  void Office.onReady(() => start(Office.context?.displayLanguage ?? null));
}
