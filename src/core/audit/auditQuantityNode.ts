import type { EnrollmentTable, Finding, IndicatorRow, ScoredEnrollmentLine } from "../types";
import { normalizeName } from "../cells/normalize";
import { makeFinding } from "../findings/makeFinding";
import { groupsUnder } from "../model/levelGroups";
import { EQUAL_EPS } from "../numbers/tolerances";
import { formatPercent } from "../text/formatNumber";

/** Level-2 names that hold output quantities (产出数量指标 → 产出数量). */
const QUANTITY_NODES = ["产出数量", "数量"];

/**
 * Checks a self-scored 产出数量 node against the enrollment lines (docs/scoring-rules.md §4,
 * UNMET_TARGET_FULL_MARKS), for workbooks whose lines name no indicator: when every leaf under the
 * node is self-scored and together they give the node full marks, each line below 100% completion
 * is a finding at the node's first self-score.
 *
 * @param rows - the indicator rows
 * @param tables - the enrollment tables as detected (a line with a link is scored through it instead)
 * @param lines - the scored enrollment lines
 * @returns one finding per unmet line, or none
 * @example
 * auditQuantityNode(seedRows, seedTables, seedLines).map((f) => f.cell) //=> ["评分表!H16"]
 */
export function auditQuantityNode(rows: readonly IndicatorRow[], tables: readonly EnrollmentTable[], lines: readonly ScoredEnrollmentLine[]): Finding[] {
  const anyLinked = tables.some((t) => t.lines.some((l) => l.link !== ""));
  if (anyLinked || lines.length === 0) return [];
  const out: Finding[] = [];
  for (const { node, items } of groupsUnder(rows, (r) => r.level2)) {
    if (!QUANTITY_NODES.includes(normalizeName(node.name).replace(/指标$/, ""))) continue;
    const selfs = items.map((r) => (r.selfScore.kind === "number" ? r.selfScore.value : null));
    if (selfs.some((s) => s === null)) continue;
    const self = selfs.reduce<number>((s, x) => s + (x ?? 0), 0);
    const weight = node.weight ?? items.reduce((s, r) => s + (r.weight ?? 0), 0);
    if (weight <= 0 || Math.abs(self - weight) > EQUAL_EPS) continue;
    const cell = items[0]?.cells.selfScore ?? node.cell;
    for (const l of lines) {
      if (l.completion === null || l.completion >= 1) continue;
      const rate = formatPercent(l.completion);
      out.push(
        makeFinding("UNMET_TARGET_FULL_MARKS", cell, {
          name: node.name,
          detail: { zh: `“${l.line.name}”完成率仅 ${rate}（${l.cell}）。`, en: `"${l.line.name}" is only at ${rate} (${l.cell}).` },
        }),
      );
    }
  }
  return out;
}
