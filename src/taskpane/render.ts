/**
 * The pane's views: they read State and write the DOM, nothing else. Workbook text (sheet names,
 * headers, messages) goes in only through textContent, never innerHTML. A section is rebuilt only
 * when what it shows changed, so keyboard focus stays where the user left it.
 */
import type { Evaluation, Grade, Severity } from "../core/types";
import { PROFILES } from "../core/score/profiles";
import { countSeverity, terms } from "../core/text/terms";
import { formatFixed } from "../core/text/formatNumber";
import { describeOfficeError } from "../excel/officeErrors";
import type { FoundTable } from "../excel/inspect";
import { TABLE_KINDS, type TableKind } from "../office/overrides";
import type { SettingsField } from "../office/settingsRules";
import type { TemplateKind } from "../office/templates";
import { FINDING_TITLES } from "./findingTitles";
import { paneText, type PaneText } from "./paneText";
import type { State } from "./state";

export interface Handlers {
  compute(): void;
  select(ref: string): void;
  chooseSelection(kind: TableKind): void;
  clearChoice(kind: TableKind): void;
  insert(kind: TemplateKind): void;
  filter(filter: Severity | "all"): void;
  project(project: number | null): void;
  acceptNotice(): void;
  dismissNotice(): void;
  dismissError(): void;
  refresh(): void;
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
/** A glyph beside each severity word, so colour is never the only signal. */
const SEVERITY_GLYPH: Record<Severity, string> = { error: "✕", warning: "!", info: "i" };
const FIELDS: readonly SettingsField[] = ["profile", "reverse", "overCompletionThreshold", "mismatchTolerance", "excellent", "good", "fair", "language"];

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

type Child = Node | string | null | false;

/** Creates an element with properties and children; strings become text nodes. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string | boolean>> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child !== null && child !== false) node.append(child);
  return node;
}

function button(label: string | Child[], onClick: () => void, props: Partial<Record<string, string | boolean>> = {}): HTMLButtonElement {
  const b = typeof label === "string" ? h("button", { type: "button", ...props, text: label }) : h("button", { type: "button", ...props }, ...label);
  b.addEventListener("click", onClick);
  return b;
}

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`taskpane.html has no element with id "${id}"`);
  return node as T;
}

/** Rebuilds a section only when one of its inputs changed since the last render. */
const last = new Map<string, unknown[]>();
function changed(section: string, inputs: unknown[]): boolean {
  const before = last.get(section);
  if (before !== undefined && before.length === inputs.length && before.every((v, i) => v === inputs[i])) return false;
  last.set(section, inputs);
  return true;
}

function progressText(state: State, text: PaneText): string {
  const busy = state.busy;
  if (busy === null) return "";
  const p = busy.progress;
  if (p === null) return text.working[busy.task];
  if (p.step === "reading") return text.reading;
  if (p.step === "scoring") return text.scoring;
  return text.writing(p.batch, p.batches);
}

function renderNotices(state: State, text: PaneText, on: Handlers): void {
  if (!changed("notices", [state.lang, state.inOffice, state.officeLoaded, state.error, state.pendingWrite, state.stale, state.inserted, state.result])) return;
  const items: HTMLElement[] = [];
  if (!state.inOffice) items.push(h("div", { class: "notice error", role: "alert" }, h("p", { text: state.officeLoaded ? text.notInExcel : text.officeMissing })));
  if (state.error !== null) {
    items.push(
      h("div", { class: "notice error", role: "alert" },
        h("p", { class: "notice-title", text: text.failed }),
        h("p", { text: describeOfficeError(state.error, state.lang) }),
        button(text.dismiss, on.dismissError, { class: "link-button" })),
    );
  }
  if (state.pendingWrite !== null) {
    items.push(
      h("div", { class: "notice info", role: "alertdialog", "aria-labelledby": "notice-title", "aria-describedby": "notice-body" },
        h("p", { class: "notice-title", id: "notice-title", text: text.noticeTitle }),
        h("p", { id: "notice-body", text: text.notice }),
        h("div", { class: "row" }, button(text.noticeAccept, on.acceptNotice, { class: "secondary", id: "notice-accept" }), button(text.noticeCancel, on.dismissNotice, { class: "link-button" }))),
    );
  }
  if (state.stale) {
    items.push(h("div", { class: "notice warning", role: "status" }, h("p", { text: text.stale }), button(text.recompute, on.compute, { class: "secondary" })));
  }
  if (state.inserted !== null && state.result === null) items.push(h("div", { class: "notice info", role: "status" }, h("p", { text: text.inserted(state.inserted.join("、")) })));
  byId("notices").replaceChildren(...items);
  if (state.pendingWrite !== null) document.getElementById("notice-accept")?.focus();
}

/** The evaluation the pane shows: the chosen project's (the only one's, with one project); null for "all projects". */
function shownEvaluation(state: State): Evaluation | null {
  const result = state.result;
  if (result === null || result.status !== "scored") return null;
  return state.project === null ? null : (result.projects[state.project] ?? result.evaluation);
}

const gradeClass = (grade: Grade): string => `grade grade-${grade === "优" ? "a" : grade === "良" ? "b" : grade === "中" ? "c" : "d"}`;

/** With several projects: one line per project (its total and grade), each choosing what the card and findings show. */
function projectOverview(state: State, text: PaneText, on: Handlers): HTMLElement | null {
  const projects = state.result?.projects ?? [];
  if (projects.length < 2) return null;
  const words = terms(state.lang);
  const choices: (number | null)[] = [null, ...projects.map((_, i) => i)];
  return h("div", { class: "projects" },
    h("h2", { text: text.projects(projects.length) }),
    h("ul", { class: "project-list" },
      ...choices.map((i) => {
        const p = i === null ? null : projects[i];
        const label: Child[] = p === null || p === undefined
          ? [h("span", { class: "project-name", text: text.allProjects })]
          : [h("span", { class: "project-name", text: p.projectName ?? `${text.result} ${(i ?? 0) + 1}` }),
             h("span", { class: "project-score" }, formatFixed(p.total, 2), " ", h("span", { class: gradeClass(p.grade), text: words.grade[p.grade] }))];
        return h("li", {}, button(label, () => on.project(i), { class: "project", "aria-pressed": String(state.project === i) }));
      })));
}

function renderResult(state: State, text: PaneText, on: Handlers): void {
  if (!changed("result", [state.lang, state.result, state.project])) return;
  const out = byId("result");
  const result = state.result;
  if (result === null) {
    out.replaceChildren();
    return;
  }
  if (result.status !== "scored" || result.evaluation === null) {
    out.replaceChildren(h("h2", { text: text.nothingToScore }), h("p", { class: "notice warning", text: result.problem?.[state.lang] ?? text.nothingToScore }));
    return;
  }
  const overview = projectOverview(state, text, on);
  const evaluation = shownEvaluation(state);
  if (evaluation === null) {
    out.replaceChildren(...(overview ? [overview] : []));
    return;
  }
  const words = terms(state.lang);
  const signed = (x: number) => (x > 0 ? `+${formatFixed(x, 2)}` : formatFixed(x, 2));
  const rows: [string, string, string?][] = [
    [text.total, formatFixed(evaluation.total, 2), "big"],
    [text.grade, words.grade[evaluation.grade], gradeClass(evaluation.grade)],
    [text.selfTotal, evaluation.selfTotal === null ? text.none : formatFixed(evaluation.selfTotal, 2)],
    [text.difference, evaluation.selfTotal === null ? text.none : signed(evaluation.selfTotal - evaluation.scoreSum)],
  ];
  const counts = SEVERITIES.map((s) => countSeverity(evaluation.findings.filter((f) => f.severity === s).length, s, state.lang));
  out.replaceChildren(
    ...(overview ? [overview] : []),
    h("h2", { text: evaluation.projectName ?? text.result }),
    h("dl", { class: "card" }, ...rows.flatMap(([label, value, cls]) => [h("dt", { text: label }), h("dd", { class: cls ?? "", text: value })])),
    h("p", { class: "counts", text: counts.join(state.lang === "zh" ? "，" : ", ") }),
  );
}

function renderFindings(state: State, text: PaneText, on: Handlers): void {
  if (!changed("findings", [state.lang, state.result, state.filter, state.project])) return;
  const out = byId("findings");
  const result = state.result;
  const findings = result === null || result.evaluation === null ? null
    : state.project === null ? [...result.projects.flatMap((p) => p.findings), ...result.workbookFindings]
    : (result.projects[state.project] ?? result.evaluation).findings;
  if (findings === null) {
    out.replaceChildren();
    return;
  }
  const words = terms(state.lang);
  const filters: (Severity | "all")[] = ["all", ...SEVERITIES];
  const count = (f: Severity | "all") => (f === "all" ? findings.length : findings.filter((x) => x.severity === f).length);
  const bar = h("div", { class: "segmented filters", role: "group", "aria-label": text.filter },
    ...filters.map((f) => button(`${f === "all" ? text.all : capitalize(words.severity[f].many)} ${count(f)}`, () => on.filter(f), { "aria-pressed": String(state.filter === f) })));
  // Most severe first; within a severity, the core's order (the order of the table).
  const shown = findings.filter((f) => state.filter === "all" || f.severity === state.filter).sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const list = h("ul", { class: "finding-list" },
    ...shown.map((f) =>
      h("li", {},
        button([
          h("span", { class: "finding-head" },
            h("span", { class: `badge sev-${f.severity}`, text: `${SEVERITY_GLYPH[f.severity]} ${words.severity[f.severity].one}` }),
            h("span", { class: "finding-title", text: FINDING_TITLES[f.code][state.lang] }),
            h("span", { class: "finding-cell", text: f.cell })),
          h("span", { class: "finding-message", text: f.message[state.lang] }),
        ], () => on.select(f.cell), { class: `finding sev-${f.severity}`, title: text.goTo(f.cell) }),
      ),
    ),
  );
  const empty = findings.length === 0 ? text.noFindings : text.noneOfSeverity;
  out.replaceChildren(h("h2", { text: text.findings }), bar, shown.length > 0 ? list : h("p", { class: "hint", text: empty }));
}

function roleName(role: FoundTable["roles"][number], text: PaneText, lang: State["lang"]): string {
  const name = text.roles[role.role];
  if (role.level === undefined) return name;
  const level = terms(lang).level[role.level];
  return lang === "zh" ? `${name}（${level}）` : `${name} (${level})`;
}

function renderTable(t: FoundTable, text: PaneText, lang: State["lang"], on: Handlers): HTMLElement {
  return h("div", { class: "table-card" },
    h("h3", {}, `${text.kind[t.kind]} · `, h("span", { class: "muted", text: text.rows(t.rows) })),
    button(text.selectRange(t.range), () => on.select(t.range), { class: "link-button range" }),
    h("dl", { class: "roles" },
      ...t.roles.flatMap((r) => [h("dt", { text: r.at }), h("dd", {}, roleName(r, text, lang), r.header !== "" && r.header !== text.roles[r.role] ? h("span", { class: "muted", text: ` “${r.header}”` }) : null)])),
  );
}

function renderTables(state: State, text: PaneText, on: Handlers): void {
  byId("tables-heading").textContent = text.tables;
  if (!changed("tables", [state.lang, state.inspection, state.overrides, state.inOffice])) return;
  const inspection = state.inspection;
  const parts: HTMLElement[] = [];
  if (inspection !== null) {
    parts.push(...inspection.tables.map((t) => renderTable(t, text, state.lang, on)));
    if (inspection.problem !== null) {
      parts.push(
        h("p", { class: "notice warning", text: inspection.problem[state.lang] }),
        h("p", { class: "hint", text: text.lookingFor }),
        h("div", { class: "stack" },
          button(text.insertExample, () => on.insert("example"), { class: "secondary", disabled: !state.inOffice }),
          button(text.insertBlank, () => on.insert("blank"), { class: "secondary", disabled: !state.inOffice })),
      );
    }
  }
  const choices = h("div", { class: "choices" },
    h("p", { class: "hint", text: text.useSelection }),
    h("div", { class: "row wrap" }, ...TABLE_KINDS.map((k) => button(text.useAs[k], () => on.chooseSelection(k), { class: "secondary small", disabled: !state.inOffice }))),
    ...TABLE_KINDS.flatMap((k) => {
      const range = state.overrides[k];
      return range === undefined ? [] : [h("p", { class: "chosen" }, `${text.useAs[k]} · ${text.chosen(range)} `, button(text.clearChoice, () => on.clearChoice(k), { class: "link-button" }))];
    }),
  );
  parts.push(choices, button(text.refresh, on.refresh, { class: "link-button", disabled: !state.inOffice }));
  byId("tables").replaceChildren(...parts);
}

function renderSettings(state: State, text: PaneText): void {
  const words = terms(state.lang);
  byId("settings-heading").textContent = text.settings;
  for (const field of FIELDS) {
    const label = field === "excellent" || field === "good" || field === "fair" ? text.band(words.grade[field === "excellent" ? "优" : field === "good" ? "良" : "中"]) : text.field[field];
    byId(`${field}-label`).textContent = label;
    const input = byId<HTMLInputElement | HTMLSelectElement>(field === "language" ? "outputLanguage" : field);
    if (document.activeElement !== input && input.value !== state.draft[field]) input.value = state.draft[field];
    const error = state.draftErrors[field];
    byId(`${field}-error`).textContent = error === undefined ? "" : error[state.lang];
    if (error === undefined) input.removeAttribute("aria-invalid");
    else input.setAttribute("aria-invalid", "true");
  }
  const profiles = byId<HTMLSelectElement>("profile").options;
  PROFILES.forEach((p, i) => (profiles[i]!.textContent = p.name[state.lang]));
  const reverse = byId<HTMLSelectElement>("reverse").options;
  reverse[0]!.textContent = text.reverseRatio;
  reverse[1]!.textContent = text.reverseDeviation;
  const output = byId<HTMLSelectElement>("outputLanguage").options;
  output[0]!.textContent = text.outputZh;
  output[1]!.textContent = text.outputEn;
  const save = byId<HTMLButtonElement>("save-settings");
  save.textContent = text.save;
  save.disabled = !state.inOffice || Object.keys(state.draftErrors).length > 0;
  byId("reset-settings").textContent = text.reset;
  byId("settings-status").textContent = state.settingsSavedNote ? text.saved : "";
}

/** Renders the whole pane from `state`. */
export function renderPane(state: State, on: Handlers): void {
  const text = paneText(state.lang);
  const root = document.documentElement;
  root.lang = state.lang === "zh" ? "zh-CN" : "en";
  byId("title").textContent = state.lang === "zh" ? "绩效评分" : "PerfScore";
  byId("subtitle").textContent = text.subtitle;
  byId("language").setAttribute("aria-label", text.languageGroup);
  byId("language-zh").setAttribute("aria-pressed", String(state.lang === "zh"));
  byId("language-en").setAttribute("aria-pressed", String(state.lang === "en"));
  const compute = byId<HTMLButtonElement>("compute");
  compute.textContent = text.compute;
  compute.disabled = !state.inOffice || state.busy !== null || state.pendingWrite !== null;
  compute.setAttribute("aria-busy", String(state.busy?.task === "compute"));
  byId("progress").textContent = progressText(state, text);
  renderNotices(state, text, on);
  renderResult(state, text, on);
  renderFindings(state, text, on);
  renderTables(state, text, on);
  byId("templates-heading").textContent = text.templates;
  byId("templates-hint").textContent = text.templateHint;
  for (const [id, label] of [["insert-example", text.insertExample], ["insert-blank", text.insertBlank]] as const) {
    const b = byId<HTMLButtonElement>(id);
    b.textContent = label;
    b.disabled = !state.inOffice || state.busy !== null;
  }
  renderSettings(state, text);
}
