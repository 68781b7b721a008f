/**
 * The production runtime (Node.js 24 LTS, what App Service runs: infra/azure.bicep) for the
 * tests of the built output, from the npm registry: the `node-<platform>-<arch>` package of the
 * version package.json's `config.productionNode` pins, fetched once with npm's own client
 * (`npm pack`, through npm's cache) and unpacked under build/runtimes/. It is not a dependency:
 * a dependency would link its `node` into node_modules/.bin, where every npm script would
 * pick it instead of the development Node.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..", "..");

export function productionNodeVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json, read as data
  const manifest = require(path.join(ROOT, "package.json")) as { config?: { productionNode?: string } };
  const version = manifest.config?.productionNode;
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error("package.json's config.productionNode names no Node.js version");
  return version;
}

/** The path of the production Node's executable, fetched the first time. */
export function productionNode(): string {
  const version = productionNodeVersion();
  const platform = process.platform === "win32" ? "win" : process.platform;
  const name = `node-${platform}-${process.arch}`;
  const dir = path.join(ROOT, "build", "runtimes", `${name}-${version}`);
  const executable = path.join(dir, "bin", process.platform === "win32" ? "node.exe" : "node");
  if (existsSync(executable)) return executable;
  mkdirSync(path.dirname(dir), { recursive: true });
  const work = mkdtempSync(`${dir}.partial-`);
  try {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const tarball = execFileSync(npm, ["pack", `${name}@${version}`, "--pack-destination", work, "--silent"], { cwd: work, encoding: "utf8", timeout: 300_000 }).trim().split("\n").pop()!;
    execFileSync("tar", ["-xzf", path.join(work, tarball), "-C", work], { timeout: 120_000 });
    rmSync(dir, { recursive: true, force: true });
    renameSync(path.join(work, "package"), dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return executable;
}
