/**
 * The product's version, from its package.json: the repository's in a checkout, the one the
 * build writes beside the compiled code (dist/package.json) in a deployment. Looked up from
 * this file upwards so that both layouts find theirs.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const PACKAGE_NAME = "nmirf-addin";

export function packageVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      try {
        const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
        if (manifest.name === PACKAGE_NAME && typeof manifest.version === "string") return manifest.version;
      } catch {
        // an unreadable package.json is not ours: keep looking upwards
      }
    }
    if (path.dirname(dir) === dir) return "0.0.0";
  }
}
