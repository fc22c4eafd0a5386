/**
 * Sheets the pane can insert so a new user can try the add-in within a minute: a blank standard
 * 项目支出绩效自评表, or the seed's worked example (the layout of examples/seed.xlsx, built by
 * scripts/buildExamples.ts). Pure data: cells from A1, merges, header ranges and column widths.
 */

export type TemplateCell = string | number | null;

export interface TemplateSheet {
  /** The preferred sheet name; a free name is taken when it exists ("绩效评价 (2)"). */
  name: string;
  /** Rows from A1; null leaves a cell empty. */
  cells: TemplateCell[][];
  merges: string[];
  /** Bold, shaded header ranges. */
  headers: string[];
  /** The range that gets thin borders. */
  frame: string;
  /** Column widths in points, from column A. */
  widths: number[];
}

export type TemplateKind = "blank" | "example";

const _ = null;

/** examples/seed.xlsx: the county social-security bureau's 2022 评分表 and its enrollment lines. */
const SEED: TemplateSheet[] = [
  {
    name: "绩效评价",
    cells: [
      [_, "信丰县人力资源和社会保障局 部门绩效评价 评分表"],
      [_, "项目名称", "社保专项工作经费项目"],
      [],
      [_, "一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
      [_, "决策", 40, "项目立项", 5, "立项依据充分性", 2, 2],
      [_, _, _, _, _, "立项程序规范性", 3, 3],
      [_, _, _, "绩效目标", 10, "绩效目标合理性", 5, 5],
      [_, _, _, _, _, "绩效指标明确性", 5, 5],
      [_, _, _, "资金投入", 10, "预算编制科学性", 5, 5],
      [_, _, _, _, _, "资金分配合理性", 5, 5],
      [_, _, _, "资金管理", 5, "资金到位率", 2, 2],
      [_, _, _, _, _, "预算执行率", 3, 3],
      [_, _, _, "资金管理", 5, "资金使用合规性", 5, 5],
      [_, _, _, "组织实施", 5, "管理制度健全性", 2, 2],
      [_, _, _, _, _, "管理执行有效性", 3, 3],
      [_, "产出", 60, "产出数量", 10, "可根据项目实际情况有选择地设置和细化", 10, 10],
      [_, _, _, "产出质量", 10, _, 10, 10],
      [_, _, _, "产出时效", 10, _, 10, 10],
      [_, _, _, "产出成本", 10, _, 10, 10],
      [_, _, _, "经济效益", _, _, 0, 0],
      [_, _, _, "社会效益", 10, _, 10, 10],
      [_, _, _, "环境效益", _, _, 0, 0],
      [_, _, _, "可持续影响", _, _, 0, 0],
      [_, _, _, "满意度", 10, "社会公众或服务对象满意度", 10, 10],
      [_, "总分", 100, _, 100, _, 100, 100],
    ],
    merges: ["B1:H1", "C2:H2", "B5:B15", "C5:C15", "B16:B24", "C16:C24", "D5:D6", "E5:E6", "D7:D8", "E7:E8", "D9:D10", "E9:E10", "D11:D12", "E11:E12", "D14:D15", "E14:E15", "F16:F19"],
    headers: ["B4:H4"],
    frame: "B4:H25",
    widths: [18, 60, 42, 78, 42, 216, 42, 42],
  },
  {
    name: "参保情况",
    cells: [
      [_, "2022年度养老保险参保任务完成情况"],
      [],
      [_, "险种", "目标任务人数", "当前参保人数", "单位"],
      [_, "企业职工养老保险", 6.42, 5.68, "万人"],
      [_, "机关事业单位养老保险", 1.7238, 1.92, "万人"],
      [_, "城乡居民养老保险", 39, 39.05, "万人"],
    ],
    merges: ["B1:E1"],
    headers: ["B3:E3"],
    frame: "B3:E6",
    widths: [18, 144, 90, 90, 48],
  },
];

/** The standard 项目支出绩效自评表 (财预〔2020〕10号 附件1), with the framework's level names and nothing filled in. */
const BLANK: TemplateSheet[] = [
  {
    name: "项目支出绩效自评表",
    cells: [
      [_, "项目支出绩效自评表"],
      [_, "（    年度）"],
      [_, "项目名称"],
      [_, "主管部门", _, _, _, _, "实施单位"],
      [_, "项目资金（万元）", _, "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率", "得分"],
      [_, _, "年度资金总额", _, _, _, 10],
      [_, _, "其中：当年财政拨款"],
      [_, _, "上年结转资金"],
      [_, _, "其他资金"],
      [_, "年度总体目标", "预期目标", _, _, _, "实际完成情况"],
      [],
      [_, "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      [_, _, "产出指标", "数量指标"],
      [_, _, _, "质量指标"],
      [_, _, _, "时效指标"],
      [_, _, _, "成本指标"],
      [_, _, "效益指标", "经济效益指标"],
      [_, _, _, "社会效益指标"],
      [_, _, _, "生态效益指标"],
      [_, _, _, "可持续影响指标"],
      [_, _, "满意度指标", "服务对象满意度指标"],
      [_, "总分", _, _, _, _, _, 100],
    ],
    merges: ["B1:J1", "B2:J2", "C3:J3", "C4:F4", "H4:J4", "B5:B9", "B10:B11", "C10:F10", "G10:J10", "C11:F11", "G11:J11", "B12:B21", "C13:C16", "C17:C20", "B22:G22"],
    headers: ["D5:I5", "C12:J12"],
    frame: "B3:J22",
    widths: [18, 60, 120, 108, 192, 84, 84, 48, 48, 240],
  },
];

/** The sheets of a template. */
export function templateSheets(kind: TemplateKind): TemplateSheet[] {
  return kind === "example" ? SEED : BLANK;
}
