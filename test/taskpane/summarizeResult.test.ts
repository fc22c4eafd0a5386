import type { ComputeResult } from "../../src/excel/compute";
import type { Evaluation, Finding, Severity } from "../../src/core/types";
import { summarizeResult } from "../../src/taskpane/summarizeResult";

function finding(severity: Severity): Finding {
  return { code: "SCORE_MISMATCH", severity, cell: "Sheet1!C7", message: { zh: "", en: "" } };
}

/** Only the fields the summary reads; the rest of Evaluation is irrelevant here. */
function scored(total: number, findings: Finding[], outputSheets: string[]): ComputeResult {
  const evaluation = { total, grade: "良", projectName: "校园改造项目", findings } as unknown as Evaluation;
  return { status: "scored", evaluation, projects: [evaluation], workbookFindings: [], problem: null, outputSheets };
}

describe("summarizeResult", () => {
  it("shows the total with 2 decimals", () => {
    const summary = summarizeResult(scored(85.456, [], ["评分表"]), "zh");
    expect(summary.kind === "scored" && summary.rows[0]).toEqual({ label: "总分", value: "85.46" });
  });

  it("names the grade in English with the Chinese grade alongside", () => {
    const summary = summarizeResult(scored(85, [], []), "en");
    expect(summary.kind === "scored" && summary.rows[1]).toEqual({ label: "Grade", value: "Good (良)" });
  });

  it("counts findings by severity, including severities with none", () => {
    const findings = [finding("error"), finding("warning"), finding("warning")];
    const zh = summarizeResult(scored(85, findings, []), "zh");
    const en = summarizeResult(scored(85, findings, []), "en");
    expect(zh.kind === "scored" && zh.rows[2]?.value).toBe("错误 1 · 警告 2 · 提示 0");
    expect(en.kind === "scored" && en.rows[2]?.value).toBe("1 error · 2 warnings · 0 notes");
  });

  it("lists the output sheets in order", () => {
    const summary = summarizeResult(scored(85, [], ["评分表", "评分汇总"]), "zh");
    expect(summary.kind === "scored" && summary.sheets).toEqual(["评分表", "评分汇总"]);
  });

  it("says none when no sheet was written", () => {
    const summary = summarizeResult(scored(85, [], []), "en");
    expect(summary.kind === "scored" && summary.sheets).toEqual(["none"]);
  });

  it("uses the project name as the heading", () => {
    expect(summarizeResult(scored(85, [], []), "zh").heading).toBe("校园改造项目");
  });

  it("shows the problem in the chosen language when there is nothing to score", () => {
    const result: ComputeResult = {
      status: "nothingToScore",
      evaluation: null,
      projects: [],
      workbookFindings: [],
      problem: { zh: "未找到指标表", en: "No indicator table found" },
      outputSheets: [],
    };
    expect(summarizeResult(result, "en")).toEqual({
      kind: "nothingToScore",
      heading: "Nothing to score",
      problem: "No indicator table found",
    });
    expect(summarizeResult(result, "zh")).toMatchObject({ problem: "未找到指标表" });
  });
});
