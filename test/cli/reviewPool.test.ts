import { Worker } from "worker_threads";
import { runPool } from "../../src/cli/review/runPool";
import type { ReviewJob } from "../../src/cli/review/types";

const job = (index: number): ReviewJob => ({ index, input: `/x/${index}.xlsx`, output: `/x/${index}.scored.xlsx`, display: `${index}.xlsx`, outputDisplay: `${index}.scored.xlsx`, lang: "en", profile: "mof", version: "0" });

/** A stand-in worker: answers each job as failed with its own thread id, and dies on the file named 2.xlsx. */
const fakeWorker = (): Worker =>
  new Worker(
    `const { parentPort, threadId } = require("worker_threads");
     parentPort.on("message", (job) => {
       if (job.display === "2.xlsx") process.exit(7);
       parentPort.postMessage({ index: job.index, status: "failed", failure: { file: job.display, kind: "compute", reason: "thread " + threadId } });
     });`,
    { eval: true },
  );

describe("runPool", () => {
  it("fails only the file a dying worker held, and a fresh worker finishes the rest", async () => {
    const seen: number[] = [];
    const outcomes = await runPool([0, 1, 2, 3, 4].map(job), 1, (_o, done) => seen.push(done), fakeWorker);
    expect(outcomes.map((o) => (o.status === "failed" ? [o.failure.file, o.failure.kind] : null))).toEqual([
      ["0.xlsx", "compute"],
      ["1.xlsx", "compute"],
      ["2.xlsx", "worker"],
      ["3.xlsx", "compute"],
      ["4.xlsx", "compute"],
    ]);
    const reasons = outcomes.map((o) => (o.status === "failed" ? o.failure.reason : ""));
    expect(reasons[2]).toBe("the scoring worker stopped: exit code 7");
    expect(reasons[3]).not.toBe(reasons[0]);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it("returns no outcomes and starts no worker for no jobs", async () => {
    const start = jest.fn(fakeWorker);
    expect(await runPool([], 2, undefined, start)).toEqual([]);
    expect(start).not.toHaveBeenCalled();
  });

  it("starts no more workers than there are files", async () => {
    const start = jest.fn(fakeWorker);
    await runPool([job(0)], 4, undefined, start);
    expect(start).toHaveBeenCalledTimes(1);
  });
});

