/**
 * The browser harness (dist/harness/harness.html): the real task pane and ribbon command, with the
 * xlsx host standing in for Excel. It opens an .xlsx from `?file=<url>` (or the file picker),
 * installs the Office stand-in (officeStandIn.ts) before the pane's script runs, and exposes
 * `window.perfscoreHarness` for tests and for anyone trying the pane without Excel.
 *
 * Query: `file` (a URL, or "session" for the workbook kept by "Reopen"), `lang` (zh | en, Office's
 * UI language), `theme` (light | dark, Office's theme).
 *
 * This module never touches the pane: the pane reaches the workbook only through Office.js calls.
 */
import { Buffer } from "buffer";
import { XlsxHost } from "../hosts/xlsx";
import { readPackageSettings, writePackageSettings } from "./documentSettings";
import { installOfficeStandIn, type RunRecord } from "./officeStandIn";

/** What the harness page offers to tests and to people. */
export interface PerfScoreHarness {
  /** The workbook is loaded and the pane mounted. */
  ready: Promise<void>;
  /** The selected range as a sheet-qualified A1 reference. */
  selection(): string;
  /** The workbook as it now stands (document settings included), base64 .xlsx. */
  save(): Promise<string>;
  /** context.sync() calls so far (the pane's, the ribbon command's and the harness's own edits). */
  syncs(): number;
  /** Types a value into a cell, as a user would (fires the sheet's onChanged handlers). */
  editCell(ref: string, value: string | number): Promise<void>;
  /** While on, Excel is "in cell-edit mode": every sync fails with InvalidOperationInCellEditMode. */
  setCellEditMode(on: boolean): void;
  /** Presses the ribbon's 计算评分 / Compute scores button; resolves when the command calls event.completed(). */
  pressRibbonCompute(): Promise<void>;
  /** Every Excel.run so far (the pane's and the command's): its syncs, its time in ms, whether it succeeded. */
  runs(): RunRecord[];
  /** URLs of the dialogs the command opened. */
  dialogs(): string[];
  /** Keeps the workbook as it now stands and reloads the page on it, like closing and reopening it. */
  reopen(): void;
}

declare global {
  interface Window {
    perfscoreHarness: PerfScoreHarness;
  }
}

const SESSION_KEY = "perfscoreHarness.workbook";
const params = new URLSearchParams(location.search);
const displayLanguage = params.get("lang") === "en" ? "en-US" : "zh-CN";
const theme = params.get("theme") === "dark" ? "dark" : "light";

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`harness.html has no #${id}`);
  return node as T;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

/** The workbook's bytes and name: from ?file, the session (after "Reopen"), or the file picker. */
async function workbookBytes(): Promise<{ bytes: Uint8Array; name: string }> {
  const file = params.get("file");
  if (file === "session") {
    const kept = sessionStorage.getItem(SESSION_KEY);
    if (kept === null) throw new Error("No workbook was kept for this session; open one with ?file=");
    const { name, base64 } = JSON.parse(kept) as { name: string; base64: string };
    return { bytes: new Uint8Array(Buffer.from(base64, "base64")), name };
  }
  if (file !== null && file !== "") {
    const response = await fetch(file);
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    return { bytes: new Uint8Array(await response.arrayBuffer()), name: decodeURIComponent(file.split("/").pop() ?? "workbook.xlsx") };
  }
  const picker = byId<HTMLInputElement>("harness-file");
  return new Promise((resolve) => {
    picker.addEventListener(
      "change",
      () => {
        const chosen = picker.files?.[0];
        if (chosen !== undefined) void chosen.arrayBuffer().then((ab) => resolve({ bytes: new Uint8Array(ab), name: chosen.name }));
      },
      { once: true },
    );
  });
}

function keepAndReload(name: string, bytes: Uint8Array): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ name, base64: toBase64(bytes) }));
  const next = new URLSearchParams(location.search);
  next.set("file", "session");
  location.search = next.toString();
}

/**
 * Opens an Office dialog page in a window of its own, as desktop Office does. (In an iframe
 * office.js blanks a page that no Office host framed, so the page could not be shown there.) When
 * the browser blocks the window, the harness offers a link that opens it.
 */
