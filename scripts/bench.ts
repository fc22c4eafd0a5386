/**
 * The benchmark: prints figures, asserts nothing. Run: npm run bench (add `-- --full` to run every
 * size whatever the time budget says).
 *
 * 1. Core: detect + score (evaluateWorkbook) and lay out (layoutWorkbook) at 1,000, 10,000 and
 *    50,000 indicator rows of a generated 自评表 (scripts/benchWorkbook.ts). Target: 10,000 rows
 *    in under 100 ms, with a flat cost per row.
 * 2. CLI: the CLI (read file → host → compute → write file) on the three examples and a
 *    generated 5,000-row workbook, against a bare ExcelJS read + write of the file the CLI
 *    produced, runs alternating: as whole processes (node started for each run, the target's
 *    measure) and in-process (main() called warm; wall and CPU time). Target: at most 1.3× the
 *    bare read + write.
 * 3. The Office.js path: syncs, queued actions, request bytes (and both per row) and the largest
 *    response per compute() through the strict xlsx host, its 5 MB response cap on, for the
 *    examples and at 100 … 50,000 rows, and what the round trips would cost on Excel on the web at
 *    150 ms each. Targets: the read in 2 syncs up to 2,000 rows, then one more per ~4 MB of
 *    response; the write in 1 sync while it fits one request, then one more per batch; at most 150
 *    actions for the seed example.
 *
 * Every figure that misses its target says so ("MISSES target"). Times are medians of several
 * runs after a warm-up run; the garbage collector runs before each series of runs.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as v8 from "v8";
import * as vm from "vm";
import { Writable } from "stream";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { DEFAULT_SETTINGS, type SheetGrid } from "../src/core/types";
import { detectWorkbook } from "../src/core/detect/detectWorkbook";
import { evaluateWorkbook } from "../src/core/evaluate";
import { layoutWorkbook } from "../src/core/layout/layoutWorkbook";
import { compute } from "../src/excel/compute";
import { BATCH_LIMIT_BYTES } from "../src/excel/writePlans";
import { XlsxHost } from "../src/hosts/xlsx";
import { main } from "../src/cli/main";
import { benchExcelWorkbook, benchGrids } from "./benchWorkbook";

const ROOT = path.resolve(__dirname, "..", "..");
const FULL = process.argv.includes("--full") || process.env["BENCH_FULL"] === "1";
/** The whole run should stay within about this many seconds on a 2-core machine. */
const BUDGET_SECONDS = 180;
/** Excel on the web refuses requests (and responses) over 5 MB. */
const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
const WEB_ROUND_TRIP_MS = 150;
const CORE_TARGET_MS = 100;
const CLI_TARGET_RATIO = 1.3;
const FLAT_LIMIT = 1.5;

const started = performance.now();
const elapsedSeconds = (): number => (performance.now() - started) / 1000;
/** When each part should be done by (seconds from the start), so that one slow part cannot starve the rest. */
const PART_DEADLINES = { core: 80, cli: 125, office: BUDGET_SECONDS } as const;

/** Seconds left before a part's deadline (unbounded with --full). */
function secondsLeft(part: keyof typeof PART_DEADLINES): number {
  return FULL ? Infinity : PART_DEADLINES[part] - elapsedSeconds();
}

/** Timed runs that fit in the time left, given what the warm-up run took: at least 1, at most `planned`. */
function runsThatFit(planned: number, warmupMs: number, part: keyof typeof PART_DEADLINES): number {
  return Math.max(1, Math.min(planned, Math.floor((secondsLeft(part) * 1000) / Math.max(warmupMs, 1))));
}

/**
 * What one run at `n` rows should cost, from the last two sizes measured: their growth exponent
 * (at least 1, and 2 when there is only one size to go by, to be safe), extrapolated to `n`.
 */
function projectMs(points: { rows: number; ms: number }[], n: number): number {
  const b = points[points.length - 1];
  const a = points[points.length - 2];
  if (b === undefined) return 0;
  const exponent = a === undefined ? 2 : Math.max(1, Math.log(b.ms / a.ms) / Math.log(b.rows / a.rows));
  return b.ms * (n / b.rows) ** exponent;
}

