/**
 * The one way of grouping indicator rows by level: consecutive rows read from one level node (the
 * same merged name cell) form a group. The audit, the roll-up and the score table's merges all
 * group with it, so they never disagree on which rows a node holds.
 */
import type { LevelNode } from "../types";

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
  let last: LevelGroup | undefined;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node) continue;
    const sameParent = !parents || parents[i] === parents[i - 1];
    if (last && last.end === i - 1 && last.node.cell === node.cell && sameParent) last.end = i;
    else out.push((last = { start: i, end: i, node }));
  }
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

/** A level node and the items under it. */
export interface NodeGroup<T> {
  node: LevelNode;
  items: T[];
}

/**
 * The items under each node of one level, in order (see levelGroups). Items whose node is null
 * belong to no group.
 *
 * @param items - rows, or anything that carries a row
 * @param nodeOf - the item's node at the level
 * @returns the groups, in order
 * @example
 * groupsUnder(rows, (r) => r.level2).map((g) => g.node.name) //=> ["资金投入", "资金管理"]
 */
export function groupsUnder<T>(items: readonly T[], nodeOf: (item: T) => LevelNode | null): NodeGroup<T>[] {
  return levelGroups(items.map(nodeOf)).map((g) => ({ node: g.node, items: items.slice(g.start, g.end + 1) }));
}
