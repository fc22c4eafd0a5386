import { DEFAULT_SETTINGS, type Settings } from "../../src/core/types";
import { resolveSettings } from "../../src/core/score/profiles";
import { draftOf, parseTypedNumber, readStoredSettings, validateSettings } from "../../src/office/settingsRules";

const defaults = draftOf(DEFAULT_SETTINGS);

describe("parseTypedNumber", () => {
  it.each([
    ["1.2", 1.2],
    ["120%", 1.2],
    [" ０.１ ", 0.1],
    ["１３０％", 1.3],
    [".5", 0.5],
  ])("reads %j as %p", (text, value) => {
    expect(parseTypedNumber(text)).toBe(value);
  });

  it.each(["", "abc", "1.2.3", "1,2", "%"])("reads %j as NaN", (text) => {
    expect(parseTypedNumber(text)).toBeNaN();
  });
});

describe("validateSettings", () => {
  it("accepts the defaults as they are shown", () => {
    expect(validateSettings(defaults)).toEqual({ settings: { ...DEFAULT_SETTINGS, gradeBands: { ...DEFAULT_SETTINGS.gradeBands } }, errors: null });
  });

  it("takes a profile's rules with it, and keeps the fields typed over it", () => {
    const hubei = validateSettings({ ...defaults, profile: "hubei", good: "75" }).settings!;
    expect([hubei.profile, hubei.budgetWeight, hubei.qualitativeBands.partly, hubei.gradeBands.good]).toEqual(["hubei", 20, [0.5, 0.8], 75]);
    expect(validateSettings({ ...defaults, profile: "sichuan" }).settings!.budgetReasonBelow).toBe(0.9);
  });

  it("refuses a profile it does not know", () => {
    expect(validateSettings({ ...defaults, profile: "guangdong" }).errors).toEqual({ profile: expect.objectContaining({ en: expect.stringContaining("rule profile") }) });
  });

  it("reads a threshold typed as a percent", () => {
    expect(validateSettings({ ...defaults, overCompletionThreshold: "130%" }).settings?.overCompletionThreshold).toBe(1.3);
  });

  it("refuses a threshold of 1 or less", () => {
    expect(validateSettings({ ...defaults, overCompletionThreshold: "100%" }).errors).toEqual({
      overCompletionThreshold: { zh: "阈值须大于 1（即完成率高于 100%），且不超过 10。", en: "The threshold must be above 1 (a completion over 100%) and at most 10." },
    });
  });

  it("refuses text where a number belongs", () => {
    expect(validateSettings({ ...defaults, mismatchTolerance: "一点" }).errors).toEqual({
      mismatchTolerance: { zh: "请输入数字，例如 1.2 或 120%。", en: "Enter a number, such as 1.2 or 120%." },
    });
  });

  it("refuses grade boundaries that do not rise", () => {
    expect(validateSettings({ ...defaults, good: "95" }).errors).toEqual({
      good: { zh: "分数线须满足：优 > 良 > 中。", en: "The boundaries must rise: Excellent > Good > Fair." },
    });
    expect(validateSettings({ ...defaults, fair: "80" }).errors).toEqual({
      fair: { zh: "分数线须满足：优 > 良 > 中。", en: "The boundaries must rise: Excellent > Good > Fair." },
    });
  });

  it("refuses a boundary above 100 and an unknown convention together", () => {
    expect(Object.keys(validateSettings({ ...defaults, excellent: "101", reverse: "inverse" }).errors ?? {})).toEqual(["excellent", "reverse"]);
  });
});

describe("readStoredSettings", () => {
  it("gives the defaults in the Office UI's language when nothing is stored", () => {
    expect(readStoredSettings(null, "en")).toEqual({ ...DEFAULT_SETTINGS, language: "en" });
  });

  it("reads stored settings back", () => {
    const stored = { reverse: "deviation", overCompletionThreshold: 1.3, mismatchTolerance: 0.5, gradeBands: { excellent: 85, good: 75, fair: 60 }, language: "en" };
    expect(readStoredSettings(stored, "zh")).toEqual(resolveSettings("mof", stored as Partial<Settings>));
  });

  it("reads a stored profile back with the rules it brings", () => {
    const stored = { ...DEFAULT_SETTINGS, profile: "hubei" };
    expect(readStoredSettings(stored, "zh")).toMatchObject({ profile: "hubei", budgetWeight: 20, qualitativeBands: { partly: [0.5, 0.8] } });
    expect(readStoredSettings({ ...stored, profile: "guangdong" }, "zh").profile).toBe("mof");
  });

  it("falls back to the defaults as a whole when a stored value is invalid", () => {
    expect(readStoredSettings({ ...DEFAULT_SETTINGS, gradeBands: { excellent: 50, good: 80, fair: 60 } }, "zh")).toEqual(DEFAULT_SETTINGS);
  });
});
