import { layoutWorkbook } from "../../../src/core/layout/layoutWorkbook";
import { resolveSettings } from "../../../src/core/score/profiles";
import { evaluation } from "./factory";
import { rowOf, textAt } from "./helpers";

const META = { scoreTableName: "评分表", summaryName: "评分汇总", version: "1.2.3", generatedAt: "2023-02-28T08:00:00.000Z" };

describe("the summary's settings block", () => {
  it("names the rule profile in Chinese", () => {
    const summary = layoutWorkbook(evaluation({ settings: resolveSettings("hubei", {}) }), META)[1]!;
    expect(textAt(summary, `B${rowOf(summary, "评分规则")}`)).toBe("湖北");
  });
  it("names the rule profile in English", () => {
    const summary = layoutWorkbook(evaluation({ settings: resolveSettings("mof", { language: "en" }) }), META)[1]!;
    expect(textAt(summary, `B${rowOf(summary, "Rule profile")}`)).toBe("Ministry of Finance");
  });
});
