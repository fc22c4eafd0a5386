/**
 * The CLI's file handling (issue 7 §5; src/cli/files.ts): where the scored copy may go, how it is
 * written, and what the user is told when it cannot be. Every failure is one line naming the file,
 * in the chosen language, with its exit code, and leaves the folder as it was.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXIT } from "../../src/cli/exitCodes";
import { FileProblem, writeOutput } from "../../src/cli/files";
import { USAGE } from "../../src/cli/args";
import { AS_ROOT, giveAway, runCliAsUser } from "./asUser";
import { ROOT, runCli, sha256, tempCopy } from "./run";

const SEED = path.join(ROOT, "examples", "seed.xlsx");
const listing = (dir: string): string[] => fs.readdirSync(dir).sort();
const mode = (file: string): number => fs.statSync(file).mode & 0o7777;
/** One line, no stack trace. */
const oneLine = (stderr: string): void => {
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |Error:/);
};

describe("the output may not be the input without --in-place", () => {
  const cases: [string, (dir: string, input: string) => string][] = [
    ["the same path", (_d, input) => input],
    ["the same path spelled another way", (dir, input) => path.join(dir, ".", "..", path.basename(dir), path.basename(input))],
    ["a symbolic link to it", (dir, input) => (fs.symlinkSync(input, path.join(dir, "link.xlsx")), path.join(dir, "link.xlsx"))],
    ["a hard link to it", (dir, input) => (fs.linkSync(input, path.join(dir, "hard.xlsx")), path.join(dir, "hard.xlsx"))],
  ];
  it.each(cases)("-o naming %s exits 2, says to use --in-place, and leaves every file as it was", async (_name, make) => {
    const { dir, paths } = tempCopy(SEED);
    const input = paths[0]!;
    const output = make(dir, input);
    const before = { hash: sha256(input), files: listing(dir) };
    for (const lang of ["en", "zh"] as const) {
      const r = await runCli([input, "-o", output, "--lang", lang]);
      expect(r.code).toBe(EXIT.usage);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(output);
      expect(r.stderr).toContain("--in-place");
      expect(r.stderr).toContain(lang === "en" ? "the output is the input itself" : "输出文件就是输入文件");
      oneLine(r.stderr);
    }
    expect(sha256(input)).toBe(before.hash);
    expect(listing(dir)).toEqual(before.files);
  });

  it("refuses the default output when <name>.scored.xlsx is a link to the input", async () => {
    const { dir, paths } = tempCopy(SEED);
    fs.symlinkSync(paths[0]!, path.join(dir, "seed.scored.xlsx"));
    const before = sha256(paths[0]!);
    const r = await runCli([paths[0]!, "--lang", "en"]);
    expect(r.code).toBe(EXIT.usage);
    expect(sha256(paths[0]!)).toBe(before);
    expect(fs.lstatSync(path.join(dir, "seed.scored.xlsx")).isSymbolicLink()).toBe(true);
  });

  it("refuses -o naming a loop of symbolic links with exit 4, in one line", async () => {
    const { dir, paths } = tempCopy(SEED);
    fs.symlinkSync(path.join(dir, "b.xlsx"), path.join(dir, "a.xlsx"));
    fs.symlinkSync(path.join(dir, "a.xlsx"), path.join(dir, "b.xlsx"));
    const r = await runCli([paths[0]!, "-o", path.join(dir, "a.xlsx"), "--lang", "en"]);
    expect(r.code).toBe(EXIT.cannotWrite);
    expect(r.stderr).toContain("symbolic links form a loop");
    oneLine(r.stderr);
    expect(listing(dir)).toEqual(["a.xlsx", "b.xlsx", "seed.xlsx"]);
  });

  it("refuses -o naming a folder with exit 2", async () => {
    const { dir, paths } = tempCopy(SEED);
    const r = await runCli([paths[0]!, "-o", dir, "--lang", "en"]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain("it is a folder");
    expect(listing(dir)).toEqual(["seed.xlsx"]);
  });
});

describe("--in-place", () => {
  it.each(["600", "640", "664"])("keeps a %s file's mode, and writes no file beside it", async (octal) => {
    const m = parseInt(octal, 8);
    const { dir, paths } = tempCopy(SEED);
    fs.chmodSync(paths[0]!, m);
    const before = sha256(paths[0]!);
    const r = await runCli([paths[0]!, "--in-place"]);
    expect(r.code).toBe(EXIT.scored);
    expect(sha256(paths[0]!)).not.toBe(before);
    expect(mode(paths[0]!)).toBe(m);
    expect(listing(dir)).toEqual(["seed.xlsx"]);
  });

  it("keeps the file's owner and group (when the tests may give files away: as root)", async () => {
    const { paths } = tempCopy(SEED);
    const owner = AS_ROOT ? { uid: 65534, gid: 65534 } : { uid: fs.statSync(paths[0]!).uid, gid: fs.statSync(paths[0]!).gid };
    fs.chownSync(paths[0]!, owner.uid, owner.gid);
    expect((await runCli([paths[0]!, "--in-place"])).code).toBe(EXIT.scored);
    const after = fs.statSync(paths[0]!);
    expect({ uid: after.uid, gid: after.gid }).toEqual(owner);
  });

  it("writes through a symbolic link to its target: the link stays a link, pointing where it did", async () => {
    const { dir, paths } = tempCopy(SEED);
    const real = path.join(dir, "real");
    fs.mkdirSync(real);
    const target = path.join(real, "seed.xlsx");
    fs.renameSync(paths[0]!, target);
    fs.chmodSync(target, 0o600);
    const link = path.join(dir, "link.xlsx");
    fs.symlinkSync(path.join("real", "seed.xlsx"), link);
    const before = sha256(target);
    const r = await runCli([link, "--in-place", "--json"]);
    expect(r.code).toBe(EXIT.scored);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe(path.join("real", "seed.xlsx"));
    expect(sha256(target)).not.toBe(before);
    expect(mode(target)).toBe(0o600);
    expect(listing(dir)).toEqual(["link.xlsx", "real"]);
    expect(listing(real)).toEqual(["seed.xlsx"]);
  });

  it("does not replace a read-only file (no write bit set): exit 4, the file unchanged", async () => {
    const { dir, paths } = tempCopy(SEED);
    fs.chmodSync(paths[0]!, 0o444);
    const before = sha256(paths[0]!);
    const r = await runCli([paths[0]!, "--in-place", "--lang", "en"]);
    expect(r.code).toBe(EXIT.cannotWrite);
    expect(r.stderr).toContain("read-only");
    oneLine(r.stderr);
    expect(sha256(paths[0]!)).toBe(before);
    expect(listing(dir)).toEqual(["seed.xlsx"]);
  });

  it("says when other hard links keep the old content", async () => {
    const { dir, paths } = tempCopy(SEED);
    fs.linkSync(paths[0]!, path.join(dir, "other.xlsx"));
    const r = await runCli([paths[0]!, "--in-place", "--lang", "en"]);
    expect(r.code).toBe(EXIT.scored);
    expect(r.stderr).toContain("1 other hard link(s)");
    expect(sha256(path.join(dir, "other.xlsx"))).toBe(sha256(SEED));
  });
});

describe("a file open in Excel or LibreOffice is not replaced", () => {
  it.each([
    ["Excel's ~$ lock", (name: string) => `~$${name}`],
    ["LibreOffice's .~lock.# file", (name: string) => `.~lock.${name}#`],
  ])("with %s beside it: exit 4, names the lock file, the file unchanged", async (_name, lock) => {
    const { dir, paths } = tempCopy(SEED);
    fs.writeFileSync(path.join(dir, lock("seed.xlsx")), "owner");
    const before = sha256(paths[0]!);
    for (const lang of ["zh", "en"] as const) {
      const r = await runCli([paths[0]!, "--in-place", "--lang", lang]);
      expect(r.code).toBe(EXIT.cannotWrite);
      expect(r.stderr).toContain(lock("seed.xlsx"));
      expect(r.stderr).toContain(lang === "zh" ? "请先关闭它" : "close it");
      oneLine(r.stderr);
    }
    expect(sha256(paths[0]!)).toBe(before);
    expect(listing(dir)).toEqual([lock("seed.xlsx"), "seed.xlsx"].sort());
  });

  it("also guards the scored copy: a lock on seed.scored.xlsx stops the write", async () => {
    const { dir, paths } = tempCopy(SEED);
    fs.writeFileSync(path.join(dir, "~$seed.scored.xlsx"), "owner");
    const r = await runCli([paths[0]!]);
    expect(r.code).toBe(EXIT.cannotWrite);
    expect(fs.existsSync(path.join(dir, "seed.scored.xlsx"))).toBe(false);
  });
});

describe("write failures: exit 4, one sentence naming the file and what to do, nothing left behind", () => {
  it("a folder that does not exist", async () => {
    const { dir, paths } = tempCopy(SEED);
    const out = path.join(dir, "no", "such", "out.xlsx");
    const en = await runCli([paths[0]!, "-o", out, "--lang", "en"]);
    expect(en.code).toBe(EXIT.cannotWrite);
    expect(en.stderr).toBe(`perfscore: ${out}: the folder ${path.join(dir, "no", "such")} does not exist; create it, or use -o to write elsewhere\n`);
    const zh = await runCli([paths[0]!, "-o", out]);
    expect(zh.stderr).toContain("不存在；请先创建它");
    expect(listing(dir)).toEqual(["seed.xlsx"]);
  });

  it.each([
    ["the disk full at the write", "fsyncSync", "ENOSPC", false, "the disk is full"],
    ["a busy file at the rename", "renameSync", "EBUSY", false, "another program holds the file"],
    ["a file Windows will not replace (open in Excel)", "renameSync", "EPERM", true, "it may be open in another program"],
  ] as const)("%s: the temporary file is removed and the old file kept", (_name, fn, code, exists, words) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-"));
    const target = path.join(dir, "out.xlsx");
    if (exists) fs.writeFileSync(target, "old");
    const before = listing(dir);
    // The fs module object itself (files.ts reads its functions through it at each call).
    const spy = jest.spyOn(jest.requireActual<typeof fs>("fs"), fn).mockImplementation(() => {
      throw Object.assign(new Error(`${code}: simulated`), { code });
    });
    let problem: unknown = null;
    try {
      writeOutput(target, Buffer.from("PK"));
    } catch (e) {
      problem = e;
    } finally {
      spy.mockRestore();
    }
    expect(problem).toBeInstanceOf(FileProblem);
    expect((problem as FileProblem).exit).toBe(EXIT.cannotWrite);
    expect((problem as FileProblem).text.en).toContain(words);
    expect(listing(dir)).toEqual(before);
    if (exists) expect(fs.readFileSync(target, "utf8")).toBe("old");
  });

  it("a new output gets the usual mode under the umask", async () => {
    const { dir, paths } = tempCopy(SEED);
    const out = path.join(dir, "new.xlsx");
    expect((await runCli([paths[0]!, "-o", out])).code).toBe(EXIT.scored);
    const umask = process.umask();
    expect(mode(out)).toBe(0o666 & ~umask);
  });
});

