import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as crypto from "crypto";
import { execFile } from "child_process";
import { Writable } from "stream";
import { promisify } from "util";
import { main } from "../../src/cli/main";

/** Runs the CLI in-process, capturing stdout and stderr. */
export async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        append(chunk.toString("utf8"));
        cb();
      },
    });
  const code = await main(argv, sink((s) => (stdout += s)), sink((s) => (stderr += s)));
  return { code, stdout, stderr };
}

/** A fresh temp dir with copies of the given files. */
export function tempCopy(...files: string[]): { dir: string; paths: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-"));
  const paths = files.map((f) => {
    const to = path.join(dir, path.basename(f));
    fs.copyFileSync(f, to);
    return to;
  });
  return { dir, paths };
}

export function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

export const ROOT = path.join(__dirname, "..", "..");

/** One workbook as dumpXlsx.js reports it. */
export interface WorkbookDump {
  file: string;
  sha256: string;
  sheets: { name: string; cells: string[]; merges: string[]; widths: (number | null)[] }[];
}

/**
 * Reads workbooks in a separate node process with a plain ExcelJS (see dumpXlsx.js), so that
 * checking the CLI's output never goes through the xlsx host or its ExcelJS patches.
 */
export async function dumpInSeparateProcess(...files: string[]): Promise<WorkbookDump[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(__dirname, "dumpXlsx.js"), ...files], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as WorkbookDump[];
}
