import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";

/**
 * Permission tests need a user the file system says no to, and root is told yes everywhere. When
 * the tests run as root, these run the CLI in a child process as `nobody` (65534) on files given
 * to that user; otherwise in a child process as the current user.
 */
export const AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

/** Hands a path (and what is under it) to the user the CLI will run as. */
export function giveAway(...paths: string[]): void {
  if (!AS_ROOT) return;
  for (const p of paths) {
    fs.lchownSync(p, NOBODY, NOBODY);
    if (fs.lstatSync(p).isDirectory()) for (const e of fs.readdirSync(p)) giveAway(path.join(p, e));
  }
}

/**
 * Runs `perfscore` once per argument list, in one child process (loading the TypeScript source
 * takes seconds), as nobody when root. Each run's stdout and stderr are captured apart.
 */
export function runCliAsUser(...runs: string[][]): { code: number; stdout: string; stderr: string }[] {
  const main = JSON.stringify(path.join(__dirname, "..", "..", "src", "cli", "main.ts"));
  const script = `
    const { Writable } = require("stream");
    const { main } = require(${main});
    const sink = (r, k) => new Writable({ write(c, _e, cb) { r[k] += c.toString("utf8"); cb(); } });
    (async () => {
      const out = [];
      for (const argv of JSON.parse(process.argv[1])) {
        const r = { code: -1, stdout: "", stderr: "" };
        r.code = await main(argv, sink(r, "stdout"), sink(r, "stderr"));
        out.push(r);
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const r = spawnSync(process.execPath, ["-r", path.join(__dirname, "tsHook.js"), "-e", script, JSON.stringify(runs)], {
    encoding: "utf8",
    cwd: "/",
    ...(AS_ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
    env: { PATH: process.env["PATH"] ?? "", HOME: "/tmp" },
  });
  if (r.status !== 0) throw new Error(`the child process failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as { code: number; stdout: string; stderr: string }[];
}