describe("permissions, as a user the file system refuses (nobody when the tests run as root)", () => {
  it("a read-only folder gives exit 4 and leaves nothing; an unreadable input gives exit 2", () => {
    const { dir, paths } = tempCopy(SEED);
    const locked = path.join(dir, "locked");
    fs.mkdirSync(locked);
    const secret = path.join(dir, "secret.xlsx");
    fs.copyFileSync(SEED, secret);
    giveAway(dir);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(locked, 0o555);
    fs.chmodSync(secret, 0o000);
    const [ro, unreadable, ok] = runCliAsUser(
      [paths[0]!, "-o", path.join(locked, "out.xlsx"), "--lang", "en"],
      [secret, "--lang", "en"],
      [paths[0]!, "--lang", "en"],
    );
    expect(ro!.code).toBe(EXIT.cannotWrite);
    expect(ro!.stderr).toBe(`perfscore: ${path.join(locked, "out.xlsx")}: there is no permission to write in the folder ${locked}; use -o to write elsewhere\n`);
    expect(listing(locked)).toEqual([]);
    expect(unreadable!.code).toBe(EXIT.usage);
    expect(unreadable!.stderr).toBe(`perfscore: ${secret}: permission to read it is denied; check its permissions, or score a copy\n`);
    expect(ok!.code).toBe(EXIT.scored);
    expect(listing(dir)).toEqual(["locked", "secret.xlsx", "seed.scored.xlsx", "seed.xlsx"]);
  });
});

