import * as fs from "fs";
import * as path from "path";

const CORE = path.join(__dirname, "../../src/core");

/** Every .ts file under a folder of src/core, as paths relative to src/core. */
function filesUnder(dir: string): string[] {
  const abs = path.join(CORE, dir);
  if (fs.statSync(abs).isFile()) return [dir];
  return fs.readdirSync(abs).flatMap((name) => (name.endsWith(".ts") || !name.includes(".") ? filesUnder(path.join(dir, name)) : []));
}

/** The top-level folders of src/core (or file names, for files at the top) that a file imports. */
function stagesImportedBy(file: string): string[] {
  const text = fs.readFileSync(path.join(CORE, file), "utf8");
  const specs = [...text.matchAll(/from "(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);
  const top = specs.map((s) => path.relative(CORE, path.join(CORE, path.dirname(file), s)).split(path.sep)[0]!);
  return [...new Set(top)].sort();
}

/** Which stages each stage may not import: detect → score → audit → layout, and the shared homes import no stage. */
const FORBIDDEN: Record<string, string[]> = {
  cells: ["detect", "score", "audit", "layout", "evaluate.ts"],
  numbers: ["detect", "score", "audit", "layout", "evaluate.ts"],
  text: ["detect", "score", "audit", "layout", "evaluate.ts"],
  model: ["detect", "score", "audit", "layout", "evaluate.ts"],
  findings: ["detect", "score", "audit", "layout", "evaluate.ts"],
  detect: ["score", "audit", "layout", "evaluate.ts"],
  score: ["audit", "layout", "evaluate.ts"],
  audit: ["layout", "evaluate.ts"],
  layout: ["evaluate.ts"],
  "evaluate.ts": ["layout"],
};

describe("the core's stages point one way", () => {
  it.each(Object.keys(FORBIDDEN))("%s imports no later stage", (stage) => {
    const offending = filesUnder(stage).flatMap((f) => stagesImportedBy(f).filter((s) => FORBIDDEN[stage]!.includes(s)).map((s) => `${f} → ${s}`));
    expect(offending).toEqual([]);
  });
});
