/**
 * manifest.xml read as text (the schema check is xmllint's, in .ci/run): the two buttons, the
 * command id, an en-US override for every string, and every icon at its size.
 */
import * as fs from "fs";
import * as path from "path";
import { COMPUTE_SCORES } from "../../src/commands/computeScores";

const ROOT = path.join(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** The text of every element `tag` (the first level of nesting is enough for this manifest). */
function elements(tag: string, xml = manifest): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, "g"))].map((m) => m[0]);
}

function attr(element: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1];
}

function resource(id: string): string {
  const found = elements("bt:(?:String|Image|Url)").find((e) => attr(e, "id") === id);
  if (found === undefined) throw new Error(`no resource ${id}`);
  return found;
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  const controls = elements("Control");

  it("has two buttons in one group on the Home tab", () => {
    const tab = elements("OfficeTab")[0]!;
    expect(attr(tab, "id")).toBe("TabHome");
    expect(elements("Group", tab)).toHaveLength(1);
    expect(controls.map((c) => attr(c, "id"))).toEqual(["PerfScore.ComputeButton", "PerfScore.TaskpaneButton"]);
  });

  it("labels the buttons 计算评分 / Compute scores and 绩效评分 / Open PerfScore", () => {
    const labels = controls.map((c) => resource(attr(elements("Label", c)[0]!, "resid")!));
    expect(labels.map((l) => attr(l, "DefaultValue"))).toEqual(["计算评分", "绩效评分"]);
    expect(labels.map((l) => attr(elements("bt:Override", l)[0]!, "Value"))).toEqual(["Compute scores", "Open PerfScore"]);
  });

  it("runs the command's registered function from the compute button and opens the pane from the other", () => {
    expect(controls[0]).toContain('<Action xsi:type="ExecuteFunction">');
    expect(elements("FunctionName", controls[0])).toEqual([`<FunctionName>${COMPUTE_SCORES}</FunctionName>`]);
    expect(controls[1]).toContain('<Action xsi:type="ShowTaskpane">');
    expect(attr(resource("Taskpane.Url"), "DefaultValue")).toBe("https://localhost:3000/taskpane.html");
    expect(attr(resource("Commands.Url"), "DefaultValue")).toBe("https://localhost:3000/commands.html");
  });

  it("defaults to zh-CN and gives every string an en-US override", () => {
    expect(elements("DefaultLocale")).toEqual(["<DefaultLocale>zh-CN</DefaultLocale>"]);
    const strings = [...elements("DisplayName"), ...elements("Description"), ...elements("bt:String")].filter((e) => attr(e, "DefaultValue") !== undefined);
    expect(strings.length).toBe(9);
    for (const s of strings) {
      expect([attr(s, "id") ?? s.slice(0, 20), elements("(?:bt:)?Override", s).map((o) => attr(o, "Locale"))]).toEqual([attr(s, "id") ?? s.slice(0, 20), ["en-US"]]);
    }
  });

  it("points every icon at a PNG file of the size it is declared at", () => {
    const icons = [
      ...elements("bt:Image").filter((e) => attr(e, "id") !== undefined).map((e) => ({ url: attr(e, "DefaultValue")!, size: Number(/(\d+)x\d+$/.exec(attr(e, "id")!)![1]) })),
      { url: attr(elements("IconUrl")[0]!, "DefaultValue")!, size: 32 },
      { url: attr(elements("HighResolutionIconUrl")[0]!, "DefaultValue")!, size: 64 },
    ];
    expect(icons.map((i) => i.size).sort((a, b) => a - b)).toEqual([16, 16, 32, 32, 32, 64, 80, 80]);
    for (const icon of icons) {
      const file = path.join(ROOT, icon.url.replace("https://localhost:3000/", ""));
      expect([icon.url, pngSize(file)]).toEqual([icon.url, { width: icon.size, height: icon.size }]);
    }
  });

  it("points every resid at a resource", () => {
    const resids = [...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]!);
    expect(resids.length).toBe(21);
    for (const id of resids) expect(attr(resource(id), "id")).toBe(id);
  });
});
