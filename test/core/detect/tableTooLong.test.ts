import { evaluateWorkbook } from "../../../src/core/evaluate";
import { DEFAULT_SETTINGS, type SheetGrid } from "../../../src/core/types";
import { benchGrids } from "../../../scripts/benchWorkbook";

/** The bench table with its read window ending `below` rows under the table's last row, and content further down. */
function clipped(below: number): SheetGrid[] {
  const grid = benchGrids(100)[0] as SheetGrid;
  const last = grid.rowIndex + grid.values.length; // 1-based number of the last row read
  return [{ ...grid, readWindow: `A1:BL${last + below}`, clippedFrom: `A1:H${last + below + 5000}` }];
}

describe("a table is never scored in part (docs/scoring-rules.md §1.5)", () => {
  it("refuses a table that reaches the bottom of the read window, saying how many rows the sheet has and the limit", () => {
    const grids = clipped(0);
    const last = Number(/\d+$/.exec(grids[0]?.readWindow ?? "")?.[0]);
    const result = evaluateWorkbook(grids, { ...DEFAULT_SETTINGS, language: "en" });
    expect(result.evaluation).toBeNull();
    expect(result.problem?.en).toBe(
      `The used range A1:H${last + 5000} of sheet "自评表" has ${last + 5000} rows, more than the ${last} rows read at once, and its indicator table runs past row ${last}. Rather than score part of the table, nothing was scored. Split the table across sheets (at most ${last} rows each) or delete the extra rows, then try again.`,
    );
    expect(result.problem?.zh).toContain(`共 ${last + 5000} 行`);
  });

  it("scores a table that ends well inside the window, with RANGE_CLIPPED for the content below", () => {
    const result = evaluateWorkbook(clipped(500), { ...DEFAULT_SETTINGS, language: "en" });
    expect(result.evaluation).not.toBeNull();
    expect(result.evaluation?.findings.map((f) => f.code)).toContain("RANGE_CLIPPED");
  });

  it("scores a table clipped only by columns", () => {
    const grid = benchGrids(100)[0] as SheetGrid;
    const last = grid.rowIndex + grid.values.length;
    const result = evaluateWorkbook([{ ...grid, readWindow: `A1:BL${last}`, clippedFrom: `A1:CZ${last}` }], { ...DEFAULT_SETTINGS, language: "en" });
    expect(result.evaluation).not.toBeNull();
  });
});
