import type { Detection, Evaluation, Finding, RollupNode, ScoredIndicator, Settings, SheetGrid } from "./types";
import { normalizeName } from "./cells/normalize";
import { detectWorkbook } from "./detect/detectWorkbook";
import { scoreIndicator, type LinkedLine } from "./score/scoreIndicator";
import { scoreEnrollment } from "./score/scoreEnrollment";
import { scoreBudget } from "./score/scoreBudget";
import { gradeTotal } from "./score/grade";
import { auditStructure, groupsOf } from "./audit/auditStructure";
import { makeFinding } from "./findings/makeFinding";
import { formatPercent } from "./text/formatNumber";
import { layoutNarrative } from "./layout/layoutNarrative";

const EPS = 1e-9;
const QUANTITY_NODES = ["产出数量", "数量"];

export type EvaluateResult = { evaluation: Evaluation; problem: null } | { evaluation: null; problem: { zh: string; en: string }; detection: Detection };

/**
 * Scores a workbook end to end: detect the tables, score every leaf, the enrollment lines and the
 * budget, roll up, grade, and audit the self-scores (docs/scoring-rules.md §1–4).
 *
 * @param grids - every sheet's cells, in workbook order
 * @param settings - the scoring settings, passed in explicitly
 * @returns the evaluation, or the reason nothing could be scored (naming the place)
 * @example
 * evaluateWorkbook(seedGrids, DEFAULT_SETTINGS).evaluation?.grade //=> "优"
 */
export function evaluateWorkbook(grids: SheetGrid[], settings: Settings): EvaluateResult {
  const detection = detectWorkbook(grids);
  const table = detection.indicatorTable;
  if (table === null) {
    return { evaluation: null, problem: detection.problem ?? { zh: "没有找到可评分的指标表。", en: "No indicator table to score." }, detection };
  }
  const findings: Finding[] = [...detection.findings];

  const enrollment = scoreEnrollment(detection.enrollment, settings);
  findings.push(...enrollment.findings);

  const links = linksByRow(detection, enrollment.lines.map((l) => l.completion), findings);
  const indicators: ScoredIndicator[] = [];
  for (const row of table.rows) {
    const { scored, findings: rowFindings } = scoreIndicator(row, settings, links.get(row.row) ?? []);
    indicators.push(scored);
    findings.push(...rowFindings);
  }

  const budgetResult = detection.budget ? scoreBudget(detection.budget, settings) : null;
  if (budgetResult) findings.push(...budgetResult.findings);
  const budget = budgetResult?.budget ?? null;

  if (table.columns.reason !== undefined) {
    const overCompleted = new Set(findings.filter((f) => f.code === "OVER_COMPLETION").map((f) => f.cell));
    for (const ind of indicators) {
      if (ind.kind === "notApplicable" || ind.kind === "zeroWeight" || ind.row.reasonText !== "") continue;
      const over = ind.row.cells.actual !== null && overCompleted.has(ind.row.cells.actual);
      if (ind.score < ind.weight - EPS || over) {
        findings.push(makeFinding("MISSING_REASON", ind.row.cells.reason ?? ind.cell, { name: ind.path[ind.path.length - 1] ?? "", overCompletion: over }));
      }
    }
  }

  const anyLinked = detection.enrollment.some((t) => t.lines.some((l) => l.link !== ""));
  if (!anyLinked && enrollment.lines.length > 0) {
    for (const g of groupsOf(table.rows, 2)) {
      if (!QUANTITY_NODES.includes(normalizeName(g.node.name).replace(/指标$/, ""))) continue;
      const selfs = g.rows.map((r) => (r.selfScore.kind === "number" ? r.selfScore.value : null));
      if (selfs.some((s) => s === null)) continue;
      const self = selfs.reduce<number>((s, x) => s + (x ?? 0), 0);
      const weight = g.node.weight ?? g.rows.reduce((s, r) => s + (r.weight ?? 0), 0);
      if (weight <= 0 || Math.abs(self - weight) > EPS) continue;
      const cell = g.rows[0]?.cells.selfScore ?? g.node.cell;
      for (const l of enrollment.lines) {
        if (l.completion === null || l.completion >= 1) continue;
        const rate = formatPercent(l.completion);
        findings.push(
          makeFinding("UNMET_TARGET_FULL_MARKS", cell, {
            name: g.node.name,
            detail: { zh: `“${l.line.name}”完成率仅 ${rate}（${l.cell}）。`, en: `"${l.line.name}" is only at ${rate} (${l.cell}).` },
          }),
        );
      }
    }
  }

  findings.push(...auditStructure(table, budget?.weight ?? 0, budget?.selfScore ?? null));

  const applicable = indicators.filter((i) => i.kind !== "notApplicable" && i.kind !== "zeroWeight");
  const scoreSum = applicable.reduce((s, i) => s + i.score, 0) + (budget?.score ?? 0);
  const weightTotal = applicable.reduce((s, i) => s + i.weight, 0) + (budget?.weight ?? 0);
  const total = weightTotal > 0 ? (scoreSum / weightTotal) * 100 : 0;
  const selfValues = [...indicators.map((i) => i.selfScore), budget?.selfScore ?? null].filter((s): s is number => s !== null);
  const selfTotal = selfValues.length > 0 ? selfValues.reduce((s, x) => s + x, 0) : null;

  const base: Omit<Evaluation, "narrative"> = {
    settings,
    projectName: detection.projectName,
    indicators,
    enrollment: enrollment.lines,
    budget,
    rollup: rollup(indicators, budget),
    scoreSum,
    weightTotal,
    total,
    grade: gradeTotal(total, settings.gradeBands),
    selfTotal,
    findings,
    detection,
  };
  return { evaluation: { ...base, narrative: layoutNarrative(base) }, problem: null };
}

