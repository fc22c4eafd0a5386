import { layoutWorkbook } from "../../../src/core/layout/layoutWorkbook";
import { EXCEL_CELL_LIMIT, fitCell } from "../../../src/core/layout/sheetGrid/planGrid";
import { evaluation, indicator, level } from "./factory";

const META = { scoreTableName: "评分表", summaryName: "评分汇总", version: "1.2.3", generatedAt: "2023-02-28T08:00:00.000Z" };

describe("no output cell exceeds Excel's 32,767 characters", () => {
  it("fitCell keeps short text, cuts long text to the limit with a visible …, and never splits a surrogate pair", () => {
    expect(fitCell("指标")).toBe("指标");
    expect(fitCell("x".repeat(EXCEL_CELL_LIMIT))).toHaveLength(EXCEL_CELL_LIMIT);
    const cut = fitCell("x".repeat(40000));
    expect(cut).toHaveLength(EXCEL_CELL_LIMIT);
    expect(cut.endsWith("…")).toBe(true);
    const pairs = fitCell("x" + "😀".repeat(20000));
    expect(pairs.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(pairs).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it("lays out an indicator named with 65,000 characters within the limit, the name visibly cut", () => {
    const name = "长".repeat(65000);
    const d = level("决策", 4, 0, 100, 5);
    const ev = evaluation({ indicators: [indicator({ row: 4, l1: d, l2: level(name, 4, 2, 100), l3: null, weight: 100, selfScore: 100 })] });
    let cut = 0;
    for (const plan of layoutWorkbook(ev, META)) {
      for (const row of plan.cells) {
        for (const cell of row) {
          if (cell.kind !== "text") continue;
          expect(cell.text.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
          if (cell.text.startsWith("长长长") && cell.text.endsWith("…")) cut++;
        }
      }
    }
    expect(cut).toBeGreaterThan(0);
  });
});
