#!/usr/bin/env node
// The nmirf command line. In a checkout it runs the TypeScript sources through tsx;
// a deployed build without sources runs the compiled JavaScript in dist/.
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const source = path.join(root, "cli", "main.ts");

let cli;
if (fs.existsSync(source)) {
  require("tsx/cjs/api").register();
  cli = require(source);
} else {
  cli = require(path.join(root, "dist", "cli", "main.js"));
}

cli.main(process.argv.slice(2)).then(
  (exitCode) => {
    if (typeof exitCode === "number") process.exitCode = exitCode;
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
