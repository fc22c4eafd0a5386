/** The workbook of our sheets the package tests compose into each fixture, built with ExcelJS. */
import ExcelJS from "exceljs";

export const OUR_SHEETS = ["评分结果", "评分说明"] as const;

/** Two sheets with text, numbers, formulas, merges, borders, fills, a data bar, a cell-value rule, an internal hyperlink and print titles. */
export async function ourWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2023, 1, 28));
  wb.modified = wb.created;
  const a = wb.addWorksheet(OUR_SHEETS[0]);
  const b = wb.addWorksheet(OUR_SHEETS[1]);
  a.mergeCells("A1:D1");
  a.getCell("A1").value = "绩效自评评分结果";
  a.getCell("A1").font = { bold: true, size: 14, name: "宋体" };
  a.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  ["指标", "分值", "完成率", "得分"].forEach((h, i) => {
    const c = a.getCell(2, i + 1);
    c.value = h;
    c.font = { bold: true };
    c.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
  });
  a.getCell("A3").value = "参保人数";
  a.getCell("B3").value = 40;
  a.getCell("C3").value = 0.9833;
  a.getCell("C3").numFmt = "0.00%";
  a.getCell("D3").value = { formula: "B3*C3", result: 39.33 };
  a.getCell("A4").value = "资金到位率";
  a.getCell("B4").value = 30;
  a.getCell("C4").value = 0.98;
  a.getCell("C4").numFmt = "0.00%";
  a.getCell("D4").value = { formula: "B4*C4", result: 29.4 };
  a.getCell("A5").value = { text: "说明", hyperlink: `#'${OUR_SHEETS[1]}'!A1` };
  a.addConditionalFormatting({
    ref: "D3:D4",
    rules: [
      { type: "dataBar", priority: 1, cfvo: [{ type: "min" }, { type: "max" }], color: { argb: "FF638EC6" } } as ExcelJS.ConditionalFormattingRule,
      { type: "cellIs", operator: "lessThan", priority: 2, formulae: ["30"], style: { font: { color: { argb: "FFC00000" } }, fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } } },
    ],
  });
  a.pageSetup.printTitlesRow = "1:2";
  b.getCell("A1").value = "评分依据：财政部绩效自评办法";
  b.getCell("A2").value = "ID_x0041_";
  return new Uint8Array(await wb.xlsx.writeBuffer({ useSharedStrings: false, useStyles: true }));
}
