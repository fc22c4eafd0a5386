/**
 * Writes the corpus of real published 绩效自评表 into test/corpus/<id>.xlsx: each table transcribed
 * from a public page, laid out as the department laid it out (titles, 项目名称, the budget block,
 * merged level cells, template rows, placeholders, the 总分 row, the reasons, the real numbers).
 *
 * Sources, what each table exercises, and the hand-worked expectations are in test/corpus/README.md
 * and test/corpus/<id>.expected.{md,json}; this script only lays the workbooks out. Nothing here is
 * invented: a cell the page does not show is left empty, and a table the page cuts off stops where
 * the page stops (the workbook's description property says so).
 *
 * Output is byte-for-byte reproducible (fixed dates and zip timestamps, as in buildExamples).
 *
 * Run: npm run corpus
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { ROOT, alignLeft, frame, landscape, merge, newWorkbook, put, putRow, save, title } from "./buildExamples";

type Value = string | number | null | { number: number; format: string };

/** A number shown with two decimals, as the Yunnan form prints 10.00. */
const d2 = (n: number): Value => ({ number: n, format: "0.00" });

/** A fraction shown as a percent with no decimals (0.86 as 86%). */
const pct0 = (n: number): Value => ({ number: n, format: "0%" });

/** A fraction shown as a percent with two decimals (1 as 100.00%). */
const pct2 = (n: number): Value => ({ number: n, format: "0.00%" });

/** A corpus workbook: one sheet per table, and a description naming the source and what is missing. */
function corpusWorkbook(source: string, missing: string): ExcelJS.Workbook {
  const wb = newWorkbook();
  wb.creator = "PerfScore corpus";
  wb.lastModifiedBy = "PerfScore corpus";
  wb.description = `Transcribed from ${source}. ${missing}`;
  return wb;
}

/** Writes rows of values, one array per row, starting at `address`. */
function rows(ws: ExcelJS.Worksheet, address: string, values: Value[][]): void {
  const start = ws.getCell(address);
  values.forEach((r, i) => putRow(ws, `${start.address.replace(/\d+$/, "")}${Number(start.row) + i}`, r));
}

function merges(ws: ExcelJS.Worksheet, ranges: string[]): void {
  for (const r of ranges) merge(ws, r);
}

/** Column widths for B.. (A stays a narrow margin). */
function widths(ws: ExcelJS.Worksheet, w: number[]): void {
  ws.columns = [{ width: 3 }, ...w.map((width) => ({ width }))];
  landscape(ws);
}

// ---------------------------------------------------------------------------------------------
// The standard 项目支出绩效自评表 (财预〔2020〕10号 附件1) as 池州市贵池区棠溪镇 printed it in 2022:
// a zeroed 年度资金总额： row with the figures on 本年财政拨款, weights in the level-1 labels.

const TANGXI_SHEET = "项目支出绩效自评表";

function tangxiHead(ws: ExcelJS.Worksheet, project: string, appropriation: Value[], goals: [string, string]): void {
  widths(ws, [8, 12, 16, 30, 16, 14, 8, 8, 30]);
  put(ws, "B1", "附件:");
  title(ws, "B2:J2", "项目支出绩效自评表");
  put(ws, "B3", "(2022年度)");
  merge(ws, "B3:J3");
  rows(ws, "B4", [
    ["项目名称", project],
    ["主管部门", "219-池州市贵池区棠溪镇人民政府", null, null, "实施单位", "219001-池州市贵池区棠溪镇人民政府"],
    ["项目资金\n(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额:", 0, 0, 0, 10, 0, 0],
    [null, "其中:本年财政拨款", ...appropriation],
    [null, "上年结转资金"],
    [null, "其他资金"],
    ["年度总体目标", "预期目标", null, null, "实际完成情况"],
    [null, goals[0], null, null, goals[1]],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ]);
  merges(ws, ["C4:J4", "C5:E5", "G5:J5", "B6:B10", "B11:B12", "C11:E11", "F11:J11", "C12:E12", "F12:J12"]);
  frame(ws, "B4:J12");
  alignLeft(ws, ["C4", "C12", "F12"]);
  ws.getRow(12).height = 60;
}

