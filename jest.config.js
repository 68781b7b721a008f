// Jest loads tests as CommonJS. @swc/jest transforms our TypeScript and the ESM-only
// packages we depend on (jose 6 is one), which therefore are not ignored below.
const esmOnlyPackages = ["jose", "nanoid", "strip-bom", "intl-messageformat", "@formatjs"];

const swcTransform = [
  "@swc/jest",
  {
    jsc: {
      target: "es2022",
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
    },
    module: { type: "commonjs" },
  },
];

const shared = {
  transform: { "^.+\\.(t|j|mj)sx?$": swcTransform },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join("|")})/)`],
  moduleFileExtensions: ["ts", "tsx", "js", "mjs", "cjs", "json"],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30_000,
  reporters: ["default", "<rootDir>/tests/support/summary-reporter.js"],
  projects: [
    {
      ...shared,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/{core,i18n,graph,bot,drafts,importers,demo,storage,server,cli,manifest,tests}/**/*.test.ts"],
    },
    {
      ...shared,
      displayName: "tab",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/tabs/**/*.test.{ts,tsx}"],
      setupFilesAfterEnv: ["<rootDir>/tabs/src/testing/setup-dom.ts"],
      // Vite bundles the catalogue's files (import.meta.glob); under Jest they are read from disk.
      moduleNameMapper: { "^\\./message-loaders$": "<rootDir>/tabs/src/testing/message-loaders.ts" },
    },
  ],
};
