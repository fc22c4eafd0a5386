/**
 * A generator of realistic N-row 项目支出绩效自评表 workbooks for the benchmark (scripts/bench.ts).
 *
 * The sheet follows the standard form's layout, scaled up: a title, （年度）, 项目名称 / 主管部门,
 * the budget block (项目资金（万元）, 年初预算数 | 全年预算数（A） | 全年执行数（B） | 分值 | 执行率 | 得分),
 * the 年度总体目标 rows, then the indicator table with the header
 * 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
 * at B12, N indicator rows and a 总分 row.
 *
 * - Level-1 groups (产出指标 55%, 效益指标 30%, 满意度指标 15%) and level-2 groups of 2–8 rows are
 *   merged, as on the printed form.
 * - Targets mix ≥ counts (≥8755人), ≤ percents (≤2%), ≥ percents with a percent-formatted actual
 *   (0.97 as 97.0%), ≤ durations (≤30天), ≤ costs (≤57万元), = percents (=100%) and qualitative
 *   targets (有效提升 → 达成 / 基本达成 / 未达成).
 * - The leaf weights are 90/N each, so with the budget's 10 the form totals 100; self-scores are
 *   the worked score to 4 significant digits (never above the weight), with about 1 row in 25
 *   given full marks it did not earn; most rows below full marks carry a reason.
 *
 * One layout is built and then rendered twice, so the core and the host see the same cells:
 * `benchGrids(n)` gives the SheetGrid[] the core reads, `benchExcelWorkbook(n)` an ExcelJS
 * workbook (with borders, fonts and number formats) for the host and the CLI.
 * Output is deterministic: a seeded generator, no clock.
 */
import ExcelJS from "exceljs";
import type { CellBox, CellValue, SheetGrid } from "../src/core/types";
import { toA1, toA1Range } from "../src/core/cells/address";

export const BENCH_SHEET = "自评表";
export const BENCH_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
/** 0-based row and column of the header's first cell (B12). */
export const BENCH_HEADER_AT = { row: 11, col: 1 } as const;

/** One sheet's cells as a dense block from (`row`, `col`), with number formats and merges: the common source of both renderings. */
export interface BenchSheet {
  name: string;
  row: number;
  col: number;
  values: CellValue[][];
  formats: string[][];
  merges: CellBox[];
}

