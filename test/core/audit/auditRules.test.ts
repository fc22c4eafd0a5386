import { auditQuantityNode } from "../../../src/core/audit/auditQuantityNode";
import { auditReasons } from "../../../src/core/audit/auditReasons";
import { detectWorkbook } from "../../../src/core/detect/detectWorkbook";
import { scoreEnrollment } from "../../../src/core/score/scoreEnrollment";
import { scoreIndicator } from "../../../src/core/score/scoreIndicator";
import { DEFAULT_SETTINGS, type Finding, type SheetGrid } from "../../../src/core/types";
import { formGrid, FORM_HEADER } from "../helpers/form";
import { gridAt } from "../helpers/gridAt";
import { seedGrids } from "../helpers/seed";

/** The detected table and its rows scored, with the row findings. */
function scored(grids: SheetGrid[]) {
  const detection = detectWorkbook(grids);
  const table = detection.indicatorTable!;
  const results = table.rows.map((r) => scoreIndicator(r, DEFAULT_SETTINGS, []));
  return { detection, table, indicators: results.map((r) => r.scored), findings: results.flatMap((r) => r.findings) };
}

const brief = (fs: Finding[]) => fs.map((f) => [f.code, f.cell, f.message.en]);

describe("auditQuantityNode", () => {
  it("flags the seed's full-marks 产出数量 once per enrollment line below 100%", () => {
    const { detection, table } = scored(seedGrids());
    const lines = scoreEnrollment(detection.enrollment, DEFAULT_SETTINGS).lines;
    expect(brief(auditQuantityNode(table.rows, detection.enrollment, lines))).toEqual([
      ["UNMET_TARGET_FULL_MARKS", "评分表!H16", '"产出数量" is self-scored full marks, but "企业职工养老保险" is only at 88.47% (参保情况!A3).'],
    ]);
  });

  it("says nothing when the node is not at full marks", () => {
    const grids = seedGrids();
    const table = grids[0]!;
    const values = table.values.map((r) => [...r]);
    values[15]![7] = 9; // 产出数量's self-score, H16
    const { detection, table: t } = scored([{ ...table, values }, grids[1]!]);
    const lines = scoreEnrollment(detection.enrollment, DEFAULT_SETTINGS).lines;
    expect(auditQuantityNode(t.rows, detection.enrollment, lines)).toEqual([]);
  });

  it("leaves the check to the links when any line names its indicator", () => {
    const enrollment = gridAt("E!A1", [["险种", "目标任务人数", "当前参保人数", "关联指标"], ["甲", 100, 50, "参保人数"]]);
    const { detection, table } = scored([formGrid([["产出", "产出数量", "参保人数", "", "", 100, 100]]), enrollment]);
    const lines = scoreEnrollment(detection.enrollment, DEFAULT_SETTINGS).lines;
    expect(auditQuantityNode(table.rows, detection.enrollment, lines)).toEqual([]);
  });
});

describe("auditReasons", () => {
  const rows = [
    ["产出", "数量", "A", "≥100", 90, 30, 27, ""],
    ["产出", "数量", "B", "≥100", 90, 30, 27, "天气原因"],
    ["产出", "质量", "C", "≥100", 150, 20, 20, ""],
    ["产出", "质量", "D", "≥100", 100, 20, 20, ""],
  ];

  it("asks for a reason below full marks and after over-completion, at the reason cell", () => {
    const { table, indicators, findings } = scored([formGrid(rows)]);
    expect(brief(auditReasons(table, indicators, findings))).toEqual([
      ["MISSING_REASON", "表!H2", '"A" is below full marks, but no reason or remedy is given.'],
      ["MISSING_REASON", "表!H4", '"C" is over-completed, but no reason is given.'],
    ]);
  });

  it("audits nothing in a table without a reason column", () => {
    const { table, indicators, findings } = scored([formGrid(rows.map((r) => r.slice(0, 7)), "表!A1", FORM_HEADER.slice(0, 7))]);
    expect(auditReasons(table, indicators, findings)).toEqual([]);
  });
});