/** Which enrollment lines feed which indicator row, by the `关联指标` column (leaf name first, then level-2 name). */
function linksByRow(detection: Detection, completions: (number | null)[], findings: Finding[]): Map<number, LinkedLine[]> {
  const out = new Map<number, LinkedLine[]>();
  const rows = detection.indicatorTable?.rows ?? [];
  let index = 0;
  for (const t of detection.enrollment) {
    for (const line of t.lines) {
      const i = index++;
      if (line.link === "") continue;
      const key = normalizeName(line.link);
      let targets = rows.filter((r) => r.level3 !== null && normalizeName(r.level3.name) === key);
      if (targets.length === 0) targets = rows.filter((r) => r.level2 !== null && normalizeName(r.level2.name) === key);
      if (targets.length === 0) findings.push(makeFinding("LINK_NOT_FOUND", line.cells.link ?? line.cells.name, { line: line.name, link: line.link }));
      for (const r of targets) {
        const list = out.get(r.row) ?? [];
        list.push({ index: i, name: line.name, completion: completions[i] ?? null });
        out.set(r.row, list);
      }
    }
  }
  return out;
}

function node(path: string[], level: 1 | 2, declared: number | null, cell: string, items: ScoredIndicator[], children: RollupNode[]): RollupNode {
  const applicable = items.filter((i) => i.kind !== "notApplicable" && i.kind !== "zeroWeight");
  const weight = applicable.reduce((s, i) => s + i.weight, 0);
  const score = applicable.reduce((s, i) => s + i.score, 0);
  const selfs = items.map((i) => i.selfScore).filter((s): s is number => s !== null);
  return {
    path,
    level,
    declaredWeight: declared,
    weight,
    score,
    selfScore: selfs.length > 0 ? selfs.reduce((s, x) => s + x, 0) : null,
    rate: weight > 0 ? score / weight : null,
    cell,
    children,
  };
}

/** Rolls leaves up into level-1 nodes (each with its level-2 children), plus the budget item. */
function rollup(indicators: ScoredIndicator[], budget: Evaluation["budget"]): RollupNode[] {
  const top = new Map<string, { key: string; items: ScoredIndicator[] }>();
  for (const ind of indicators) {
    const key = ind.row.level1?.cell ?? ind.row.level2?.cell ?? ind.cell;
    const entry = top.get(key) ?? { key, items: [] };
    entry.items.push(ind);
    top.set(key, entry);
  }
  const nodes: RollupNode[] = [];
  for (const { items } of top.values()) {
    const first = items[0]!;
    const l1 = first.row.level1;
    const children: RollupNode[] = [];
    if (l1 !== null) {
      const byL2 = new Map<string, ScoredIndicator[]>();
      for (const ind of items) {
        const k = ind.row.level2?.cell ?? ind.cell;
        const list = byL2.get(k);
        if (list) list.push(ind);
        else byL2.set(k, [ind]);
      }
      for (const list of byL2.values()) {
        const f = list[0]!;
        const l2 = f.row.level2;
        children.push(node(f.path.slice(0, 2), 2, l2?.weight ?? null, l2?.cell ?? f.cell, list, []));
      }
      nodes.push(node([l1.name], 1, l1.weight, l1.cell, items, children));
    } else {
      const l2 = first.row.level2;
      nodes.push(node(first.path.slice(0, 1), 1, l2?.weight ?? null, l2?.cell ?? first.cell, items, []));
    }
  }
  if (budget) {
    nodes.push({
      path: ["预算执行率"],
      level: 1,
      declaredWeight: budget.weight,
      weight: budget.weight,
      score: budget.score,
      selfScore: budget.selfScore,
      rate: budget.weight > 0 ? budget.score / budget.weight : null,
      cell: budget.cell,
      children: [],
    });
  }
  return nodes;
}
