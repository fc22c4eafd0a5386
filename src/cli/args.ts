import type { Language, ProfileId } from "../core/types";
import { findProfile, PROFILES } from "../core/score/profiles";
import { EXIT_CODES_TEXT } from "./exitCodes";

export interface CliArgs {
  input: string;
  output: string | null;
  json: boolean;
  lang: Language;
  inPlace: boolean;
  /** The rule profile (--profile NAME), 财政部 (mof) by default. */
  profile: ProfileId;
  /** --max-size MB: the largest workbook (uncompressed) and part accepted; null keeps the defaults (200 MB total, 100 MB a part). */
  maxSizeMb: number | null;
}

export const USAGE = [
  "usage: perfscore <input.xlsx> [-o <output.xlsx>] [--json] [--lang zh|en] [--in-place] [--profile mof|hubei|sichuan] [--max-size MB]",
  "       perfscore [options] -- <input.xlsx>   (a file name that begins with - goes after --)",
  "       perfscore review <files or folders...> [-o review.xlsx] [--out-dir <dir>] [--json] [--jobs N] [--lang zh|en] [--profile mof|hubei|sichuan]",
  "-o never names the input (the same file, or a link to it) unless --in-place is given.",
  EXIT_CODES_TEXT,
].join("\n");

/** Thrown for arguments the CLI cannot accept; the CLI exits 2 with the message. */
export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArgumentError";
  }
}

/**
 * Parses the command line. `--help` is reported as `{ help: true }`.
 *
 * @example
 * parseArgs(["in.xlsx", "--json"]) //=> { input: "in.xlsx", output: null, json: true, lang: "zh", inPlace: false, profile: "mof", maxSizeMb: null }
 */
export function parseArgs(argv: string[]): CliArgs | { help: true } | { version: true } {
  let input: string | null = null;
  let output: string | null = null;
  let json = false;
  let lang: Language = "zh";
  let inPlace = false;
  let profile: ProfileId = "mof";
  let maxSizeMb: number | null = null;
  let options = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!options || a === "--") {
      // After `--` every word is a file name, even one that begins with a dash.
      if (options) options = false;
      else if (input === null) input = a;
      else throw new ArgumentError(`unexpected argument ${a} (only one input file)`);
      continue;
    }
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v === "") throw new ArgumentError(`${a} needs a value`);
      return v;
    };
    if (a === "-h" || a === "--help") return { help: true };
    if (a === "-v" || a === "--version") return { version: true };
    if (a === "-o" || a === "--output") output = value();
    else if (a.startsWith("--output=")) output = a.slice("--output=".length);
    else if (a === "--json") json = true;
    else if (a === "--in-place") inPlace = true;
    else if (a === "--lang" || a.startsWith("--lang=")) {
      const v = a === "--lang" ? value() : a.slice("--lang=".length);
      if (v !== "zh" && v !== "en") throw new ArgumentError(`--lang must be zh or en, not "${v}"`);
      lang = v;
    } else if (a === "--profile" || a.startsWith("--profile=")) {
      const v = a === "--profile" ? value() : a.slice("--profile=".length);
      const found = findProfile(v);
      if (found === null) throw new ArgumentError(`unknown profile "${v}"; known: ${PROFILES.map((p) => `${p.id} (${p.name.zh})`).join(", ")}`);
      profile = found.id;
    } else if (a === "--max-size" || a.startsWith("--max-size=")) {
      const v = a === "--max-size" ? value() : a.slice("--max-size=".length);
      if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0 || Number(v) > 4096) throw new ArgumentError(`--max-size must be a number of megabytes between 1 and 4096, not "${v}"`);
      maxSizeMb = Number(v);
    } else if (a.startsWith("-") && a !== "-") throw new ArgumentError(`unknown option ${a}`);
    else if (input === null) input = a;
    else throw new ArgumentError(`unexpected argument ${a} (only one input file)`);
  }
  if (input === null) throw new ArgumentError("no input file given");
  if (inPlace && output !== null) throw new ArgumentError("-o and --in-place cannot be used together");
  return { input, output, json, lang, inPlace, profile, maxSizeMb };
}