describe("unreadable input: exit 2 and one line", () => {
  it.each([
    ["a folder", (dir: string) => dir, "it is a folder"],
    ["a device", () => "/dev/null", "not a regular file"],
    ["an empty file", (dir: string) => (fs.writeFileSync(path.join(dir, "e.xlsx"), ""), path.join(dir, "e.xlsx")), "the file is empty"],
    ["an OLE file (encrypted or .xls)", (dir: string) => (fs.writeFileSync(path.join(dir, "o.xlsx"), Buffer.from("d0cf11e0a1b11ae1", "hex")), path.join(dir, "o.xlsx")), "encrypted"],
    ["a broken zip", (dir: string) => (fs.writeFileSync(path.join(dir, "z.xlsx"), Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64)])), path.join(dir, "z.xlsx")), "cannot be read"],
  ])("%s", async (_name, make, words) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-"));
    const input = make(dir);
    const before = listing(dir);
    const r = await runCli([input, "--lang", "en"]);
    expect(r.code).toBe(EXIT.usage);
    expect(fs.existsSync("/dev/null.scored")).toBe(false);
    expect(r.stderr).toContain(words);
    expect(r.stderr).toContain(input);
    oneLine(r.stderr);
    expect(listing(dir)).toEqual(before);
  });
});

describe("the exit codes are one list", () => {
  it("the usage text lists every code", () => {
    for (const code of Object.values(EXIT)) expect(USAGE).toMatch(new RegExp(`\\b${code} `));
  });

  it("a file name that begins with a dash is read after --", async () => {
    const { dir } = tempCopy(SEED);
    fs.renameSync(path.join(dir, "seed.xlsx"), path.join(dir, "-seed.xlsx"));
    const r = await runCli(["--lang", "en", "--", path.join(dir, "-seed.xlsx")]);
    expect(r.code).toBe(EXIT.scored);
    expect(fs.existsSync(path.join(dir, "-seed.scored.xlsx"))).toBe(true);
  });
});

describe("perfscore review uses the same writer and codes", () => {
  it("a lock beside the review workbook: exit 4, one line naming the lock, no review written", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-review-"));
    fs.writeFileSync(path.join(dir, "~$r.xlsx"), "owner");
    const r = await runCli(["review", path.join(dir, "missing.xlsx"), "-o", path.join(dir, "r.xlsx"), "--lang", "en"]);
    expect(r.code).toBe(EXIT.cannotWrite);
    expect(r.stderr).toContain("~$r.xlsx");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(listing(dir)).toEqual(["~$r.xlsx"]);
  });
});
