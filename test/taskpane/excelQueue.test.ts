import { computeScores, select, selection } from "../../src/taskpane/excelQueue";
import { DEFAULT_SETTINGS } from "../../src/core/types";

/** An Excel.run that logs when each job starts and ends, taking `ms` per job, and returns its index. */
function stubRun(ms: number, log: string[], failAt = -1): void {
  let n = 0;
  (globalThis as Record<string, unknown>).Excel = {
    run: async () => {
      const i = n++;
      log.push(`start ${i}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${i}`);
      if (i === failAt) throw new Error(`job ${i} failed`);
      return i;
    },
  };
  (globalThis as Record<string, unknown>).Office = { context: { requirements: { isSetSupported: () => true } } };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

describe("excelQueue", () => {
  it("runs a jump to a cell only after the compute before it has ended", async () => {
    const log: string[] = [];
    stubRun(20, log);
    const results = await Promise.all([computeScores(DEFAULT_SETTINGS, (g) => g, () => undefined), select("表!C7"), selection()]);
    expect(results).toEqual([0, 1, 2]);
    expect(log).toEqual(["start 0", "end 0", "start 1", "end 1", "start 2", "end 2"]);
  });

  it("goes on with the next job when one fails", async () => {
    const log: string[] = [];
    stubRun(5, log, 0);
    const [failed, next] = await Promise.allSettled([select("表!C7"), selection()]);
    expect(failed).toEqual({ status: "rejected", reason: new Error("job 0 failed") });
    expect(next).toEqual({ status: "fulfilled", value: 1 });
    expect(log).toEqual(["start 0", "end 0", "start 1", "end 1"]);
  });
});
