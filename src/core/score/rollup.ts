import type { LevelNode, RollupNode, ScoredBudget, ScoredIndicator } from "../types";
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
  const applicable = items.filter(isApplicable);
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
 * The total on the 100-point scale (docs/scoring-rules.md §3.4): Σ scores / Σ applicable weights
 * × 100, the budget item included; 0 when no weight applies. Also the sums and the self-assessed
 * total (every self-score as written, or null when there is none).
 *
 * @example
 * totalOf(seedIndicators, null).total //=> 100
 */
export function totalOf(indicators: readonly ScoredIndicator[], budget: ScoredBudget | null): { scoreSum: number; weightTotal: number; total: number; selfTotal: number | null } {
  const applicable = indicators.filter(isApplicable);
  const scoreSum = applicable.reduce((s, i) => s + i.score, 0) + (budget?.score ?? 0);
  const weightTotal = applicable.reduce((s, i) => s + i.weight, 0) + (budget?.weight ?? 0);
  const total = weightTotal > 0 ? (scoreSum / weightTotal) * 100 : 0;
  const selfValues = [...indicators.map((i) => i.selfScore), budget?.selfScore ?? null].filter((s): s is number => s !== null);
  const selfTotal = selfValues.length > 0 ? selfValues.reduce((s, x) => s + x, 0) : null;
  return { scoreSum, weightTotal, total, selfTotal };
}
