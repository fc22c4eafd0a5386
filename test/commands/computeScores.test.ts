import type { PortContext } from "../../src/excel/port";
import * as path from "path";
import { XlsxHost } from "../../src/hosts/xlsx";
import { computeScores, COMPUTE_SCORES } from "../../src/commands/computeScores";
import { SETTINGS_KEYS } from "../../src/office/documentSettings";
import { DEFAULT_SETTINGS } from "../../src/core/types";

const ROOT = path.join(__dirname, "..", "..");

interface Stubs {
  completed: jest.Mock;
  dialogs: string[];
}

/** A minimal Office global (UI language, document settings, DialogApi) and Excel.run on `run`. */
function stubOffice(run: (batch: (context: PortContext) => Promise<unknown>) => Promise<unknown>, stored: Record<string, unknown> = {}, displayLanguage = "zh-CN"): Stubs {
  const dialogs: string[] = [];
  (globalThis as Record<string, unknown>).location = { href: "https://localhost:3000/commands.html" };
  (globalThis as Record<string, unknown>).Excel = { run };
  (globalThis as Record<string, unknown>).Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived" },
    context: {
      displayLanguage,
      requirements: { isSetSupported: (name: string, version: string) => (name === "ExcelApi" ? Number(version) <= 1.17 : name === "DialogApi") },
      document: { settings: { get: (key: string) => stored[key] ?? null } },
      ui: {
        displayDialogAsync: (url: string, _options: unknown, callback: (r: unknown) => void) => {
          dialogs.push(url);
          callback({ status: "succeeded", value: { addEventHandler: () => undefined, close: () => undefined } });
        },
      },
    },
  };
  return { completed: jest.fn(), dialogs };
}

function event(stubs: Stubs): Office.AddinCommands.Event {
  return { completed: stubs.completed } as unknown as Office.AddinCommands.Event;
}

function activeSheet(host: XlsxHost): string {
  const tab = (host.workbook.views as { activeTab?: number }[])[0]?.activeTab ?? 0;
  return host.workbook.worksheets[tab]!.name;
}

function dialogText(url: string): { lang: string | null; message: string | null } {
  const params = new URLSearchParams(new URL(url).hash.slice(1));
  return { lang: params.get("lang"), message: params.get("message") };
}

afterEach(() => {
  for (const name of ["Excel", "Office", "location"]) delete (globalThis as Record<string, unknown>)[name];
});

describe("computeScores", () => {
  it("is registered under the id the manifest names", () => {
    expect(COMPUTE_SCORES).toBe("computeScores");
  });

  it("scores examples/seed.xlsx, activates the summary and completes its event once", async () => {
    const host = await XlsxHost.fromFile(path.join(ROOT, "examples", "seed.xlsx"), { charts: true });
    const stubs = stubOffice((batch) => host.run(batch));
    const outcome = await computeScores(event(stubs));
    expect(outcome).toEqual({ ok: true, summarySheet: "汇总" });
    expect(activeSheet(host)).toBe("汇总");
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(["绩效评价", "参保情况", "评分表", "汇总"]);
    expect(stubs.completed).toHaveBeenCalledTimes(1);
    expect(stubs.dialogs).toEqual([]);
  });

  it("uses the settings stored in the workbook", async () => {
    const host = await XlsxHost.fromFile(path.join(ROOT, "examples", "seed.xlsx"), { charts: true });
    const stubs = stubOffice((batch) => host.run(batch), { [SETTINGS_KEYS.settings]: { ...DEFAULT_SETTINGS, language: "en" } });
    const outcome = await computeScores(event(stubs));
    expect(outcome).toEqual({ ok: true, summarySheet: "Summary" });
    expect(activeSheet(host)).toBe("Summary");
    expect(stubs.completed).toHaveBeenCalledTimes(1);
  });

  it("shows the reason in a dialog and completes its event when Excel refuses", async () => {
    const refusal = Object.assign(new Error("The cell is being edited."), { name: "RichApi.Error", code: "InvalidOperationInCellEditMode" });
    const stubs = stubOffice(() => Promise.reject(refusal), {}, "en-US");
    const outcome = await computeScores(event(stubs));
    expect(outcome).toEqual({ ok: false, message: "Finish editing the cell (press Enter or Esc) and try again" });
    expect(stubs.completed).toHaveBeenCalledTimes(1);
    expect(stubs.dialogs).toHaveLength(1);
    expect(stubs.dialogs[0]!.startsWith("https://localhost:3000/message.html#")).toBe(true);
    expect(dialogText(stubs.dialogs[0]!)).toEqual({ lang: "en", message: "Finish editing the cell (press Enter or Esc) and try again" });
  });

  it("shows why nothing was scored and writes no sheet", async () => {
    const host = await XlsxHost.fromFile(path.join(ROOT, "test", "fixtures", "unrelated.xlsx"));
    const before = host.workbook.worksheets.map((w) => w.name);
    const stubs = stubOffice((batch) => host.run(batch));
    const outcome = await computeScores(event(stubs));
    expect(outcome.ok).toBe(false);
    expect(stubs.completed).toHaveBeenCalledTimes(1);
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(before);
    expect(dialogText(stubs.dialogs[0]!).message).toBe(outcome.ok ? null : outcome.message);
    expect(dialogText(stubs.dialogs[0]!).message).toBe("在工作表 Sales 中没有找到绩效指标表（需要“一级/二级/三级指标”列和“分值”列）。");
  });

  it("completes its event even when the dialog cannot open", async () => {
    const stubs = stubOffice(() => Promise.reject(new Error("boom")));
    (Office.context.ui as { displayDialogAsync: unknown }).displayDialogAsync = () => {
      throw new Error("no dialog");
    };
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const outcome = await computeScores(event(stubs));
    expect(outcome).toEqual({ ok: false, message: "出错：boom" });
    expect(stubs.completed).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toBe("PerfScore: 出错：boom");
    log.mockRestore();
  });
});