function tangxiWeituo(): ExcelJS.Workbook {
  const wb = corpusWorkbook(
    "http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2",
    "The stored page stops inside the 满意度指标 row (at 公众满); the rest of the table, its 总分 row included, is missing.",
  );
  const ws = wb.addWorksheet(TANGXI_SHEET);
  tangxiHead(ws, "委托业务项目", [90, 89.974, 89.974], [
    "本项目共申请预算资金90万元。其中:30万元用于基建工程项目预算编制;30万元用于基建工程项目审计;30万元用于基建工程项目设计、规划、测绘。",
    "本项目共完成预算资金89.97万元。其中:30万元用于基建工程项目预算编制;30万元用于基建工程项目审计;29.99万元用于基建工程项目设计、规划、测绘。",
  ]);
  rows(ws, "C14", [
    ["产出指标(50分)", "数量指标", "基建工程委托业务项目数量", "≥50个", 50, 8, 8],
    [null, "质量指标", "委托业务报告合格率", "≥100百分比", 100, 8, 8],
    [null, null, "经费支出合规性", "严格执行相关制度规定", "达成预期指标", 8, 8],
    [null, "时效指标", "提交报告及时性", "在项目计划完成时间内完成", "达成预期指标", 8, 8],
    [null, "成本指标", "项目总成本", "≤90万元", 90, 8, 8],
    [null, null, "单项业务成本", "符合相关规定", "达成预期指标", 10, 10],
    ["效益指标(30分)", "社会效益指标", "对维护基建市场公平的影响程度", "效果明显", "达成预期指标", 10, 10],
    [null, "生态效益指标", "对控制基建项目成本影响程度", "效果明显", "达成预期指标", 10, 10],
    [null, "可持续影响指标", "对推动基建项目“四项制度”健全和落实的持续性影响", "效果明显", "达成预期指标", 10, 10],
    [null, "经济效益指标"],
    ["满意度指标(10分)", "满意度指标", "公众满"],
  ]);
  merges(ws, ["B13:B24", "C14:C19", "D15:D16", "D18:D19", "C20:C23"]);
  frame(ws, "B13:J24");
  return wb;
}

function tangxiCunji(): ExcelJS.Workbook {
  const wb = corpusWorkbook(
    "http://www.anthempetcare.com/upload_cz/download?id=502367&siteId=2",
    "The stored page stops at the 可持续影响 level-2 label; that group's rows, the 满意度指标 block and the 总分 row are missing.",
  );
  const ws = wb.addWorksheet(TANGXI_SHEET);
  tangxiHead(ws, "村级补助及运转经费", [202.64, 132.912, 132.912], [
    "本项目共申请预算资金2026400元,其中村级组织运转400000元,村民组长,党小组长基本报酬252000元,村民监督委员会 工资28000元,村级事务补助960000元,村级工作目标奖励100000元。 .. ..............................................................................................................................",
    "本项目共完成预算资金1329120.67元,其中村级组织运转439120.67元,村民组长,党小组长基本报酬152000元,村民监督委员会 工资28000元,村级事务补助660000元,村级工作目标奖励50000元。",
  ]);
  rows(ws, "C14", [
    ["产出指标(50分)", "数量指标", "补助村(社区)数量", "=8个", 8, 8, 8],
    [null, null, "保障村干部人数", "=42个", 42, 8, 8],
    [null, "质量指标", "补助资格合规性", "合规", "达成预期指标", 8, 8],
    [null, null, "经费审批流程规范性", "严格执行相关制度规定", "达成预期指标", 8, 8],
    [null, "时效指标", "补助经费到位及时性", "及时", "达成预期指标", 8, 8],
    [null, "成本指标", "项目总成本", "≤202.6万元", 132.9, 10, 10],
    ["效益指标(30分)", "经济效益指标", "对保障村(社区)两委机构正常运行的影响程度", "效果明显", "达成预期指标", 10, 10],
    [null, "社会效益指标", "提高村(社区)干部工作积极性的影响程度", "效果明显", "达成预期指标", 10, 10],
    [null, "可持续影响"],
  ]);
  merges(ws, ["B13:B22", "C14:C19", "D14:D15", "D16:D17", "C20:C22"]);
  frame(ws, "B13:J22");
  return wb;
}

// ---------------------------------------------------------------------------------------------
// 廊坊市食品工程学校 2019 (Hebei): the 10号 template with its numbering (指标1…, 指标2, ……) left in,
// header cells with line breaks, 0 in reason cells, and 效益指标 printed twice.

