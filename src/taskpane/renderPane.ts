/**
 * The task pane's view: functions that put given data into the DOM. They never call Office or
 * Excel, and all text goes in through textContent, so sheet names cannot inject markup.
 */
import type { Language } from "../core/types";
import { PANE_TEXT } from "./paneText";
import type { ResultSummary } from "./summarizeResult";

/** The elements of taskpane.html the view writes to. */
export interface PaneElements {
  root: HTMLElement;
  intro: HTMLElement;
  languageGroup: HTMLElement;
  languageZh: HTMLButtonElement;
  languageEn: HTMLButtonElement;
  compute: HTMLButtonElement;
  /** The aria-live region for progress, results and errors. */
  output: HTMLElement;
}

/** Finds the pane's elements, throwing a named error when taskpane.html and this code disagree. */
export function findPaneElements(doc: Document): PaneElements {
  const byId = <T extends HTMLElement>(id: string): T => {
    const element = doc.getElementById(id);
    if (element === null) throw new PaneMarkupError(id);
    return element as T;
  };
  return {
    root: doc.documentElement,
    intro: byId("intro"),
    languageGroup: byId("language"),
    languageZh: byId<HTMLButtonElement>("language-zh"),
    languageEn: byId<HTMLButtonElement>("language-en"),
    compute: byId<HTMLButtonElement>("compute"),
    output: byId("output"),
  };
}

export class PaneMarkupError extends Error {
  constructor(id: string) {
    super(`taskpane.html has no element with id "${id}"`);
    this.name = "PaneMarkupError";
  }
}

/** Shows the pane's fixed text in `lang` and marks the chosen language button as pressed. */
export function renderLanguage(elements: PaneElements, lang: Language): void {
  const text = PANE_TEXT[lang];
  elements.root.lang = lang === "zh" ? "zh-CN" : "en";
  elements.intro.textContent = text.intro;
  elements.languageGroup.setAttribute("aria-label", text.languageGroup);
  elements.languageZh.setAttribute("aria-pressed", String(lang === "zh"));
  elements.languageEn.setAttribute("aria-pressed", String(lang === "en"));
}

/** Shows whether a computation is running: the button is disabled and says so, and progress is announced. */
export function renderBusy(elements: PaneElements, lang: Language, isBusy: boolean): void {
  const text = PANE_TEXT[lang];
  elements.compute.disabled = isBusy;
  elements.compute.textContent = isBusy ? text.computing : text.compute;
  elements.output.setAttribute("aria-busy", String(isBusy));
  if (isBusy) {
    elements.output.replaceChildren(paragraph(elements.output.ownerDocument, text.progress, "progress"));
  }
}

/** Shows a finished computation in the live region. */
export function renderResult(output: HTMLElement, summary: ResultSummary): void {
  const doc = output.ownerDocument;
  const heading = doc.createElement("h2");
  heading.textContent = summary.heading;
  if (summary.kind === "nothingToScore") {
    output.replaceChildren(heading, paragraph(doc, summary.problem, "problem"));
    return;
  }
  const list = doc.createElement("dl");
  list.className = "summary";
  for (const row of summary.rows) {
    const term = doc.createElement("dt");
    term.textContent = row.label;
    const value = doc.createElement("dd");
    value.textContent = row.value;
    list.append(term, value);
  }
  output.replaceChildren(heading, list, renderSheetList(doc, summary.sheetsHeading, summary.sheets));
}

/** Shows an error message (already made readable by describeOfficeError) in the live region. */
export function renderError(output: HTMLElement, lang: Language, message: string): void {
  const doc = output.ownerDocument;
  const heading = doc.createElement("h2");
  heading.textContent = PANE_TEXT[lang].failed;
  output.replaceChildren(heading, paragraph(doc, message, "error"));
}

function renderSheetList(doc: Document, heading: string, sheets: string[]): HTMLElement {
  const section = doc.createElement("div");
  const title = doc.createElement("h3");
  title.textContent = heading;
  const list = doc.createElement("ul");
  list.className = "sheets";
  for (const name of sheets) {
    const item = doc.createElement("li");
    item.textContent = name;
    list.append(item);
  }
  section.append(title, list);
  return section;
}

function paragraph(doc: Document, text: string, className: string): HTMLParagraphElement {
  const p = doc.createElement("p");
  p.className = className;
  p.textContent = text;
  return p;
}
