import * as fs from "fs";
import * as path from "path";

/** A workbook this tool wrote, by its name: `<name>.scored.xlsx`. */
const SCORED = /\.scored(?: \(\d+\))?\.xlsx$/i;

/**
 * The workbooks a review scores: every file named, and every `.xlsx` under every folder named
 * (recursively, in name order). Under a folder, Excel's lock files (`~$…`), hidden entries, our
 * own scored copies (`*.scored.xlsx`) and the files in `exclude` are skipped, so a second review
 * of the same folder scores the same files. A file named on the command line is always taken.
 *
 * @param args - files and folders, as given
 * @param exclude - absolute paths never to take from a folder (the review workbook itself)
 * @returns absolute paths without duplicates, in argument order, and the arguments that do not exist
 * @example
 * collectInputs(["examples"], new Set()).files.map((f) => path.basename(f)) //=> ["english.xlsx", "seed.xlsx", "self-evaluation-form.xlsx"]
 */
export function collectInputs(args: string[], exclude: ReadonlySet<string>): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const take = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith(".") || e.name.startsWith("~$")) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && /\.xlsx$/i.test(e.name) && !SCORED.test(e.name) && !exclude.has(full)) take(full);
    }
  };
  for (const arg of args) {
    const full = path.resolve(arg);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (stat === undefined) missing.push(full);
    else if (stat.isDirectory()) walk(full);
    else take(full);
  }
  return { files, missing };
}

/**
 * Where each scored copy goes: `<name>.scored.xlsx` beside its input, or in `outDir`. A name
 * already taken by an input, by an earlier copy or by `reserved` (the review workbook) gets
 * " (2)", " (3)" …, so two inputs called `a.xlsx` in different folders never overwrite each
 * other's copy in one `outDir`, and no copy ever lands on an input or on the review.
 *
 * @example
 * assignOutputs(["/d/a.xlsx", "/e/a.xlsx"], "/out") //=> ["/out/a.scored.xlsx", "/out/a.scored (2).xlsx"]
 */
export function assignOutputs(inputs: string[], outDir: string | null, reserved: string[] = []): string[] {
  const taken = new Set([...inputs, ...reserved].map((f) => f.toLowerCase()));
  return inputs.map((input) => {
    const ext = path.extname(input);
    const base = path.basename(input, ext);
    const dir = outDir ?? path.dirname(input);
    for (let i = 1; ; i++) {
      const candidate = path.join(dir, `${base}.scored${i === 1 ? "" : ` (${i})`}.xlsx`);
      if (!taken.has(candidate.toLowerCase())) {
        taken.add(candidate.toLowerCase());
        return candidate;
      }
    }
  });
}
