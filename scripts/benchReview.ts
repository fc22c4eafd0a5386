/**
 * The review benchmark: prints figures, asserts nothing. Run: npm run bench:review
 * (`-- --rounds N` for more rounds; default 3).
 *
 * 200 copies of the three examples in a temp folder, reviewed with `perfscore review` in-process
 * (the compiled CLI, worker threads and all) with --jobs 1 and with --jobs 2, alternating so that
 * a change in the machine's load hits both alike. Targets (the issue): 200 example-sized
 * workbooks in at most 20 s on a 2-core machine, and at least 1.7× faster with 2 workers than
 * with 1. Each run writes its scored copies into a fresh --out-dir; the inputs are never touched.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Writable } from "stream";
import { main } from "../src/cli/main";

const ROOT = path.resolve(__dirname, "..", "..");
const FILES = 200;
const TARGET_SECONDS = 20;
const TARGET_SPEEDUP = 1.7;
const EXAMPLES = ["seed", "self-evaluation-form", "english"];

function sink(append: (s: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, cb) {
      append(chunk.toString("utf8"));
      cb();
    },
  });
}

async function review(dir: string, jobs: number, round: number): Promise<{ seconds: number; cpuSeconds: number; projects: number }> {
  const out = path.join(path.dirname(dir), `out-${jobs}-${round}`);
  let stdout = "";
  let stderr = "";
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const code = await main(["review", dir, "-o", path.join(out, "review.xlsx"), "--out-dir", out, "--jobs", String(jobs), "--json"], sink((s) => (stdout += s)), sink((s) => (stderr += s)));
  const seconds = (performance.now() - t0) / 1000;
  // process.cpuUsage counts every thread of the process: the main thread and the workers.
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (code !== 0) throw new Error(`review --jobs ${jobs} exited ${code}: ${stderr}`);
  const projects = (JSON.parse(stdout) as { projects: unknown[] }).projects.length;
  fs.rmSync(out, { recursive: true, force: true });
  return { seconds, cpuSeconds, projects };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function run(): Promise<void> {
  const roundsArg = process.argv.indexOf("--rounds");
  const rounds = roundsArg > 0 ? Math.max(1, Number(process.argv[roundsArg + 1]) || 3) : 3;
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-bench-review-"));
  const dir = path.join(base, "in");
  fs.mkdirSync(dir);
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const name = EXAMPLES[i % EXAMPLES.length]!;
    const to = path.join(dir, `${String(i).padStart(3, "0")}-${name}.xlsx`);
    fs.copyFileSync(path.join(ROOT, "examples", `${name}.xlsx`), to);
    bytes += fs.statSync(to).size;
  }
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const load = (): string => os.loadavg().map((x) => x.toFixed(2)).join(" / ");
  console.log(`${cpu}, ${os.cpus().length} cores (availableParallelism ${os.availableParallelism()}), node ${process.version}, ${os.platform()} ${os.arch()}, ${new Date().toISOString().slice(0, 10)}`);
  console.log(`${FILES} workbooks (copies of ${EXAMPLES.map((e) => `${e}.xlsx`).join(", ")}), ${(bytes / 1024).toFixed(0)} kB in all; ${rounds} rounds, alternating --jobs 1 and --jobs 2`);
  console.log(`load average (1 / 5 / 15 min) before: ${load()}`);
  const times: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const cpuTimes: Record<1 | 2, number[]> = { 1: [], 2: [] };
  for (let r = 0; r < rounds; r++) {
    for (const jobs of [1, 2] as const) {
      const res = await review(dir, jobs, r);
      if (res.projects !== FILES) throw new Error(`--jobs ${jobs}: ${res.projects} projects, expected ${FILES}`);
      times[jobs].push(res.seconds);
      cpuTimes[jobs].push(res.cpuSeconds);
      console.log(`  round ${r + 1}, --jobs ${jobs}: ${res.seconds.toFixed(2)} s wall, ${res.cpuSeconds.toFixed(2)} s CPU (${(FILES / res.seconds).toFixed(1)} files/s), load ${load()}`);
    }
  }
  console.log(`load average after: ${load()}`);
  const m1 = median(times[1]);
  const m2 = median(times[2]);
  const speedup = m1 / m2;
  console.log("");
  console.log("| workers | runs | median s | files/s | CPU s (all threads) | target |");
  console.log("|---:|---:|---:|---:|---:|---|");
  for (const [jobs, m] of [[1, m1], [2, m2]] as const) {
    const target = jobs === 2 ? (m <= TARGET_SECONDS ? `meets (≤ ${TARGET_SECONDS} s)` : `MISSES target (≤ ${TARGET_SECONDS} s)`) : "";
    console.log(`| ${jobs} | ${times[jobs].length} | ${m.toFixed(2)} | ${(FILES / m).toFixed(1)} | ${median(cpuTimes[jobs]).toFixed(2)} | ${target} |`);
  }
  console.log("");
  console.log(`- speed-up with 2 workers: ${speedup.toFixed(2)}× (${speedup >= TARGET_SPEEDUP ? "meets" : "MISSES"} target ≥ ${TARGET_SPEEDUP}×)`);
  // One worker can keep more than one core busy (V8 collects garbage and compiles on background
  // threads beside it); on a loaded machine each run gets less than its share. Both show here.
  const cores = os.availableParallelism();
  const busy1 = median(cpuTimes[1]) / m1;
  const busy2 = median(cpuTimes[2]) / m2;
  console.log(`- cores kept busy: ${busy1.toFixed(2)} with 1 worker, ${busy2.toFixed(2)} with 2 (of ${cores})`);
  console.log(`- CPU per file: ${((median(cpuTimes[1]) / FILES) * 1000).toFixed(1)} ms with 1 worker, ${((median(cpuTimes[2]) / FILES) * 1000).toFixed(1)} ms with 2`);
  fs.rmSync(base, { recursive: true, force: true });
}

run().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
