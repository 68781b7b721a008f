/**
 * How fast the `nmirf` command line starts (`nmirf --version`): the build production runs
 * (dist/, compiled JavaScript) and the checkout's TypeScript sources through tsx, each against
 * a bare `node` start measured in the same run. The median of several starts; the build is made
 * first when it is not the build of these sources.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { result, type Benchmark } from "./harness";

const ROOT = path.resolve(__dirname, "..");
const RUNS = 9;

function medianMs(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = process.hrtime.bigint();
    execFileSync(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const benchmarks: Benchmark[] = [
  {
    name: "cli.start",
    async run() {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the launcher's plain-JavaScript fingerprint
      const stamp = require("../bin/build-stamp.js") as { isBuildCurrent(): boolean };
      if (!stamp.isBuildCurrent()) execFileSync(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(ROOT, "scripts", "build.ts")], { cwd: ROOT, stdio: "ignore" });
      const bare = medianMs(["-e", ""]);
      const built = medianMs([path.join(ROOT, "dist", "bin", "nmirf.js"), "--version"]);
      const checkout = medianMs([path.join(ROOT, "bin", "nmirf.js"), "--version"]);
      const fromSources = medianMs([path.join(ROOT, "bin", "nmirf.js"), "--version"], { ...process.env, NMIRF_FROM_SOURCES: "1" });
      return [
        result("cli.start.built", built, "ms", { ideal: bare, target: 500, runs: RUNS, what: "node dist/bin/nmirf.js --version, against a bare node start; target: under 500 ms" }),
        result("cli.start.checkout", checkout, "ms", { ideal: built, runs: RUNS, what: "node bin/nmirf.js --version in the checkout (runs dist/ while it is current), against the build" }),
        result("cli.start.tsx", fromSources, "ms", { ideal: built, runs: RUNS, what: "the TypeScript sources through tsx (NMIRF_FROM_SOURCES=1), against the build; before this change: about 4,500 ms" }),
      ];
    },
  },
];
