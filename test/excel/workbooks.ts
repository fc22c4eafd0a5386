import ExcelJS from "exceljs";

/** A 自评表-style workbook with `rows` leaves under 5 level-1 groups: weights sum to 100. */
export function formWorkbook(rows: number, sheetName = "自评表"): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(["项目支出绩效自评表"]);
  ws.addRow(["项目名称", "测试项目"]);
  ws.addRow(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
  const w = 100 / rows;
  for (let i = 0; i < rows; i++) {
    const target = 100 + (i % 7);
    ws.addRow([`一级${Math.floor((i * 5) / rows)}`, `二级${Math.floor((i * 20) / rows)}`, `指标${i}`, `≥${target}`, 90 + (i % 20), w, w * 0.9, i % 3 === 0 ? "" : "原因"]);
  }
  return wb;
}
