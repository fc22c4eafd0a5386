import type { Detection, Finding } from "../types";
import { normalizeName } from "../cells/normalize";
import { makeFinding } from "../findings/makeFinding";
import type { LinkedLine } from "./indicator/scoreLinked";

/**
 * Which enrollment lines feed which indicator row, by each line's `关联指标` (link) cell: a leaf
 * (level-3) name first, then a level-2 name, compared after normalizeName. A link that names no
 * indicator gives LINK_NOT_FOUND at the link cell and feeds nothing.
 *
 * @param detection - the detected tables
 * @param completions - each enrollment line's completion, in detection order (tables, then lines)
 * @returns for each indicator row (by its absolute row), the lines that feed it, and the findings
 * @example
 * linkEnrollment(detection /* a line linked to "参保人数" *\/, [0.88]).links.get(5) //=> [{ index: 0, name: "…", completion: 0.88 }]
 */
export function linkEnrollment(detection: Detection, completions: readonly (number | null)[]): { links: Map<number, LinkedLine[]>; findings: Finding[] } {
  const links = new Map<number, LinkedLine[]>();
  const findings: Finding[] = [];
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
        const list = links.get(r.row) ?? [];
        list.push({ index: i, name: line.name, completion: completions[i] ?? null });
        links.set(r.row, list);
      }
    }
  }
  return { links, findings };
}