function langfangNuantong(): ExcelJS.Workbook {
  const wb = corpusWorkbook(
    "http://www.lfsp.cn/newsinfo/1158053.html",
    "The stored page stops at the 满意度指标 group's 指标2 row; the rows after it and the 总分 row are missing.",
  );
  const ws = wb.addWorksheet("绩效自评表");
  widths(ws, [8, 10, 12, 22, 10, 10, 8, 8, 34]);
  put(ws, "B1", "附件1");
  title(ws, "B2:J2", "项目支出绩效自评表");
  put(ws, "B3", "2019年度)");
  merge(ws, "B3:J3");
  rows(ws, "B4", [
    ["项目名称", "办公宿舍楼、食堂及餐厅暖通改造经费"],
    ["主管部门", "廊坊市发改委", null, null, "实施单位", "廊坊市食品工程学校"],
    ["项目资金\n(万元)", null, "年初\n预算数", "全年\n预算数", "全年\n执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 43.2, 43.2, 37.24, 10, pct0(0.86), 9],
    [null, "其中:当年财政拨款", 43.2, 43.2, 37.24],
    [null, "      上年结转资金"],
    [null, "  其他资金"],
    ["年度总体目标", "预期目标", null, null, "实际完成情况"],
    [null, 43.2, null, null, 37.24],
  ]);
  merges(ws, ["C4:J4", "C5:E5", "G5:J5", "B6:B10", "B11:B12", "C11:E11", "F11:J11", "C12:E12", "F12:J12"]);
  frame(ws, "B4:J12");
  alignLeft(ws, ["C4"]);

  // The page shows no 绩效指标 label beside 一级指标 here, so column B stays empty.
  rows(ws, "C13", [
    ["一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "指标1工程资金金额", 43.2, 37.24, 10, 9, "已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。"],
    [null, null, "指标2"],
    [null, null, "……"],
    [null, "质量指标", "指标1工程完工率", 100, 100, 10, 10],
    [null, null, "指标2工程验收合格率", 100, 100, 10, 10],
    [null, null, "……"],
    [null, "时效指标", "指标1项目完成及时率", 100, 100, 10, 10],
    [null, null, "指标2"],
    [null, null, "……"],
    [null, "成本指标", "指标1成本控制率", 100, 100, 10, 10],
    [null, null, "指标2"],
    [null, null, "……"],
    ["效益指标", "经济效益\n指标", "指标1安全率", 100, 100, 10, 10, 0],
    [null, null, "指标2"],
    [null, null, "……"],
    [null, "社会效益\n指标", "指标1学校发展能力", 100, 100, 10, 10, 0],
    [null, null, "指标2"],
    [null, null, "……"],
    [null, "生态效益\n指标", "指标1"],
    [null, null, "指标2"],
    [null, null, "……"],
    ["效益指标", "可持续影响\n指标", "指标1长期使用性", 100, 100, 10, 10],
    [null, null, "指标2"],
    [null, null, "……"],
    ["满意度\n指标", "服务对象满意度指标", "指标1学生满意度", 100, 100, 10, 10, 0],
    [null, null, "指标2"],
  ]);
  merges(ws, [
    "C14:C25", "D14:D16", "D17:D19", "D20:D22", "D23:D25",
    "C26:C34", "D26:D28", "D29:D31", "D32:D34",
    "C35:C37", "D35:D37",
    "C38:C39", "D38:D39",
  ]);
  frame(ws, "C13:J39");
  alignLeft(ws, ["J14"]);
  return wb;
}

// ---------------------------------------------------------------------------------------------
// Sichuan's 部门预算项目支出绩效自评表 (2023): 预算执行情况(10分) on 调整后预算数 with a 权重 column,
// 绩效指标(90分) beside a 一级/二级/三级 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 header.

const SICHUAN_BUDGET_NOTE =
  "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.";

const SICHUAN_INDICATOR_HEADER: Value[] = [
  "绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析",
];

/**
 * The top of a Sichuan table from its title to the budget block's last row. Columns B..L; returns
 * the next free row.
 */
function sichuanHead(
  ws: ExcelJS.Worksheet,
  top: number,
  p: { project: string; owner: string; unit: string; goal: string; done: string; content: string | null; budget: Value[][] },
): number {
  const r = (k: number): number => top + k;
  title(ws, `B${r(0)}:L${r(0)}`, "部门预算项目支出绩效自评表(2023年度)", undefined, 14);
  rows(ws, `B${r(1)}`, [
    ["项目名称", p.project],
    ["主管部门", p.owner, null, null, null, "实施单位 (盖章)", null, p.unit],
    ["项目基本情况", "1.项目年度目标完成情况", "项目年度目标", null, null, null, "年度目标完成情况"],
    [null, null, p.goal, null, null, null, p.done],
    [null, "2.项目实施内容及过程概述", p.content],
    ["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
    ...p.budget.map((b) => [null, ...b]),
  ]);
  merges(ws, [
    `C${r(1)}:L${r(1)}`, `C${r(2)}:F${r(2)}`, `G${r(2)}:H${r(2)}`, `I${r(2)}:L${r(2)}`,
    `B${r(3)}:B${r(5)}`, `C${r(3)}:C${r(4)}`, `D${r(3)}:G${r(3)}`, `H${r(3)}:L${r(3)}`, `D${r(4)}:G${r(4)}`, `H${r(4)}:L${r(4)}`,
    `D${r(5)}:L${r(5)}`,
    `B${r(6)}:B${r(6) + p.budget.length}`, `J${r(6)}:L${r(6)}`, `J${r(7)}:L${r(6) + p.budget.length}`,
  ]);
  frame(ws, `B${r(1)}:L${r(6) + p.budget.length}`);
  alignLeft(ws, [`C${r(1)}`, `D${r(4)}`, `H${r(4)}`, `D${r(5)}`, `J${r(7)}`]);
  return r(7) + p.budget.length;
}

/** The Sichuan table's foot: 合计, 评价结论, 存在问题, 改进措施 and the signatures. Returns the next free row. */
function sichuanFoot(ws: ExcelJS.Worksheet, row: number, total: Value[], remarks: [string, string, string], people: [string, string]): number {
  rows(ws, `B${row}`, [
    ["合计", null, null, null, null, null, null, null, ...total],
    ["评价结论", remarks[0]],
    ["存在问题", remarks[1]],
    ["改进措施", remarks[2]],
    [people[0], null, null, null, null, null, people[1]],
  ]);
  merges(ws, [`B${row}:I${row}`, `C${row + 1}:L${row + 1}`, `C${row + 2}:L${row + 2}`, `C${row + 3}:L${row + 3}`, `B${row + 4}:G${row + 4}`, `H${row + 4}:L${row + 4}`]);
  frame(ws, `B${row}:L${row + 3}`);
  alignLeft(ws, [`C${row + 1}`, `C${row + 2}`, `C${row + 3}`]);
  return row + 5;
}

function qingshenGongzi(): ExcelJS.Workbook {
  const wb = corpusWorkbook(
    "https://www.scqs.gov.cn/info/13206/211004.htm",
    "The whole table is on the page; the department left 完成值, the indicator 得分 cells, the budget 得分 and the 合计 得分 empty.",
  );
  const ws = wb.addWorksheet("项目支出绩效自评表");
  widths(ws, [10, 14, 12, 20, 8, 8, 8, 8, 8, 8, 20]);
  put(ws, "L1", "报表编号:510000_0013zp");
  const next = sichuanHead(ws, 2, {
    project: "51000021R000000019951-工资性支出",
    owner: "青神县发展和改革局本级",
    unit: "青神县发展和改革局",
    goal: "严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,减少结余资金。",
    done: "对照年度目标,说明相关任务目标的完成情况(100字以内)",
    content: null,
    budget: [
      ["总额", 238.93, 251.89, 251.89, pct2(1), 10, null, SICHUAN_BUDGET_NOTE],
      ["其中:财政资金", 238.93, 251.89, 251.89, pct2(1), "/", "/"],
      ["财政专户管理资金", 0, 0, 0, pct2(0), "/", "/"],
      ["单位资金", 0, 0, 0, pct2(0), "/", "/"],
      ["其他资金", null, null, null, null, "/", "/"],
    ].map((b) => b.map((v) => (v === 0 ? { number: 0, format: "0.00" } : v))),
  });
  rows(ws, `B${next}`, [
    SICHUAN_INDICATOR_HEADER,
    [null, "产出指标", "数量指标", "发放(缴纳)覆盖率", "=", 100, "%", null, 60],
    [null, "效益指标", "社会效益指标", "足额保障率(参保率)", "=", 100, "%", null, 30],
  ]);
  merge(ws, `B${next}:B${next + 2}`);
  frame(ws, `B${next}:L${next + 2}`);
  sichuanFoot(ws, next + 3, [100], [
    "结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内)",
    "结合自评情况,分析存在的问题及原因。(200字以内)",
    "针对项目自评中发现的问题,提出下一步改进完善的意见及有关政策性建议。(200字以内)",
  ], ["项目负责人:", "财务负责人:"]);
  return wb;
}

function dayingAnke(): ExcelJS.Workbook {
  const wb = corpusWorkbook(
    "https://dyxrmt.cn/article-157795-21.html",
    "The stored page starts inside one table (its title, project and budget block are missing: only its 绩效指标 header, one row and its foot) and stops inside the next, at the 指标值 of its first indicator row.",
  );
  const a = wb.addWorksheet("表1(前部缺失)");
  widths(a, [10, 14, 12, 20, 8, 8, 8, 8, 8, 8, 20]);
  rows(a, "B1", [
    SICHUAN_INDICATOR_HEADER,
    [null, "产出指标", "经济成本指标", "成本控制数", "≤", 30, "万元", "完成", 90, 90],
  ]);
  merge(a, "B1:B2");
  frame(a, "B1:L2");
  sichuanFoot(a, 3, [100], ["根据财政局资金下达的管理办法,将资金支付给项目施工方。", "无", "无"], ["项目负责人:查小兵", "财务负责人:唐勇"]);

  const b = wb.addWorksheet("表2(后部缺失)");
  widths(b, [10, 14, 12, 20, 8, 8, 8, 8, 8, 8, 20]);
  const next = sichuanHead(b, 1, {
    project: "51092324T000010263357-2023年全县安可替代补助资金项目",
    owner: "大英县司法局部门",
    unit: "大英县司法局",
    goal: "根据要求购买安可设备,并完成项目资金支付。",
    done: "完成",
    content: "2023年购买13台安可电脑,并于12月前完成资金支付。",
    budget: [
      ["总额", 0, 3.36, 3.36, pct2(1), 10, 10, SICHUAN_BUDGET_NOTE],
      ["其中:财政资金", 0, 3.36, 3.36, pct2(1), "/", "/"],
      ["财政专户管理资金", 0, 0, 0, pct2(0), "/", "/"],
      ["单位资金", 0, 0, 0, pct2(0), "/", "/"],
      ["其他资金", null, null, null, null, "/", "/"],
    ].map((r) => r.map((v) => (v === 0 ? { number: 0, format: "0.00" } : v))),
  });
  rows(b, `B${next}`, [
    SICHUAN_INDICATOR_HEADER,
    [null, "产出指标", "质量指标", "完成安可产品购买并按要求支付资金", "=", 100],
  ]);
  merge(b, `B${next}:B${next + 1}`);
  frame(b, `B${next}:L${next + 1}`);
  return wb;
}

// ---------------------------------------------------------------------------------------------
// 绩效目标自评表 for 衔接资金 projects (中江县 2022, 萧县 2023): the 分值 column before 年度指标值,
// 资金情况 with 全年预算数(A) / 全年执行数(B) / 执行率(B/A).

function goalHead(
  ws: ExcelJS.Worksheet,
  p: { year: string; project: string; contact: string; owner: string; unit: string; budget: Value[][]; goals: [string, string] },
): number {
  widths(ws, [8, 10, 12, 30, 8, 14, 14, 8, 24]);
  title(ws, "B1:J1", "绩效目标自评表");
  put(ws, "B2", p.year);
  merge(ws, "B2:J2");
  rows(ws, "B3", [
    ["项目名称", p.project, null, null, null, "项目负责人及电话", null, p.contact],
    ["主管部门", p.owner, null, null, null, "实施单位", null, p.unit],
    ["资金情况\n(万元)", null, null, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
    ...p.budget.map((b) => [null, b[0] ?? null, null, ...b.slice(1)]),
  ]);
  const last = 5 + p.budget.length;
  rows(ws, `B${last + 1}`, [
    ["年度总体目标", "年初设定目标", null, null, null, "年度总体目标完成情况综述"],
    [null, p.goals[0], null, null, null, p.goals[1]],
    ["绩效指标", "一级\n指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"],
  ]);
  merges(ws, [
    "C3:F3", "G3:H3", "I3:J3", "C4:F4", "G4:H4", "I4:J4", `B5:B${last}`, "C5:D5",
    ...p.budget.map((_, i) => `C${6 + i}:D${6 + i}`),
    `B${last + 1}:B${last + 2}`, `C${last + 1}:F${last + 1}`, `G${last + 1}:J${last + 1}`, `C${last + 2}:F${last + 2}`, `G${last + 2}:J${last + 2}`,
  ]);
  frame(ws, `B3:J${last + 2}`);
  alignLeft(ws, ["C3", `C${last + 2}`, `G${last + 2}`]);
  ws.getRow(last + 2).height = 45;
  return last + 3;
}

function zhongjiangShuibiaochi(): ExcelJS.Workbook {
  const wb = corpusWorkbook(
    "https://chacewang.com/newsdetail/news242266.html",
    "The whole table is on the page, 总分 row included; the 注 under it stops mid-sentence (at 3.定量指标若为正向).",
  );
  const ws = wb.addWorksheet("绩效目标自评表");
  const h = goalHead(ws, {
    year: "(2022年度)",
    project: "中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装",
    contact: "谢凯13990260322(办公)",
    owner: "中江县水利局",
    unit: "中江县水利局",
    budget: [
      ["年度资金总额:", 20, 20, 10, pct2(1), 10],
      ["其中:本年财政拨款", 20, 20],
      ["其他资金"],
    ],
    goals: [
      "对农村地区供水计量设施设备进行改进,对项目区农业用水计量,为项目区农业生产夯实基础,",
      "对项目区农业用水计量,为项目区农业生产夯实基础,",
    ],
  });
  rows(ws, `C${h + 1}`, [
    ["产出指标(70分)", "数量指标", "安装坡面水标尺", 10, "≥266米", "≥266米", 10],
    [null, null, "水标尺宽度", 10, "≥50厘米", "≥50厘米", 10],
    [null, "质量指标", "项目(工程)验收合格率", 20, "100%", "100%", 20],
    [null, "时效指标", "及时(按期)开工率", 10, "≥90%", "≥90%", 10],
    [null, null, "及时(按期)完工率", 10, "≥90%", "≥90%", 10],
    [null, "成本指标", "项目计划总投资", 10, "20万元", "20万元", 10],
    ["效益指标(20分)", "经济效益指标"],
    [null, "社会效益指标", "受益脱贫(含监测对象)户人口数", 10, "≥1000人", "≥1000人", 10],
    [null, null, "群众生产生活条件改善状况", 10, "显著提升", "显著提升", 10],
    ["满意度指标(10分)", "服务对象满意度指标", "受益脱贫(含监测对象)户满意度", 10, "≥95%", "≥95%", 10],
    [null, null, "……"],
  ]);
  const total = h + 12;
  putRow(ws, `B${total}`, ["总分", null, null, null, 100, null, null, 100]);
  put(ws, `B${total + 1}`,
    "注:1.一级指标分值统一设置为:产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分,各部门根据各项指标重要程度确定三级指标的分值,得分最高不能超过该指标分值上限,分别按照该指标对应分值区间100-80%(含80%)、80-60%(含60%)、60-0%合理确定得分,3.定量指标若为正向");
  merges(ws, [
    `B${h}:B${h + 11}`, `C${h + 1}:C${h + 6}`, `D${h + 1}:D${h + 2}`, `D${h + 4}:D${h + 5}`,
    `C${h + 7}:C${h + 9}`, `D${h + 8}:D${h + 9}`, `C${h + 10}:C${h + 11}`, `D${h + 10}:D${h + 11}`,
    `B${total}:E${total}`, `B${total + 1}:J${total + 1}`,
  ]);
  frame(ws, `B${h}:J${total}`);
  alignLeft(ws, [`B${total + 1}`]);
  ws.getRow(total + 1).height = 60;
  return wb;
}

function xiaoxianHexi(): ExcelJS.Workbook {
  const wb = corpusWorkbook(
    "https://www.ahxx.gov.cn/grassroots/279/158998981.html",
    "The stored page stops at the 满意度 level-1 label (at 满意); its rows and the 总分 row are missing.",
  );
  const ws = wb.addWorksheet("绩效目标自评表");
  const h = goalHead(ws, {
    year: "(2023年度)",
    project: "河西村特色种养补贴到户项目",
    contact: "李宁0557-5788003",
    owner: "县农业农村局",
    unit: "张庄寨镇人民政府",
    budget: [
      ["年度资金总额:", 9.48, 9.48, 10, "100%", 10],
      ["其中:本年财政拨款", 9.48, 9.48, 10, "100%", 10],
      ["其他资金", "-", "-"],
    ],
    goals: ["落实39户特色种养业奖补政策,增加脱贫户家庭收入", "落实39户特色种养业奖补政策,增加脱贫户家庭收入"],
  });
  rows(ws, `C${h + 1}`, [
    ["产\n出\n指\n标\n(50分)", "数量指标", "★补助各类瓜果蔬菜种植面积", 20, "29.5亩", "29.5亩", 20],
    [null, null, "其中桃树种植面积", null, "1.5亩", "1.5亩"],
    [null, null, "其中苹果树种植面积", null, "5亩", "5亩"],
    [null, null, "其中露天蔬菜", null, "20亩", "20亩"],
    [null, null, "其中大棚蔬菜", null, "3亩", "3亩"],
    [null, null, "★补助鱼塘面积", 10, "3亩", "3亩", 10],
    [null, null, "其中鱼塘养殖面积", null, "3亩", "3亩"],
    [null, null, "★补助家畜家禽养殖数量", 10, "192只", "192只", 10],
    [null, null, "其中羊养殖数量", null, "180只", "180只"],
    [null, null, "其中猪养殖数量", null, "12头", "12头"],
    [null, "质量指标"],
    [null, null, "种植作物成活率", 5, "95%", "95%", 5],
    [null, null, "养殖家畜家禽成活率", 5, "95%", "100%", 5],
    [null, "……"],
    ["效\n益\n指\n标\n(30分)", "经济效益\n指标"],
    [null, null, "特色产业带动增加受益农户收入(总收入)", 20, "≥11.376万元", "12万元", 20],
    [null, "社会效益\n指标", "受益人口数量", 10, "90人", "90人", 10],
    [null, "生态效益\n指标"],
    [null, "可持续影响指标"],
    [null, "……"],
    ["满意"],
  ]);
  merges(ws, [
    `B${h}:B${h + 21}`, `C${h + 1}:C${h + 14}`, `D${h + 1}:D${h + 10}`, `D${h + 11}:D${h + 13}`,
    `C${h + 15}:C${h + 20}`, `D${h + 15}:D${h + 16}`,
  ]);
  frame(ws, `B${h}:J${h + 21}`);
  return wb;
}

// ---------------------------------------------------------------------------------------------
// 丽江市古城区自然资源局 2020 (Yunnan): the two-row header (绩效指标 over 一级/二级/三级, 年度指标值
// over 指标性质 | 指标值 | 度量单位) and ﹦ (U+FE66) as the operator.

function lijiangWeipian(): ExcelJS.Workbook {
  const wb = corpusWorkbook(
    "http://m.jjiadianqingjie.com.cn/changyong/13241.html",
    "The stored page is a re-publisher's copy in traditional characters; the text is given back in simplified characters, numbers and symbols exactly as printed. It stops after the 满意度 row's 分值 (10.00): that row's 得分 and reason, anything after it and the 总分 row are missing.",
  );
  const ws = wb.addWorksheet("项目支出绩效自评表");
  widths(ws, [8, 12, 18, 8, 10, 8, 10, 8, 8, 24]);
  title(ws, "B1:K1", "2020年度项目支出绩效自评表", undefined, 14);
  rows(ws, "B2", [
    ["项目名称", "2020年省级自然资源卫片执法补助经费支出绩效自评表"],
    ["主管部门", "丽江市自然资源和规划局", null, null, null, "实施单位", null, "丽江市古城区自然资源局"],
    ["项目资金\n(万元)", null, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", null, 7.29, 7.29, 7.29, d2(10), "100%", d2(10)],
    [null, "其中:当年财政拨款", null, 7.29, 7.29, 7.29, null, "100%"],
    [null, "上年结转资金"],
    [null, "其他资金"],
    ["年度\n总体\n目标", "预期目标", null, null, null, null, "实际完成情况"],
    [null, "自然资源卫片执法补助经费", null, null, null, null, "自然资源卫片执法补助经费"],
    ["绩效指标", null, null, "年度指标值", null, null, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["一级\n指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    ["产出指标", "数量指标", "卫片执法补助经费", "﹦", 72890, "元", 72890, d2(10), d2(9)],
    [null, "质量指标", "项目验收合格率", "﹦", 100, "%", 100, 20, 19],
    [null, "时效指标", "项目完成及时率", "﹦", 100, "%", 100, d2(20), d2(19)],
    ["效益指标", "社会效益指标", "违法行为责停率", "≥", 95, "%", 95, d2(30), d2(27)],
    ["满意度指标", "服务对象满意度指标", "满意度", "≥", 95, "%", 95, d2(10)],
  ]);
  merges(ws, [
    "C2:K2", "C3:F3", "G3:H3", "I3:K3", "B4:B8", "C4:D4", "C5:D5", "C6:D6", "C7:D7", "C8:D8", "K4:K8",
    "B9:B10", "C9:G9", "H9:K9", "C10:G10", "H10:K10",
    "B11:D11", "E11:G11", "H11:H12", "I11:I12", "J11:J12", "K11:K12", "B13:B15",
  ]);
  frame(ws, "B2:K17");
  alignLeft(ws, ["C2"]);
  return wb;
}

// ---------------------------------------------------------------------------------------------
// 黄冈市档案馆 2020 (Hubei): the budget block is worth 20 points, given only in its label
// (预算执行情况(万元)(20分)) and in the header 得分(20分*执行率); the figures carry 万 inside a 万元 block.

function huanggangDangan(): ExcelJS.Workbook {
  const wb = corpusWorkbook(
    "http://bubsandbeans.com/paper/218226069.html",
    "The stored page is a re-publisher's copy in traditional characters; the text is given back in simplified characters, numbers and symbols exactly as printed. It stops inside the indicator header (at 三级指): every indicator row and the 总分 row are missing.",
  );
  const ws = wb.addWorksheet("项目绩效自评表");
  widths(ws, [22, 16, 16, 16, 22]);
  title(ws, "B1:F1", "附件2:黄冈市档案馆2020年度项目绩效自评表", undefined, 14);
  put(ws, "B2", "单位名称:黄冈市档案馆");
  put(ws, "E2", "填报日期:2021年4月");
  rows(ws, "B3", [
    ["项目名称", "档案抢救与保护、档案工作考评、查询利用、档案资料征集、数字化、编研、陈列等专项经费"],
    ["主管部门", null, "项目实施单位", "黄冈市档案馆"],
    ["项目类别", "1、上级专项 2、本级专项"],
    ["项目属性", "1、持续性项目 2、新增性项目"],
    ["项目类型", "1、一次性拨付项目 2、多次拨付项目"],
    ["预算执行情况(万元)(20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"],
    ["年度财政资金总额", "10万", "10万", "100%", 20],
    ["年度绩效指标"],
    ["一级指标", "二级指标", "三级指"],
  ]);
  merges(ws, ["C3:F3", "E4:F4", "C5:F5", "C6:F6", "C7:F7", "B10:F10"]);
  frame(ws, "B3:F11");
  alignLeft(ws, ["C3"]);
  return wb;
}

// ---------------------------------------------------------------------------------------------

/** Every corpus table by id; README.md lists the same ids. */
export const CORPUS: Record<string, () => ExcelJS.Workbook> = {
  "ah-2022-tangxi-weituo": tangxiWeituo,
  "ah-2022-tangxi-cunji": tangxiCunji,
  "he-2019-langfang-nuantong": langfangNuantong,
  "sc-2023-qingshen-gongzi": qingshenGongzi,
  "sc-2023-daying-anke": dayingAnke,
  "sc-2022-zhongjiang-shuibiaochi": zhongjiangShuibiaochi,
  "ah-2023-xiaoxian-hexi": xiaoxianHexi,
  "yn-2020-lijiang-weipian": lijiangWeipian,
  "hb-2020-huanggang-dangan": huanggangDangan,
};

async function main(): Promise<void> {
  const dir = path.join(ROOT, "test", "corpus");
  for (const [id, build] of Object.entries(CORPUS)) {
    process.stdout.write(`wrote ${await save(build(), path.join(dir, `${id}.xlsx`))}\n`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`buildCorpus: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  });
}
