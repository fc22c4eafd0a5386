/**
 * The page's `Office` and `Excel` in the harness: what the task pane and the ribbon command use of
 * office.js, backed by the xlsx host instead of Excel.
 *
 * - `Excel.run(batch)` and `Excel.run(context, batch)` run on the xlsx host, which queues, loads,
 *   syncs and fails as strictly as Excel (src/hosts/xlsx).
 * - `Office.onReady` resolves, as in Excel, with host "Excel" once the workbook is open.
 * - `Office.context`: the display language and theme from the page's address, the requirement sets
 *   the host supports, and document settings kept with the workbook (saveAsync writes them to the
 *   workbook the harness saves).
 * - `Office.actions.associate` keeps the ribbon command's handlers, so the harness can press the
 *   ribbon button; `Office.context.ui.displayDialogAsync` opens the dialog page in the harness.
 * - The enums come from the real office.js when it loaded (the pane's page includes it), with the
 *   same values otherwise; everything else office.js defines stays reachable behind the stand-in.
 */
import type { PortContext } from "../excel/port";
import type { XlsxHost } from "../hosts/xlsx";

/** The Office themes the harness offers: Office's "White" and "Black". */
export const THEMES: Record<"light" | "dark", Office.OfficeTheme> = {
  light: { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#242424", controlBackgroundColor: "#ffffff", controlForegroundColor: "#242424", isDarkTheme: false, themeId: "White" as unknown as Office.ThemeId },
  dark: { bodyBackgroundColor: "#292929", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#3d3d3d", controlForegroundColor: "#ffffff", isDarkTheme: true, themeId: "Black" as unknown as Office.ThemeId },
};

type HostInfo = { host: Office.HostType; platform: Office.PlatformType };

/** A ribbon button press: the event Office passes to an ExecuteFunction handler. */
export interface CommandRun {
  name: string;
  /** Resolves when the handler calls event.completed(). */
  completed: Promise<void>;
}

/** One Excel.run as the harness saw it: its context.sync() calls and how long it took. */
export interface RunRecord {
  syncs: number;
  ms: number;
  ok: boolean;
}

export interface StandIn {
  /** Every Excel.run so far, in the order they ended. */
  runs: RunRecord[];
  /** Document settings as they now stand (what the next save writes into the workbook). */
  settings: Record<string, unknown>;
  /** Presses a ribbon button that runs a function (ExecuteFunction). */
  runCommand(name: string): CommandRun;
  /** Dialogs opened with displayDialogAsync, by URL, newest last. */
  dialogs: string[];
}

export interface StandInOptions {
  /** The workbook's host, once it is open. */
  host: Promise<XlsxHost>;
  /** Office's UI language, "zh-CN" or "en-US". */
  displayLanguage: string;
  theme: "light" | "dark";
  /** The settings the workbook carried. */
  settings: Promise<Record<string, unknown>>;
  /** Shows a dialog page (message.html#…) and returns a function that closes it. */
  showDialog(url: string): () => void;
}

type OfficeGlobal = typeof Office;

/** Installs the stand-in as `window.Office` and `window.Excel`. */
export function installOfficeStandIn(options: StandInOptions): StandIn {
  const real = (window as unknown as { Office?: OfficeGlobal }).Office;
  let host: XlsxHost | null = null;
  const handlers = new Map<string, (event: Office.AddinCommands.Event) => unknown>();
  const standIn: StandIn = {
    runs: [],
    settings: {},
    dialogs: [],
    runCommand(name) {
      const handler = handlers.get(name);
      if (handler === undefined) throw new Error(`No function is associated with "${name}"`);
      let done: () => void = () => undefined;
      const completed = new Promise<void>((resolve) => (done = resolve));
      const event = { source: { id: name }, completed: () => done() } as unknown as Office.AddinCommands.Event;
      void Promise.resolve(handler(event));
      return { name, completed };
    },
  };
  // office.js finishes starting after the page has run (it loads more of itself), and then defines
  // Office.context on the page's Office, which by then is this stand-in: the stand-in is installed
  // again once office.js is ready, and only then reports itself ready.
  const realReady = typeof real?.onReady === "function" ? real.onReady().then(() => undefined, () => undefined) : Promise.resolve();
  const opened = Promise.all([options.host, options.settings, realReady]).then(([h, s]) => {
    host = h;
    standIn.settings = { ...s };
    install();
  });
  const info = { host: real?.HostType?.Excel ?? "Excel", platform: real?.PlatformType?.OfficeOnline ?? "OfficeOnline" } as HostInfo;
  const succeeded = (real?.AsyncResultStatus?.Succeeded ?? "succeeded") as Office.AsyncResultStatus;
  const runningHost = (): XlsxHost => {
    if (host === null) throw new Error("Excel.run before Office.onReady: the workbook is not open yet");
    return host;
  };
  const office = {
    HostType: real?.HostType ?? { Excel: "Excel" },
    PlatformType: real?.PlatformType ?? { OfficeOnline: "OfficeOnline" },
    AsyncResultStatus: real?.AsyncResultStatus ?? { Succeeded: "succeeded", Failed: "failed" },
    EventType: real?.EventType ?? { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    onReady(callback?: (info: HostInfo) => unknown): Promise<HostInfo> {
      return opened.then(() => {
        callback?.(info);
        return info;
      });
    },
    actions: {
      associate(name: string, handler: (event: Office.AddinCommands.Event) => unknown): void {
        handlers.set(name, handler);
      },
    },
    context: {
      displayLanguage: options.displayLanguage,
      contentLanguage: options.displayLanguage,
      officeTheme: THEMES[options.theme],
      requirements: {
        isSetSupported(name: string, version?: string): boolean {
          if (name === "DialogApi") return Number(version ?? "1.1") <= 1.2;
          return runningHost().capabilities.isSetSupported(name, version ?? "1.1");
        },
      },
      document: {
        settings: {
          get: (key: string): unknown => (key in standIn.settings ? standIn.settings[key] : null),
          set: (key: string, value: unknown): void => {
            standIn.settings[key] = JSON.parse(JSON.stringify(value)) as unknown;
          },
          remove: (key: string): void => {
            delete standIn.settings[key];
          },
          saveAsync: (callback?: (result: Office.AsyncResult<void>) => void): void => {
            setTimeout(() => callback?.({ status: succeeded, value: undefined } as Office.AsyncResult<void>), 0);
          },
        },
      },
      ui: {
        displayDialogAsync(url: string, _options: unknown, callback?: (result: Office.AsyncResult<Office.Dialog>) => void): void {
          standIn.dialogs.push(url);
          const close = options.showDialog(url);
          const dialog = { close, addEventHandler: () => undefined, messageChild: () => undefined } as unknown as Office.Dialog;
          setTimeout(() => callback?.({ status: succeeded, value: dialog } as Office.AsyncResult<Office.Dialog>), 0);
        },
      },
    },
  };
  const excel = {
    run<T>(first: PortContext | ((context: PortContext) => Promise<T>), second?: (context: PortContext) => Promise<T>): Promise<T> {
      const h = runningHost();
      const syncsBefore = h.syncCount;
      const started = performance.now();
      const run = typeof first === "function" ? h.run(first) : second === undefined ? Promise.reject(new Error("Excel.run(context) needs a batch")) : h.run(first, second);
      const record = (ok: boolean) => standIn.runs.push({ syncs: h.syncCount - syncsBefore, ms: performance.now() - started, ok });
      run.then(() => record(true), () => record(false));
      return run;
    },
  };
  // Whatever else office.js defines (Office.Promise, its internals) stays reachable behind ours.
  const installed: object = Object.create((real ?? null) as object | null);
  function install(): void {
    Object.defineProperties(installed, Object.getOwnPropertyDescriptors(office));
    Object.assign(window, { Office: installed, Excel: excel });
  }
  install();
  return standIn;
}
