import * as fs from "fs";
import * as path from "path";
import type { Language, Settings } from "../core/types";
import { resolveSettings } from "../core/score/profiles";
import { compute } from "../excel/compute";
import { describeOfficeError } from "../excel/officeErrors";
import { XlsxHost, HostOpenError } from "../hosts/xlsx";
import { describePackageProblem, limitsForMaxSize } from "../hosts/xlsx/package";
import { ArgumentError, parseArgs, USAGE } from "./args";
import { EXIT } from "./exitCodes";
import { checkInput, chooseOutput, FileProblem, writeOutput } from "./files";
import { safeJson, terminalLines, terminalText } from "./terminal";
import { toHumanReport, toJsonReport } from "./report";
import { runReview } from "./review/runReview";

/** The tool's version, from the package.json above this file (src/cli or dist/src/cli). */
function readVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name === "perfscore" && pkg.version !== undefined) return pkg.version;
  }
  return "0.0.0";
}

const VERSION = readVersion();

/** The clock: SOURCE_DATE_EPOCH (seconds) makes output reproducible, as in reproducible builds. */
function clock(): () => Date {
  const epoch = process.env["SOURCE_DATE_EPOCH"];
  if (epoch !== undefined && /^\d+$/.test(epoch)) return () => new Date(Number(epoch) * 1000);
  return () => new Date();
}

/**
 * `perfscore <input.xlsx> [-o <output.xlsx>] [--json] [--lang zh|en] [--in-place]`: runs the
 * add-in's own compute() against the file through the xlsx host.
 *
 * `perfscore review <files or folders…>` scores many workbooks at once (see runReview).
 *
 * @returns the exit code, from the one list in exitCodes.ts (EXIT); nothing throws to the caller:
 *   an unexpected error is one line on stderr, without a stack trace, and exit 1
 */
export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  try {
    if (argv[0] === "review") return await runReview(argv.slice(1), out, err, VERSION);
    return await scoreOne(argv, out, err);
  } catch (e) {
    if (e instanceof FileProblem) {
      err.write(`${e.line(langOf(argv))}\n`);
      return e.exit;
    }
    err.write(`perfscore: ${terminalText(internalError(e))}\n`);
    return EXIT.notScored;
  }
}

/** The language asked for, read loosely (for messages about arguments that did not parse). */
function langOf(argv: string[]): Language {
  const i = argv.findIndex((a) => a === "--lang" || a === "--lang=en");
  return argv[i] === "--lang=en" || argv[i + 1] === "en" ? "en" : "zh";
}

/** An error nobody expected, in one line (the stack only with PERFSCORE_DEBUG=1). */
function internalError(e: unknown): string {
  if (process.env["PERFSCORE_DEBUG"] === "1" && e instanceof Error && e.stack !== undefined) return e.stack;
  const text = e instanceof Error ? e.message : String(e);
  return `内部错误 / internal error: ${text} (please report it / 请报告此问题)`;
}

/** Reports a FileProblem and gives its exit code; anything else is thrown on. */
function reported(e: unknown, lang: Language, err: NodeJS.WritableStream): number {
  if (!(e instanceof FileProblem)) throw e;
  err.write(`${e.line(lang)}\n`);
  return e.exit;
}

async function scoreOne(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof ArgumentError) {
      err.write(`perfscore: ${terminalText(e.message)}\n${USAGE}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  if ("help" in args) {
    out.write(`${USAGE}\n`);
    return EXIT.scored;
  }
  if ("version" in args) {
    out.write(`${VERSION}\n`);
    return EXIT.scored;
  }
  const { input, lang } = args;
  const zh = lang === "zh";
  const shown = terminalText(input);
  let file: string;
  try {
    checkInput(input);
    file = chooseOutput(input, args.output, args.inPlace);
  } catch (e) {
    return reported(e, lang, err);
  }
  let host: XlsxHost;
  try {
    host = await XlsxHost.fromFile(input, args.maxSizeMb === null ? {} : { limits: limitsForMaxSize(args.maxSizeMb) });
  } catch (e) {
    // Over a size limit (--max-size raises it): the part and the limit are named; nothing could be scored.
    const problem = e instanceof HostOpenError ? e.problem : undefined;
    if (problem !== undefined && ["TOTAL_TOO_LARGE", "PART_TOO_LARGE", "COMPRESSION_RATIO_TOO_HIGH", "TOO_MANY_PARTS"].includes(problem.code)) {
      err.write(`perfscore: ${shown}: ${zh ? "无法读取" : "cannot be read"}: ${terminalText(describePackageProblem(problem, lang))}\n`);
      return EXIT.notScored;
    }
    const detail = terminalText(e instanceof HostOpenError || e instanceof Error ? e.message : String(e));
    err.write(
      `perfscore: ${shown}: ${
        zh ? `无法读取：文件已损坏或不是有效的 .xlsx 工作簿；请在 Excel 中打开并另存为 .xlsx 后再试（${detail}）` : `cannot be read: the file is damaged or not a valid .xlsx workbook; open it in Excel and save it as .xlsx, then try again (${detail})`
      }\n`,
    );
    return EXIT.usage;
  }
  const settings: Settings = resolveSettings(args.profile, { language: lang });
  const env = {
    isSetSupported: (n: string, v: string) => host.capabilities.isSetSupported(n, v),
    charts: host.capabilities.charts,
    now: clock(),
    version: VERSION,
    unevaluatedFormulas: () => host.formulaProblems,
  };
  let result;
  try {
    result = await host.run((context) => compute(context, settings, env));
  } catch (e) {
    err.write(`perfscore: ${shown}: ${terminalText(describeOfficeError(e, lang))}\n`);
    return EXIT.notScored;
  }
  if (result.status !== "scored" || result.evaluation === null) {
    err.write(`perfscore: ${shown}: ${terminalText(result.problem?.[lang] ?? (zh ? "没有可评分的内容" : "nothing to score"))}\n`);
    return EXIT.notScored;
  }
  let notes;
  try {
    const bytes = await host.writeBuffer();
    notes = writeOutput(file, bytes);
  } catch (e) {
    if (e instanceof FileProblem) return reported(e, lang, err);
    const detail = terminalText(e instanceof Error ? e.message : String(e));
    err.write(
      `perfscore: ${terminalText(file)}: ${
        zh
          ? `无法生成评分副本（${detail}），未写入任何文件；可在 Excel 中打开原表并另存后再试，并请报告此问题`
          : `the scored copy cannot be made (${detail}) and nothing was written; open and save the workbook in Excel and try again, and please report it`
      }\n`,
    );
    return EXIT.cannotWrite;
  }
  if (notes.otherLinks > 0) {
    const n = notes.otherLinks;
    err.write(
      `perfscore: ${terminalText(file)}: ${zh ? `此文件另有 ${n} 个硬链接，它们仍是原来的内容（写入是先写临时文件再改名）` : `the file has ${n} other hard link(s); they keep the old content (the new file was renamed into place)`}\n`,
    );
  }
  const hostStats = {
    syncs: host.syncCount,
    payloadBytes: host.syncs.reduce((s, x) => s + x.bytes, 0),
    actions: host.syncs.reduce((s, x) => s + x.actions, 0),
    maxResponseBytes: host.syncs.reduce((m, x) => Math.max(m, x.responseBytes), 0),
  };
  if (args.json) out.write(`${safeJson(toJsonReport(result, file, lang, result, hostStats))}\n`);
  else out.write(`${terminalLines(toHumanReport(result, file, lang))}\n`);
  // Scored is 0 whatever the findings say: they are the audit's result, not a failure of the run.
  return EXIT.scored;
}
