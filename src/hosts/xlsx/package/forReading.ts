import { unzipSync, zipSync, type Unzipped } from "fflate";
import { child, children, parseXml, removeElement, rootOf, serializeXml } from "./xmlParts";
import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from "./limits";
import { splitAreaList } from "../../../core/cells/address";

const WORKBOOK_PART = "xl/workbook.xml";
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** A defined name left out of what the reader parses, and the cells it covers. */
export interface HiddenName {
  readonly name: string;
  readonly cells: number;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * The cells a defined name's formula covers when it is a list of references; 0 for a constant or
 * a formula (which readers do not expand).
 *
 * @example
 * cellsOfNameFormula("Sheet1!$A$1:$XFD$1048576") //=> 17179869184
 * cellsOfNameFormula("'数据'!$A:$C") //=> 3145728
 * cellsOfNameFormula("0.1") //=> 0
 */
export function cellsOfNameFormula(formula: string): number {
  let total = 0;
  for (const area of splitAreaList(formula.trim().replace(/^=/, ""))) {
    const local = area.slice(area.lastIndexOf("!") + 1).replace(/\$/g, "").trim();
    let m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(local);
    if (m) {
      const c1 = m[1] ?? "A";
      const r1 = m[2] ?? "1";
      const c2 = m[3] ?? c1;
      const r2 = m[4] ?? r1;
      total += (Math.abs(Number(r2) - Number(r1)) + 1) * (Math.abs(columnNumber(c2) - columnNumber(c1)) + 1);
      continue;
    }
    m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(local);
    if (m) {
      total += (Math.abs(columnNumber(m[2] ?? "A") - columnNumber(m[1] ?? "A")) + 1) * MAX_ROWS;
      continue;
    }
    m = /^(\d+):(\d+)$/.exec(local);
    if (m) total += (Math.abs(Number(m[2]) - Number(m[1])) + 1) * MAX_COLUMNS;
  }
  return total;
}

/**
 * The package as the reader (ExcelJS) should see it: the same parts, except that defined names
 * covering more cells than the limits allow are left out of xl/workbook.xml, since ExcelJS
 * expands a name into its cells. Only the reader's copy changes; the written package is composed
 * from the original bytes. When no name is too large the original bytes are returned as they are.
 *
 * @param bytes - a package inspectPackage accepted
 * @returns the bytes to parse and the names left out
 */
export function packageForReading(bytes: Uint8Array, limits: PackageLimits = DEFAULT_PACKAGE_LIMITS): { bytes: Uint8Array; hiddenNames: HiddenName[] } {
  const workbookOnly = unzipSync(bytes, { filter: (f) => f.name === WORKBOOK_PART });
  const workbookBytes = workbookOnly[WORKBOOK_PART];
  if (workbookBytes === undefined) return { bytes, hiddenNames: [] };
  const doc = parseXml(WORKBOOK_PART, workbookBytes);
  const namesEl = child(rootOf(doc), "definedNames");
  if (!namesEl) return { bytes, hiddenNames: [] };
  const hiddenNames: HiddenName[] = [];
  let kept = 0;
  for (const dn of children(namesEl, "definedName")) {
    const cells = cellsOfNameFormula(dn.textContent ?? "");
    if (cells > limits.maxDefinedNameCells || kept + cells > limits.maxDefinedNamesTotalCells) {
      hiddenNames.push({ name: dn.getAttribute("name") ?? "", cells });
      removeElement(dn);
    } else kept += cells;
  }
  if (hiddenNames.length === 0) return { bytes, hiddenNames };
  if (children(namesEl, "definedName").length === 0) removeElement(namesEl);
  const all: Unzipped = unzipSync(bytes);
  all[WORKBOOK_PART] = new Uint8Array(serializeXml(doc));
  return { bytes: zipSync(all, { level: 0 }), hiddenNames };
}
