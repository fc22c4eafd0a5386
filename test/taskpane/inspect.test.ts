import * as path from "path";
import { XlsxHost } from "../../src/hosts/xlsx";
import { inspectWorkbook } from "../../src/excel/inspect";
import { restrictGrids } from "../../src/office/overrides";

const ROOT = path.join(__dirname, "..", "..");

async function inspect(file: string, overrides = {}) {
  const host = await XlsxHost.fromFile(path.join(ROOT, file));
  const inspection = await host.run((ctx) => inspectWorkbook(ctx, host.capabilities, (grids) => restrictGrids(grids, overrides)));
  return { inspection, syncs: host.syncCount };
}

describe("inspectWorkbook", () => {
  it("names the seed's tables, their ranges, rows and role columns in two round trips", async () => {
    const { inspection, syncs } = await inspect("examples/seed.xlsx");
    expect(syncs).toBe(2);
    expect(inspection.projectName).toBe("社保专项工作经费项目");
    expect(inspection.problem).toBeNull();
    expect(inspection.tables.map((t) => [t.kind, t.range, t.rows])).toEqual([
      ["indicator", "绩效评价!B4:H25", 20],
      ["enrollment", "参保情况!B3:D6", 3],
    ]);
    expect(inspection.tables[0]!.roles.map((r) => `${r.at} ${r.role}${r.level ?? ""}`)).toEqual(["B level1", "C weight1", "D level2", "E weight2", "F level3", "G weight3", "H selfScore"]);
    expect(inspection.tables[1]!.roles.map((r) => `${r.at} ${r.role} ${r.header}`)).toEqual(["B name 险种", "C target 目标任务人数", "D actual 当前参保人数"]);
  });

  it("shows what a chosen range leaves to be scored", async () => {
    const { inspection } = await inspect("examples/seed.xlsx", { indicator: "绩效评价!B4:H15" });
    expect(inspection.tables.map((t) => [t.kind, t.range, t.rows])).toEqual([
      ["indicator", "绩效评价!B4:H15", 11],
      ["enrollment", "参保情况!B3:D6", 3],
    ]);
  });

  it("says why nothing can be scored in a workbook without tables", async () => {
    const { inspection } = await inspect("test/fixtures/unrelated.xlsx");
    expect(inspection.tables).toEqual([]);
    expect(inspection.problem?.en).toBe("No indicator table was found in Sales (it needs level-name columns such as 一级指标/Level 1 and a weight column such as 分值/Weight).");
  });
});
