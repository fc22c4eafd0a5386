import type { IndicatorTable, LevelNode, RollupNode, ScoredBudget, ScoredIndicator } from "../types";
import { groupsUnder } from "../model/levelGroups";
import { terms } from "../text/terms";

/** True for an indicator that counts toward the total (not N/A, weight not 0). */
export function isApplicable(ind: ScoredIndicator): boolean {
  return ind.kind !== "notApplicable" && ind.kind !== "zeroWeight";
}

/** A node of its own for a row that sits under no node at the level. */
function ownNode(ind: ScoredIndicator, level: 1 | 2): LevelNode {
  const name = ind.path[level - 1] ?? ind.path[ind.path.length - 1] ?? "";
  return { name, cell: ind.cell, weight: null, weightCell: null, firstRow: ind.row.row, lastRow: ind.row.row };
}

function node(path: string[], level: 1 | 2, declared: number | null, cell: string, items: ScoredIndicator[], children: RollupNode[]): RollupNode {
  // Sums in item order, as the score table's SUMs add.
  let weight = 0;
  let score = 0;
  let selfSum = 0;
  let selfCount = 0;
  for (const i of items) {
    if (isApplicable(i)) {
      weight += i.weight;
      score += i.score;
    }
    if (i.selfScore !== null) {
      selfSum += i.selfScore;
      selfCount++;
    }
  }
  return {
    path,
    level,
    declaredWeight: declared,
    weight,
    score,
    selfScore: selfCount > 0 ? selfSum : null,
    rate: weight > 0 ? score / weight : null,
    cell,
    children,
  };
}

/**
 * Rolls scored leaves up into level-1 nodes, each with its level-2 children, then the budget item.
 * A table without a level-1 column rolls up into its level-2 nodes; a leaf under no node is a node
 * of its own. Weights and scores count applicable leaves only; self-scores count every leaf.
 *
 * @param indicators - the scored leaves, in table order
 * @param budget - the scored budget item, if any
 * @returns the level-1 nodes, in table order, the budget item last
 * @example
 * rollup(seedIndicators, null).map((n) => n.path[0]) //=> ["决策", "产出"]
 */
export function rollup(indicators: readonly ScoredIndicator[], budget: ScoredBudget | null): RollupNode[] {
  const nodes: RollupNode[] = [];
  for (const { node: top, items } of groupsUnder(indicators, (ind) => ind.row.level1 ?? ind.row.level2 ?? ownNode(ind, 1))) {
    const first = items[0]!;
    if (first.row.level1 === null) {
      nodes.push(node(first.path.slice(0, 1), 1, top.weight, top.cell, items, []));
      continue;
    }
    const children = groupsUnder(items, (ind) => ind.row.level2 ?? ownNode(ind, 2)).map((g) =>
      node(g.items[0]!.path.slice(0, 2), 2, g.node.weight, g.node.cell, g.items, []),
    );
    nodes.push(node([top.name], 1, top.weight, top.cell, items, children));
  }
  if (budget) {
    nodes.push({
      path: [terms("zh").budgetItem],
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

/**
 * The total on the 100-point scale (docs/scoring-rules.md §3.3): Σ scores × 100 / D, the budget
 * item included, where D = max(scale − weight of N/A rows, Σ applicable weights) and the scale is
 * the table's declared 总分 weight, else 100.
 *
 * - Weight removed as 不适用 is the only weight the total is rescaled for.
 * - Weights that fall short of the scale are not inflated: 90 full marks of 100 give 90.
 * - Weights above the scale are normalised by the weights, so the total never exceeds 100.
 * - Zero-weight rows are not N/A: they are left out and do not shrink the scale.
 *
 * `weightTotal` is D, so total = scoreSum / weightTotal × 100 always holds; 0 when D is 0.
 *
 * @param indicators - the scored leaves
 * @param budget - the scored budget item, if any
 * @param scale - the declared 总分 weight, or null for 100
 * @example
 * totalOf(seedIndicators, null).total //=> 100
 * totalOf([/* weights 90, all full marks *\/], null).total //=> 90
 */
export function totalOf(
  indicators: readonly ScoredIndicator[],
  budget: ScoredBudget | null,
  scale: number | null = null,
): { scoreSum: number; weightTotal: number; total: number; selfTotal: number | null } {
  // Sums in table order (the budget item last), as before.
  let indicatorScores = 0;
  let indicatorWeights = 0;
  let notApplicable = 0;
  let selfSum = 0;
  let selfCount = 0;
  for (const i of indicators) {
    if (isApplicable(i)) {
      indicatorScores += i.score;
      indicatorWeights += i.weight;
    } else if (i.kind === "notApplicable") {
      notApplicable += i.row.weight ?? 0;
    }
    if (i.selfScore !== null) {
      selfSum += i.selfScore;
      selfCount++;
    }
  }
  const budgetSelf = budget?.selfScore ?? null;
  if (budgetSelf !== null) {
    selfSum += budgetSelf;
    selfCount++;
  }
  const scoreSum = indicatorScores + (budget?.score ?? 0);
  const applicableWeight = indicatorWeights + (budget?.weight ?? 0);
  const weightTotal = Math.max((scale ?? 100) - notApplicable, applicableWeight);
  const total = weightTotal > 0 ? (scoreSum / weightTotal) * 100 : 0;
  const selfTotal = selfCount > 0 ? selfSum : null;
  return { scoreSum, weightTotal, total, selfTotal };
}

/**
 * The table's scale: the weight its 总分 / 合计 row declares (the largest, when several weight
 * columns declare one), or null when there is none (the scale is then 100).
 *
 * @example
 * declaredScale({ ...table, totals: { row: 22, weights: [{ level: 3, value: 100, cell: "F23" }], selfScore: null } }) //=> 100
 */
export function declaredScale(table: IndicatorTable): number | null {
  const values = table.totals?.weights.map((w) => w.value).filter((v) => v > 0) ?? [];
  return values.length > 0 ? Math.max(...values) : null;
}
