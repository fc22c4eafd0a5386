/**
 * Every word the review writes (its sheets, its console lines and its failure reasons), in both
 * languages. Grade and severity names come from the core's terms(); finding titles from TITLES.
 */
import type { Language } from "../../core/types";

export interface ReviewText {
  reviewSheet: string;
  failuresSheet: string;
  title: string;
  /** "文件 5 个，已评分 3 个，项目 3 个，失败 2 个" */
  counts(files: number, scored: number, projects: number, failed: number): string;
  grade: string;
  projectCount: string;
  share: string;
  sum: string;
  tableHeading: string;
  columns: {
    file: string;
    department: string;
    project: string;
    total: string;
    grade: string;
    scoreSum: string;
    selfTotal: string;
    difference: string;
    scoredCopy: string;
    topFinding: string;
    reason: string;
  };
  openScoredCopy: string;
  failuresTitle: string;
  reasons: {
    missing: string;
    notXlsx: string;
    encrypted: string;
    unreadable(detail: string): string;
    nothingToScore: string;
    cannotWrite(file: string, detail: string): string;
    worker(detail: string): string;
  };
  progress(done: number, total: number, failed: number): string;
  written(file: string): string;
  noInputs: string;
  reviewNotWritten(detail: string): string;
}

const ZH: ReviewText = {
  reviewSheet: "审核总览",
  failuresSheet: "失败",
  title: "绩效自评审核总览",
  counts: (f, s, p, x) => `文件 ${f} 个，已评分 ${s} 个（项目 ${p} 个），失败 ${x} 个`,
  grade: "等级",
  projectCount: "项目数",
  share: "占比",
  sum: "合计",
  tableHeading: "各项目（按自评与评分差距从大到小排列）",
  columns: {
    file: "文件",
    department: "部门",
    project: "项目",
    total: "计算总分（百分制）",
    grade: "等级",
    scoreSum: "得分合计",
    selfTotal: "自评总分",
    difference: "差异（自评 − 得分）",
    scoredCopy: "评分副本",
    topFinding: "最严重的问题",
    reason: "原因",
  },
  openScoredCopy: "打开评分副本",
  failuresTitle: "未能评分的文件",
  reasons: {
    missing: "文件不存在或不是文件",
    notXlsx: "无法读取：不是 .xlsx 工作簿",
    encrypted: "无法读取：文件已加密（设有打开密码）或是旧版 .xls 格式；请在 Excel 中取消密码或另存为 .xlsx 后再试",
    unreadable: (d) => `无法读取：${d}`,
    nothingToScore: "没有可评分的内容",
    cannotWrite: (f, d) => `评分副本 ${f} 无法写入：${d}`,
    worker: (d) => `评分进程意外退出：${d}`,
  },
  progress: (d, t, x) => `已处理 ${d}/${t}${x > 0 ? `，失败 ${x}` : ""}`,
  written: (f) => `审核表已写入：${f}`,
  noInputs: "没有找到 .xlsx 工作簿",
  reviewNotWritten: (d) => `审核表无法写入：${d}`,
};

const EN: ReviewText = {
  reviewSheet: "Review",
  failuresSheet: "Failures",
  title: "Self-evaluation review",
  counts: (f, s, p, x) => `${f} files: ${s} scored (${p} projects), ${x} failed`,
  grade: "Grade",
  projectCount: "Projects",
  share: "Share",
  sum: "Total",
  tableHeading: "Projects, by the gap between self-assessment and score, largest first",
  columns: {
    file: "File",
    department: "Department",
    project: "Project",
    total: "Computed total (of 100)",
    grade: "Grade",
    scoreSum: "Score sum",
    selfTotal: "Self-assessed total",
    difference: "Difference (self − score)",
    scoredCopy: "Scored copy",
    topFinding: "Most serious finding",
    reason: "Reason",
  },
  openScoredCopy: "Open the scored copy",
  failuresTitle: "Files that could not be scored",
  reasons: {
    missing: "no such file",
    notXlsx: "cannot be read: not an .xlsx workbook",
    encrypted: "cannot be read: the file is encrypted (password to open) or an old .xls; remove the password or save it as .xlsx in Excel",
    unreadable: (d) => `cannot be read: ${d}`,
    nothingToScore: "nothing to score",
    cannotWrite: (f, d) => `the scored copy ${f} cannot be written: ${d}`,
    worker: (d) => `the scoring worker stopped: ${d}`,
  },
  progress: (d, t, x) => `${d}/${t} done${x > 0 ? `, ${x} failed` : ""}`,
  written: (f) => `Review written: ${f}`,
  noInputs: "no .xlsx workbooks found",
  reviewNotWritten: (d) => `the review workbook cannot be written: ${d}`,
};

/**
 * The review's words in one language.
 *
 * @example
 * reviewText("en").reviewSheet //=> "Review"
 */
export function reviewText(lang: Language): ReviewText {
  return lang === "en" ? EN : ZH;
}
