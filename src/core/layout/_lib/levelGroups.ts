import type { LevelNode } from "../../types";

/** A run of consecutive rows under one level node. Indices are positions in the input list. */
export interface LevelGroup {
  start: number;
  end: number;
  node: LevelNode;
}

/**
 * Splits a list of level nodes into groups: consecutive entries whose node has the same cell
 * address (and, when `parents` is given, the same parent group) form one group. A null node
 * belongs to no group.
 *
 * @param nodes - each row's node at this level
 * @param parents - each row's parent-group index, to keep groups inside their parent
 * @returns the groups, in order
 * @example
 * levelGroups([a, a, b]).map((g) => [g.start, g.end]) //=> [[0, 1], [2, 2]]
 */
export function levelGroups(nodes: readonly (LevelNode | null)[], parents?: readonly number[]): LevelGroup[] {
  const out: LevelGroup[] = [];
  nodes.forEach((node, i) => {
    const last = out[out.length - 1];
    const sameParent = !parents || parents[i] === parents[i - 1];
    if (node && last && last.end === i - 1 && last.node.cell === node.cell && sameParent) last.end = i;
    else if (node) out.push({ start: i, end: i, node });
  });
  return out;
}

/** For each row, the index of the group holding it, or -1. */
export function groupIndexOf(groups: readonly LevelGroup[], rowCount: number): number[] {
  const idx = Array.from({ length: rowCount }, () => -1);
  groups.forEach((g, k) => {
    for (let i = g.start; i <= g.end; i++) idx[i] = k;
  });
  return idx;
}