/** The growth exponent between two sizes: 1 is linear, 2 quadratic. */
function growth(a: { rows: number; ms: number }, b: { rows: number; ms: number }): number {
  return Math.log(b.ms / a.ms) / Math.log(b.rows / a.rows);
}

// ---------------------------------------------------------------------------------------------
// Measuring.

/** The collector, exposed at run time so `npm run bench` needs no node flag. */
const collect: () => void = (() => {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
})();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

/**
 * Times one call. The collector is not forced before each call: a forced full collection before
 * every run doubled the 1,000-row core time (cold caches, regrown young generation). It runs
 * once before each series instead (`collect()` in the callers).
 */
/** Wall and CPU time (user + system, all threads of the process) of one call. */
async function timedCpu(fn: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000 };
}

async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

// ---------------------------------------------------------------------------------------------
// Printing.

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** An aligned plain-text table: text columns left, figures right. */
function textTable(head: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = head.map((h, j) => Math.max(width(h), ...rows.map((r) => width(r[j] ?? ""))));
  const line = (cells: string[]): string =>
    cells
      .map((c, j) => {
        const pad = " ".repeat((widths[j] ?? 0) - width(c));
        return rightAligned[j] ? pad + c : c + pad;
      })
      .join("  ")
      .trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function markdownTable(head: string[], rows: string[][], rightAligned: boolean[]): string {
  return [
    `| ${head.join(" | ")} |`,
    `|${rightAligned.map((r) => (r ? "---:" : "---")).join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

const int = (n: number): string => Math.round(n).toLocaleString("en-US");
const ms = (n: number): string => (n >= 100 ? int(n) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const mb = (bytes: number): string => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1000).toFixed(1)} kB`);
const seconds = (msValue: number): string => (msValue >= 1000 ? `${(msValue / 1000).toFixed(1)} s` : `${int(msValue)} ms`);

const loadAverage = (): string => os.loadavg().map((x) => x.toFixed(2)).join(" / ");

function say(text = ""): void {
  process.stdout.write(`${text}\n`);
}

// ---------------------------------------------------------------------------------------------
// 1. Core.

interface CoreRow {
  rows: number;
  runs: number;
  detectMs: number;
  evaluateMs: number;
  layoutMs: number;
  totalMs: number;
}

const META = { scoreTableName: "评分表", summaryName: "汇总", version: "bench", generatedAt: "2023-02-28T00:00:00.000Z" };

async function benchCore(n: number, planned: number): Promise<CoreRow> {
  const grids: SheetGrid[] = benchGrids(n);
  const once = async (): Promise<{ detect: number; evaluate: number; layout: number }> => {
    const d = await timed(() => detectWorkbook(grids));
    const e = await timed(() => evaluateWorkbook(grids, DEFAULT_SETTINGS));
    const ev = e.value.evaluation;
    if (ev === null) throw new Error(`bench: the generated ${n}-row workbook has nothing to score: ${e.value.problem.en}`);
    if (ev.indicators.length !== n) throw new Error(`bench: scored ${ev.indicators.length} of ${n} rows`);
    const l = await timed(() => layoutWorkbook(ev, META));
    return { detect: d.ms, evaluate: e.ms, layout: l.ms };
  };
  collect();
  const warm = await once();
  const runs = runsThatFit(planned, warm.evaluate + warm.layout + warm.detect, "core");
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  const evaluateMs = median(samples.map((s) => s.evaluate));
  const layoutMs = median(samples.map((s) => s.layout));
  return {
    rows: n,
    runs,
    detectMs: median(samples.map((s) => s.detect)),
    evaluateMs,
    layoutMs,
    totalMs: median(samples.map((s) => s.evaluate + s.layout)),
  };
}

function coreTables(results: CoreRow[]): { head: string[]; rows: string[][]; right: boolean[]; verdicts: string[] } {
  const head = ["rows", "runs", "detect ms", "detect+score ms", "layout ms", "total ms", "rows/s", "µs/row", "target"];
  const rows = results.map((r) => [
    int(r.rows),
    String(r.runs),
    ms(r.detectMs),
    ms(r.evaluateMs),
    ms(r.layoutMs),
    ms(r.totalMs),
    int((r.rows / r.totalMs) * 1000),
    (r.totalMs * 1000) / r.rows >= 10 ? ((r.totalMs * 1000) / r.rows).toFixed(1) : ((r.totalMs * 1000) / r.rows).toFixed(2),
    r.rows === 10_000 ? (r.totalMs < CORE_TARGET_MS ? `meets (< ${CORE_TARGET_MS} ms)` : `MISSES target (< ${CORE_TARGET_MS} ms)`) : "",
  ]);
  const verdicts: string[] = [];
  const first = results[0];
  const last = results[results.length - 1];
  if (first && last && first !== last) {
    const perRow = (r: CoreRow, key: "evaluateMs" | "layoutMs" | "totalMs"): number => r[key] / r.rows;
    for (const [label, key] of [["detect+score", "evaluateMs"], ["layout", "layoutMs"], ["total", "totalMs"]] as const) {
      const ratio = perRow(last, key) / perRow(first, key);
      verdicts.push(
        `µs/row at ${int(last.rows)} ÷ µs/row at ${int(first.rows)}, ${label}: ${ratio.toFixed(2)}× ` +
          (ratio <= FLAT_LIMIT ? `(flat: ≤ ${FLAT_LIMIT}×)` : `(NOT flat: MISSES target ≤ ${FLAT_LIMIT}×)`),
      );
    }
  }
  return { head, rows, right: head.map((_, j) => j < head.length - 1), verdicts };
}

// ---------------------------------------------------------------------------------------------
// 2. CLI against a bare ExcelJS read + write.

interface CliRow {
  name: string;
  bytes: number;
  runs: number;
  exceljsMs: number;
  cliMs: number;
  /** CPU time (user + system) of the same runs: less swayed than wall time by other work on the machine. */
  exceljsCpuMs: number;
  cliCpuMs: number;
  /** Set when the CLI itself fails on the file: its message. The times are then the same steps with the host's request cap lifted. */
  failure: string | null;
  openMs: number;
  computeMs: number;
  writeMs: number;
  /** Whole processes (node started for each run, as a user runs them): the bare ExcelJS script's wall time and the `perfscore` command's. */
  processExceljsMs: number;
  processCliMs: number;
}

const sink = (): Writable =>
  new Writable({
    write(_chunk: Buffer, _enc, cb) {
      cb();
    },
  });

class CliFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliFailure";
  }
}

