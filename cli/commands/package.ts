import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { manifestDifferences, writeLocalization } from "../../manifest/localization";
import { buildAppPackage, MANIFEST_DIR, PackageError } from "../../manifest/package";
import { type Command, parseCommandArgs, USAGE_EXIT_CODE, usageProblem } from "../command";
import { parseEnvFile } from "../../server/config/env-files";

const USAGE = `nmirf package --env <name> [--out <file>]
       nmirf package --localize

Builds the Teams app package (the .zip to upload in the Teams admin center, or with
\`teamsapp publish\`): fills the \${{VAR}} placeholders of manifest/manifest.json and of its
localization files (fr, es, ar) from env/.env.<name>, then env/.env.<name>.user, then the
process environment (which wins), validates the result against the Teams v1.30 schema (offline),
checks the icons, and writes build/appPackage.<name>.zip (or --out). Writes nothing when a
value is missing or the manifest is not valid, and names what to fix. See docs/deploy.md.

--localize rewrites the localization files (manifest/<language>.json) from the catalogue of
words (i18n/messages/<language>/manifest.json) and says what manifest.json itself needs
(its English words, its list of languages). See docs/translating.md.`;

/** The environment's values and where each came from (a file, or the process environment). */
export function environmentValues(root: string, name: string, processEnv: NodeJS.ProcessEnv = process.env): { values: Record<string, string | undefined>; sources: Record<string, string> } {
  const values: Record<string, string | undefined> = {};
  const sources: Record<string, string> = {};
  for (const file of [`.env.${name}`, `.env.${name}.user`]) {
    const full = path.join(root, "env", file);
    if (!existsSync(full)) continue;
    for (const [key, value] of Object.entries(parseEnvFile(readFileSync(full, "utf8")))) {
      values[key] = value;
      sources[key] = `env/${file}`;
    }
  }
  for (const [key, value] of Object.entries(processEnv)) {
    if (value === undefined) continue;
    values[key] = value;
    sources[key] = "the process environment";
  }
  return { values, sources };
}

function environmentsIn(root: string): string[] {
  try {
    return readdirSync(path.join(root, "env"))
      .map((file) => /^\.env\.([a-z0-9-]+)$/i.exec(file)?.[1])
      .filter((name): name is string => Boolean(name))
      .sort();
  } catch {
    return [];
  }
}

export const packageCommand: Command = {
  name: "package",
  summary: "build the Teams app package (build/appPackage.<env>.zip) from manifest/ and env/.env.<env>",
  usage: USAGE,
  async run(args) {
    const parsed = parseCommandArgs(args, { env: { type: "string" }, out: { type: "string" }, localize: { type: "boolean" } }, USAGE);
    if (!parsed) return USAGE_EXIT_CODE;
    const values = parsed.values;
    if (values.localize) {
      const changed = writeLocalization(MANIFEST_DIR);
      console.log(changed.length ? `Rewrote ${changed.map((file) => `manifest/${file}`).join(", ")} from the catalogue.` : "The localization files are the catalogue's already.");
      const differences = manifestDifferences(MANIFEST_DIR);
      for (const difference of differences) console.error(difference);
      return differences.length ? 1 : 0;
    }
    const root = process.cwd();
    const name = values.env?.trim();
    const known = environmentsIn(root);
    if (!name || !/^[a-z0-9-]+$/i.test(name)) {
      return usageProblem(`Say which environment to package with --env <name>${known.length ? ` (${known.join(", ")})` : ""}.`, USAGE);
    }
    if (!existsSync(path.join(root, "env", `.env.${name}`))) {
      console.error(`env/.env.${name} does not exist${known.length ? `; the environments are ${known.join(", ")}` : ""}.`);
      return 2;
    }

    const { values: environment, sources } = environmentValues(root, name);
    let built;
    try {
      built = await buildAppPackage({ values: environment });
    } catch (error) {
      if (error instanceof PackageError) {
        console.error(`No package was written. ${error.message}`);
        return 1;
      }
      throw error;
    }

    const target = path.resolve(root, values.out ?? path.join("build", `appPackage.${name}.zip`));
    mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    writeFileSync(partial, built.zip);
    renameSync(partial, target);

    const width = Math.max(...Object.keys(built.filled).map((key) => key.length));
    console.log(`Filled the placeholders for '${name}':`);
    for (const [key, value] of Object.entries(built.filled)) console.log(`  ${key.padEnd(width)}  ${JSON.stringify(value)}  (${sources[key]})`);
    console.log(`Wrote ${path.relative(root, target)} (${(built.zip.length / 1024).toFixed(1)} KiB): ${built.files.join(", ")}.`);
    return 0;
  },
};
