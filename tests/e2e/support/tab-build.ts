/**
 * Builds the tab (tabs/dist) when it is missing or older than its sources, so the end-to-end
 * tests and the benchmarks run against what the server would serve, on a clean CI machine too.
 * A stamp file records a hash of the sources the build was made from.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
export const TAB_DIR = path.join(ROOT, "tabs");
export const TAB_DIST = path.join(TAB_DIR, "dist");
const STAMP = path.join(TAB_DIST, ".source-hash");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "dist" ? [] : filesUnder(full);
    return /\.test\.tsx?$/.test(entry.name) ? [] : [full];
  });
}

/** A hash of what the bundle is made from: the tab's sources, its config, and the core it imports. */
export function sourceHash(): string {
  const hash = createHash("sha256");
  const files = [...filesUnder(path.join(TAB_DIR, "src")), ...filesUnder(path.join(TAB_DIR, "public")), ...filesUnder(path.join(ROOT, "core")), path.join(TAB_DIR, "index.html"), path.join(TAB_DIR, "vite.config.mts"), path.join(ROOT, "package-lock.json")].sort();
  for (const file of files) {
    if (!statSync(file).isFile()) continue;
    hash.update(path.relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

/** Builds the tab unless tabs/dist was built from the current sources. */
export function ensureTabBuilt(): { built: boolean; ms: number } {
  const started = Date.now();
  const wanted = sourceHash();
  if (existsSync(path.join(TAB_DIST, "index.html")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === wanted) return { built: false, ms: 0 };
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"], {
    cwd: TAB_DIR,
    // Jest sets NODE_ENV=test, which would bundle React's development build: the tab is built as it ships.
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
    timeout: 240_000,
  });
  writeFileSync(STAMP, wanted);
  return { built: true, ms: Date.now() - started };
}
