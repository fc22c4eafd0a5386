import { DEFAULT_SETTINGS } from "../../src/core/types";
import type { Evaluation, Settings } from "../../src/core/types";
import type { ComputeResult } from "../../src/excel/compute";
import { initialState, reduce, type Action, type State } from "../../src/taskpane/state";

const scored: ComputeResult = { status: "scored", evaluation: { total: 90 } as Evaluation, projects: [{ total: 90 } as Evaluation], workbookFindings: [], problem: null, outputSheets: ["评分表", "汇总"], keptEditedSheets: [] };
const nothing: ComputeResult = { status: "nothingToScore", evaluation: null, projects: [], workbookFindings: [], problem: { zh: "无", en: "none" }, outputSheets: [], keptEditedSheets: [] };

function run(actions: Action[], from: State = initialState(DEFAULT_SETTINGS)): State {
  return actions.reduce(reduce, from);
}

const started: Action = { type: "started", lang: "en", inOffice: true, officeLoaded: true, settings: { ...DEFAULT_SETTINGS, language: "en" }, overrides: {}, writeNoticeAccepted: false };

describe("reduce", () => {
  it("takes the language, settings and stored choices at start", () => {
    const state = run([{ ...started, overrides: { indicator: "S!A1:B2" }, writeNoticeAccepted: true }]);
    expect([state.lang, state.settings.language, state.draft.language, state.overrides, state.writeNoticeAccepted]).toEqual(["en", "en", "en", { indicator: "S!A1:B2" }, true]);
  });

  it("switches the pane language without touching the output language", () => {
    const state = run([started, { type: "languageChosen", lang: "zh" }]);
    expect([state.lang, state.settings.language]).toEqual(["zh", "en"]);
  });

  it("holds a write until the notice is acknowledged, once", () => {
    const held = run([started, { type: "writeRequested", write: { kind: "compute" } }]);
    expect(held.pendingWrite).toEqual({ kind: "compute" });
    const accepted = reduce(held, { type: "writeNoticeAccepted" });
    expect([accepted.pendingWrite, accepted.writeNoticeAccepted]).toEqual([null, true]);
    expect(reduce(accepted, { type: "writeRequested", write: { kind: "template", template: "blank" } }).pendingWrite).toBeNull();
  });

  it("drops the held write when the notice is dismissed", () => {
    const state = run([started, { type: "writeRequested", write: { kind: "compute" } }, { type: "writeNoticeDismissed" }]);
    expect([state.pendingWrite, state.writeNoticeAccepted]).toEqual([null, false]);
  });

  it("tracks a compute's progress and clears it with the result", () => {
    const busy = run([started, { type: "taskStarted", task: "compute" }, { type: "progressed", progress: { step: "writing", batch: 1, batches: 2 } }]);
    expect(busy.busy).toEqual({ task: "compute", progress: { step: "writing", batch: 1, batches: 2 } });
    const done = reduce(busy, { type: "computed", result: scored });
    expect([done.busy, done.result, done.stale]).toEqual([null, scored, false]);
  });

  it("ignores progress when no task runs", () => {
    const state = run([started]);
    expect(reduce(state, { type: "progressed", progress: { step: "reading" } })).toBe(state);
  });

  it("keeps a failure to describe later, and clears it at the next task", () => {
    const error = { name: "RichApi.Error", code: "AccessDenied" };
    const failed = run([started, { type: "taskStarted", task: "compute" }, { type: "taskFailed", error }]);
    expect([failed.busy, failed.error]).toEqual([null, error]);
    expect(reduce(failed, { type: "taskStarted", task: "inspect" }).error).toBeNull();
  });

  it("marks scored results stale when a scored table is edited, and fresh after computing", () => {
    const stale = run([started, { type: "computed", result: scored }, { type: "tableEdited" }]);
    expect(stale.stale).toBe(true);
    expect(reduce(stale, { type: "computed", result: scored }).stale).toBe(false);
  });

  it("does not mark anything stale before a score exists", () => {
    expect(run([started, { type: "tableEdited" }]).stale).toBe(false);
    expect(run([started, { type: "computed", result: nothing }, { type: "tableEdited" }]).stale).toBe(false);
  });

  it("validates the draft as it is typed", () => {
    const state = run([started, { type: "draftEdited", field: "good", value: "95" }]);
    expect(state.draft.good).toBe("95");
    expect(state.draftErrors).toEqual({ good: { zh: "分数线须满足：优 > 良 > 中。", en: "The boundaries must rise: Excellent > Good > Fair." } });
    expect(state.settings.gradeBands.good).toBe(80);
    expect(reduce(state, { type: "draftEdited", field: "good", value: "85" }).draftErrors).toEqual({});
  });

  it("takes saved settings as the new draft and marks earlier results stale", () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, mismatchTolerance: 0.5 };
    const state = run([started, { type: "computed", result: scored }, { type: "settingsSaved", settings }]);
    expect([state.settings, state.draft.mismatchTolerance, state.stale]).toEqual([settings, "0.5", true]);
  });

  it("shows every project's findings after a compute of several projects, the only one's otherwise; a project can be chosen", () => {
    const two: ComputeResult = { ...scored, projects: [{ total: 90 } as Evaluation, { total: 70 } as Evaluation] };
    expect(run([started, { type: "computed", result: two }]).project).toBeNull();
    expect(run([started, { type: "computed", result: scored }]).project).toBe(0);
    expect(run([started, { type: "computed", result: two }, { type: "projectChosen", project: 1 }]).project).toBe(1);
  });

  it("says the settings were saved until the next edit", () => {
    const saved = run([started, { type: "settingsSaved", settings: DEFAULT_SETTINGS }]);
    expect(saved.settingsSavedNote).toBe(true);
    expect(reduce(saved, { type: "draftEdited", field: "good", value: "81" }).settingsSavedNote).toBe(false);
  });

  it("sets and clears a table choice", () => {
    const set = run([started, { type: "overrideChosen", kind: "budget", range: "表!C5:I6" }]);
    expect(set.overrides).toEqual({ budget: "表!C5:I6" });
    expect(reduce(set, { type: "overrideChosen", kind: "budget", range: null }).overrides).toEqual({});
  });

  it("resets the findings filter when new results arrive", () => {
    const state = run([started, { type: "filterChosen", filter: "warning" }]);
    expect(state.filter).toBe("warning");
    expect(reduce(state, { type: "computed", result: scored }).filter).toBe("all");
  });
});