async function runCli(input: string, output: string): Promise<void> {
  let stderr = "";
  const err = new Writable({
    write(chunk: Buffer, _enc, cb) {
      stderr += chunk.toString("utf8");
      cb();
    },
  });
  const code = await main([input, "-o", output, "--json"], sink(), err);
  if (code !== 0) throw new CliFailure(`exit ${code}: ${stderr.trim().replace(/^perfscore: [^:]*: /, "")}`);
}

/** A bare ExcelJS read + write, as its own node process. */
const BARE_SCRIPT = "const E = require('exceljs'); (async () => { const wb = new E.Workbook(); await wb.xlsx.readFile(process.argv[1]); await wb.xlsx.writeFile(process.argv[2]); })().catch((e) => { console.error(e); process.exit(1); });";

/** Wall time of one node process, start to exit; throws when it fails. */
function processMs(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`bench: node ${args.slice(0, 2).join(" ")} exited ${String(r.status)}: ${r.stderr}`);
  return wall;
}

async function exceljsRoundTrip(input: string, output: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(output);
}

/**
 * The CLI's three stages as main() runs them (open the file in the host, compute, save), each
 * timed. The host's request cap is lifted, so a file the CLI refuses is still measured.
 */
async function cliStages(input: string, output: string): Promise<{ open: number; compute: number; write: number }> {
  const open = await timed(() => XlsxHost.fromFile(input, { payloadLimitBytes: Infinity }));
  const host = open.value;
  const env = { isSetSupported: host.capabilities.isSetSupported, charts: host.capabilities.charts, now: () => new Date(0), version: "bench" };
  const run = await timed(() => host.run((ctx) => compute(ctx, DEFAULT_SETTINGS, env)));
  const write = await timed(() => host.writeFile(output));
  return { open: open.ms, compute: run.ms, write: write.ms };
}