/** mulberry32: a small seeded generator, so every generated workbook can be rebuilt exactly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WIDTH = 8;
const PERCENT = "0.0%";

const SECTIONS: { name: string; share: number; level2: string[] }[] = [
  { name: "产出指标", share: 0.55, level2: ["数量指标", "质量指标", "时效指标", "成本指标"] },
  { name: "效益指标", share: 0.3, level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"] },
  { name: "满意度指标", share: 0.15, level2: ["服务对象满意度指标"] },
];

const SUBJECTS = ["退休人员", "参保群众", "异地居住人员", "企业职工", "城乡居民", "灵活就业人员", "经办窗口", "乡镇服务站"];
const AREAS = ["城区", "北片区", "南片区", "东片区", "西片区", "工业园区", "第一街道", "第二街道"];
const REASONS = [
  "部分人员未按期完成认证，下年度加强协查",
  "年初目标偏低，下年度据实调整",
  "系统上线初期录入差错偏多，已建立复核制度",
  "部分乡镇政策宣传覆盖不足，下年度加强基层宣传",
  "受资金拨付进度影响，部分工作延后完成",
];

type Kind = "countGe" | "percentLe" | "percentGe" | "daysLe" | "costLe" | "percentEq" | "qualitative";
const KINDS: Kind[] = ["countGe", "countGe", "percentGe", "percentLe", "daysLe", "costLe", "percentEq", "qualitative"];

interface Leaf {
  name: string;
  target: CellValue;
  actual: CellValue;
  actualFormat: string;
  weight: number;
  self: CellValue;
  reason: string;
}

/** One leaf row: its target and actual by kind, the worked score, a self-score and maybe a reason. */
function leaf(rand: () => number, i: number, weight: number): Leaf {
  const kind = KINDS[Math.floor(rand() * KINDS.length)] ?? "countGe";
  const subject = SUBJECTS[Math.floor(rand() * SUBJECTS.length)] ?? "";
  const area = AREAS[i % AREAS.length] ?? "";
  const no = `（${area}${Math.floor(i / AREAS.length) + 1}）`;
  let name: string;
  let target: CellValue;
  let actual: CellValue;
  let actualFormat = "General";
  let ratio: number; // the share of the weight the row earns
  let over = false;
  switch (kind) {
    case "countGe": {
      const a = 500 + Math.floor(rand() * 20000);
      const b = Math.round(a * (0.85 + rand() * 0.45));
      name = `${subject}服务人数${no}`;
      target = `≥${a}人`;
      actual = `${b}人`;
      ratio = Math.min(b / a, 1);
      over = b / a >= 1.2;
      break;
    }
    case "percentGe": {
      const a = 85 + Math.floor(rand() * 14);
      const b = Math.round(a * (0.9 + rand() * 0.15) * 10) / 1000;
      name = `${subject}待遇按时足额发放率${no}`;
      target = `≥${a}%`;
      actual = b;
      actualFormat = PERCENT;
      ratio = Math.min(b / (a / 100), 1);
      break;
    }
    case "percentLe": {
      const a = 1 + Math.floor(rand() * 5);
      const b = Math.round(a * (0.7 + rand() * 0.45) * 10) / 10;
      name = `${subject}业务经办差错率${no}`;
      target = `≤${a}%`;
      actual = `${b}%`;
      ratio = b > a ? a / b : 1;
      break;
    }
    case "daysLe": {
      const a = 10 + Math.floor(rand() * 50);
      const b = Math.round(a * (0.7 + rand() * 0.45));
      name = `${subject}待遇核定办结时限${no}`;
      target = `≤${a}天`;
      actual = `${b}天`;
      ratio = b > a ? a / b : 1;
      break;
    }
    case "costLe": {
      const a = 10 + Math.floor(rand() * 90);
      const b = Math.round(a * (0.85 + rand() * 0.2) * 100) / 100;
      name = `${subject}项目成本${no}`;
      target = `≤${a}万元`;
      actual = `${b}万元`;
      ratio = b > a ? a / b : 1;
      break;
    }
    case "percentEq": {
      const met = rand() < 0.9;
      name = `${subject}养老金发放及时率${no}`;
      target = "=100%";
      actual = met ? "100%" : "98%";
      ratio = met ? 1 : 0.98;
      break;
    }
    case "qualitative": {
      const r = rand();
      name = `${subject}社保权益保障水平${no}`;
      target = r < 0.5 ? "有效提升" : "明显提升";
      actual = r < 0.6 ? "达成" : r < 0.9 ? "基本达成" : "未达成";
      ratio = r < 0.6 ? 1 : r < 0.9 ? 0.7 : 0.3;
      break;
    }
  }
  const worked = weight * ratio;
  const overScored = rand() < 0.04;
  // Four significant digits, never above the weight: with weights of 90/N, rounding to 2 decimals
  // would push full-mark self-scores over the weight once N passes about 4,500.
  const self = overScored ? weight : Math.min(weight, Number(worked.toPrecision(4)));
  const needsReason = ratio < 1 || over;
  const reason = needsReason && rand() < 0.85 ? (REASONS[Math.floor(rand() * REASONS.length)] ?? "") : "";
  return { name, target, actual, actualFormat, weight, self, reason };
}

/**
 * Lays out an N-row 自评表 as one dense block of cells (B1:I…), with number formats and merges.
 *
 * @param n - the number of indicator rows (at least 1)
 * @param seed - the generator's seed; the same (n, seed) gives the same sheet
 */
