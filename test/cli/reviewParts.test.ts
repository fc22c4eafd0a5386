import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { SheetGrid } from "../../src/core/types";
import { findDepartment } from "../../src/cli/review/findDepartment";
import { assignOutputs, collectInputs } from "../../src/cli/review/collectInputs";
import { gradeDistribution, sortProjects } from "../../src/cli/review/runReview";
import { parseReviewArgs } from "../../src/cli/review/reviewArgs";
import { relativeHref } from "../../src/cli/review/writeReview";
import type { ReviewProject } from "../../src/cli/review/types";
import { ROOT } from "./run";

const grid = (values: SheetGrid["values"], rowIndex = 0): SheetGrid => ({ name: "S", rowIndex, columnIndex: 0, values, numberFormats: [], merges: [] });

describe("findDepartment", () => {
  it("returns the text right of 主管部门, past the blanks a merged cell leaves", () => {
    expect(findDepartment([grid([["主管部门", "信丰县人社局", "", "", "实施单位", "社保中心"]])])).toBe("信丰县人社局");
  });
  it("prefers 主管部门 to 实施单位 even when 实施单位 comes first", () => {
    expect(findDepartment([grid([["实施单位", "社保中心"], ["主管部门：", "人社局"]])])).toBe("人社局");
  });
  it("reads a label and its value in one cell", () => {
    expect(findDepartment([grid([["预算部门：财政局"]])])).toBe("财政局");
  });
  it("matches a label with a bracketed part", () => {
    expect(findDepartment([grid([["部门名称（单位）", "教育局"]])])).toBe("教育局");
  });
  it("returns null when the department cell is blank and the next cell is another label", () => {
    expect(findDepartment([grid([["主管部门", "", "实施单位", ""]])])).toBeNull();
  });
  it("returns null below the first 40 rows and for no grids", () => {
    expect(findDepartment([grid([["主管部门", "人社局"]], 40)])).toBeNull();
    expect(findDepartment([])).toBeNull();
  });
});

describe("collectInputs", () => {
  it("takes every .xlsx under a folder in name order, skipping lock files, scored copies and the excluded file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-collect-"));
    for (const n of ["b.xlsx", "a.xlsx", "a.scored.xlsx", "a.scored (2).xlsx", "~$b.xlsx", "notes.txt", "review.xlsx"]) fs.writeFileSync(path.join(dir, n), "");
    fs.mkdirSync(path.join(dir, "sub"));
    fs.writeFileSync(path.join(dir, "sub", "c.XLSX"), "");
    const r = collectInputs([dir, path.join(dir, "a.xlsx"), path.join(dir, "nope.xlsx")], new Set([path.join(dir, "review.xlsx")]));
    expect(r.files.map((f) => path.relative(dir, f))).toEqual(["a.xlsx", "b.xlsx", path.join("sub", "c.XLSX")]);
    expect(r.missing).toEqual([path.join(dir, "nope.xlsx")]);
  });
  it("takes a file named on the command line whatever its name", () => {
    const file = path.join(ROOT, "test", "fixtures", "README.md");
    expect(collectInputs([file], new Set()).files).toEqual([file]);
  });
});

describe("assignOutputs", () => {
  it("numbers copies whose names would collide in one --out-dir", () => {
    expect(assignOutputs(["/d/a.xlsx", "/e/a.xlsx", "/e/b.xlsx"], "/out")).toEqual(["/out/a.scored.xlsx", "/out/a.scored (2).xlsx", "/out/b.scored.xlsx"]);
  });
  it("never puts a copy on an input or on the review workbook", () => {
    expect(assignOutputs(["/d/a.xlsx", "/d/a.scored.xlsx"], null)).toEqual(["/d/a.scored (2).xlsx", "/d/a.scored.scored.xlsx"]);
    expect(assignOutputs(["/d/b.xlsx"], null, ["/d/b.scored.xlsx"])).toEqual(["/d/b.scored (2).xlsx"]);
  });
});

describe("sortProjects", () => {
  const p = (file: string, difference: number | null, projectIndex = 0) => ({ file, difference, projectIndex }) as ReviewProject;
  it("puts the largest |self − score| first, projects without a self total last, then file and position", () => {
    const sorted = sortProjects([p("a", 1), p("b", null), p("c", -3), p("d", 1, 1), p("d", 1, 0)]);
    expect(sorted.map((x) => `${x.file}${x.projectIndex}`)).toEqual(["c0", "a0", "d0", "d1", "b0"]);
  });
  it("returns an empty list for no projects", () => {
    expect(sortProjects([])).toEqual([]);
  });
});

describe("gradeDistribution", () => {
  it("counts the projects of each grade", () => {
    expect(gradeDistribution([{ grade: "优" }, { grade: "差" }, { grade: "优" }] as ReviewProject[])).toEqual({ 优: 2, 良: 0, 中: 0, 差: 1 });
  });
});

describe("parseReviewArgs", () => {
  it("reads files, folders and every option", () => {
    expect(parseReviewArgs(["a", "b.xlsx", "-o", "r.xlsx", "--out-dir=out", "--json", "--jobs", "3", "--lang", "en", "--profile", "湖北"])).toEqual({
      inputs: ["a", "b.xlsx"],
      output: "r.xlsx",
      outDir: "out",
      json: true,
      jobs: 3,
      lang: "en",
      profile: "hubei",
    });
  });
  it("defaults to review.xlsx, copies beside the inputs, Chinese and one job per core", () => {
    const r = parseReviewArgs(["a"]);
    expect(r).toEqual({ inputs: ["a"], output: "review.xlsx", outDir: null, json: false, jobs: os.availableParallelism(), lang: "zh", profile: "mof" });
  });
  it.each([[[]], [["a", "--jobs", "0"]], [["a", "--jobs", "1.5"]], [["a", "--out-dir"]], [["a", "--in-place"]], [["a", "--profile", "guangdong"]]])("rejects %j", (argv) => {
    expect(() => parseReviewArgs(argv)).toThrow();
  });
});

describe("relativeHref", () => {
  it("links relative to the review's folder with each segment percent-encoded", () => {
    expect(relativeHref("/r/review.xlsx", "/r/a b/项目#1.scored.xlsx")).toBe("a%20b/%E9%A1%B9%E7%9B%AE%231.scored.xlsx");
    expect(relativeHref("/r/out/review.xlsx", "/r/in/x.scored.xlsx")).toBe("../in/x.scored.xlsx");
  });
});
