/**
 * A re-run on a scored copy whose score table was edited by hand: the JSON names the kept sheet
 * (keptEditedSheets) beside its KEPT_EDITED_SHEET finding, and the edit survives.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { ROOT, runCli } from "./run";

describe("perfscore on its own output with an edited score table", () => {
  it("keeps the edited sheet, names it in keptEditedSheets and says so in a finding", async () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), "perfscore-kept-"));
    try {
      const first = path.join(dir, "first.xlsx");
      const firstRun = JSON.parse((await runCli([path.join(ROOT, "examples", "seed.xlsx"), "-o", first, "--json", "--lang", "en"])).stdout) as { outputSheets: string[]; keptEditedSheets: string[] };
      expect(firstRun.keptEditedSheets).toEqual([]);
      const [table] = firstRun.outputSheets;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(first);
      wb.getWorksheet(table!)!.getCell("M5").value = "已人工复核";
      await wb.xlsx.writeFile(first);
      const second = JSON.parse((await runCli([first, "-o", path.join(dir, "second.xlsx"), "--json", "--lang", "en"])).stdout) as {
        keptEditedSheets: string[];
        outputSheets: string[];
        findings: { code: string; cell: string }[];
      };
      expect(second.keptEditedSheets).toEqual([table]);
      expect(second.outputSheets).not.toContain(table);
      expect(second.findings.filter((f) => f.code === "KEPT_EDITED_SHEET").map((f) => f.cell)).toEqual([`'${table}'!A1`]); // "Score table" has a space: quoted, as Excel writes it
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
