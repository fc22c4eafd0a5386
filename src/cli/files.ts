/**
 * File handling for the CLI: which file is read, where the scored copy goes, and how it gets
 * there. Every failure is a {@link FileProblem}: one sentence in the user's language naming the
 * file and what to do, with its exit code; never a stack trace, never a half-written file and
 * never a temporary file left behind.
 *
 * - The input is checked before it is opened: it exists, is a file, can be read, and is a zip
 *   (an .xlsx), not an encrypted workbook or an old .xls (both OLE compound files).
 * - The output may never be the input (the same path, a symbolic or hard link to it, by realpath
 *   and by device and inode) unless `--in-place` is given.
 * - Writing goes through symbolic links to their target (the link stays a link), into a
 *   temporary file in the target's folder, which is flushed to disk, given the replaced file's
 *   mode (and owner and group, where the process may set them) and renamed over the target.
 * - A file that Excel or LibreOffice has open (their lock file `~$name` or `.~lock.name#` lies
 *   beside it) is not replaced: the program holding it would save over the scored copy.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { Language } from "../core/types";
import { EXIT, type ExitCode } from "./exitCodes";
import { terminalText } from "./terminal";

type Text = { zh: string; en: string };

/** A problem with a file, as the user is told it. */
export class FileProblem extends Error {
  override readonly name = "FileProblem";
  constructor(
    /** The file it is about, as the user named it. */
    readonly file: string,
    readonly text: Text,
    readonly exit: ExitCode,
  ) {
    super(`${file}: ${text.en}`);
  }

  /** The sentence for stderr: `perfscore: <file>: <what happened; what to do>`. */
  line(lang: Language): string {
    return `perfscore: ${terminalText(this.file)}: ${terminalText(this.text[lang])}`;
  }
}

const errnoOf = (e: unknown): string | undefined => (e instanceof Error && "code" in e && typeof e.code === "string" ? e.code : undefined);

/** Why reading failed, in words, from a Node error code. */
function readReason(e: unknown): Text {
  switch (errnoOf(e)) {
    case "ENOENT":
    case "ENOTDIR":
      return { zh: "文件不存在；请检查文件名和路径", en: "no such file; check the name and the path" };
    case "EACCES":
    case "EPERM":
      return { zh: "没有读取此文件的权限；请检查文件权限，或先复制一份再评分", en: "permission to read it is denied; check its permissions, or score a copy" };
    case "EISDIR":
      return { zh: "这是一个文件夹，不是工作簿；如要评多个文件，请用 perfscore review", en: "it is a folder, not a workbook; to score many files use perfscore review" };
    case "EBUSY":
      return { zh: "文件正被其他程序占用；请关闭后再试", en: "another program holds the file; close it and try again" };
    default:
      return { zh: `无法读取（${errnoOf(e) ?? "未知错误"}）；请确认文件可以打开`, en: `it cannot be read (${errnoOf(e) ?? "unknown error"}); check that it opens` };
  }
}

/** The head of a zip file, and of an OLE compound file (an encrypted .xlsx or an old .xls). */
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Checks that `file` can be read as an .xlsx before anything opens it.
 *
 * @throws FileProblem (exit 2) when it is missing, a folder, not a regular file, unreadable, encrypted, an .xls, or not a zip
 */
export function checkInput(file: string): void {
  let fd: number;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
  } catch (e) {
    throw new FileProblem(file, readReason(e), EXIT.usage);
  }
  // A pipe or a device would block the read or never end; a workbook is a regular file.
  if (!stat.isFile()) throw new FileProblem(file, { zh: "不是普通文件（可能是管道或设备）；请给出 .xlsx 工作簿文件", en: "not a regular file (a pipe or a device); name an .xlsx workbook file" }, EXIT.usage);
  try {
    fd = fs.openSync(file, "r");
  } catch (e) {
    throw new FileProblem(file, readReason(e), EXIT.usage);
  }
  const head = Buffer.alloc(8);
  let n: number;
  try {
    n = fs.readSync(fd, head, 0, 8, 0);
  } catch (e) {
    throw new FileProblem(file, readReason(e), EXIT.usage);
  } finally {
    fs.closeSync(fd);
  }
  if (n === 0) throw new FileProblem(file, { zh: "文件是空的（0 字节），不是 .xlsx 工作簿", en: "the file is empty (0 bytes), not an .xlsx workbook" }, EXIT.usage);
  if (head.equals(OLE)) {
    throw new FileProblem(
      file,
      {
        zh: "文件已加密（设有打开密码）或是旧版 .xls 格式；请在 Excel 中取消密码或另存为 .xlsx 后再试",
        en: "the file is encrypted (password to open) or an old .xls; remove the password or save it as .xlsx in Excel",
      },
      EXIT.usage,
    );
  }
  if (!head.subarray(0, 4).equals(ZIP)) {
    throw new FileProblem(file, { zh: "不是 .xlsx 工作簿；请在 Excel 中打开并另存为 .xlsx 后再试", en: "not an .xlsx workbook; open it in Excel and save it as .xlsx" }, EXIT.usage);
  }
}

