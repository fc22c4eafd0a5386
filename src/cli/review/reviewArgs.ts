import * as os from "os";
import { findProfile, PROFILES } from "../../core/score/profiles";
import type { Language, ProfileId } from "../../core/types";
import { ArgumentError } from "../args";

export interface ReviewArgs {
  inputs: string[];
  /** The review workbook. */
  output: string;
  /** Where the scored copies go; null puts each beside its input. */
  outDir: string | null;
  json: boolean;
  jobs: number;
  lang: Language;
  /** The rule profile every file is scored by (--profile NAME), 财政部 (mof) by default. */
  profile: ProfileId;
}

/** The default number of worker threads: the cores Node may use. */
export function defaultJobs(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : Math.max(1, os.cpus().length);
}

/**
 * Parses `perfscore review <files or folders…> [-o review.xlsx] [--out-dir <dir>] [--json]
 * [--jobs N] [--lang zh|en] [--profile NAME]` (the words after `review`).
 *
 * @throws ArgumentError for anything else; the CLI exits 2
 * @example
 * parseReviewArgs(["in", "--jobs", "2"]).jobs //=> 2
 */
export function parseReviewArgs(argv: string[]): ReviewArgs | { help: true } {
  const inputs: string[] = [];
  let output = "review.xlsx";
  let outDir: string | null = null;
  let json = false;
  let jobs = defaultJobs();
  let lang: Language = "zh";
  let profile: ProfileId = "mof";
  let options = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!options || a === "--") {
      // After `--` every word is a file or folder, even one that begins with a dash.
      if (options) options = false;
      else inputs.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = a.startsWith("--") && eq > 0 ? a.slice(0, eq) : a;
    const inline = a.startsWith("--") && eq > 0 ? a.slice(eq + 1) : null;
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new ArgumentError(`${name} needs a value`);
      return v;
    };
    if (a === "-h" || a === "--help") return { help: true };
    if (name === "-o" || name === "--output") output = value();
    else if (name === "--out-dir") outDir = value();
    else if (a === "--json") json = true;
    else if (name === "--jobs" || name === "-j") {
      const v = value();
      if (!/^[1-9]\d*$/.test(v)) throw new ArgumentError(`--jobs must be a whole number of at least 1, not "${v}"`);
      jobs = Number(v);
    } else if (name === "--lang") {
      const v = value();
      if (v !== "zh" && v !== "en") throw new ArgumentError(`--lang must be zh or en, not "${v}"`);
      lang = v;
    } else if (name === "--profile") {
      const v = value();
      const found = findProfile(v);
      if (found === null) throw new ArgumentError(`unknown profile "${v}"; known: ${PROFILES.map((p) => `${p.id} (${p.name.zh})`).join(", ")}`);
      profile = found.id;
    } else if (a.startsWith("-") && a !== "-") throw new ArgumentError(`unknown option ${a}`);
    else inputs.push(a);
  }
  if (inputs.length === 0) throw new ArgumentError("review needs at least one file or folder");
  return { inputs, output, outDir, json, jobs, lang, profile };
}
