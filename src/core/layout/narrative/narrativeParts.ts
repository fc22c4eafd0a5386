import type { Finding, Language, ParsedValue, ScoredBudget, ScoredEnrollmentLine, Severity } from "../../types";
import { formatPercent, formatTrimmed as trimmed, withThousands } from "../../text/formatNumber";
import { unitScale } from "../../cells/parseValue";
import { countSeverity } from "../../text/terms";
import { baseUnit, isWanUnit, parsedUnit } from "../sheetGrid/units";

const EN_UNITS: Record<string, string> = { "": "people", 人: "people", 名: "people", 户: "households", 家: "entities", 件: "items", 次: "times", 元: "yuan", 个: "" };

function enUnit(unit: string): string {
  const base = baseUnit(unit);
  return EN_UNITS[base] ?? base;
}

/**
 * A count in the report's style. zh: in 万 when the unit counts in 万 ("6.42 万人"), else the
 * number with separators and its unit ("8,755 人"). en: base units with separators ("64,200 people").
 */
function quantity(value: number | null, parsed: ParsedValue, unit: string, wanUnit: string | null, lang: Language, withUnit: boolean): string {
  if (value === null) return parsed.text || "—";
  if (lang === "en") {
    const u = enUnit(unit);
    return withUnit && u !== "" ? `${withThousands(trimmed(value, 4))} ${u}` : withThousands(trimmed(value, 4));
  }
  if (wanUnit !== null) return `${trimmed(value / 1e4, 4)} ${wanUnit}`;
  return `${withThousands(trimmed(value, 4))} ${baseUnit(unit) || "人"}`;
}

/**
 * One enrollment line as a clause.
 *
 * @example
 * enrollmentClause(line /* 64200 → 56800, 万人 *\/, "zh", true)
 * //=> "企业职工养老保险参保目标任务人数为 6.42 万人，当前参保人数为 5.68 万人，完成年度目标任务的 88.47%"
 */
export function enrollmentClause(l: ScoredEnrollmentLine, lang: Language, first: boolean): string {
  const units = [l.line.unitText, parsedUnit(l.line.target), parsedUnit(l.line.actual)];
  const unit = units.find((u) => u.trim() !== "") ?? "";
  const wanUnit = units.find((u) => isWanUnit(u))?.trim() ?? null;
  const t = quantity(l.target, l.line.target, unit, wanUnit, lang, true);
  const a = quantity(l.actual, l.line.actual, unit, wanUnit, lang, false);
  if (lang === "zh") {
    const done = l.completion === null ? "完成率无法计算" : `完成年度目标任务的 ${formatPercent(l.completion)}`;
    return `${l.line.name}参保目标任务人数为 ${t}，当前参保人数为 ${quantity(l.actual, l.line.actual, unit, wanUnit, lang, true)}，${done}`;
  }
  const done = l.completion === null ? "completion cannot be computed" : `${formatPercent(l.completion)} of the annual target`;
  return `${first ? "Target" : "target"} enrollment for ${l.line.name} was ${t}; actual ${a}, ${done}`;
}

/**
 * The budget-execution sentence. Amounts carry the unit the workbook names, in the cells or in a
 * bracket beside the block (项目资金（万元）); with none named they carry none, since 元 would be
 * a guess. Chinese keeps a 万 unit ("57 万元"); English gives base units ("570,000 yuan").
 *
 * @example
 * budgetSentence(budget /* 57 → 55.29 under 项目资金（万元） *\/, "zh") //=> "全年预算数 57 万元，全年执行数 55.29 万元，预算执行率为 97.00%。"
 */
export function budgetSentence(b: ScoredBudget, lang: Language): string {
  const written = parsedUnit(b.block.planned) || parsedUnit(b.block.spent);
  // Values are in base units when the cells carry a unit, else in the bracketed unit as written.
  const unit = written || (b.block.unitText ?? "");
  const toBase = written !== "" ? 1 : unitScale(unit);
  const wanUnit = isWanUnit(unit) ? unit.trim() : null;
  const money = (v: number | null, p: ParsedValue): string => {
    if (v === null) return p.text || "—";
    if (lang === "en") return unit === "" ? withThousands(trimmed(v, 2)) : `${withThousands(trimmed(v * toBase, 2))} ${enUnit(unit)}`.trim();
    if (wanUnit !== null) return `${withThousands(trimmed((v * toBase) / 1e4, 4))} ${wanUnit}`;
    return `${withThousands(trimmed(v, 2))} ${baseUnit(unit)}`.trim();
  };
  const p = money(b.planned, b.block.planned);
  const s = money(b.spent, b.block.spent);
  if (lang === "zh") return `全年预算数 ${p}，全年执行数 ${s}，预算执行率${b.rate === null ? "无法计算" : `为 ${formatPercent(b.rate)}`}。`;
  return `The annual budget was ${p} and ${s} was spent: budget execution ${b.rate === null ? "cannot be computed" : `was ${formatPercent(b.rate)}`}.`;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

/**
 * Counts findings by severity, in a sentence; "" when there are none.
 *
 * @example
 * findingsSentence(findings /* 1 warning, 4 info *\/, "en") //=> "The review raised 5 findings: 1 warning, 4 info."
 */
export function findingsSentence(findings: readonly Finding[], lang: Language): string {
  if (findings.length === 0) return "";
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const counted = counts.map(([s, n]) => countSeverity(n, s, lang));
  if (lang === "zh") return `审核发现 ${findings.length} 项：${counted.join("，")}。`;
  return `The review raised ${findings.length} finding${findings.length === 1 ? "" : "s"}: ${counted.join(", ")}.`;
}
