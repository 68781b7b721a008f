// `npm run test:live`: the Graph repository suite against a real tenant (see docs/graph.md).
// Not part of `npm test`: CI has no tenant.
const base = require("./jest.config.js");
const node = base.projects.find((p) => p.displayName === "node");

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 300_000,
  projects: [{ ...node, displayName: "live", testMatch: ["<rootDir>/graph/**/*.live.ts"] }],
};