async function benchCli(name: string, input: string, planned: number, dir: string): Promise<CliRow> {
  const cliOut = path.join(dir, `cli-${path.basename(input)}`);
  const bareOut = path.join(dir, `bare-${path.basename(input)}`);
  let failure: string | null = null;
  collect();
  try {
    await runCli(input, cliOut); // warm-up
  } catch (e) {
    if (!(e instanceof CliFailure)) throw e;
    failure = e.message;
  }
  const cliRun = async (): Promise<void> => {
    if (failure === null) await runCli(input, cliOut);
    else await cliStages(input, cliOut);
  };
  // The baseline is an ExcelJS read and write of the file the CLI itself produced (issue 9 §4):
  // the same sheets the CLI ends up writing. When the CLI fails, of its input.
  const bareIn = fs.existsSync(cliOut) ? cliOut : input;
  const warm = await timed(async () => {
    await exceljsRoundTrip(bareIn, bareOut);
    await cliRun();
  });
  const runs = runsThatFit(planned, warm.ms, "cli");
  const cli: number[] = [];
  const bare: number[] = [];
  const cliCpu: number[] = [];
  const bareCpu: number[] = [];
  // Interleaved, so that drift in the machine's speed hits both sides alike.
  for (let i = 0; i < runs; i++) {
    const b = await timedCpu(() => exceljsRoundTrip(bareIn, bareOut));
    bare.push(b.ms);
    bareCpu.push(b.cpuMs);
    const c = await timedCpu(cliRun);
    cli.push(c.ms);
    cliCpu.push(c.cpuMs);
  }
  // The same comparison as whole processes (what the issue's target is about): node started for
  // each run, so loading the code counts; alternating too.
  const procBare: number[] = [];
  const procCli: number[] = [];
  if (failure === null) {
    const bin = path.join(ROOT, "bin", "perfscore.js");
    processMs([bin, input, "-o", cliOut, "--json"]); // warm-up (the file cache)
    for (let i = 0; i < runs; i++) {
      procBare.push(processMs(["-e", BARE_SCRIPT, bareIn, bareOut]));
      procCli.push(processMs([bin, input, "-o", cliOut, "--json"]));
    }
  }
  const stages = await cliStages(input, cliOut);
  return {
    processExceljsMs: procBare.length > 0 ? median(procBare) : NaN,
    processCliMs: procCli.length > 0 ? median(procCli) : NaN,
    name,
    bytes: fs.statSync(input).size,
    runs,
    exceljsMs: median(bare),
    cliMs: median(cli),
    exceljsCpuMs: median(bareCpu),
    cliCpuMs: median(cliCpu),
    failure,
    openMs: stages.open,
    computeMs: stages.compute,
    writeMs: stages.write,
  };
}

function cliTables(results: CliRow[]): { head: string[]; rows: string[][]; right: boolean[]; stages: string; notes: string[] } {
  const head = ["workbook", "size", "runs", "process: ExcelJS ms", "process: CLI ms", "ratio", "in-process: ExcelJS ms", "CLI ms", "ratio", "CPU ratio", "target (processes)"];
  const notes: string[] = [];
  const rows = results.map((r) => {
    const processRatio = r.processCliMs / r.processExceljsMs;
    const ratio = r.cliMs / r.exceljsMs;
    const cpuRatio = r.cliCpuMs / r.exceljsCpuMs;
    const mark = r.failure === null ? "" : "*";
    if (r.failure !== null) {
      notes.push(`* ${r.name}: the CLI FAILS (${r.failure}); its times are main()'s steps with the host's request cap lifted.`);
    }
    return [
      r.name,
      mb(r.bytes),
      String(r.runs),
      r.failure === null ? ms(r.processExceljsMs) : "-",
      r.failure === null ? ms(r.processCliMs) : "-",
      r.failure === null ? `${processRatio.toFixed(2)}×` : "-",
      ms(r.exceljsMs),
      `${ms(r.cliMs)}${mark}`,
      `${ratio.toFixed(2)}×${mark}`,
      `${cpuRatio.toFixed(2)}×${mark}`,
      r.failure !== null
        ? "MISSES target: the CLI fails"
        : processRatio <= CLI_TARGET_RATIO
          ? `meets (≤ ${CLI_TARGET_RATIO}×)`
          : `MISSES target (≤ ${CLI_TARGET_RATIO}×)`,
    ];
  });
  const stageHead = ["workbook", "open (read) ms", "compute ms", "write ms"];
  const stageRows = results.map((r) => [r.name, ms(r.openMs), ms(r.computeMs), ms(r.writeMs)]);
  return { head, rows, right: [false, true, true, true, true, true, true, true, true, true, false], stages: textTable(stageHead, stageRows, [false, true, true, true]), notes };
}

