// Builds Evaluation objects inline for the layout tests, independent of detection and scoring.
import { qualify } from "../../../src/core/cells/address";
import { gradeTotal } from "../../../src/core/score/grade";
import { totalOf } from "../../../src/core/score/rollup";
import {
  DEFAULT_SETTINGS,
  type Evaluation,
  type Finding,
  type IndicatorKind,
  type LevelNode,
  type ParsedValue,
  type RollupNode,
  type ScoredBudget,
  type ScoredEnrollmentLine,
  type ScoredIndicator,
  type Settings,
} from "../../../src/core/types";

export const SHEET = "Data";

export function level(name: string, row: number, col: number, weight: number | null, lastRow = row): LevelNode {
  return { name, cell: qualify(SHEET, row, col), weight, weightCell: weight === null ? null : qualify(SHEET, row, col + 1), firstRow: row, lastRow };
}

export function num(value: number, opts: { unit?: string; operator?: ">=" | "<=" | "=" | null; isPercent?: boolean; text?: string } = {}): ParsedValue {
  return { kind: "number", value, unit: opts.unit ?? "", operator: opts.operator ?? null, isPercent: opts.isPercent ?? false, text: opts.text ?? String(value) };
}

export function text(t: string): ParsedValue {
  return t === "" ? { kind: "missing", text: "" } : { kind: "qualitative", achievement: null, text: t, operator: null };
}

export interface IndicatorInput {
  row: number;
  l1?: LevelNode | null;
  l2?: LevelNode | null;
  l3?: LevelNode | null;
  kind?: IndicatorKind;
  weight: number;
  score?: number;
  selfScore?: number | null;
  target?: ParsedValue;
  actual?: ParsedValue;
  hasFormulaScore?: boolean;
  unitText?: string;
  operatorText?: string;
}

/** A scored leaf; target/actual numbers come from the parsed values. Cells: A..F names/weights, G target, H actual, I self, J reason. */
export function indicator(o: IndicatorInput): ScoredIndicator {
  const target = o.target ?? { kind: "missing", text: "" };
  const actual = o.actual ?? { kind: "missing", text: "" };
  const t = target.kind === "number" ? target.value : null;
  const a = actual.kind === "number" ? actual.value : null;
  const l3 = o.l3 === undefined ? level(`leaf${o.row}`, o.row, 4, o.weight) : o.l3;
  const c = (col: number): string => qualify(SHEET, o.row, col);
  const path = [o.l1?.name, o.l2?.name, l3?.name].filter((x): x is string => x !== undefined);
  return {
    path,
    row: {
      row: o.row,
      level1: o.l1 ?? null,
      level2: o.l2 ?? null,
      level3: l3,
      weight: o.weight,
      operatorText: o.operatorText ?? "",
      target,
      actual,
      selfScore: o.selfScore === undefined || o.selfScore === null ? { kind: "missing", text: "" } : num(o.selfScore),
      unitText: o.unitText ?? "",
      reasonText: "",
      cells: { name: l3 ? c(4) : c(2), weight: c(5), target: c(6), actual: c(7), selfScore: c(8), reason: c(9), operator: null, unit: null },
    },
    kind: o.kind ?? (t !== null && a !== null ? "positive" : "selfOnly"),
    weight: o.weight,
    score: o.score ?? o.selfScore ?? 0,
    selfScore: o.selfScore ?? null,
    completion: t !== null && a !== null && t !== 0 ? a / t : null,
    target: t,
    actual: a,
    achievement: null,
    hasFormulaScore: o.hasFormulaScore ?? false,
    linkedLines: [],
    cell: l3 ? c(4) : c(2),
  };
}

export function enrollmentLine(name: string, target: number, actual: number, unit: string, row: number): ScoredEnrollmentLine {
  const wan = unit === "万人";
  const shown = (v: number): string => (wan ? `${v / 1e4}` : `${v}`);
  return {
    line: {
      name,
      target: num(target, { unit, text: shown(target) }),
      actual: num(actual, { unit, text: shown(actual) }),
      declaredCompletion: null,
      link: "",
      unitText: unit,
      cells: { name: qualify("参保", row, 0), target: qualify("参保", row, 1), actual: qualify("参保", row, 2), declaredCompletion: null, link: null },
    },
    target,
    actual,
    completion: actual / target,
    cell: qualify("参保", row, 0),
  };
}

