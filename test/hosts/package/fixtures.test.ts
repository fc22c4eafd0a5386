import * as fs from "fs";
import * as path from "path";
import { buildFixture, VARIANTS } from "../../../scripts/buildPackageFixtures";

describe("buildPackageFixtures", () => {
  it.each(VARIANTS.map((v) => [v.file, v] as const))("rebuilds %s byte for byte", (file, v) => {
    const committed = fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "package", file));
    expect(Buffer.from(buildFixture(v)).equals(committed)).toBe(true);
  });
});