export function layoutBenchSheet(n: number, seed = 20230228): BenchSheet {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`layoutBenchSheet: n must be a positive integer, not ${n}`);
  const rand = seeded(seed);
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  const merges: CellBox[] = [];
  const col = BENCH_HEADER_AT.col;
  const row = (cells: CellValue[], fmt: Record<number, string> = {}): void => {
    values.push(Array.from({ length: WIDTH }, (_, j) => cells[j] ?? ""));
    formats.push(Array.from({ length: WIDTH }, (_, j) => fmt[j] ?? "General"));
  };
  // Local (0-based, relative to B1) boxes, made absolute below.
  const merge = (r1: number, c1: number, r2: number, c2: number): void => {
    if (r1 !== r2 || c1 !== c2) merges.push({ row: r1, col: c1 + col, rowCount: r2 - r1 + 1, colCount: c2 - c1 + 1 });
  };

  row(["项目支出绩效自评表"]);
  merge(0, 0, 0, 7);
  row(["（2022年度）"]);
  merge(1, 0, 1, 7);
  row(["项目名称", `社保经办服务能力提升项目（${n}项指标）`]);
  merge(2, 1, 2, 7);
  row(["主管部门", "某县人力资源和社会保障局", "", "", "实施单位", "某县社会保险事业管理中心"]);
  merge(3, 1, 3, 3);
  merge(3, 5, 3, 7);
  row(["项目资金（万元）", "", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率", "得分"]);
  row(["", "年度资金总额", 50, 57, 55.29, 10, 0.97, 9.7], { 6: "0.00%" });
  row(["", "其中：当年财政拨款", 50, 57, 55.29, "—", 0.97, "—"], { 6: "0.00%" });
  row(["", "上年结转资金", 0, 0, 0, "—", "—", "—"]);
  row(["", "其他资金", 0, 0, 0, "—", "—", "—"]);
  merge(4, 0, 8, 0);
  row(["年度总体目标", "预期目标", "", "", "实际完成情况"]);
  row(["", "全力提高社会保障水平：深入推进全民参保，扎实开展扩面征缴；加强管理，健全风险防控机制。", "", "", "项目任务基本完成，工作经费按规定合理使用。"]);
  merge(9, 0, 10, 0);
  merge(9, 1, 9, 3);
  merge(9, 4, 9, 7);
  merge(10, 1, 10, 3);
  merge(10, 4, 10, 7);
  row(BENCH_HEADER);

  const first = values.length;
  const weight = 90 / n;
  let selfTotal = 0;
  let i = 0;
  SECTIONS.forEach((section, s) => {
    const count = s === SECTIONS.length - 1 ? n - i : Math.min(n - i, Math.max(1, Math.round(n * section.share)));
    if (count <= 0) return;
    const l1Start = values.length;
    let done = 0;
    let group = 0;
    while (done < count) {
      const size = Math.min(count - done, 2 + Math.floor(rand() * 7));
      const base = section.level2[group % section.level2.length] ?? "";
      const round = Math.floor(group / section.level2.length);
      const l2Name = round === 0 ? base : `${base}（${round + 1}）`;
      const l2Start = values.length;
      for (let k = 0; k < size; k++, i++) {
        const l = leaf(rand, i, weight);
        selfTotal += typeof l.self === "number" ? l.self : 0;
        const top = values.length === l1Start;
        row([top ? section.name : "", k === 0 ? l2Name : "", l.name, l.target, l.actual, l.weight, l.self, l.reason], { 4: l.actualFormat });
      }
      merge(l2Start, 1, values.length - 1, 1);
      done += size;
      group++;
    }
    merge(l1Start, 0, values.length - 1, 0);
  });
  // Rows first, then the budget's 9.7, as the audit adds them; to 6 decimals, within its 1e-6.
  row(["总分", "", "", "", "", 100, Math.round((selfTotal + 9.7) * 1e6) / 1e6]);
  merge(values.length - 1, 0, values.length - 1, 4);
  if (values.length - first !== n + 1) throw new Error(`layoutBenchSheet: laid out ${values.length - first - 1} rows, not ${n}`);
  return { name: BENCH_SHEET, row: 0, col, values, formats, merges };
}

/**
 * The workbook as the core reads it: one SheetGrid, the way readWorkbook returns the used range.
 *
 * @example
 * benchGrids(100)[0]?.values.length //=> 113 (11 rows above the header, the header, 100 rows, 总分)
 */
export function benchGrids(n: number, seed?: number): SheetGrid[] {
  const s = layoutBenchSheet(n, seed);
  return [{ name: s.name, rowIndex: s.row, columnIndex: s.col, values: s.values, numberFormats: s.formats, merges: s.merges }];
}

const FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 11 };
const BOLD: Partial<ExcelJS.Font> = { name: "宋体", size: 11, bold: true };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const CENTER: Partial<ExcelJS.Alignment> = { vertical: "middle", horizontal: "center", wrapText: true };
const LEFT: Partial<ExcelJS.Alignment> = { vertical: "middle", horizontal: "left", wrapText: true };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };

