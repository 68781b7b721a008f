#!/usr/bin/env node
// The nmirf command line.
// - In a deployed build (no TypeScript sources beside it) it runs the compiled JavaScript.
// - In a checkout it runs dist/ when `npm run build` compiled exactly these sources (see
//   build-stamp.js), and the TypeScript sources through tsx otherwise, so that `npm start`
//   works on a fresh clone without a build step. NMIRF_FROM_SOURCES=1 forces the sources.
const fs = require("node:fs");
const path = require("node:path");

const here = path.resolve(__dirname, "..");

function load() {
  if (!fs.existsSync(path.join(here, "cli", "main.ts"))) return require(path.join(here, "cli", "main.js"));
  if (process.env.NMIRF_FROM_SOURCES !== "1" && require("./build-stamp").isBuildCurrent()) return require(path.join(here, "dist", "cli", "main.js"));
  require("tsx/cjs/api").register();
  return require(path.join(here, "cli", "main.ts"));
}

load()
  .main(process.argv.slice(2))
  .then(
    (exitCode) => {
      if (typeof exitCode === "number") process.exitCode = exitCode;
    },
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
