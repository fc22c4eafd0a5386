/**
 * Runs review jobs on worker threads: each worker scores one file at a time and is handed the
 * next as soon as it answers, so a slow file never holds up the others. A worker that dies (out
 * of memory, a crash in a native module) fails only the file it held; a fresh worker takes over.
 */
import * as path from "path";
import * as v8 from "v8";
import { Worker } from "worker_threads";
import { reviewText } from "./reviewText";
import type { FileOutcome, ReviewJob } from "./types";

/**
 * Where the worker code is. From the compiled CLI (dist/src/cli/review) it is worker.js beside
 * this file. From the TypeScript sources (the jest tests) there is no .js: a small bootstrap
 * teaches the worker's require to transpile .ts with TypeScript's own transpileModule (the same
 * transpile-only step ts-jest performs) and loads worker.ts. Transpiled modules are cached in the
 * temp folder by content hash, so only the first worker of a test run pays for them.
 */
function startWorker(): Worker {
  if (!__filename.endsWith(".ts")) return new Worker(path.join(__dirname, "worker.js"));
  const bootstrap = `
    const fs = require("fs");
    const os = require("os");
    const path = require("path");
    const crypto = require("crypto");
    const { createRequire } = require("module");
    const { workerData, threadId } = require("worker_threads");
    const cache = path.join(os.tmpdir(), "perfscore-ts-worker-cache");
    fs.mkdirSync(cache, { recursive: true });
    let ts = null;
    require.extensions[".ts"] = (m, file) => {
      const source = fs.readFileSync(file, "utf8");
      const cached = path.join(cache, crypto.createHash("sha1").update(file + "\\0" + source).digest("hex") + ".js");
      let code;
      try {
        code = fs.readFileSync(cached, "utf8");
      } catch {
        ts = ts || createRequire(workerData.entry)("typescript");
        code = ts.transpileModule(source, {
          fileName: file,
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
        }).outputText;
        const tmp = cached + "." + process.pid + "-" + threadId;
        fs.writeFileSync(tmp, code);
        fs.renameSync(tmp, cached);
      }
      m._compile(code, file);
    };
    createRequire(workerData.entry)(workerData.entry);
  `;
  return new Worker(bootstrap, { eval: true, workerData: { entry: path.join(__dirname, "worker.ts") } });
}

/**
 * How much a function runs (V8's "interrupt budget", in bytes of bytecode executed) before V8
 * considers optimizing it; V8 11's default is 132 KB. A review runs the same code once per file,
 * over and over: with the default, V8's background threads kept optimizing, and re-optimizing,
 * functions that run a few times per file, about 0.5 s of background CPU for every 1 s of the
 * worker's own (measured per thread, 60 example files, one worker). That work competes with the
 * other worker for the machine's cores, so two workers were far from twice as fast as one. A
 * larger budget optimizes only what is really hot: background compiling fell to about a fifth,
 * and the CPU per file by ~20 % in all.
 */
const BATCH_INTERRUPT_BUDGET = 1_000_000;
let tuned = false;

/** Sets the interrupt budget for the workers about to start (V8 flags are per process; the workers' isolates read it as they are made). */
function tuneForBatch(): void {
  if (tuned) return;
  tuned = true;
  v8.setFlagsFromString(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
}

/**
 * Scores every job on up to `workers` threads.
 *
 * @param jobs - the files, each with its index in the input list
 * @param workers - how many threads at most (at least 1; never more than there are jobs)
 * @param onOutcome - called as each file finishes, with the number finished so far
 * @param start - starts one worker (the review's own worker by default; a test passes one that dies)
 * @returns one outcome per job, in job order
 */
export function runPool(
  jobs: ReviewJob[],
  workers: number,
  onOutcome: (outcome: FileOutcome, done: number) => void = () => {},
  start: () => Worker = startWorker,
): Promise<FileOutcome[]> {
  const outcomes: (FileOutcome | undefined)[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  let live = 0;
  return new Promise((resolve) => {
    const settle = (job: ReviewJob, outcome: FileOutcome): void => {
      if (outcomes[job.index] !== undefined) return;
      outcomes[job.index] = outcome;
      done++;
      onOutcome(outcome, done);
    };
    const finish = (): void => {
      if (live === 0 && done === jobs.length) resolve(outcomes as FileOutcome[]);
    };
    const spawn = (): void => {
      const worker = start();
      live++;
      let current: ReviewJob | null = null;
      const feed = (): void => {
        current = next < jobs.length ? jobs[next++]! : null;
        if (current === null) void worker.terminate();
        else worker.postMessage(current);
      };
      worker.on("message", (outcome: FileOutcome) => {
        if (current !== null) settle(current, outcome);
        feed();
      });
      const lost = (reason: string): void => {
        if (current === null) return;
        const job = current;
        current = null;
        settle(job, { index: job.index, status: "failed", failure: { file: job.display, kind: "worker", reason: reviewText(job.lang).reasons.worker(reason) } });
      };
      worker.on("error", (e) => lost(e.message));
      worker.on("exit", (code) => {
        lost(`exit code ${code}`);
        live--;
        if (next < jobs.length) spawn();
        finish();
      });
      feed();
    };
    const count = Math.max(1, Math.min(workers, jobs.length));
    if (jobs.length > 0) tuneForBatch();
    if (jobs.length === 0) resolve([]);
    else for (let i = 0; i < count; i++) spawn();
  });
}