export function budget(planned: number, spent: number, weight: number, selfScore: number | null): ScoredBudget {
  const rate = spent / planned;
  return {
    block: {
      sheet: "自评表",
      cell: "自评表!A10",
      planned: num(planned, { unit: "元" }),
      spent: num(spent, { unit: "元" }),
      weight: num(weight),
      declaredRate: null,
      selfScore: selfScore === null ? null : num(selfScore),
      cells: { planned: "自评表!B10", spent: "自评表!C10", weight: "自评表!D10", declaredRate: null, selfScore: selfScore === null ? null : "自评表!F10" },
    },
    planned,
    spent,
    rate,
    weight,
    score: weight * Math.min(rate, 1),
    selfScore,
    hasFormulaScore: true,
    cell: "自评表!A10",
  };
}

export function finding(code: Finding["code"], cell: string, severity: Finding["severity"] = "warning", message = { zh: `${code} 消息`, en: `${code} message` }): Finding {
  return { code, severity, cell, message };
}

/**
 * An evaluation with totals and grade from the core's own totalOf and gradeTotal, unless given.
 * The fixture tables declare a 总分 equal to their own weights (N/A rows and the budget included),
 * so the total is on the applicable weights, as the layout tests assume.
 */
export function evaluation(o: Omit<Partial<Evaluation>, "settings"> & { settings?: Partial<Settings> }): Evaluation {
  const settings: Settings = { ...DEFAULT_SETTINGS, ...o.settings };
  const indicators = o.indicators ?? [];
  const b = o.budget ?? null;
  const scale = indicators.filter((i) => i.kind !== "zeroWeight").reduce((s, i) => s + i.weight, 0) + (b?.weight ?? 0);
  const { scoreSum, weightTotal, total, selfTotal } = totalOf(indicators, b, scale > 0 ? scale : null);
  const grade = gradeTotal(total, settings.gradeBands);
  return {
    settings,
    projectName: o.projectName ?? null,
    indicators,
    enrollment: o.enrollment ?? [],
    budget: b,
    rollup: o.rollup ?? rollup(indicators),
    scoreSum: o.scoreSum ?? scoreSum,
    weightTotal: o.weightTotal ?? weightTotal,
    total: o.total ?? total,
    grade: o.grade ?? grade,
    selfTotal: o.selfTotal !== undefined ? o.selfTotal : selfTotal,
    findings: o.findings ?? [],
    detection: { projectName: o.projectName ?? null, indicatorTable: null, enrollment: [], budget: b?.block ?? null, problem: null, findings: [] },
  };
}

function rollup(indicators: ScoredIndicator[]): RollupNode[] {
  const out: RollupNode[] = [];
  for (const ind of indicators) {
    const l1 = ind.row.level1;
    if (!l1) continue;
    let node = out.find((n) => n.cell === l1.cell);
    if (!node) {
      node = { path: [l1.name], level: 1, declaredWeight: l1.weight, weight: 0, score: 0, selfScore: null, rate: null, cell: l1.cell, children: [] };
      out.push(node);
    }
    const ok = ind.kind !== "notApplicable" && ind.kind !== "zeroWeight";
    if (ok) {
      node.weight += ind.weight;
      node.score += ind.score;
    }
    node.rate = node.weight > 0 ? node.score / node.weight : null;
    const l2 = ind.row.level2;
    if (l2) {
      let child = node.children.find((c) => c.cell === l2.cell);
      if (!child) {
        child = { path: [l1.name, l2.name], level: 2, declaredWeight: l2.weight, weight: 0, score: 0, selfScore: null, rate: null, cell: l2.cell, children: [] };
        node.children.push(child);
      }
      if (ok) {
        child.weight += ind.weight;
        child.score += ind.score;
      }
      child.rate = child.weight > 0 ? child.score / child.weight : null;
    }
  }
  return out;
}