// ---------------------------------------------------------------------------------------------
// 3. The Office.js path through the strict host.

interface OfficeRow {
  rows: number;
  /** The workbook: an example's file name, or the generated one's row count. */
  label: string;
  syncs: number;
  actions: number;
  requestBytes: number;
  writeBytes: number;
  maxRequest: number;
  overLimit: number;
  maxResponse: number;
  localMs: number;
  readSyncs: number;
  expectedSyncs: number;
}

/** Issue 9: the seed example's compute queues at most this many actions. */
const SEED_ACTIONS_TARGET = 150;

async function benchOffice(n: number, example?: string): Promise<OfficeRow> {
  collect();
  // No request cap in the host: the batches are cut by writePlans alone, so this records exactly
  // the requests a capped host (or Excel) would receive, and each is checked against the cap here.
  // The response cap is on, as on Excel on the web: a read over it would fail the run.
  const options = { payloadLimitBytes: Infinity, responseLimitBytes: WEB_PAYLOAD_LIMIT };
  const host = example === undefined ? XlsxHost.fromWorkbook(benchExcelWorkbook(n), options) : await XlsxHost.fromFile(path.join(ROOT, "examples", example), options);
  const env = { isSetSupported: host.capabilities.isSetSupported, charts: false, now: () => new Date(0), version: "bench" };
  const run = await timed(() => host.run((ctx) => compute(ctx, DEFAULT_SETTINGS, env)));
  if (run.value.status !== "scored") throw new Error(`bench: compute() found nothing to score in the ${n}-row workbook`);
  const syncs = host.syncs;
  // Reads load something; writes load nothing.
  const readSyncs = syncs.filter((x) => x.responseBytes > 0).length;
  const writeBytes = syncs.filter((x) => x.responseBytes === 0).reduce((s, x) => s + x.bytes, 0);
  return {
    rows: n,
    label: example ?? `${int(n)} rows`,
    syncs: syncs.length,
    actions: syncs.reduce((s, x) => s + x.actions, 0),
    requestBytes: syncs.reduce((s, x) => s + x.bytes, 0),
    writeBytes,
    maxRequest: Math.max(...syncs.map((x) => x.bytes)),
    overLimit: syncs.filter((x) => x.bytes > WEB_PAYLOAD_LIMIT).length,
    maxResponse: Math.max(...syncs.map((x) => x.responseBytes)),
    localMs: run.ms,
    readSyncs,
    expectedSyncs: readSyncs + Math.max(1, Math.ceil(writeBytes / BATCH_LIMIT_BYTES)),
  };
}

function officeVerdict(r: OfficeRow): string {
  const problems: string[] = [];
  if (r.overLimit > 0) problems.push(`${r.overLimit} request(s) over the 5 MB cap: Excel refuses with RequestPayloadSizeLimitExceeded`);
  // Batches are cut at BATCH_LIMIT_BYTES and an op never splits, so one extra batch is allowed.
  const allowed = r.expectedSyncs + (r.expectedSyncs > 3 ? 1 : 0);
  if (r.syncs > allowed) problems.push(`${r.syncs} syncs where ${allowed} would carry the read and the write`);
  if (r.label === "seed.xlsx" && r.actions > SEED_ACTIONS_TARGET) problems.push(`${int(r.actions)} actions (target ≤ ${SEED_ACTIONS_TARGET})`);
  return problems.length === 0 ? `meets (≤ ${allowed} syncs${r.label === "seed.xlsx" ? `, ≤ ${SEED_ACTIONS_TARGET} actions` : ""})` : `MISSES target: ${problems.join("; ")}`;
}

