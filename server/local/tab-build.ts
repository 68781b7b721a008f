/**
 * Builds the tab (tabs/dist, which the server serves) when it is missing or was built from other
 * sources: `npm start`, the end-to-end tests and the benchmarks all run what the server would
 * serve, on a clean machine too. A stamp records a hash of the sources of the build; a lock
 * keeps two processes (parallel test files) from building at once.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const TAB_DIR = path.join(ROOT, "tabs");
export const TAB_DIST = path.join(TAB_DIR, "dist");
const STAMP = path.join(TAB_DIST, ".source-hash");
const LOCK = path.join(TAB_DIR, ".build-lock");
const STALE_LOCK_MS = 5 * 60_000;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "dist" ? [] : filesUnder(full);
    return /\.test\.tsx?$/.test(entry.name) ? [] : [full];
  });
}

/** A hash of what the bundle is made from: the tab's sources, its config, and the core it imports. */
export function sourceHash(): string {
  const hash = createHash("sha256");
  const files = [
    ...filesUnder(path.join(TAB_DIR, "src")),
    ...filesUnder(path.join(TAB_DIR, "public")),
    ...filesUnder(path.join(TAB_DIR, "word")),
    ...filesUnder(path.join(ROOT, "core")),
    path.join(TAB_DIR, "index.html"),
    path.join(TAB_DIR, "vite.config.mts"),
    path.join(ROOT, "package-lock.json"),
  ].sort();
  for (const file of files) {
    if (!statSync(file).isFile()) continue;
    hash.update(path.relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

function isCurrent(wanted: string): boolean {
  return existsSync(path.join(TAB_DIST, "index.html")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === wanted;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Holds the build lock while `work` runs; waits for another builder, and takes over a lock left by a crash. */
function withLock<T>(work: () => T): T {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      const age = existsSync(LOCK) ? Date.now() - statSync(LOCK).mtimeMs : 0;
      if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else sleep(250);
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds the tab unless tabs/dist was built from the current sources. */
export function ensureTabBuilt(): { built: boolean; ms: number } {
  const started = Date.now();
  // A deployed build (npm run build) carries the built tab and not its sources.
  if (!existsSync(path.join(TAB_DIR, "src"))) {
    if (existsSync(path.join(TAB_DIST, "index.html"))) return { built: false, ms: 0 };
    throw new Error(`the tab is neither built (${TAB_DIST}) nor here to build (${path.join(TAB_DIR, "src")})`);
  }
  const wanted = sourceHash();
  if (isCurrent(wanted)) return { built: false, ms: 0 };
  return withLock(() => {
    if (isCurrent(wanted)) return { built: false, ms: Date.now() - started };
    execFileSync(process.execPath, [path.join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"], {
      cwd: TAB_DIR,
      // Jest sets NODE_ENV=test, which would bundle React's development build: the tab is built as it ships.
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
      timeout: 240_000,
    });
    writeFileSync(STAMP, wanted);
    return { built: true, ms: Date.now() - started };
  });
}
