/**
 * `npm run build`: the self-contained build that production runs, in dist/:
 *
 *   dist/bin/nmirf.js          the command line (`node bin/nmirf.js start --tenant` is the server)
 *   dist/{core,i18n,graph,bot,drafts,importers,demo,storage,server,cli,manifest}/   the compiled JavaScript
 *   dist/i18n/messages/        the catalogue of words (read at run time)
 *   dist/tabs/dist/            the tab's static files (Vite)
 *   dist/manifest/*.json|png   the Teams app package's files
 *   dist/package.json, dist/package-lock.json   what `npm ci --omit=dev` installs
 *
 * It runs with `node` and the production dependencies only: no TypeScript source, no tsx, no
 * development dependency (tests/production/built-output.test.ts runs it so). It records the
 * fingerprint of the sources it was built from (bin/build-stamp.js) last, so that an interrupted
 * build is never taken for a current one.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureTabBuilt } from "../server/local/tab-build";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the fingerprint is shared with bin/nmirf.js, plain JavaScript
const stamp = require("../bin/build-stamp.js") as { ROOT: string; STAMP_FILE: string; sourceFingerprint(): string };

const ROOT = stamp.ROOT;
const DIST = path.join(ROOT, "dist");

interface PackageManifest {
  name: string;
  version: string;
  description?: string;
  license?: string;
  private?: boolean;
  engines?: Record<string, string>;
  config?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function step(what: string, work: () => void): void {
  const started = Date.now();
  work();
  console.log(`${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

export function build(): void {
  // Taken before compiling: a source edited during the build makes the build look stale, never current.
  const fingerprint = stamp.sourceFingerprint();
  rmSync(DIST, { recursive: true, force: true });

  step("compiled the server and the command line", () => {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "tsconfig.build.json")], { cwd: ROOT, stdio: "inherit" });
  });

  step("built the tab", () => {
    ensureTabBuilt();
    cpSync(path.join(ROOT, "tabs", "dist"), path.join(DIST, "tabs", "dist"), { recursive: true });
  });

  step("copied the catalogue of words", () => {
    cpSync(path.join(ROOT, "i18n", "messages"), path.join(DIST, "i18n", "messages"), { recursive: true });
  });

  step("copied the app package's files, the launcher and the package manifest", () => {
    for (const file of readdirSync(path.join(ROOT, "manifest"))) {
      if (/\.(json|png)$/.test(file)) cpSync(path.join(ROOT, "manifest", file), path.join(DIST, "manifest", file));
    }
    mkdirSync(path.join(DIST, "bin"), { recursive: true });
    cpSync(path.join(ROOT, "bin", "nmirf.js"), path.join(DIST, "bin", "nmirf.js"));
    const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageManifest;
    // The dependency lists are kept whole so that the lock file stays in step with them for
    // `npm ci`; production installs with --omit=dev.
    const deployed = {
      name: manifest.name,
      version: manifest.version,
      description: manifest.description,
      license: manifest.license,
      private: true,
      engines: manifest.engines,
      config: manifest.config,
      bin: { nmirf: "bin/nmirf.js" },
      scripts: { start: "node --enable-source-maps bin/nmirf.js start --tenant" },
      dependencies: manifest.dependencies,
      devDependencies: manifest.devDependencies,
    };
    writeFileSync(path.join(DIST, "package.json"), `${JSON.stringify(deployed, null, 2)}\n`);
    cpSync(path.join(ROOT, "package-lock.json"), path.join(DIST, "package-lock.json"));
  });

  const leftovers = listFiles(DIST).filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts"));
  if (leftovers.length) throw new Error(`the build holds TypeScript sources: ${leftovers.slice(0, 5).join(", ")}`);
  writeFileSync(stamp.STAMP_FILE, `${JSON.stringify({ fingerprint, version: JSON.parse(readFileSync(path.join(DIST, "package.json"), "utf8")).version, builtAt: new Date().toISOString() }, null, 2)}\n`);
  console.log(`dist/ is ready: node dist/bin/nmirf.js --help`);
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

if (require.main === module) build();
