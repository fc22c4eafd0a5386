/**
 * Writes the bad-input workbooks into test/fixtures/ (described in test/fixtures/README.md).
 * Reproducible like the examples: fixed dates, fixed zip timestamps, fixed protection salt.
 *
 * Run: npm run examples && node dist/scripts/buildFixtures.js
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  SEED_SHEET,
  ROOT,
  addSeedEnrollmentSheet,
  addSeedScoreSheet,
  frame,
  header,
  newWorkbook,
  protectReproducibly,
  put,
  putRow,
  save,
  seedWorkbook,
  title,
} from "./buildExamples";

type Row = (string | number | null | { error: string })[];

function empty(): ExcelJS.Workbook {
  const wb = newWorkbook();
  wb.addWorksheet("Sheet1");
  return wb;
}

function unrelated(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Sales");
  putRow(ws, "A1", ["Region", "Month", "Units", "Revenue"], "Calibri");
  const regions = ["North", "South", "East", "West"];
  for (let i = 0; i < 12; i++) {
    putRow(ws, `A${i + 2}`, [regions[i % 4] ?? "North", `2022-${String(i + 1).padStart(2, "0")}`, 100 + 7 * i, 2500 + 180 * i], "Calibri");
  }
  return wb;
}

function enrollmentOnly(): ExcelJS.Workbook {
  const wb = newWorkbook();
  addSeedEnrollmentSheet(wb);
  return wb;
}

function noWeightColumn(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("评分表");
  title(ws, "B1:E1", "部门绩效评价 评分表");
  putRow(ws, "B3", ["一级指标", "二级指标", "三级指标", "得分"]);
  const rows: Row[] = [
    ["决策", "项目立项", "立项依据充分性", 2],
    [null, null, "立项程序规范性", 3],
    ["产出", "产出数量", "参保人数", 10],
    [null, "产出质量", "待遇发放准确率", 10],
  ];
  rows.forEach((r, i) => putRow(ws, `B${4 + i}`, r));
  ws.mergeCells("B4:B5");
  ws.mergeCells("C4:C5");
  ws.mergeCells("B6:B7");
  frame(ws, "B3:E7");
  header(ws, "B3:E3");
  return wb;
}

function badValues(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("自评表");
  title(ws, "B1:I1", "项目支出绩效自评表（错误值样例）");
  putRow(ws, "B3", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
  // Rows 4..13.
  const rows: Row[] = [
    ["产出指标", "数量指标", "培训人次", "≥500人", null, 10, 8, "数据尚未汇总"],
    [null, null, "宣传场次", "≥20次", "待定", 10, 10, null],
    [null, "质量指标", "资料归档率", "≥95%", { error: "#DIV/0!" }, 10, 10, null],
    [null, null, "核查准确率", "≥98%", "*", 10, 9, null],
    [null, "时效指标", "信访积案数", "0件", "2件", 10, 10, null],
    [null, "成本指标", "人均经办成本", "≤50元", "-12元", 5, 5, null],
    ["效益指标", "社会效益指标", "政策知晓率", "≥80%", "85%", 0, 0, null],
    [null, null, "群众办事便利度", "明显提升", "达成", 10, 10, null],
    [null, null, "政策知晓率", "≥80%", "85%", 10, 10, null],
    ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "92%", 10, 10, null],
  ];
  rows.forEach((r, i) => putRow(ws, `B${4 + i}`, r));
  putRow(ws, "B14", ["总分", null, null, null, null, 100, 82, null]);
  for (const range of ["B4:B9", "C4:C5", "C6:C7", "B10:B12", "C10:C12", "B14:F14"]) ws.mergeCells(range);
  frame(ws, "B3:I14");
  header(ws, "B3:I3");
  return wb;
}

function strayCell(): ExcelJS.Workbook {
  const wb = seedWorkbook();
  const ws = wb.getWorksheet(SEED_SHEET);
  if (!ws) throw new Error("buildFixtures: seed sheet missing");
  put(ws, "XFD1048576", "x");
  return wb;
}

async function protectedSeed(): Promise<ExcelJS.Workbook> {
  const wb = newWorkbook();
  const ws = addSeedScoreSheet(wb);
  addSeedEnrollmentSheet(wb);
  await protectReproducibly(ws, "secret");
  return wb;
}

function formulaInjection(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("评分表");
  title(ws, "B1:H1", "公式注入样例");
  putRow(ws, "B3", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]);
  // Text cells that begin like formulas; ExcelJS writes plain strings as strings, never formulas.
  const rows: Row[] = [
    ["=1+1", "+SUM(A1:A2)", "=HYPERLINK(\"http://x\")", "≥10人", "11人", 25, 25],
    [null, null, "-2+3", "≥95%", "96%", 25, 25],
    ["@cmd", "=cmd|' /C calc'!A0", "@SUM(1,2)", "≥5次", "4次", 25, 20],
    [null, null, "+1", "≤30天", "28天", 25, 25],
  ];
  rows.forEach((r, i) => putRow(ws, `B${4 + i}`, r));
  putRow(ws, "B8", ["总分", null, null, null, null, 100, 95]);
  ws.mergeCells("B4:B5");
  ws.mergeCells("C4:C5");
  ws.mergeCells("B6:B7");
  ws.mergeCells("C6:C7");
  frame(ws, "B3:H8");
  header(ws, "B3:H3");
  return wb;
}

async function main(): Promise<void> {
  const dir = path.join(ROOT, "test", "fixtures");
  fs.mkdirSync(dir, { recursive: true });
  const written = [
    await save(empty(), path.join(dir, "empty.xlsx")),
    await save(unrelated(), path.join(dir, "unrelated.xlsx")),
    await save(enrollmentOnly(), path.join(dir, "enrollment-only.xlsx")),
    await save(noWeightColumn(), path.join(dir, "no-weight-column.xlsx")),
    await save(badValues(), path.join(dir, "bad-values.xlsx")),
    await save(strayCell(), path.join(dir, "stray-cell.xlsx")),
    await save(await protectedSeed(), path.join(dir, "protected.xlsx")),
    await save(formulaInjection(), path.join(dir, "formula-injection.xlsx")),
  ];
  const notXlsx = path.join(dir, "not-xlsx.xlsx");
  fs.writeFileSync(notXlsx, "This is a plain text file with an .xlsx name, not a zip archive.\n");
  written.push(path.relative(ROOT, notXlsx));
  for (const f of written) process.stdout.write(`wrote ${f}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`buildFixtures: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  });
}