function officeTables(results: (OfficeRow | { rows: number; skipped: string })[]): { head: string[]; rows: string[][]; right: boolean[]; notes: string[] } {
  const head = ["workbook", "syncs", "actions", "actions/row", "request bytes", "bytes/row", "max request", "max response", `web round trips (×${WEB_ROUND_TRIP_MS} ms)`, "local compute", "target"];
  const notes: string[] = [];
  const rows = results.map((r) => {
    if ("skipped" in r) return [`${int(r.rows)} rows`, "—", "—", "—", "—", "—", "—", "—", "—", "—", r.skipped];
    if (r.maxResponse > WEB_PAYLOAD_LIMIT) {
      notes.push(
        `${int(r.rows)} rows: the read's response is ${mb(r.maxResponse)}, over Excel on the web's 5 MB response cap ` +
          "(ResponsePayloadSizeLimitExceeded there; the host does not cap responses by default).",
      );
    }
    const perRow = (x: number): string => (r.rows > 0 ? (x / r.rows).toFixed(x / r.rows >= 10 ? 0 : 2) : "—");
    return [
      r.label,
      String(r.syncs),
      int(r.actions),
      perRow(r.actions),
      mb(r.requestBytes),
      perRow(r.requestBytes),
      mb(r.maxRequest),
      mb(r.maxResponse),
      seconds(r.syncs * WEB_ROUND_TRIP_MS),
      seconds(r.localMs),
      officeVerdict(r),
    ];
  });
  return { head, rows, right: [false, true, true, true, true, true, true, true, true, true, false], notes };
}

// ---------------------------------------------------------------------------------------------

