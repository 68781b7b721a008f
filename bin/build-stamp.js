// Whether dist/ was built from the sources in this checkout. `npm run build` records a
// fingerprint of what it compiled (every source file's path, size and modification time, and
// the build's configuration); bin/nmirf.js runs the compiled code only while the checkout still
// has that fingerprint, and the TypeScript sources (tsx) otherwise. A fingerprint is cheap to
// take (file metadata, no contents): the command line starts in a fraction of a second either way.
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const SOURCE_DIRS = ["core", "i18n", "graph", "bot", "drafts", "importers", "demo", "storage", "server", "cli", "manifest", "tabs", "bin"];
const SOURCE_FILES = ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json", "scripts/build.ts"];
const SKIPPED_DIRS = new Set(["node_modules", "dist", "testing", ".build-lock"]);
const STAMP_FILE = path.join(ROOT, "dist", ".build-stamp.json");

function walk(dir, out) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(full, out);
    } else if (!/\.test\.tsx?$/.test(entry.name)) {
      out.push(full);
    }
  }
}

/** A digest of the source files' paths, sizes and modification times. */
function sourceFingerprint(root = ROOT) {
  const files = [];
  for (const dir of SOURCE_DIRS) walk(path.join(root, dir), files);
  for (const file of SOURCE_FILES) files.push(path.join(root, file));
  files.sort();
  const hash = require("node:crypto").createHash("sha256");
  for (const file of files) {
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      continue;
    }
    hash.update(`${path.relative(root, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(STAMP_FILE, "utf8"));
  } catch {
    return undefined;
  }
}

/** True when dist/ holds a build of exactly these sources. */
function isBuildCurrent() {
  const stamp = readStamp();
  return Boolean(stamp && stamp.fingerprint === sourceFingerprint());
}

module.exports = { ROOT, STAMP_FILE, sourceFingerprint, readStamp, isBuildCurrent };
