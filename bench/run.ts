/**
 * `npm run bench`: runs every bench/*.bench.ts file in its own process (so that peak memory
 * is its own) and prints one JSON line per result. `npm run bench -- drafts` runs the files
 * whose name contains "drafts".
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Benchmark } from "./harness";

async function runFile(file: string): Promise<void> {
  const module = (await import(file)) as { benchmarks: Benchmark[] };
  for (const benchmark of module.benchmarks) {
    try {
      for (const line of await benchmark.run()) console.log(JSON.stringify(line));
    } catch (error) {
      console.log(JSON.stringify({ bench: benchmark.name, error: error instanceof Error ? error.message : String(error) }));
      process.exitCode = 1;
    }
  }
}

async function main(): Promise<void> {
  const [mode, target] = process.argv.slice(2);
  if (mode === "--file" && target) {
    await runFile(target);
    return;
  }
  const filter = mode;
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith(".bench.ts") && (!filter || name.includes(filter)))
    .sort();
  let failed = false;
  for (const name of files) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, "--file", path.join(__dirname, name)], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (child.status !== 0) failed = true;
  }
  if (failed) process.exitCode = 1;
}

void main();