async function run(): Promise<void> {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  const machine = `${cpu}, ${os.cpus().length} cores, node ${process.version}, ${os.platform()} ${os.arch()}, ${new Date().toISOString().slice(0, 10)}`;
  say("PerfScore benchmark (figures only; nothing is asserted)");
  say(`Machine: ${machine}`);
  say(`Load average at start (1/5/15 min): ${loadAverage()}; other work on the machine shows up as noise in the times`);
  say(`Workbooks: scripts/benchWorkbook.ts (seeded 自评表: title, budget block, merged level-1/2 groups, ≥/≤/%/count/qualitative targets)`);
  say();

  // 1.
  say("1. Core: detect + score (evaluateWorkbook) and lay out (layoutWorkbook)");
  say("   median of the runs after one warm-up; 'detect' is part of 'detect+score'; total = detect+score + layout");
  const core: CoreRow[] = [];
  const coreSkipped: string[] = [];
  for (const [n, runs] of [[1_000, 7], [10_000, 5], [50_000, 3]] as const) {
    const projected = projectMs(core.map((r) => ({ rows: r.rows, ms: r.totalMs })), n);
    if (projected / 1000 > secondsLeft("core")) {
      coreSkipped.push(
        `${int(n)} rows SKIPPED: one run projected at ${seconds(projected)}, past this part's share of the ~${BUDGET_SECONDS / 60} min budget (npm run bench -- --full)`,
      );
      continue;
    }
    core.push(await benchCore(n, runs));
  }
  const c = coreTables(core);
  const [c1, c2] = core;
  if (coreSkipped.length > 0 && c1 && c2) {
    const e = growth({ rows: c1.rows, ms: c1.totalMs }, { rows: c2.rows, ms: c2.totalMs });
    c.verdicts.push(`time grows as rows^${e.toFixed(2)} from ${int(c1.rows)} to ${int(c2.rows)} rows${e > 1.2 ? " (NOT flat: MISSES target)" : ""}`);
  }
  c.verdicts.push(...coreSkipped);
  say(textTable(c.head, c.rows, c.right));
  for (const v of c.verdicts) say(`   ${v}`);
  say();

  // 2.
  say("2. CLI (`perfscore <file> -o <out> --json`: read file → host → compute → write file) vs a bare ExcelJS readFile + writeFile of the file the CLI produced");
  say("   runs alternate; 'process' runs start node for each run (the target: loading the code counts, as for a user); 'in-process' runs call main() in this process, warm; 'CPU ratio' compares the in-process runs' CPU time, steadier on a busy machine");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-bench-"));
  const cli: CliRow[] = [];
  try {
    for (const name of ["seed.xlsx", "self-evaluation-form.xlsx", "english.xlsx"]) {
      cli.push(await benchCli(name, path.join(ROOT, "examples", name), 7, dir));
    }
    const generated = path.join(dir, "bench-5000.xlsx");
    await benchExcelWorkbook(5_000).xlsx.writeFile(generated);
    cli.push(await benchCli("generated, 5,000 rows", generated, 3, dir));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const t = cliTables(cli);
  say(textTable(t.head, t.rows, t.right));
  for (const note of t.notes) say(`   ${note}`);
  say("   Where the CLI's time goes (one run each, after the timed runs):");
  say(t.stages.split("\n").map((l) => `   ${l}`).join("\n"));
  say();

  // 3.
  say("3. The Office.js path: compute() through the strict xlsx host (XlsxHost.fromWorkbook on a generated workbook)");
  say(`   request bytes = Σ host.syncs[].bytes; write batches are cut at ${mb(BATCH_LIMIT_BYTES)} (writePlans), Excel on the web refuses over ${mb(WEB_PAYLOAD_LIMIT)}`);
  say("   actions = Σ host.syncs[].actions: every call, property set and object a method returns, as queued; read windows stay under ~4 MB a response");
  const office: (OfficeRow | { rows: number; skipped: string })[] = [];
  for (const example of ["seed.xlsx", "self-evaluation-form.xlsx", "english.xlsx", "projects.xlsx"]) office.push(await benchOffice(0, example));
  const measured: { rows: number; ms: number }[] = [];
  for (const n of [100, 1_000, 10_000, 50_000]) {
    // Growth measured between the last two sizes; from 10,000 to 50,000 rows it was steeper still
    // (7.5 s → 142 s), because the host's quadratic parts show late, so the projection is doubled.
    const projected = 2 * projectMs(measured, n);
    if (projected / 1000 > secondsLeft("office")) {
      office.push({ rows: n, skipped: `SKIPPED: projected ${seconds(projected)}, over the ~${BUDGET_SECONDS / 60} min budget (npm run bench -- --full)` });
      continue;
    }
    const r = await benchOffice(n);
    office.push(r);
    measured.push({ rows: n, ms: r.localMs });
  }
  const o = officeTables(office);
  say(textTable(o.head, o.rows, o.right));
  say(`   web round trips = syncs × ${WEB_ROUND_TRIP_MS} ms, the network alone; Excel's own work on the cells is not modelled.`);
  say("   local compute = the whole compute() against the host on this machine (core + ExcelJS work), one run.");
  for (const note of o.notes) say(`   Note: ${note}`);
  say();

  const total = elapsedSeconds();
  say(`Load average at end (1/5/15 min): ${loadAverage()}`);
  say(`Bench time: ${total.toFixed(0)} s${total > BUDGET_SECONDS ? ` (over the ~${BUDGET_SECONDS / 60} min budget)` : ""}`);
  say();

  // The block the README can paste.
  say("```markdown");
  say(`#### Benchmark (\`npm run bench\`)`);
  say();
  say(`${machine}. Generated 自评表 workbooks (scripts/benchWorkbook.ts); medians after a warm-up.${FULL ? "" : " Without `--full`, sizes projected to overrun the ~3 min budget are skipped."}`);
  say();
  say(`**Core** (target: 10,000 rows under ${CORE_TARGET_MS} ms, flat cost per row)`);
  say();
  say(markdownTable(c.head, c.rows, c.right));
  say();
  for (const v of c.verdicts) say(`- ${v}`);
  say();
  say(`**CLI** against a bare ExcelJS read + write of the file the CLI produced (target: at most ${CLI_TARGET_RATIO}× as whole processes; in-process and CPU ratios beside it, the CPU ratio for a busy machine)`);
  say();
  say(markdownTable(t.head, t.rows, t.right));
  say();
  for (const note of t.notes) say(`- ${note.replace(/^\* /, "\\* ")}`);
  if (t.notes.length > 0) say();
  say(`**Office.js path** (targets: read in 2 syncs up to 2,000 rows, then one more per ~4 MB; write in 1 sync while it fits one request, then one more per batch; seed ≤ ${SEED_ACTIONS_TARGET} actions; web = syncs × ${WEB_ROUND_TRIP_MS} ms)`);
  say();
  say(markdownTable(o.head, o.rows, o.right));
  if (o.notes.length > 0) say();
  for (const note of o.notes) say(`- ${note}`);
  say("```");
}

run().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