/**
 * Follows symbolic links from `file` to the path that would really be written, even when the
 * last link points at a file that does not exist yet. Folders on the way are resolved too.
 *
 * @throws FileProblem (exit 4) for a loop of links
 */
export function resolveTarget(file: string): string {
  let current = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.lstatSync(current);
    } catch {
      stat = undefined;
    }
    if (stat === undefined || !stat.isSymbolicLink()) {
      const dir = path.dirname(current);
      let realDir = dir;
      try {
        realDir = fs.realpathSync(dir);
      } catch {
        realDir = dir;
      }
      return path.join(realDir, path.basename(current));
    }
    try {
      current = path.resolve(path.dirname(current), fs.readlinkSync(current));
    } catch {
      break;
    }
  }
  throw new FileProblem(file, { zh: "符号链接形成了循环；请改用另一个输出文件名", en: "its symbolic links form a loop; choose another output name" }, EXIT.cannotWrite);
}

/**
 * Whether two paths name the same file: the same real path, or the same device and inode (a hard
 * link). A path that does not exist names no file.
 */
export function sameFile(a: string, b: string): boolean {
  const sa = statOrNothing(a);
  const sb = statOrNothing(b);
  if (sa === undefined || sb === undefined) return resolveTarget(a) === resolveTarget(b);
  return (sa.dev === sb.dev && sa.ino === sb.ino && sa.ino !== 0) || fs.realpathSync(a) === fs.realpathSync(b);
}