/**
 * Merges ranges known not to overlap. ExcelJS's mergeCells checks each new merge against every
 * existing one, which is quadratic: 9,000 group merges of a 50,000-row sheet took 13 s. Each merge
 * is made against an empty merge index, and the indexes are joined afterwards.
 */
function mergeDisjoint(ws: ExcelJS.Worksheet, ranges: string[]): void {
  const internals = ws as unknown as { _merges: Record<string, unknown> };
  const all = internals._merges;
  try {
    for (const range of ranges) {
      internals._merges = {};
      ws.mergeCells(range);
      Object.assign(all, internals._merges);
    }
  } finally {
    internals._merges = all;
  }
}

/**
 * The same sheet as an ExcelJS workbook, styled like the example forms: borders and centred text
 * in the tables, a bold shaded header, left-aligned names and reasons, merged groups.
 */
export function benchExcelWorkbook(n: number, seed?: number): ExcelJS.Workbook {
  const s = layoutBenchSheet(n, seed);
  const wb = new ExcelJS.Workbook();
  wb.creator = "PerfScore bench";
  wb.created = new Date(Date.UTC(2023, 1, 28));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(s.name);
  ws.columns = [{ width: 3 }, { width: 12 }, { width: 18 }, { width: 36 }, { width: 14 }, { width: 14 }, { width: 8 }, { width: 8 }, { width: 40 }];
  const headerRow = BENCH_HEADER_AT.row - s.row;
  s.values.forEach((cells, i) => {
    const xr = ws.getRow(s.row + i + 1);
    const inTable = i >= 2;
    cells.forEach((v, j) => {
      const cell = xr.getCell(s.col + j + 1);
      if (v !== "") cell.value = v;
      const fmt = s.formats[i]?.[j] ?? "General";
      if (fmt !== "General") cell.numFmt = fmt;
      cell.font = i === 0 || i === headerRow || i === 4 ? BOLD : FONT;
      if (inTable) {
        cell.border = THIN;
        cell.alignment = i > headerRow && (j === 2 || j === 7) ? LEFT : CENTER;
      }
      if (i === headerRow) cell.fill = HEADER_FILL;
    });
  });
  ws.getCell("B1").font = { name: "宋体", size: 16, bold: true };
  ws.getRow(1).height = 30;
  mergeDisjoint(ws, s.merges.map((m) => toA1Range(m.row, m.col, m.row + m.rowCount - 1, m.col + m.colCount - 1)));
  ws.views = [{ state: "frozen", ySplit: BENCH_HEADER_AT.row + 1, xSplit: 0, topLeftCell: toA1(BENCH_HEADER_AT.row + 1, 0) }];
  return wb;
}
