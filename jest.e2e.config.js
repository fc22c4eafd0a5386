/** Suites that need Debian packages: LibreOffice (recalculation, rendering) and Chromium (task pane). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { isolatedModules: true, tsconfig: "tsconfig.json" }] },
  testTimeout: 600000,
};
