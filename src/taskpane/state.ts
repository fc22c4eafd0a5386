/**
 * The task pane's state, its actions and the pure reducer. Views render from State; the wiring
 * in taskpane.ts dispatches actions and runs the Excel work they call for.
 */
import type { Language, Settings, Severity } from "../core/types";
import type { ComputeProgress, ComputeResult } from "../excel/compute";
import type { WorkbookInspection } from "../excel/inspect";
import type { TableKind, TableOverrides } from "../office/overrides";
import { draftOf, validateSettings, type SettingsDraft, type SettingsField, type Text } from "../office/settingsRules";
import type { TemplateKind } from "../office/templates";

/** A write the user asked for; it waits for the one-time notice when that is not yet acknowledged. */
export type Write = { kind: "compute" } | { kind: "template"; template: TemplateKind };

export type Task = "inspect" | "compute" | "template" | "select" | "override" | "save";

export interface State {
  /** The pane's language (its own text); the output language is settings.language. */
  lang: Language;
  /** False outside Excel: every Excel action is then disabled. */
  inOffice: boolean;
  /** Whether office.js loaded (so outside Excel means "opened in a plain browser", not "office.js blocked"). */
  officeLoaded: boolean;
  /** The task running, if any, and the compute step it reached. */
  busy: { task: Task; progress: ComputeProgress | null } | null;
  inspection: WorkbookInspection | null;
  result: ComputeResult | null;
  /** A scored table was edited after the last compute. */
  stale: boolean;
  filter: Severity | "all";
  /** With several projects: the one whose result and findings are shown; null shows every project's findings. */
  project: number | null;
  settings: Settings;
  draft: SettingsDraft;
  draftErrors: Partial<Record<SettingsField, Text>>;
  /** The settings were just saved (the form says so until the next edit). */
  settingsSavedNote: boolean;
  overrides: TableOverrides;
  writeNoticeAccepted: boolean;
  /** The write waiting for the notice to be acknowledged. */
  pendingWrite: Write | null;
  /** The last failure, kept as thrown so it can be described again in another language. */
  error: unknown;
  /** Sheets written by the last template insertion. */
  inserted: string[] | null;
}

export type Action =
  | { type: "started"; lang: Language; inOffice: boolean; officeLoaded: boolean; settings: Settings; overrides: TableOverrides; writeNoticeAccepted: boolean }
  | { type: "languageChosen"; lang: Language }
  | { type: "taskStarted"; task: Task }
  | { type: "progressed"; progress: ComputeProgress }
  | { type: "taskFailed"; error: unknown }
  | { type: "taskEnded" }
  | { type: "inspected"; inspection: WorkbookInspection }
  | { type: "computed"; result: ComputeResult }
  | { type: "templateInserted"; sheets: string[] }
  | { type: "tableEdited" }
  | { type: "filterChosen"; filter: Severity | "all" }
  | { type: "projectChosen"; project: number | null }
  | { type: "draftEdited"; field: SettingsField; value: string }
  | { type: "settingsSaved"; settings: Settings }
  | { type: "overrideChosen"; kind: TableKind; range: string | null }
  | { type: "writeRequested"; write: Write }
  | { type: "writeNoticeAccepted" }
  | { type: "writeNoticeDismissed" }
  | { type: "errorDismissed" };

export function initialState(settings: Settings): State {
  return {
    lang: settings.language,
    inOffice: true,
    officeLoaded: true,
    busy: null,
    inspection: null,
    result: null,
    stale: false,
    filter: "all",
    project: null,
    settings,
    draft: draftOf(settings),
    draftErrors: {},
    settingsSavedNote: false,
    overrides: {},
    writeNoticeAccepted: false,
    pendingWrite: null,
    error: null,
    inserted: null,
  };
}

/**
 * The pane's reducer: the next state for an action. Pure, so every transition is tested in Node.
 *
 * - A task starts only when none runs (the Excel queue runs them one at a time anyway).
 * - A write waits for the one-time notice until it is acknowledged.
 * - Editing a settings field validates the whole draft; only a valid draft becomes `settings`
 *   (when the wiring saves it and dispatches settingsSaved).
 */
export function reduce(state: State, action: Action): State {
  switch (action.type) {
    case "started":
      return {
        ...state,
        lang: action.lang,
        inOffice: action.inOffice,
        officeLoaded: action.officeLoaded,
        settings: action.settings,
        draft: draftOf(action.settings),
        draftErrors: {},
        overrides: action.overrides,
        writeNoticeAccepted: action.writeNoticeAccepted,
      };
    case "languageChosen":
      return { ...state, lang: action.lang };
    case "taskStarted":
      return { ...state, busy: { task: action.task, progress: null }, error: null };
    case "progressed":
      return state.busy === null ? state : { ...state, busy: { ...state.busy, progress: action.progress } };
    case "taskFailed":
      return { ...state, busy: null, error: action.error };
    case "taskEnded":
      return { ...state, busy: null };
    case "inspected":
      return { ...state, busy: null, inspection: action.inspection };
    case "computed":
      return { ...state, busy: null, result: action.result, stale: false, filter: "all", project: action.result.projects.length > 1 ? null : 0 };
    case "templateInserted":
      return { ...state, busy: null, inserted: action.sheets, result: null, stale: false };
    case "tableEdited":
      return state.result === null || state.result.status !== "scored" ? state : { ...state, stale: true };
    case "filterChosen":
      return { ...state, filter: action.filter };
    case "projectChosen":
      return { ...state, project: action.project };
    case "draftEdited": {
      const draft = { ...state.draft, [action.field]: action.value };
      const check = validateSettings(draft);
      return { ...state, draft, draftErrors: check.errors ?? {}, settingsSavedNote: false };
    }
    case "settingsSaved":
      return { ...state, busy: null, settings: action.settings, draft: draftOf(action.settings), draftErrors: {}, settingsSavedNote: true, stale: state.result !== null ? true : state.stale };
    case "overrideChosen": {
      const overrides = { ...state.overrides };
      if (action.range === null) delete overrides[action.kind];
      else overrides[action.kind] = action.range;
      return { ...state, busy: null, overrides, stale: state.result !== null ? true : state.stale };
    }
    case "writeRequested":
      return state.writeNoticeAccepted ? state : { ...state, pendingWrite: action.write };
    case "writeNoticeAccepted":
      return { ...state, writeNoticeAccepted: true, pendingWrite: null };
    case "writeNoticeDismissed":
      return { ...state, pendingWrite: null };
    case "errorDismissed":
      return { ...state, error: null };
  }
}
