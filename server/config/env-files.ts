/**
 * Reads `env/.env.{name}` and then `env/.env.{name}.user` (git-ignored, for secrets): `KEY=value`
 * lines, `#` comments, optional quotes. The process environment wins over both files.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2]!;
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[1] === '"' ? quoted[2]!.replace(/\\n/g, "\n") : quoted[2]!;
    else value = value.replace(/\s+#.*$/, "");
    values[match[1]!] = value;
  }
  return values;
}

/** The environment the server starts with: the files of the environment `name` under the process's values. */
export function environmentWithFiles(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Record<string, string | undefined> {
  const name = env.NMIRF_ENV?.trim() || "local";
  if (!/^[a-z0-9-]+$/i.test(name)) throw new Error(`NMIRF_ENV: '${name}' is not an environment name (letters, digits and dashes)`);
  const merged: Record<string, string | undefined> = {};
  for (const file of [`.env.${name}`, `.env.${name}.user`]) {
    const full = path.join(root, "env", file);
    if (existsSync(full)) Object.assign(merged, parseEnvFile(readFileSync(full, "utf8")));
  }
  return { ...merged, ...env };
}
