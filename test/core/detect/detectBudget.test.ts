import { detectBudget } from "../../../src/core/detect/detectBudget";
import { GridView } from "../../../src/core/detect/gridView";
import { gridAt } from "../helpers/gridAt";

describe("detectBudget", () => {
  it("reads the money unit from the bracketed label beside the block", () => {
    const grid = gridAt("自评表!B5", [
      ["项目资金（万元）", "", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率", "得分"],
      ["项目资金（万元）", "年度资金总额", 50, 57, 55.29, 10, 0.97, 9.7],
    ]);
    const b = detectBudget(new GridView(grid));
    expect(b?.unitText).toBe("万元");
    expect(b?.planned).toMatchObject({ kind: "number", value: 57 });
  });

  it("reads the unit from a bracket in the header row", () => {
    const grid = gridAt("S!A1", [
      ["", "全年预算数(元)", "全年执行数(元)", "分值"],
      ["年度资金总额", 570000, 541500, 10],
    ]);
    expect(detectBudget(new GridView(grid))?.unitText).toBe("元");
  });

  it("leaves the unit out when no bracket names one (（A）is not a unit)", () => {
    const grid = gridAt("S!A1", [
      ["", "全年预算数（A）", "全年执行数（B）", "分值"],
      ["年度资金总额", 57, 55.29, 10],
    ]);
    const b = detectBudget(new GridView(grid));
    expect(b).not.toBeNull();
    expect(b?.unitText).toBeUndefined();
  });
});
