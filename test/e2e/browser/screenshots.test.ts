/**
 * Pictures of the built pane, through the harness, after computing examples/seed.xlsx: zh and en,
 * light and dark, and the settings as a user meets a mistake. `npm run screenshots` writes them to
 * docs/images (PERFSCORE_SCREENSHOTS=docs/images); in `npm run test:e2e` they go to a temporary
 * folder, so the suite never changes the repository.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { computeInPane, openHarness, ROOT, useSuite } from "./browser";

const OUT = process.env.PERFSCORE_SCREENSHOTS ? path.resolve(ROOT, process.env.PERFSCORE_SCREENSHOTS) : fs.mkdtempSync(path.join(os.tmpdir(), "perfscore-shots-"));

const s = useSuite();
beforeAll(() => fs.mkdirSync(OUT, { recursive: true }));

/** PNG width and height from its header. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe("screenshots of the pane", () => {
  it.each([
    ["zh", "light", "taskpane-zh.png"],
    ["en", "light", "taskpane-en.png"],
    ["zh", "dark", "taskpane-zh-dark.png"],
    ["en", "dark", "taskpane-en-dark.png"],
  ] as const)("%s, %s theme: %s", async (lang, theme, name) => {
    const { page, pageErrors } = await openHarness(s(), "/examples/seed.xlsx", { lang, theme });
    await computeInPane(page);
    const file = path.join(OUT, name);
    await page.locator("main.pane").screenshot({ path: file });
    const size = pngSize(file);
    // 340 CSS px at device scale 2.
    expect(size.width).toBe(680);
    expect(size.height).toBeGreaterThan(800);
    expect(pageErrors).toEqual([]);
    console.log(`wrote ${path.relative(ROOT, file)} (${size.width}×${size.height})`);
    if (lang === "zh" && theme === "light") {
      // The settings as a user meets a mistake: a 良 boundary above 优's, refused as it is typed.
      await page.click("#settings-section > summary");
      await page.fill("#good", "95");
      const settings = path.join(OUT, "taskpane-zh-settings.png");
      // In page coordinates (fullPage clips are), with a margin so the fields do not touch the edge.
      const box = await page.locator("#settings-section").evaluate((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
      });
      await page.screenshot({ path: settings, fullPage: true, clip: { x: box.x - 12, y: box.y - 4, width: box.width + 24, height: box.height + 12 } });
      expect(pngSize(settings).width).toBeGreaterThan(500);
      console.log(`wrote ${path.relative(ROOT, settings)}`);
    }
    await page.context().close();
  });
});