function showDialog(url: string): () => void {
  const box = byId("harness-dialog");
  const opened = window.open(url, "perfscore-dialog", "popup,width=440,height=280");
  if (opened === null) {
    const link = document.createElement("a");
    link.href = url;
    link.target = "perfscore-dialog";
    link.textContent = "The add-in opened a dialog: show it";
    box.querySelector(".harness-dialog-body")?.replaceChildren(link);
    box.hidden = false;
  }
  return () => {
    opened?.close();
    box.hidden = true;
  };
}

const opening = workbookBytes();
const host = opening.then(async ({ bytes }) => XlsxHost.fromBuffer(Buffer.from(bytes), { charts: true }));
const standIn = installOfficeStandIn({
  host,
  displayLanguage,
  theme,
  settings: opening.then(({ bytes }) => readPackageSettings(bytes)),
  showDialog,
});

async function saved(): Promise<Uint8Array> {
  const buffer = await (await host).writeBuffer();
  return writePackageSettings(new Uint8Array(buffer), standIn.settings);
}

const ready = Promise.all([opening, host]).then(async ([{ name }]) => {
  await Office.onReady();
  byId("harness-name").textContent = name;
});

window.perfscoreHarness = {
  ready: ready.then(() => undefined),
  selection: () => {
    return hostNow()?.selectedAddress() ?? "";
  },
  save: async () => toBase64(await saved()),
  syncs: () => hostNow()?.syncCount ?? 0,
  editCell: async (ref, value) => {
    const bang = ref.lastIndexOf("!");
    const sheet = ref.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    const address = ref.slice(bang + 1);
    await (await host).run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
      await context.sync();
    });
  },
  setCellEditMode: (on) => hostNow()?.setCellEditMode(on),
  pressRibbonCompute: () => standIn.runCommand("computeScores").completed,
  runs: () => standIn.runs.map((r) => ({ ...r })),
  dialogs: () => [...standIn.dialogs],
  reopen: () => {
    void Promise.all([opening, saved()]).then(([{ name }, bytes]) => keepAndReload(name, bytes));
  },
};

let current: XlsxHost | null = null;
void host.then((h) => (current = h));
function hostNow(): XlsxHost | null {
  return current;
}

function wireControls(): void {
  byId("harness-lang").textContent = displayLanguage;
  byId("harness-theme").textContent = theme;
  byId<HTMLInputElement>("harness-file").addEventListener("change", (event) => {
    const chosen = (event.target as HTMLInputElement).files?.[0];
    if (chosen === undefined || current === null) return;
    void chosen.arrayBuffer().then((ab) => keepAndReload(chosen.name, new Uint8Array(ab)));
  });
  byId("harness-download").addEventListener("click", () => {
    void Promise.all([opening, saved()]).then(([{ name }, bytes]) => {
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      link.download = name.replace(/\.xlsx$/i, "") + "-perfscore.xlsx";
      document.body.append(link);
      link.click();
      link.remove();
    });
  });
  byId("harness-ribbon").addEventListener("click", () => void window.perfscoreHarness.pressRibbonCompute());
  byId("harness-reopen").addEventListener("click", () => window.perfscoreHarness.reopen());
  byId<HTMLInputElement>("harness-edit-mode").addEventListener("change", (event) => window.perfscoreHarness.setCellEditMode((event.target as HTMLInputElement).checked));
  byId<HTMLFormElement>("harness-edit").addEventListener("submit", (event) => {
    event.preventDefault();
    const ref = byId<HTMLInputElement>("harness-cell").value.trim();
    const text = byId<HTMLInputElement>("harness-value").value;
    const value = text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
    window.perfscoreHarness.editCell(ref, value).catch((error: unknown) => {
      byId("harness-status").textContent = String(error instanceof Error ? error.message : error);
    });
  });
  byId("harness-dialog-close").addEventListener("click", () => (byId("harness-dialog").hidden = true));
  setInterval(() => {
    if (current === null) return;
    byId("harness-selection").textContent = current.selectedAddress();
    byId("harness-syncs").textContent = String(current.syncCount);
  }, 250);
}

wireControls();
ready.catch((error: unknown) => {
  byId("harness-status").textContent = `Cannot open the workbook: ${error instanceof Error ? error.message : String(error)}`;
});
