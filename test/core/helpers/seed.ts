import type { CellValue, SheetGrid } from "../../../src/core/types";
import { gridAt } from "./gridAt";

const LONG = "可根据项目实际情况有选择地设置和细化";

/** docs/scoring-rules.md §5 as a grid at 评分表!B4 with the seed's merges, and the enrollment lines on 参保情况 in 万人. */
export function seedGrids(sheet = "评分表", at = "B4"): SheetGrid[] {
  const rows: CellValue[][] = [
    ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
    ["决策", 40, "项目立项", 5, "立项依据充分性", 2, 2],
    ["", "", "", "", "立项程序规范性", 3, 3],
    ["", "", "绩效目标", 10, "绩效目标合理性", 5, 5],
    ["", "", "", "", "绩效指标明确性", 5, 5],
    ["", "", "资金投入", 10, "预算编制科学性", 5, 5],
    ["", "", "", "", "资金分配合理性", 5, 5],
    ["", "", "资金管理", 5, "资金到位率", 2, 2],
    ["", "", "", "", "预算执行率", 3, 3],
    ["", "", "资金管理", 5, "资金使用合规性", 5, 5],
    ["", "", "组织实施", 5, "管理制度健全性", 2, 2],
    ["", "", "", "", "管理执行有效性", 3, 3],
    ["产出", 60, "产出数量", 10, LONG, 10, 10],
    ["", "", "产出质量", 10, "", 10, 10],
    ["", "", "产出时效", 10, "", 10, 10],
    ["", "", "产出成本", 10, "", 10, 10],
    ["", "", "经济效益", "", "", 0, 0],
    ["", "", "社会效益", 10, "", 10, 10],
    ["", "", "环境效益", "", "", 0, 0],
    ["", "", "可持续影响", "", "", 0, 0],
    ["", "", "满意度", 10, "社会公众或服务对象满意度", 10, 10],
    ["总分", 100, "", 100, "", 100, 100],
  ];
  const a = /^([A-Z]+)(\d+)$/.exec(at)!;
  const col0 = a[1]!.charCodeAt(0) - 65;
  const row0 = Number(a[2]) - 1;
  const L = (c: number) => String.fromCharCode(65 + col0 + c);
  const R = (r: number) => row0 + 1 + r;
  const m = (c: number, r1: number, r2: number) => `${L(c)}${R(r1)}:${L(c)}${R(r2)}`;
  const merges = [
    m(0, 1, 11), m(1, 1, 11), m(0, 12, 20), m(1, 12, 20),
    m(2, 1, 2), m(3, 1, 2), m(2, 3, 4), m(3, 3, 4), m(2, 5, 6), m(3, 5, 6), m(2, 7, 8), m(3, 7, 8), m(2, 10, 11), m(3, 10, 11),
    m(4, 12, 15),
  ];
  const title = gridAt(`${sheet}!A1`, [["信丰县人力资源和社会保障局 部门绩效评价 评分表"], ["项目名称", "社保专项工作经费项目"]]);
  const table = gridAt(`${sheet}!${at}`, rows, merges);
  // Merge the title rows into the table grid so one sheet is one grid.
  const grid: SheetGrid = { ...table, rowIndex: 0, columnIndex: 0, values: [], numberFormats: [] };
  const width = col0 + 7;
  const height = row0 + rows.length;
  for (let r = 0; r < height; r++) {
    const vr: CellValue[] = [];
    for (let c = 0; c < width; c++) {
      const fromTable = r >= row0 && c >= col0 ? rows[r - row0]?.[c - col0] : undefined;
      const fromTitle = title.values[r]?.[c];
      vr.push(fromTable ?? fromTitle ?? "");
    }
    grid.values.push(vr);
    grid.numberFormats.push(vr.map(() => "General"));
  }
  const enrollment = gridAt("参保情况!A1", [
    ["参保任务完成情况"],
    ["险种", "目标任务人数", "当前参保人数", "单位"],
    ["企业职工养老保险", 6.42, 5.68, "万人"],
    ["机关事业单位养老保险", 1.7238, 1.92, "万人"],
    ["城乡居民养老保险", 39, 39.05, "万人"],
  ]);
  return [grid, enrollment];
}