/** A file's stat, or undefined when it cannot be had (missing, a loop of links, no permission to look). */
function statOrNothing(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** Where the scored copy goes by default: `<name>.scored.xlsx` beside the input (an .xlsm keeps its extension). */
export function defaultOutput(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}.scored${ext || ".xlsx"}`);
}

/**
 * Chooses the output: the input itself with `--in-place`, else `-o`, else `<name>.scored.xlsx`.
 *
 * @throws FileProblem (exit 2) when the output would replace the input without `--in-place`, or names a folder
 */
export function chooseOutput(input: string, output: string | null, inPlace: boolean): string {
  if (inPlace) return input;
  const file = output ?? defaultOutput(input);
  if (statOrNothing(file)?.isDirectory() === true) {
    throw new FileProblem(file, { zh: "这是一个文件夹；请用 -o 指定输出工作簿的文件名，如 -o 结果.xlsx", en: "it is a folder; name the output workbook, e.g. -o scored.xlsx" }, EXIT.usage);
  }
  if (sameFile(input, file)) {
    throw new FileProblem(
      file,
      {
        zh: "输出文件就是输入文件（同一路径或其链接），评分不会覆盖原表；如确要写回原文件，请使用 --in-place，否则用 -o 指定另一个文件名",
        en: "the output is the input itself (the same path or a link to it), and scoring never overwrites the input unasked; use --in-place to write into it, or -o another name",
      },
      EXIT.usage,
    );
  }
  return file;
}

/** The lock files Excel (`~$name`) and LibreOffice (`.~lock.name#`) keep beside a file they have open. */
export function lockFiles(target: string): string[] {
  const dir = path.dirname(target);
  const base = path.basename(target);
  return [`~$${base}`, `.~lock.${base}#`].map((n) => path.join(dir, n)).filter((f) => fs.existsSync(f));
}

/** Why writing failed, in words, from a Node error code. */
function writeReason(e: unknown, dir: string): Text {
  switch (errnoOf(e)) {
    case "ENOENT":
    case "ENOTDIR":
      return { zh: `文件夹 ${dir} 不存在；请先创建它，或用 -o 指定其他位置`, en: `the folder ${dir} does not exist; create it, or use -o to write elsewhere` };
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return { zh: `没有在文件夹 ${dir} 中写入的权限；请用 -o 写到其他位置`, en: `there is no permission to write in the folder ${dir}; use -o to write elsewhere` };
    case "ENOSPC":
    case "EDQUOT":
      return { zh: "磁盘已满；请腾出空间，或用 -o 写到其他磁盘", en: "the disk is full; free some space, or use -o to write to another disk" };
    case "EBUSY":
    case "ETXTBSY":
      return { zh: "文件正被其他程序占用（可能在 Excel 中打开着）；请关闭后再试", en: "another program holds the file (it may be open in Excel); close it and try again" };
    case "EISDIR":
      return { zh: "这是一个文件夹；请指定一个文件名", en: "it is a folder; name a file" };
    case "ENAMETOOLONG":
      return { zh: "文件名过长；请用 -o 指定一个较短的名字", en: "the name is too long; use -o with a shorter name" };
    default:
      return { zh: `无法写入（${errnoOf(e) ?? "未知错误"}）；请用 -o 写到其他位置`, en: `it cannot be written (${errnoOf(e) ?? "unknown error"}); use -o to write elsewhere` };
  }
}

/** Why renaming over an existing file failed: on Windows, a file open in Excel cannot be replaced (EPERM, EACCES or EBUSY). */
function replaceReason(e: unknown, dir: string): Text {
  const code = errnoOf(e);
  if (code === "EPERM" || code === "EACCES" || code === "EBUSY") {
    return {
      zh: "无法替换此文件：它可能正在其他程序（如 Excel）中打开，或所在文件夹不允许修改；请关闭后再试，或用 -o 写到另一个文件",
      en: "the file cannot be replaced: it may be open in another program (such as Excel), or its folder does not allow changes; close it and try again, or use -o to write another file",
    };
  }
  return writeReason(e, dir);
}

/** What writeOutput did besides writing, for the user to know. */
export interface WriteNotes {
  /** The file the bytes went to (the symbolic link's target, when the output was a link). */
  target: string;
  /** The replaced file had other hard links: they keep the old content (an atomic rename replaces one name only). */
  otherLinks: number;
}

/**
 * Writes `bytes` to `file` atomically: through symbolic links to their target, into a temporary
 * file in the target's folder, flushed, given the replaced file's mode (and owner and group where
 * permitted; a new file gets the usual mode under the umask), then renamed over the target. On any
 * failure the temporary file is removed and the target is as it was.
 *
 * @param file - the output path as the user named it (or the input, with `--in-place`)
 * @throws FileProblem (exit 4) when the target cannot be written
 */
export function writeOutput(file: string, bytes: Uint8Array): WriteNotes {
  const target = resolveTarget(file);
  const dir = path.dirname(target);
  // The folder as the user named it, unless a link led elsewhere.
  const shownDir = path.resolve(file) === target ? path.dirname(file) : dir;
  const dirStat = fs.statSync(dir, { throwIfNoEntry: false });
  if (dirStat === undefined) throw new FileProblem(file, writeReason(Object.assign(new Error(), { code: "ENOENT" }), shownDir), EXIT.cannotWrite);
  if (!dirStat.isDirectory()) throw new FileProblem(file, writeReason(Object.assign(new Error(), { code: "ENOTDIR" }), shownDir), EXIT.cannotWrite);
  const old = fs.statSync(target, { throwIfNoEntry: false });
  if (old?.isDirectory() === true) throw new FileProblem(file, writeReason(Object.assign(new Error(), { code: "EISDIR" }), shownDir), EXIT.cannotWrite);
  if (old !== undefined) {
    try {
      // No write bit at all is read-only to the user, even for root, whom access() never refuses.
      if ((old.mode & 0o222) === 0) throw new Error("read-only");
      fs.accessSync(target, fs.constants.W_OK);
    } catch {
      throw new FileProblem(
        file,
        { zh: "文件是只读的，评分不会替换它；如确要写入，请先取消只读，或用 -o 写到另一个文件", en: "the file is read-only, so it is not replaced; make it writable first, or use -o to write another file" },
        EXIT.cannotWrite,
      );
    }
  }
  const locks = lockFiles(target);
  if (locks.length > 0) {
    const lock = path.basename(locks[0]!);
    throw new FileProblem(
      file,
      {
        zh: `文件正在 Excel 或 LibreOffice 中打开（旁边有锁文件 ${lock}）；请先关闭它再评分。如已关闭，请删除锁文件 ${lock} 后再试`,
        en: `the file is open in Excel or LibreOffice (the lock file ${lock} lies beside it); close it and run again, or, if it is closed, delete ${lock}`,
      },
      EXIT.cannotWrite,
    );
  }
  const tmp = path.join(dir, `.${path.basename(target).slice(0, 100)}.${process.pid}-${crypto.randomBytes(4).toString("hex")}.tmp`);
  let fd: number | null = null;
  let replacing = false;
  try {
    // Created no more open than the file it replaces (a 0600 workbook is never readable by others,
    // not even for a moment); a new file gets 0666 under the umask, as any program's would.
    fd = fs.openSync(tmp, "wx", old !== undefined ? old.mode & 0o777 : 0o666);
    for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
    fs.fsyncSync(fd);
    if (old !== undefined) {
      try {
        fs.fchownSync(fd, old.uid, old.gid);
      } catch {
        // Only root may give a file away; an ordinary user keeps ownership, as any editor does.
      }
      // After chown, which may clear set-id bits; the umask may also have narrowed the mode at creation.
      fs.fchmodSync(fd, old.mode & 0o7777);
    }
    fs.closeSync(fd);
    fd = null;
    replacing = true;
    fs.renameSync(tmp, target);
  } catch (e) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed or never opened
      }
    }
    fs.rmSync(tmp, { force: true });
    throw new FileProblem(file, replacing && old !== undefined ? replaceReason(e, shownDir) : writeReason(e, shownDir), EXIT.cannotWrite);
  }
  return { target, otherLinks: old !== undefined && old.nlink > 1 ? old.nlink - 1 : 0 };
}
