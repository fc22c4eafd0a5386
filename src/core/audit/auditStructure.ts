import type { Finding, IndicatorRow, IndicatorTable, LevelNode } from "../types";
import { normalizeName } from "../cells/normalize";
import { groupsUnder, type NodeGroup } from "../model/levelGroups";
import { makeFinding } from "../findings/makeFinding";
import { WHAT } from "../findings/catalog";
import { DECLARED_TOTAL_EPS, EQUAL_EPS } from "../numbers/tolerances";
import { declaredScale } from "../score/rollup";

/** The standard framework of 财预〔2020〕10号 attachment 2: level-2 name → the level-1 names it belongs under. */
const STANDARD_PARENT: Record<string, string[]> = {
  项目立项: ["决策"],
  绩效目标: ["决策"],
  资金投入: ["决策"],
  资金管理: ["过程"],
  组织实施: ["过程"],
  产出数量: ["产出"],
  产出质量: ["产出"],
  产出时效: ["产出"],
  产出成本: ["产出"],
  数量: ["产出"],
  质量: ["产出"],
  时效: ["产出"],
  成本: ["产出"],
  项目效益: ["效益"],
  社会效益: ["效益"],
  经济效益: ["效益"],
  生态效益: ["效益"],
  环境效益: ["效益"],
  可持续影响: ["效益"],
  服务对象满意度: ["效益", "满意度"],
  满意度: ["效益", "满意度"],
};
const STANDARD_LEVEL1 = ["决策", "过程", "产出", "效益", "满意度"];

/** Strips the 指标 suffix the 自评表 uses (产出指标 → 产出, 数量指标 → 数量). */
function frameworkName(name: string): string {
  return normalizeName(name).replace(/指标$/, "");
}

type Group = NodeGroup<IndicatorRow>;

/** Rows grouped by a level's node, in table order. */
function groupsOf(rows: IndicatorRow[], level: 1 | 2): Group[] {
  return groupsUnder(rows, (r) => (level === 1 ? r.level1 : r.level2));
}

const leafSum = (rows: IndicatorRow[]) => rows.reduce((s, r) => s + (r.weight ?? 0), 0);

/** A level-2 group's weight: as declared, else the sum of its leaves. */
function level2Weight(g: Group): number {
  return g.node.weight ?? leafSum(g.items);
}

/** A level-1 group's children weight: its level-2 groups' weights plus leaves that sit directly under it. */
function childrenWeight(g: Group): number {
  let weight = CHILDREN_WEIGHT.get(g);
  if (weight === undefined) {
    weight = level2GroupsOf(g).reduce((s, c) => s + level2Weight(c), 0) + leafSum(g.items.filter((r) => r.level2 === null));
    CHILDREN_WEIGHT.set(g, weight);
  }
  return weight;
}

/** Per level-1 group (an object of one audit), its level-2 groups and children weight, found once: the audit asks several times. */
const LEVEL2_GROUPS = new WeakMap<Group, Group[]>();
const CHILDREN_WEIGHT = new WeakMap<Group, number>();

function level2GroupsOf(g: Group): Group[] {
  let groups = LEVEL2_GROUPS.get(g);
  if (groups === undefined) {
    groups = groupsOf(g.items, 2);
    LEVEL2_GROUPS.set(g, groups);
  }
  return groups;
}

/**
 * Audits the table's structure (docs/scoring-rules.md §4): weights against their parents and against 100,
 * duplicate names under one parent, the 总分 row against the sums, and level-2 names placed
 * away from the standard framework (one info finding per table).
 *
 * @param table - the indicator table
 * @param budgetWeight - the budget item's weight (0 when there is none), part of the top level
 * @param budgetSelf - the budget item's self-score, if any
 * @returns the findings
 * @example
 * auditStructure(seedTable, 0, null).map((f) => f.code) //=> ["DUPLICATE_NAME", "NON_STANDARD_FRAMEWORK"]
 */
