import { DEFAULT_SETTINGS, type ProfileId, type Settings } from "../types";

/** A rule profile: its names and the settings it sets (docs/scoring-rules.md §7, each with its source). */
export interface Profile {
  id: ProfileId;
  name: { zh: string; en: string };
  /** Where the profile's rules are written down. */
  source: string;
  settings: Pick<Settings, "qualitativeBands" | "budgetWeight" | "budgetReasonBelow" | "gradeBands">;
}

const NATIONAL: Profile["settings"] = {
  qualitativeBands: { achieved: [0.8, 1], partly: [0.6, 0.8], notAchieved: [0, 0.6] },
  budgetWeight: 10,
  budgetReasonBelow: null,
  gradeBands: { excellent: 90, good: 80, fair: 60 },
};

/**
 * The profiles the tool knows, the national one first (the default).
 *
 * - 财政部 (mof): 财预〔2020〕10号 — qualitative bands 80–100 / 60–80 / 0–60 %, budget 10 points.
 * - 湖北 (hubei): the province's 项目绩效自评表 notes — budget 20 points (预算执行情况(20分),
 *   得分 = 20 × 执行率), qualitative bands 80–100 / 50–80 / 0–50 %.
 * - 四川 (sichuan): the province's 部门预算项目支出绩效自评表 — budget 10 points on 调整后预算数, and a
 *   rate below 90 % needs a reason (预算执行率未达到90%的需说明原因).
 */
export const PROFILES: readonly Profile[] = Object.freeze([
  {
    id: "mof",
    name: { zh: "财政部", en: "Ministry of Finance" },
    source: "财预〔2020〕10号《项目支出绩效评价管理办法》附件1、2",
    settings: NATIONAL,
  },
  {
    id: "hubei",
    name: { zh: "湖北", en: "Hubei" },
    source: "湖北省项目绩效自评表备注（预算执行情况(20分)；定性指标 100%-80%、80%-50%、50%-0%）",
    settings: { ...NATIONAL, budgetWeight: 20, qualitativeBands: { achieved: [0.8, 1], partly: [0.5, 0.8], notAchieved: [0, 0.5] } },
  },
  {
    id: "sichuan",
    name: { zh: "四川", en: "Sichuan" },
    source: "四川省部门预算项目支出绩效自评表（预算执行情况(10分)；预算执行率未达到90%的需说明原因）",
    settings: { ...NATIONAL, budgetReasonBelow: 0.9 },
  },
]);

/**
 * Finds a profile by its id or either of its names, ignoring case and white space.
 *
 * @returns the profile, or null when no profile has that name
 * @example
 * findProfile("湖北")?.id //=> "hubei"
 * findProfile("Ministry of Finance")?.id //=> "mof"
 * findProfile("guangdong") //=> null
 */
export function findProfile(name: string): Profile | null {
  const key = name.replace(/\s+/g, "").toLowerCase();
  return PROFILES.find((p) => [p.id, p.name.zh, p.name.en].some((n) => n.replace(/\s+/g, "").toLowerCase() === key)) ?? null;
}

/**
 * The settings of a profile with individual settings laid over it: the defaults, then the
 * profile's rules, then the overrides. The profile is recorded in the result.
 *
 * @param profile - the profile's id
 * @param overrides - settings chosen one by one; they win over the profile
 * @returns the full settings
 * @example
 * resolveSettings("hubei", {}).budgetWeight //=> 20
 * resolveSettings("hubei", { budgetWeight: 15 }).budgetWeight //=> 15
 */
export function resolveSettings(profile: ProfileId, overrides: Partial<Omit<Settings, "profile">>): Settings {
  const p = PROFILES.find((x) => x.id === profile) ?? PROFILES[0]!;
  return { ...DEFAULT_SETTINGS, ...p.settings, ...overrides, profile: p.id };
}
