import type { EnrollmentLine, EnrollmentTable } from "../types";
import { parseValue } from "../cells/parseValue";
import { foldWidth } from "../cells/normalize";
import type { GridView } from "./gridView";
import { ENROLLMENT_HEADERS, INDICATOR_HEADERS, isTotalLabel, matchHeaderRow, roleCol } from "./headerRoles";
import { indicatorHeader } from "./detectIndicatorTable";

/**
 * Finds enrollment (coverage) tables on a sheet (docs/scoring-rules.md §1.2): a header with a name, a target
 * and an actual column (目标任务人数 / 当前参保人数 …) and no level or weight columns. Lines run
 * down to a blank row, a total row or another header.
 *
 * @param grid - the sheet
 * @returns the tables found, in sheet order
 * @example
 * detectEnrollmentTables(new GridView(grid))[0].lines[0].name //=> "企业职工养老保险"
 */
export function detectEnrollmentTables(grid: GridView): EnrollmentTable[] {
  const tables: EnrollmentTable[] = [];
  for (let row = grid.firstRow; row <= grid.lastRow; row++) {
    for (const seg of matchHeaderRow(grid, row, ENROLLMENT_HEADERS)) {
      const name = roleCol(seg, "name");
      const target = roleCol(seg, "target");
      const actual = roleCol(seg, "actual");
      if (name === undefined || target === undefined || actual === undefined) continue;
      const indicatorRoles = matchHeaderRow(grid, row, INDICATOR_HEADERS).some(
        (s) => s.firstCol <= seg.lastCol && s.lastCol >= seg.firstCol && (s.roles.has("weight") || s.roles.has("level1") || s.roles.has("level2")),
      );
      if (indicatorRoles) continue;
      const unit = roleCol(seg, "unit");
      const completion = roleCol(seg, "completion");
      const link = roleCol(seg, "link");
      const lines: EnrollmentLine[] = [];
      for (let r = row + 1; r <= grid.lastRow; r++) {
        if (grid.isBlankRow(r, seg.firstCol, seg.lastCol)) break;
        if (indicatorHeader(grid, r) !== null) break;
        const lineName = grid.text(r, name);
        if (isTotalLabel(lineName)) break;
        if (lineName === "") continue;
        const unitText = unit !== undefined ? grid.text(r, unit) : "";
        lines.push({
          name: lineName,
          target: parseValue(grid.raw(r, target), grid.format(r, target), unitText || headerUnit(grid, row, target)),
          actual: parseValue(grid.raw(r, actual), grid.format(r, actual), unitText || headerUnit(grid, row, actual)),
          declaredCompletion: completion !== undefined ? parseValue(grid.raw(r, completion), grid.format(r, completion)) : null,
          link: link !== undefined ? grid.text(r, link) : "",
          unitText,
          cells: {
            name: grid.cell(r, name),
            target: grid.cell(r, target),
            actual: grid.cell(r, actual),
            declaredCompletion: completion !== undefined ? grid.cell(r, completion) : null,
            link: link !== undefined ? grid.cell(r, link) : null,
          },
        });
      }
      if (lines.length > 0) tables.push({ sheet: grid.name, headerRow: row, cell: grid.cell(row, seg.firstCol), lines });
    }
  }
  return tables;
}

/**
 * The unit a header names in brackets, such as 目标任务人数（万人）: plain numbers in that column are
 * in that unit. Only a unit with a scale (万, 亿, 千) or a counting word counts; (A) or (B/A) do not.
 */
function headerUnit(grid: GridView, row: number, col: number): string {
  const m = /[（(]\s*([万亿千]?(?:人|户|元|家|个|次|件|名))\s*[)）]/.exec(foldWidth(grid.text(row, col)));
  return m?.[1] ?? "";
}
