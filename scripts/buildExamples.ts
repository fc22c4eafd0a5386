/**
 * Writes the example workbooks into examples/: seed.xlsx (docs/scoring-rules.md §5), self-evaluation-form.xlsx
 * (the standard 项目支出绩效自评表), english.xlsx and projects.xlsx (three projects, §1.6). Their expected results are worked out by hand in
 * examples/*.expected.json and examples/README.md; this script only lays the workbooks out.
 *
 * Output is byte-for-byte reproducible: workbook dates are fixed, the zip entries' timestamps are
 * rewritten to the same fixed date, and nothing random is written.
 *
 * Run: npm run examples
 */
import * as fs from "fs";
import * as path from "path";
import * as crypto from "crypto";
import ExcelJS from "exceljs";

/** The report's date (2023年2月28日): every file's created/modified date and every zip entry's time. */
export const FIXED_DATE = new Date(Date.UTC(2023, 1, 28, 0, 0, 0));

export const ROOT = path.resolve(__dirname, "..", "..");

type Value = string | number | null | { number: number; format: string } | { error: string };

const ZH_FONT = "宋体";
const EN_FONT = "Calibri";

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };

/** A new workbook with fixed metadata, so that two runs write the same bytes. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "PerfScore examples";
  wb.lastModifiedBy = "PerfScore examples";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** Writes one cell. A `{ number, format }` value is a number with a number format (e.g. 0.935 as 93.5%). */
export function put(ws: ExcelJS.Worksheet, address: string, value: Value, font = ZH_FONT): ExcelJS.Cell {
  const cell = ws.getCell(address);
  if (value === null) cell.value = null;
  else if (typeof value === "object" && "error" in value) cell.value = { error: value.error } as ExcelJS.CellErrorValue;
  else if (typeof value === "object") {
    cell.value = value.number;
    cell.numFmt = value.format;
  } else cell.value = value;
  cell.font = { name: font, size: 11 };
  return cell;
}

/** Writes a row of values starting at `address`, left to right. */
export function putRow(ws: ExcelJS.Worksheet, address: string, values: Value[], font = ZH_FONT): void {
  const start = ws.getCell(address);
  values.forEach((v, i) => {
    if (v === null) return;
    put(ws, cellAt(Number(start.row), Number(start.col) + i), v, font);
  });
}

