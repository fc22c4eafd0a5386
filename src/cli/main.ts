import * as fs from "fs";
import * as path from "path";
import type { Settings } from "../core/types";
import { resolveSettings } from "../core/score/profiles";
import { compute } from "../excel/compute";
import { describeOfficeError } from "../excel/officeErrors";
import { XlsxHost, HostOpenError } from "../hosts/xlsx";
import { describePackageProblem, limitsForMaxSize } from "../hosts/xlsx/package";
import { ArgumentError, parseArgs, USAGE } from "./args";
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

/** Where the scored copy goes: `-o`, the input itself with `--in-place`, else `<name>.scored.xlsx` beside it. */
export function outputPath(input: string, output: string | null, inPlace: boolean): string {
  if (inPlace) return input;
  if (output !== null) return output;
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}.scored${ext || ".xlsx"}`);
}

/** What kind of file this is, by its first bytes: an xlsx is a zip; an encrypted workbook is an OLE compound file. */
function sniff(file: string): "zip" | "ole" | "other" {
  const head = Buffer.alloc(8);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 8, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return "zip";
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return "ole";
  return "other";
}

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
 * @returns the exit code: 0 scored, 1 nothing to score or unreadable file, 2 bad arguments;
 *   for `review`, also 3 when some files failed
 */
export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  if (argv[0] === "review") return runReview(argv.slice(1), out, err, VERSION);
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof ArgumentError) {
      err.write(`perfscore: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if ("help" in args) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  if ("version" in args) {
    out.write(`${VERSION}\n`);
    return 0;
  }
  const { input, lang } = args;
  const zh = lang === "zh";
  if (!fs.existsSync(input) || !fs.statSync(input).isFile()) {
    err.write(`perfscore: ${input}: ${zh ? "文件不存在或不是文件" : "no such file"}\n`);
    return 1;
  }
  const kind = sniff(input);
  if (kind !== "zip") {
    const reason = {
      ole: { zh: "文件已加密（设有打开密码）或是旧版 .xls 格式；请在 Excel 中取消密码或另存为 .xlsx 后再试", en: "the file is encrypted (password to open) or an old .xls; remove the password or save it as .xlsx in Excel" },
      other: { zh: "不是 .xlsx 工作簿", en: "not an .xlsx workbook" },
    }[kind];
    err.write(`perfscore: ${input}: ${zh ? "无法读取" : "cannot be read"}: ${reason[lang]}\n`);
    return 1;
  }
  let host: XlsxHost;
  try {
    host = await XlsxHost.fromFile(input, args.maxSizeMb === null ? {} : { limits: limitsForMaxSize(args.maxSizeMb) });
  } catch (e) {
    const reason = e instanceof HostOpenError ? (e.problem ? describePackageProblem(e.problem, lang) : e.message) : e instanceof Error ? e.message : String(e);
    err.write(`perfscore: ${input}: ${zh ? "无法读取" : "cannot be read"}: ${reason}\n`);
    return 1;
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
    err.write(`perfscore: ${input}: ${describeOfficeError(e, lang)}\n`);
    return 1;
  }
  if (result.status !== "scored" || result.evaluation === null) {
    err.write(`perfscore: ${input}: ${result.problem?.[lang] ?? (zh ? "没有可评分的内容" : "nothing to score")}\n`);
    return 1;
  }
  const file = outputPath(input, args.output, args.inPlace);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await host.writeFile(tmp);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    err.write(`perfscore: ${file}: ${zh ? "无法写入" : "cannot be written"}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const hostStats = { syncs: host.syncCount, payloadBytes: host.syncs.reduce((s, x) => s + x.bytes, 0) };
  if (args.json) out.write(`${JSON.stringify(toJsonReport(result, file, lang, result.outputSheets, hostStats))}\n`);
  else out.write(`${toHumanReport(result, file, lang)}\n`);
  return 0;
}