export function auditStructure(table: IndicatorTable, budgetWeight: number, budgetSelf: number | null): Finding[] {
  const findings: Finding[] = [];
  const rows = table.rows;
  const level1 = groupsOf(rows, 1);
  const level2 = groupsOf(rows, 2);

  for (const g of [...level1, ...level2]) {
    const issue = g.node.weightIssue;
    if (issue !== undefined) findings.push(makeFinding("NON_NUMERIC", g.node.weightCell ?? g.node.cell, { name: g.node.name, what: WHAT.weight!, text: issue.text }));
  }
  for (const g of level2) {
    const sum = leafSum(g.items);
    const hasLeaves = g.items.some((r) => r.level3 !== null);
    if (g.node.weight !== null && hasLeaves && Math.abs(sum - g.node.weight) > EQUAL_EPS) {
      findings.push(makeFinding("WEIGHT_SUM", g.node.weightCell ?? g.node.cell, { name: g.node.name, declared: g.node.weight, sum }));
    }
  }
  for (const g of level1) {
    const sum = childrenWeight(g);
    if (g.node.weight !== null && Math.abs(sum - g.node.weight) > EQUAL_EPS) {
      findings.push(makeFinding("WEIGHT_SUM", g.node.weightCell ?? g.node.cell, { name: g.node.name, declared: g.node.weight, sum }));
    }
  }
  const topSum =
    (level1.length > 0
      ? level1.reduce((s, g) => s + (g.node.weight ?? childrenWeight(g)), 0) + leafSum(rows.filter((r) => r.level1 === null))
      : level2.length > 0
        ? level2.reduce((s, g) => s + level2Weight(g), 0) + leafSum(rows.filter((r) => r.level2 === null))
        : leafSum(rows)) + budgetWeight;
  const scale = declaredScale(table) ?? 100;
  if (Math.abs(topSum - scale) > EQUAL_EPS) {
    const totalCell = table.totals?.weights[0]?.cell ?? level1[0]?.node.weightCell ?? table.cell;
    findings.push(makeFinding("WEIGHT_SUM", totalCell, { name: "总分 / Total", declared: scale, sum: topSum }));
  }

  duplicates(findings, level1.map((g) => g.node), "指标体系 / framework");
  for (const g of level1) duplicates(findings, level2GroupsOf(g).map((c) => c.node), g.node.name);
  const leafParents = new Map<string, { parent: string; leaves: LevelNode[]; cells: Set<string> }>();
  for (const r of rows) {
    if (r.level3 === null) continue;
    const parent = r.level2 ?? r.level1;
    const key = parent?.cell ?? "";
    const entry = leafParents.get(key) ?? { parent: parent?.name ?? "", leaves: [], cells: new Set<string>() };
    if (!entry.cells.has(r.level3.cell)) {
      entry.cells.add(r.level3.cell);
      entry.leaves.push(r.level3);
    }
    leafParents.set(key, entry);
  }
  for (const { parent, leaves } of leafParents.values()) duplicates(findings, leaves, parent);

  if (table.totals !== null) declaredTotals(findings, table, level1, level2, budgetWeight, budgetSelf);

  const misplaced: { name: string; under: string; expected: string; cell: string }[] = [];
  for (const g of level2) {
    const parent = g.items[0]?.level1;
    if (!parent) continue;
    const under = frameworkName(parent.name);
    const expected = STANDARD_PARENT[frameworkName(g.node.name)];
    if (!STANDARD_LEVEL1.includes(under) || expected === undefined || expected.includes(under)) continue;
    if (misplaced.some((m) => m.name === g.node.name && m.under === parent.name)) continue;
    misplaced.push({ name: g.node.name, under: parent.name, expected: expected[0] ?? "", cell: g.node.cell });
  }
  if (misplaced[0] !== undefined) findings.push(makeFinding("NON_STANDARD_FRAMEWORK", misplaced[0].cell, { items: misplaced }));
  const filler = table.fillerRows ?? [];
  if (filler[0] !== undefined) findings.push(makeFinding("UNUSED_TEMPLATE_ROWS", filler[0].cell, { count: filler.length }));
  return findings;
}

function duplicates(findings: Finding[], nodes: LevelNode[], parent: string): void {
  const seen = new Map<string, LevelNode>();
  for (const n of nodes) {
    const key = normalizeName(n.name);
    const first = seen.get(key);
    if (first) findings.push(makeFinding("DUPLICATE_NAME", n.cell, { name: n.name, parent, first: first.cell }));
    else seen.set(key, n);
  }
}

function declaredTotals(
  findings: Finding[],
  table: IndicatorTable,
  level1: Group[],
  level2: Group[],
  budgetWeight: number,
  budgetSelf: number | null,
): void {
  const totals = table.totals;
  if (totals === null) return;
  const deepest = Math.max(...Object.keys(table.columns.weight).map(Number));
  const close = (a: number, b: number) => Math.abs(a - b) <= DECLARED_TOTAL_EPS;
  for (const w of totals.weights) {
    const computed =
      w.level === deepest
        ? leafSum(table.rows)
        : w.level === 2
          ? level2.reduce((s, g) => s + level2Weight(g), 0)
          : level1.reduce((s, g) => s + (g.node.weight ?? childrenWeight(g)), 0);
    if (!close(w.value, computed) && !close(w.value, computed + budgetWeight)) {
      findings.push(makeFinding("DECLARED_TOTAL_MISMATCH", w.cell, { what: WHAT.weights!, declared: w.value, computed }));
    }
  }
  if (totals.selfScore !== null) {
    const selfs = table.rows.map((r) => (r.selfScore.kind === "number" ? r.selfScore.value : 0));
    const computed = selfs.reduce((s, x) => s + x, 0);
    const withBudget = computed + (budgetSelf ?? 0);
    if (!close(totals.selfScore.value, computed) && !close(totals.selfScore.value, withBudget)) {
      findings.push(makeFinding("DECLARED_TOTAL_MISMATCH", totals.selfScore.cell, { what: WHAT.scores!, declared: totals.selfScore.value, computed: withBudget }));
    }
  }
}