/** A1 address from a 1-based row and column. */
export function cellAt(row: number, col: number): string {
  let n = col;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row}`;
}

/** Merges a range, keeping the value and style of its top-left cell. */
export function merge(ws: ExcelJS.Worksheet, range: string): void {
  ws.mergeCells(range);
}

/** Thin borders and centred, wrapped text on every cell of a range (the usual look of a 评分表). */
export function frame(ws: ExcelJS.Worksheet, range: string, font = ZH_FONT): void {
  const [a, b] = range.split(":");
  const tl = ws.getCell(a ?? range);
  const br = ws.getCell(b ?? a ?? range);
  for (let r = Number(tl.row); r <= Number(br.row); r++) {
    for (let c = Number(tl.col); c <= Number(br.col); c++) {
      const cell = ws.getCell(r, c);
      cell.border = THIN;
      cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
      if (!cell.font) cell.font = { name: font, size: 11 };
    }
  }
}

/** Bold, shaded header cells. */
export function header(ws: ExcelJS.Worksheet, range: string, font = ZH_FONT): void {
  const [a, b] = range.split(":");
  const tl = ws.getCell(a ?? range);
  const br = ws.getCell(b ?? a ?? range);
  for (let c = Number(tl.col); c <= Number(br.col); c++) {
    const cell = ws.getCell(Number(tl.row), c);
    cell.font = { name: font, size: 11, bold: true };
    cell.fill = HEADER_FILL;
  }
}

/** A title merged across `range`, large and bold. */
export function title(ws: ExcelJS.Worksheet, range: string, text: string, font = ZH_FONT, size = 16): void {
  const first = range.split(":")[0] ?? range;
  const cell = put(ws, first, text, font);
  cell.font = { name: font, size, bold: true };
  cell.alignment = { vertical: "middle", horizontal: "center" };
  if (range.includes(":")) merge(ws, range);
}

/** Prints on one landscape page width, as finance offices print their tables. */
export function landscape(ws: ExcelJS.Worksheet): void {
  ws.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/** Left-aligns text cells (long names and reasons read better that way). */
export function alignLeft(ws: ExcelJS.Worksheet, addresses: string[]): void {
  for (const a of addresses) ws.getCell(a).alignment = { vertical: "middle", horizontal: "left", wrapText: true };
}

// ---------------------------------------------------------------------------------------------
// 1. seed.xlsx: docs/scoring-rules.md §5 exactly.

export const SEED_SHEET = "绩效评价";
export const SEED_ENROLLMENT_SHEET = "参保情况";

/** The seed's 评分表: title, 项目名称, a blank row, the header at B4, 19 indicator rows and 总分 at row 25. */
export function addSeedScoreSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SEED_SHEET);
  ws.columns = [
    { width: 3 }, { width: 10 }, { width: 7 }, { width: 13 }, { width: 7 }, { width: 36 }, { width: 7 }, { width: 7 },
  ];
  landscape(ws);
  title(ws, "B1:H1", "信丰县人力资源和社会保障局 部门绩效评价 评分表");
  put(ws, "B2", "项目名称").font = { name: ZH_FONT, size: 11, bold: true };
  put(ws, "C2", "社保专项工作经费项目");
  merge(ws, "C2:H2");
  alignLeft(ws, ["C2"]);

  putRow(ws, "B4", ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"]);
  // Rows 5..24: [level1, w1, level2, w2, level3, w3, score]; null = blank (or covered by a merge).
  const rows: Value[][] = [
    ["决策", 40, "项目立项", 5, "立项依据充分性", 2, 2],
    [null, null, null, null, "立项程序规范性", 3, 3],
    [null, null, "绩效目标", 10, "绩效目标合理性", 5, 5],
    [null, null, null, null, "绩效指标明确性", 5, 5],
    [null, null, "资金投入", 10, "预算编制科学性", 5, 5],
    [null, null, null, null, "资金分配合理性", 5, 5],
    [null, null, "资金管理", 5, "资金到位率", 2, 2],
    [null, null, null, null, "预算执行率", 3, 3],
    [null, null, "资金管理", 5, "资金使用合规性", 5, 5],
    [null, null, "组织实施", 5, "管理制度健全性", 2, 2],
    [null, null, null, null, "管理执行有效性", 3, 3],
    ["产出", 60, "产出数量", 10, "可根据项目实际情况有选择地设置和细化", 10, 10],
    [null, null, "产出质量", 10, null, 10, 10],
    [null, null, "产出时效", 10, null, 10, 10],
    [null, null, "产出成本", 10, null, 10, 10],
    [null, null, "经济效益", null, null, 0, 0],
    [null, null, "社会效益", 10, null, 10, 10],
    [null, null, "环境效益", null, null, 0, 0],
    [null, null, "可持续影响", null, null, 0, 0],
    [null, null, "满意度", 10, "社会公众或服务对象满意度", 10, 10],
  ];
  rows.forEach((r, i) => putRow(ws, `B${5 + i}`, r));
  putRow(ws, "B25", ["总分", 100, null, 100, null, 100, 100]);

  for (const range of [
    "B5:B15", "C5:C15", "B16:B24", "C16:C24",
    "D5:D6", "E5:E6", "D7:D8", "E7:E8", "D9:D10", "E9:E10", "D11:D12", "E11:E12", "D14:D15", "E14:E15",
    "F16:F19",
  ]) merge(ws, range);

  frame(ws, "B4:H25");
  header(ws, "B4:H4");
  ws.getCell("B25").font = { name: ZH_FONT, size: 11, bold: true };
  ws.getRow(1).height = 30;
  ws.views = [{ state: "frozen", ySplit: 4, xSplit: 0 }];
  return ws;
}

/** The seed's enrollment lines, in 万人 with a 单位 column: 6.42 with 万人 reads as 64200. */
export function addSeedEnrollmentSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SEED_ENROLLMENT_SHEET);
  ws.columns = [{ width: 3 }, { width: 24 }, { width: 15 }, { width: 15 }, { width: 8 }];
  title(ws, "B1:E1", "2022年度养老保险参保任务完成情况", ZH_FONT, 14);
  putRow(ws, "B3", ["险种", "目标任务人数", "当前参保人数", "单位"]);
  const lines: Value[][] = [
    ["企业职工养老保险", 6.42, 5.68, "万人"],
    ["机关事业单位养老保险", 1.7238, 1.92, "万人"],
    ["城乡居民养老保险", 39, 39.05, "万人"],
  ];
  lines.forEach((l, i) => putRow(ws, `B${4 + i}`, l));
  frame(ws, "B3:E6");
  header(ws, "B3:E3");
  alignLeft(ws, ["B4", "B5", "B6"]);
  return ws;
}

function buildSeed(): ExcelJS.Workbook {
  const wb = newWorkbook();
  addSeedScoreSheet(wb);
  addSeedEnrollmentSheet(wb);
  return wb;
}

// ---------------------------------------------------------------------------------------------
// 2. self-evaluation-form.xlsx: the standard 项目支出绩效自评表 (财预〔2020〕10号 附件1 layout).

export const FORM_SHEET = "自评表";

function buildSelfEvaluationForm(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(FORM_SHEET);
  ws.columns = [
    { width: 3 }, { width: 10 }, { width: 20 }, { width: 18 }, { width: 32 }, { width: 14 }, { width: 14 },
    { width: 8 }, { width: 8 }, { width: 40 },
  ];
  landscape(ws);
  title(ws, "B1:J1", "项目支出绩效自评表");
  put(ws, "B2", "（2022年度）").alignment = { horizontal: "center" };
  merge(ws, "B2:J2");

  putRow(ws, "B3", ["项目名称", "社保专项工作经费项目"]);
  merge(ws, "C3:J3");
  putRow(ws, "B4", ["主管部门", "信丰县人力资源和社会保障局", null, null, null, "实施单位", "信丰县社会保险事业管理中心"]);
  merge(ws, "C4:F4");
  merge(ws, "H4:J4");
  frame(ws, "B3:J4");
  alignLeft(ws, ["C3", "C4", "H4"]);

  // Budget block: the vertical label, a blank corner, then the column headers.
  putRow(ws, "B5", ["项目资金（万元）", null, "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率", "得分"]);
  const pct = (n: number): Value => ({ number: n, format: "0.00%" });
  putRow(ws, "C6", ["年度资金总额", 50, 57, 55.29, 10, pct(0.97), 9.7]);
  putRow(ws, "C7", ["其中：当年财政拨款", 50, 57, 55.29, "—", pct(0.97), "—"]);
  putRow(ws, "C8", ["上年结转资金", 0, 0, 0, "—", "—", "—"]);
  putRow(ws, "C9", ["其他资金", 0, 0, 0, "—", "—", "—"]);
  merge(ws, "B5:B9");
  frame(ws, "B5:I9");
  header(ws, "D5:I5");

  putRow(ws, "B10", ["年度总体目标", "预期目标", null, null, null, "实际完成情况"]);
  putRow(ws, "C11", [
    "全力提高社会保障水平：深入推进全民参保，扎实开展扩面征缴；加强管理，健全风险防控机制。",
    null, null, null,
    "项目任务已完成，工作经费按规定合理使用；企业职工养老保险参保人数未达年度目标，其余险种完成目标。",
  ]);
  merge(ws, "B10:B11");
  merge(ws, "C10:F10");
  merge(ws, "G10:J10");
  merge(ws, "C11:F11");
  merge(ws, "G11:J11");
  frame(ws, "B10:J11");
  alignLeft(ws, ["C11", "G11"]);
  ws.getRow(11).height = 48;

  putRow(ws, "B12", [
    "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
  ]);
  // Rows 13..24: [一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因]
  const rows: Value[][] = [
    ["产出指标", "数量指标", "退休人员社会化管理服务人数", "≥8755人", "8676人", 15, 13,
      "部分异地居住退休人员未按期完成认证，下年度加强异地协查"],
    [null, null, "异地居住退休人员生存情况调查人数", "≥1000人", "1290人", 5, 5,
      "异地居住退休人员较上年增加，年初目标偏低，下年度据实调整"],
    [null, null, "新增参保人数", "≥12000人", "13266人", 5, 5, null],
    [null, "质量指标", "养老金按时足额发放率", "≥95%", "97%", 5, 5, null],
    [null, null, "社保业务经办差错率", "≤2%", "2.2%", 5, 4.5, "“一窗通办”上线初期录入差错偏多，已建立复核制度"],
    [null, "时效指标", "退休待遇核定办结时限", "≤30天", "28天", 5, 5, null],
    [null, null, "养老金发放及时率", "=100%", "100%", 5, 5, null],
    [null, "成本指标", "项目总成本", "≤57万元", "55.29万元", 5, 5, null],
    ["效益指标", "社会效益指标", "参保群众社保权益保障水平", "有效提升", "基本达成", 10, 9,
      "部分乡镇政策宣传覆盖不足，下年度加强基层宣传"],
    [null, null, "社保经办服务便民程度", "明显提升", "达成", 10, null, null],
    [null, "可持续影响指标", "社保基金审计问题整改率", "≥95%", "90%", 10, 9.5, null],
    ["满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", { number: 0.935, format: "0.0%" }, 10, 10, null],
  ];
  rows.forEach((r, i) => putRow(ws, `C${13 + i}`, r));
  putRow(ws, "B25", ["总分", null, null, null, null, null, 100, 85.7, null]);
  for (const range of ["B12:B24", "C13:C20", "D13:D15", "D16:D17", "D18:D19", "C21:C23", "D21:D22", "B25:G25"]) {
    merge(ws, range);
  }
  frame(ws, "B12:J25");
  header(ws, "C12:J12");
  alignLeft(ws, Array.from({ length: 12 }, (_, i) => `J${13 + i}`));
  ws.getCell("B25").font = { name: ZH_FONT, size: 11, bold: true };
  ws.getRow(1).height = 30;
  for (const r of [13, 14, 17, 21]) ws.getRow(r).height = 30;
  return wb;
}

// ---------------------------------------------------------------------------------------------
// 3. english.xlsx: English headers at C3, an Operator and a Unit column, an N/A row, and an
//    enrollment table below the indicators with a Linked indicator column.

export const ENGLISH_SHEET = "Score table";

function buildEnglish(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(ENGLISH_SHEET);
  ws.columns = [
    { width: 3 }, { width: 3 }, { width: 12 }, { width: 22 }, { width: 34 }, { width: 12 }, { width: 16 },
    { width: 13 }, { width: 10 }, { width: 8 }, { width: 8 }, { width: 44 },
  ];
  landscape(ws);
  title(ws, "C1:L1", "Pension outreach programme: performance self-evaluation 2022", EN_FONT);
  put(ws, "C2", "Weights and scores in points; the total is out of 100.", EN_FONT).font = { name: EN_FONT, size: 10, italic: true };

  putRow(ws, "C3", ["Level 1", "Level 2", "Indicator", "Operator", "Target", "Actual", "Unit", "Weight", "Score", "Notes"], EN_FONT);
  const pct1 = (n: number): Value => ({ number: n, format: "0.0%" });
  // Rows 4..13: [Level 1, Level 2, Indicator, Operator, Target, Actual, Unit, Weight, Score, Notes]
  const rows: Value[][] = [
    ["Output", "Quantity", "Pension enrollment", null, null, null, null, 20, 18.8,
      "Enterprise enrollment at 88.5% of target: several firms closed in 2022 (see the enrollment table below)"],
    [null, null, "Training sessions held", "≥", 12, 12, "sessions", 10, 10, null],
    [null, "Quality", "Benefit payment accuracy", "≥", 95, 97, "%", 10, 10, null],
    [null, null, "Cross-province transfers handled", "≥", "N/A", "N/A", "cases", 5, null, "No transfer requests were received this year"],
    [null, "Timeliness", "Average claim processing time", "≤", 15, 12, "days", 10, 10, null],
    [null, null, "Backlog of pending claims at year end", "=", 0, 0, "cases", 5, 5, null],
    ["Outcome", "Social", "Public awareness of pension policy", "Qualitative", "Improved", "Achieved", null, 10, 9,
      "The awareness survey reached 3 of the 4 townships"],
    [null, null, "One-window service adoption", "Qualitative", "All service halls", "Partially met", null, 10, 7,
      "Two township halls still use separate counters"],
    [null, "Sustainability", "Fund risk controls", "Qualitative", "Established", "Yes", null, 10, 10, null],
    ["Satisfaction", "Beneficiary satisfaction", "Insured persons' satisfaction", "≥", 90, pct1(0.925), "%", 10, 10, null],
  ];
  rows.forEach((r, i) => putRow(ws, `C${4 + i}`, r, EN_FONT));
  for (const range of ["C4:C9", "D4:D5", "D6:D7", "D8:D9", "C10:C12", "D10:D11"]) merge(ws, range);
  frame(ws, "C3:L13", EN_FONT);
  header(ws, "C3:L3", EN_FONT);
  alignLeft(ws, Array.from({ length: 10 }, (_, i) => `L${4 + i}`));
  alignLeft(ws, Array.from({ length: 10 }, (_, i) => `E${4 + i}`));

  ws.getRow(4).height = 30;

  // The enrollment table: names merged over C:D, the link over I:K, as wide cells are usually made.
  put(ws, "C15", "Enrollment by scheme (persons)", EN_FONT).font = { name: EN_FONT, size: 12, bold: true };
  putRow(ws, "C16", ["Item", null, "Target", "Actual", "Unit", "Completion", "Linked indicator"], EN_FONT);
  const count = (n: number): Value => ({ number: n, format: "#,##0" });
  const pct2 = (n: number): Value => ({ number: n, format: "0.00%" });
  const lines: Value[][] = [
    ["Enterprise employee pension", null, count(64200), count(56800), "persons", pct2(0.8847), "Pension enrollment"],
    ["Public institution pension", null, count(17238), count(19200), "persons", pct2(1.0138), "Pension enrollment"],
    ["Urban and rural residents pension", null, count(390000), count(390500), "persons", pct1(1.001), null],
  ];
  lines.forEach((l, i) => putRow(ws, `C${17 + i}`, l, EN_FONT));
  for (let r = 16; r <= 19; r++) {
    merge(ws, `C${r}:D${r}`);
    merge(ws, `I${r}:K${r}`);
  }
  frame(ws, "C16:K19", EN_FONT);
  header(ws, "C16:K16", EN_FONT);
  alignLeft(ws, ["C17", "C18", "C19"]);
  ws.getRow(1).height = 28;
  return wb;
}

// ---------------------------------------------------------------------------------------------
// 4. projects.xlsx: a department's workbook with three projects (docs/scoring-rules.md §1.6): one
//    on 就业补助, two on 医保项目 one below the other, and an enrollment sheet without an
//    indicator table whose first line links to an indicator of the first project and whose
//    second line links to nothing (so it belongs to no project).

/** One project's 自评表 block: 项目名称, the budget block (when given), the indicator table and its 总分 row. */
interface ProjectForm {
  name: string;
  /** 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分. */
  budget: [number, number, number, number, number, number] | null;
  /** [一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因]; null repeats the group above (merged). */
  rows: Value[][];
  total: [number, number];
}

/**
 * Writes a project's block at row `top` (columns B to J, as the standard form) and returns the
 * next free row.
 */
export function addProjectForm(ws: ExcelJS.Worksheet, top: number, form: ProjectForm): number {
  putRow(ws, `B${top}`, ["项目名称", form.name]);
  merge(ws, `C${top}:J${top}`);
  frame(ws, `B${top}:J${top}`);
  alignLeft(ws, [`C${top}`]);
  let row = top + 1;
  if (form.budget) {
    const [initial, planned, spent, weight, rate, score] = form.budget;
    putRow(ws, `B${row}`, ["项目资金（万元）", null, "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率", "得分"]);
    putRow(ws, `C${row + 1}`, ["年度资金总额", initial, planned, spent, weight, { number: rate, format: "0.00%" }, score]);
    merge(ws, `B${row}:B${row + 1}`);
    frame(ws, `B${row}:I${row + 1}`);
    header(ws, `D${row}:I${row}`);
    row += 2;
  }
  const head = row;
  putRow(ws, `B${head}`, ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
  form.rows.forEach((r, i) => putRow(ws, `C${head + 1 + i}`, r));
  const last = head + form.rows.length;
  putRow(ws, `B${last + 1}`, ["总分", null, null, null, null, null, form.total[0], form.total[1], null]);
  merge(ws, `B${head}:B${last}`);
  merge(ws, `B${last + 1}:G${last + 1}`);
  for (const col of ["C", "D"]) {
    let start = head + 1;
    for (let r = head + 2; r <= last + 1; r++) {
      const blank = r <= last && form.rows[r - head - 1]?.[col === "C" ? 0 : 1] === null;
      if (blank) continue;
      if (r - 1 > start) merge(ws, `${col}${start}:${col}${r - 1}`);
      start = r;
    }
  }
  frame(ws, `B${head}:J${last + 1}`);
  header(ws, `C${head}:J${head}`);
  alignLeft(ws, Array.from({ length: form.rows.length }, (_, i) => `J${head + 1 + i}`));
  ws.getCell(`B${last + 1}`).font = { name: ZH_FONT, size: 11, bold: true };
  return last + 2;
}

const PROJECT_COLUMNS = [{ width: 3 }, { width: 10 }, { width: 14 }, { width: 20 }, { width: 26 }, { width: 14 }, { width: 14 }, { width: 8 }, { width: 8 }, { width: 36 }];
const pctOf = (n: number): Value => ({ number: n, format: "0%" });

function buildProjects(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const a = wb.addWorksheet("就业补助");
  a.columns = PROJECT_COLUMNS;
  landscape(a);
  title(a, "B1:J1", "项目支出绩效自评表（2022年度）");
  addProjectForm(a, 2, {
    name: "就业创业补助资金项目",
    budget: [200, 200, 180, 10, 0.9, 9],
    rows: [
      ["产出指标", "数量指标", "职业技能培训人数", "≥1000人", "950人", 30, 28.5, "部分培训班延至下年度开班"],
      [null, "质量指标", "培训合格率", "≥90%", "95%", 20, 20, null],
      ["效益指标", "社会效益指标", "新增就业人数", null, null, 20, 18, "见参保汇总表，城镇新增就业完成90%"],
      ["满意度指标", "服务对象满意度指标", "受训人员满意度", "≥90%", "92%", 20, 20, null],
    ],
    total: [100, 95.5],
  });

  const b = wb.addWorksheet("医保项目");
  b.columns = PROJECT_COLUMNS;
  landscape(b);
  title(b, "B1:J1", "项目支出绩效自评表（2022年度）");
  const next = addProjectForm(b, 2, {
    name: "城乡居民医保补助项目",
    budget: [100, 100, 100, 10, 1, 10],
    rows: [
      ["产出指标", "数量指标", "参保人数", "≥50000人", "48000人", 40, 38.4, "外出务工人员回流少于预期"],
      [null, "时效指标", "报销办结时限", "≤20天", "25天", 20, 16, "系统升级期间办结放缓"],
      ["效益指标", "社会效益指标", "群众看病负担", "明显减轻", "达成", 20, 20, null],
      ["满意度指标", "服务对象满意度指标", "参保群众满意度", "≥85%", pctOf(0.8), 10, 9.41, "报销时限偏长影响满意度"],
    ],
    total: [100, 93.81],
  });
  addProjectForm(b, next + 1, {
    name: "医疗救助项目",
    budget: null,
    rows: [
      ["产出指标", "数量指标", "救助人次", "≥2000人次", "1500人次", 40, 40, "申请人数少于预期"],
      [null, "质量指标", "救助资金发放准确率", "≥98%", "98%", 30, 30, null],
      ["满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "72%", 30, 24, "救助标准偏低"],
    ],
    total: [100, 94],
  });

  const c = wb.addWorksheet("参保汇总");
  c.columns = [{ width: 3 }, { width: 18 }, { width: 14 }, { width: 14 }, { width: 18 }];
  putRow(c, "B2", ["项目", "目标任务人数", "当前参保人数", "关联指标"]);
  putRow(c, "B3", ["城镇新增就业", 500, 450, "新增就业人数"]);
  putRow(c, "B4", ["失业保险参保", 8000, 7600, null]);
  frame(c, "B2:E4");
  header(c, "B2:E2");
  return wb;
}

// ---------------------------------------------------------------------------------------------
// Deterministic output.

/**
 * Rewrites every zip entry's DOS date and time (local headers and central directory) to
 * FIXED_DATE. JSZip stamps entries with the current time; the CRCs cover only the data, so they
 * stay valid.
 */
export function fixZipTimestamps(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  const dosTime = 0;
  const dosDate = ((FIXED_DATE.getUTCFullYear() - 1980) << 9) | ((FIXED_DATE.getUTCMonth() + 1) << 5) | FIXED_DATE.getUTCDate();
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("fixZipTimestamps: no end-of-central-directory record");
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error(`fixZipTimestamps: bad central entry at ${p}`);
    out.writeUInt16LE(dosTime, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error(`fixZipTimestamps: bad local header at ${local}`);
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

/** Writes a workbook to `file` reproducibly and returns the path relative to the repo root. */
export async function save(wb: ExcelJS.Workbook, file: string): Promise<string> {
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, fixZipTimestamps(raw));
  return path.relative(ROOT, file);
}

/**
 * Protects a sheet the way `ws.protect(password, {})` does, but with a fixed salt instead of a
 * random one, so that the file is reproducible. Same algorithm as ExcelJS: SHA-512 over
 * salt + UTF-16LE password, then spinCount rounds of hash + little-endian counter.
 */
export async function protectReproducibly(ws: ExcelJS.Worksheet, password: string): Promise<void> {
  await ws.protect(password, {});
  const saltValue = Buffer.from("PerfScoreFixture", "utf8").toString("base64");
  const spinCount = 100000;
  let key = crypto.createHash("sha512").update(Buffer.concat([Buffer.from(saltValue, "base64"), Buffer.from(password, "utf16le")])).digest();
  for (let i = 0; i < spinCount; i++) {
    const counter = Buffer.alloc(4);
    counter.writeUInt32LE(i, 0);
    key = crypto.createHash("sha512").update(Buffer.concat([key, counter])).digest();
  }
  const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
  protection.saltValue = saltValue;
  protection.spinCount = spinCount;
  protection.hashValue = key.toString("base64");
}

/** The seed workbook (both sheets), for fixtures that start from it. */
export function seedWorkbook(): ExcelJS.Workbook {
  return buildSeed();
}

async function main(): Promise<void> {
  const dir = path.join(ROOT, "examples");
  const written = [
    await save(buildSeed(), path.join(dir, "seed.xlsx")),
    await save(buildSelfEvaluationForm(), path.join(dir, "self-evaluation-form.xlsx")),
    await save(buildEnglish(), path.join(dir, "english.xlsx")),
    await save(buildProjects(), path.join(dir, "projects.xlsx")),
  ];
  for (const f of written) process.stdout.write(`wrote ${f}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`buildExamples: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  });
}
