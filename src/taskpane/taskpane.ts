/**
 * Task pane wiring: start-up, the store (state + reducer), and the effects that actions call for.
 * Every Excel call goes through excelQueue; every DOM write through render.
 */
import { DEFAULT_SETTINGS } from "../core/types";
import type { Language, SheetGrid } from "../core/types";
import { readDocumentOverrides, readDocumentSettings, readWriteNoticeAccepted, saveDocumentSetting, SETTINGS_KEYS } from "../office/documentSettings";
import { officeLanguage } from "../office/language";
import { restrictGrids } from "../office/overrides";
import { validateSettings, type SettingsField } from "../office/settingsRules";
import * as excel from "./excelQueue";
import { renderPane, type Handlers } from "./render";
import { initialState, reduce, type Action, type State, type Write } from "./state";
import { applyTheme } from "./theme";

let state: State = initialState(DEFAULT_SETTINGS);

function dispatch(action: Action): void {
  state = reduce(state, action);
  renderPane(state, handlers);
}

const select = (grids: SheetGrid[]): SheetGrid[] => restrictGrids(grids, state.overrides);

/** Runs one task: busy while it runs, its failure kept in state (described in the pane's language). */
async function task(name: NonNullable<State["busy"]>["task"], work: () => Promise<Action>): Promise<void> {
  dispatch({ type: "taskStarted", task: name });
  try {
    dispatch(await work());
  } catch (error) {
    // The pane shows a sentence; the console keeps the whole error (code, debugInfo) for support.
    console.error(`PerfScore: ${name} failed`, error);
    dispatch({ type: "taskFailed", error });
  }
}

function inspect(): Promise<void> {
  return task("inspect", async () => ({ type: "inspected", inspection: await excel.inspect(select) }));
}

/** Watches the sheets of the tables just scored, so an edit there marks the results stale. */
function watchScoredSheets(): void {
  const projects = state.result?.projects ?? [];
  if (projects.length === 0) return;
  const sheets = new Set(
    projects.flatMap(({ detection: d }) => [d.indicatorTable?.sheet, d.budget?.sheet, ...d.enrollment.map((e) => e.sheet)]).filter((s): s is string => s !== undefined),
  );
  excel.watchTables([...sheets], () => dispatch({ type: "tableEdited" })).catch((error: unknown) => console.warn("PerfScore: cannot watch for edits", error));
}

function runWrite(write: Write): void {
  if (write.kind === "compute") {
    void task("compute", async () => ({ type: "computed", result: await excel.computeScores(state.settings, select, (progress) => dispatch({ type: "progressed", progress })) })).then(() => {
      watchScoredSheets();
      if (state.result !== null) void inspect();
    });
  } else {
    void task("template", async () => ({ type: "templateInserted", sheets: await excel.insert(write.template) })).then(() => inspect());
  }
}

function requestWrite(write: Write): void {
  if (state.busy !== null) return;
  dispatch({ type: "writeRequested", write });
  if (state.writeNoticeAccepted) runWrite(write);
}

const handlers: Handlers = {
  compute: () => requestWrite({ kind: "compute" }),
  insert: (template) => requestWrite({ kind: "template", template }),
  select: (ref) => {
    excel.select(ref).catch((error: unknown) => dispatch({ type: "taskFailed", error }));
  },
  chooseSelection: (kind) =>
    void task("override", async () => {
      const range = await excel.selection();
      await saveDocumentSetting(SETTINGS_KEYS.overrides, { ...state.overrides, [kind]: range });
      return { type: "overrideChosen", kind, range };
    }).then(() => inspect()),
  clearChoice: (kind) =>
    void task("override", async () => {
      const rest = { ...state.overrides };
      delete rest[kind];
      await saveDocumentSetting(SETTINGS_KEYS.overrides, rest);
      return { type: "overrideChosen", kind, range: null };
    }).then(() => inspect()),
  filter: (filter) => dispatch({ type: "filterChosen", filter }),
  project: (project) => dispatch({ type: "projectChosen", project }),
  acceptNotice: () => {
    const pending = state.pendingWrite;
    dispatch({ type: "writeNoticeAccepted" });
    saveDocumentSetting(SETTINGS_KEYS.writeNoticeAccepted, true).catch((error: unknown) => console.warn("PerfScore: cannot remember the notice", error));
    if (pending !== null) runWrite(pending);
  },
  dismissNotice: () => dispatch({ type: "writeNoticeDismissed" }),
  dismissError: () => dispatch({ type: "errorDismissed" }),
  refresh: () => void inspect(),
};

function saveSettings(): void {
  const check = validateSettings(state.draft);
  if (check.settings === null) return;
  const settings = check.settings;
  void task("save", async () => {
    await saveDocumentSetting(SETTINGS_KEYS.settings, settings);
    return { type: "settingsSaved", settings };
  });
}

function wire(): void {
  document.getElementById("compute")?.addEventListener("click", handlers.compute);
  document.getElementById("language-zh")?.addEventListener("click", () => dispatch({ type: "languageChosen", lang: "zh" }));
  document.getElementById("language-en")?.addEventListener("click", () => dispatch({ type: "languageChosen", lang: "en" }));
  document.getElementById("insert-example")?.addEventListener("click", () => handlers.insert("example"));
  document.getElementById("insert-blank")?.addEventListener("click", () => handlers.insert("blank"));
  const form = document.getElementById("settings") as HTMLFormElement | null;
  form?.addEventListener("input", (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    dispatch({ type: "draftEdited", field: target.name as SettingsField, value: target.value });
  });
  form?.addEventListener("submit", (event) => {
    event.preventDefault();
    saveSettings();
  });
  document.getElementById("reset-settings")?.addEventListener("click", () => {
    const settings = { ...DEFAULT_SETTINGS, gradeBands: { ...DEFAULT_SETTINGS.gradeBands }, language: state.settings.language };
    void task("save", async () => {
      await saveDocumentSetting(SETTINGS_KEYS.settings, null);
      return { type: "settingsSaved", settings };
    });
  });
}

function start(inOffice: boolean): void {
  const lang: Language = inOffice ? officeLanguage(DEFAULT_SETTINGS.language) : DEFAULT_SETTINGS.language;
  applyTheme(inOffice ? Office.context?.officeTheme : undefined);
  wire();
  const settings = inOffice ? readDocumentSettings(lang) : { ...DEFAULT_SETTINGS, language: lang };
  dispatch({
    type: "started",
    lang,
    inOffice,
    officeLoaded: typeof Office !== "undefined",
    settings,
    overrides: inOffice ? readDocumentOverrides() : {},
    writeNoticeAccepted: inOffice && readWriteNoticeAccepted(),
  });
  if (inOffice) void inspect();
}

if (typeof Office === "undefined") {
  // office.js failed to load (offline, blocked CDN): show the pane and say so.
  start(false);
} else {
  void Office.onReady((info) => start(info.host === Office.HostType.Excel));
}
