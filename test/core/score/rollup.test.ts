import { detectWorkbook } from "../../../src/core/detect/detectWorkbook";
import { rollup, totalOf } from "../../../src/core/score/rollup";
import { scoreIndicator } from "../../../src/core/score/scoreIndicator";
import { DEFAULT_SETTINGS, type RollupNode, type SheetGrid } from "../../../src/core/types";
import { formGrid } from "../helpers/form";
import { seedGrids } from "../helpers/seed";

function indicatorsOf(grids: SheetGrid[]) {
  const table = detectWorkbook(grids).indicatorTable!;
  return table.rows.map((r) => scoreIndicator(r, DEFAULT_SETTINGS, []).scored);
}

const shape = (n: RollupNode): unknown => [n.path.join("/"), n.weight, n.score, n.selfScore, n.cell, n.children.map(shape)];

describe("rollup", () => {
  it("groups the seed's leaves under their level-1 and level-2 nodes, by cell, in table order", () => {
    const nodes = rollup(indicatorsOf(seedGrids()), null);
    expect(nodes.map((n) => [n.path[0], n.weight, n.score, n.children.map((c) => c.path[1])])).toEqual([
      ["决策", 40, 40, ["项目立项", "绩效目标", "资金投入", "资金管理", "资金管理", "组织实施"]],
      ["产出", 60, 60, ["产出数量", "产出质量", "产出时效", "产出成本", "经济效益", "社会效益", "环境效益", "可持续影响", "满意度"]],
    ]);
  });

  it("rolls a table without a level-1 column up into its level-2 nodes", () => {
    const grid = formGrid(
      [
        ["数量", "A", "", "", 30, 30],
        ["", "B", "", "", 20, 10],
        ["质量", "C", "", "", 50, 45],
      ],
      "T!A1",
      ["二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    );
    expect(rollup(indicatorsOf([grid]), null).map(shape)).toEqual([
      ["数量", 50, 40, 40, "T!A2", []],
      ["质量", 50, 45, 45, "T!A4", []],
    ]);
  });
});

describe("totalOf", () => {
  it("rescales Σ scores by the applicable weights and counts every self-score", () => {
    const grid = formGrid([
      ["产出", "数量", "A", "≥100", 50, 40, 20],
      ["产出", "数量", "B", "N/A", "", 20, 20],
      ["产出", "质量", "C", "", "", 40, 40],
    ]);
    expect(totalOf(indicatorsOf([grid]), null)).toEqual({ scoreSum: 60, weightTotal: 80, total: 75, selfTotal: 80 });
  });
  it("rescales only for N/A weight: D = max(scale − N/A, Σw) over a declared scale", () => {
    const grid = formGrid([
      ["产出", "数量", "A", "≥100", 50, 40, 20],
      ["产出", "数量", "B", "N/A", "", 20, 20],
      ["产出", "质量", "C", "", "", 40, 40],
    ]);
    // 100 − 20 (N/A) = 80 = Σw: the total is 60 / 80.
    expect(totalOf(indicatorsOf([grid]), null, 100)).toEqual({ scoreSum: 60, weightTotal: 80, total: 75, selfTotal: 80 });
  });
  it("does not inflate weights that fall short of the scale", () => {
    const grid = formGrid([
      ["产出", "数量", "A", "", "", 50, 50],
      ["产出", "质量", "B", "", "", 40, 40],
    ]);
    expect(totalOf(indicatorsOf([grid]), null)).toEqual({ scoreSum: 90, weightTotal: 100, total: 90, selfTotal: 90 });
  });
  it("normalises weights above the scale by the weights", () => {
    const grid = formGrid([
      ["产出", "数量", "A", "", "", 70, 70],
      ["产出", "质量", "B", "", "", 40, 30],
    ]);
    expect(totalOf(indicatorsOf([grid]), null, 100)).toEqual({ scoreSum: 100, weightTotal: 110, total: (100 * 100) / 110, selfTotal: 100 });
  });
  it("does not shrink the scale for a zero-weight row", () => {
    const grid = formGrid([
      ["产出", "数量", "A", "", "", 90, 90],
      ["产出", "质量", "B", "", "", 0, ""],
    ]);
    expect(totalOf(indicatorsOf([grid]), null)).toEqual({ scoreSum: 90, weightTotal: 100, total: 90, selfTotal: 90 });
  });
});
