/**
 * Builds the Teams app package (the .zip an administrator uploads to Teams): fills the
 * `${{VAR}}` placeholders of manifest.json and of its localization files with an environment's
 * values, validates the result offline against the v1.30 schemas bundled in
 * @microsoft/app-manifest, checks the icons, and zips manifest.json, the two icons and the
 * localization files. Nothing is written when anything is missing or invalid.
 *
 *   const built = await buildAppPackage({ values: { TEAMS_APP_ID: "…", … } });
 *   writeFileSync("build/appPackage.dev.zip", built.zip);
 *
 * Teams Toolkit's `teamsApp/zipAppPackage` builds the same package from the same files during
 * `teamsapp provision`; this is the same step without the toolkit (docs/deploy.md).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { AppManifestUtils as ManifestUtils } from "@microsoft/app-manifest";
import JSZip from "jszip";
import { iconProblems } from "./icons/check-icons";

/** Where manifest.json, its icons and its localization files are. */
export const MANIFEST_DIR = __dirname;

/** Placeholders that may be filled with an empty value (production has no name suffix). */
export const MAY_BE_EMPTY: readonly string[] = ["APP_NAME_SUFFIX"];

export type PackageErrorCode = "missing_values" | "missing_file" | "invalid_manifest" | "invalid_localization" | "invalid_icon";

/** Why no package was built; `details` lists every problem found (every missing variable...). */
export class PackageError extends Error {
  constructor(
    readonly code: PackageErrorCode,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(details.length ? `${message}\n${details.map((d) => `  - ${d}`).join("\n")}` : message);
    this.name = "PackageError";
  }
}

export interface BuiltPackage {
  zip: Buffer;
  /** The filled manifest. */
  manifest: Record<string, unknown>;
  /** The files in the zip, in order. */
  files: string[];
  /** Each placeholder and the value it was filled with. */
  filled: Record<string, string>;
}

export interface BuildOptions {
  /** The environment's values (env/.env.{name}, its .user file and the process environment). */
  values: Record<string, string | undefined>;
  manifestDir?: string;
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The names of the `${{VAR}}` placeholders in a text, each once, in order of appearance. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/**
 * Replaces every placeholder of a JSON text by its value, escaped for a JSON string (every
 * placeholder of our files sits inside a string). Returns the names with no usable value.
 */
export function fillPlaceholders(text: string, values: Record<string, string | undefined>): { text: string; missing: string[] } {
  const missing = placeholdersOf(text).filter((name) => {
    const value = values[name];
    return value === undefined || (value.trim() === "" && !MAY_BE_EMPTY.includes(name));
  });
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : JSON.stringify(value).slice(1, -1);
  });
  return { text: filled, missing };
}

/** Fixed timestamps, so that the same inputs give the same bytes. */
const ZIP_DATE = new Date(Date.UTC(2025, 0, 1));

interface LocalizationInfo {
  additionalLanguages?: { languageTag: string; file: string }[];
  defaultLanguageFile?: string;
}

export async function buildAppPackage(options: BuildOptions): Promise<BuiltPackage> {
  const dir = options.manifestDir ?? MANIFEST_DIR;
  const manifestText = readText(dir, "manifest.json");
  const template = parseJson(manifestText, "manifest.json", "invalid_manifest") as Record<string, unknown>;
  const icons = (template.icons ?? {}) as { color?: string; outline?: string };
  const localization = (template.localizationInfo ?? {}) as LocalizationInfo;
  const localizationFiles = [...(localization.additionalLanguages ?? []).map((l) => l.file), ...(localization.defaultLanguageFile ? [localization.defaultLanguageFile] : [])];

  const texts = new Map<string, string>([["manifest.json", manifestText]]);
  for (const file of localizationFiles) texts.set(file, readText(dir, file));

  const missing = new Set<string>();
  const filledTexts = new Map<string, string>();
  for (const [file, text] of texts) {
    const result = fillPlaceholders(text, options.values);
    result.missing.forEach((name) => missing.add(name));
    filledTexts.set(file, result.text);
  }
  if (missing.size) {
    throw new PackageError(
      "missing_values",
      `The package needs a value for ${[...missing].join(", ")}: set ${missing.size > 1 ? "them" : "it"} in the environment's file (env/.env.{name}) or in the process environment. docs/deploy.md says where each comes from.`,
      [...missing].map((name) => `${name} is ${options.values[name] === undefined ? "not set" : "empty"}`),
    );
  }

  const manifest = parseJson(filledTexts.get("manifest.json")!, "manifest.json", "invalid_manifest") as Record<string, unknown>;
  const manifestProblems = [...(await schemaProblems(manifest)), ...urlProblems(manifest)];
  if (manifestProblems.length) throw new PackageError("invalid_manifest", "The filled manifest.json is not valid:", manifestProblems);

  const localizationProblems: string[] = [];
  for (const file of localizationFiles) {
    const strings = parseJson(filledTexts.get(file)!, file, "invalid_localization") as Record<string, unknown>;
    localizationProblems.push(...(await schemaProblems(strings)).map((p) => `${file}: ${p}`));
    for (const key of Object.keys(strings)) {
      if (key !== "$schema" && key !== "localizationKeys" && valueAt(manifest, key) === undefined) localizationProblems.push(`${file}: '${key}' names nothing in manifest.json`);
    }
  }
  if (localizationProblems.length) throw new PackageError("invalid_localization", "The localization files are not valid:", localizationProblems);

  if (!icons.color || !icons.outline) throw new PackageError("invalid_manifest", "manifest.json must name both icons (icons.color and icons.outline).");
  const iconBytes = { color: readBytes(dir, icons.color), outline: readBytes(dir, icons.outline) };
  const problems = await iconProblems(iconBytes);
  if (problems.length) throw new PackageError("invalid_icon", "The icons do not meet Teams' requirements:", problems);

  const zip = new JSZip();
  const files = ["manifest.json", icons.color, icons.outline, ...localizationFiles];
  zip.file("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`, { date: ZIP_DATE });
  zip.file(icons.color, iconBytes.color, { date: ZIP_DATE });
  zip.file(icons.outline, iconBytes.outline, { date: ZIP_DATE });
  for (const file of localizationFiles) zip.file(file, filledTexts.get(file)!, { date: ZIP_DATE });
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });

  const filled: Record<string, string> = {};
  for (const text of texts.values()) for (const name of placeholdersOf(text)) filled[name] = options.values[name]!;
  return { zip: bytes, manifest, files, filled };
}

function readText(dir: string, file: string): string {
  return readBytes(dir, file).toString("utf8");
}

function readBytes(dir: string, file: string): Buffer {
  const full = path.resolve(dir, file);
  if (path.relative(dir, full).startsWith("..")) throw new PackageError("invalid_manifest", `'${file}' is outside the manifest folder.`);
  try {
    return readFileSync(full);
  } catch {
    throw new PackageError("missing_file", `${file} is missing from ${dir}.`);
  }
}

function parseJson(text: string, file: string, code: PackageErrorCode): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PackageError(code, `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `staticTabs[1].name`, `name.short`: the localization files' keys, read in the manifest. */
function valueAt(root: unknown, key: string): unknown {
  let current: unknown = root;
  for (const part of key.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * The bundled schema a `$schema` URL names. Only the schemas shipped in @microsoft/app-manifest
 * are accepted: validation never reaches the network.
 */
export function bundledSchemaPath(schemaUrl: unknown): string | undefined {
  if (typeof schemaUrl !== "string") return undefined;
  const match = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v\d+\.\d+|vDevPreview)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/i.exec(schemaUrl);
  if (!match) return undefined;
  const packageRoot = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  return path.join(packageRoot, "build", "json-schemas", "teams", match[1]!, match[2]!);
}

async function schemaProblems(document: Record<string, unknown>): Promise<string[]> {
  const schemaFile = bundledSchemaPath(document.$schema);
  if (!schemaFile) return [`$schema '${String(document.$schema)}' is not one of the Teams schemas bundled with @microsoft/app-manifest (validation is offline only)`];
  let schema: unknown;
  try {
    schema = JSON.parse(readFileSync(schemaFile, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
  } catch {
    return [`$schema '${String(document.$schema)}': no such schema is bundled with this version of @microsoft/app-manifest`];
  }
  // A development dependency, loaded only here (see check-icons.ts).
  type Loaded = { AppManifestUtils?: typeof ManifestUtils; default?: { AppManifestUtils: typeof ManifestUtils } };
  const loaded = (await import("@microsoft/app-manifest")) as Loaded;
  const AppManifestUtils = loaded.AppManifestUtils ?? loaded.default!.AppManifestUtils;
  const failures = await AppManifestUtils.validateAgainstSchema(document as never, unicodeSafePatterns(schema) as never);
  return failures.map((failure) => failure.trim());
}

/**
 * ajv compiles patterns as unicode regular expressions, where a lone `]` is a syntax error; the
 * bundled v1.30 localization schema has such a key (`…\\b]\\.description`), which makes
 * validateAgainstSchema throw. Escapes those brackets, which mean a literal `]` anyway.
 */
export function unicodeSafePatterns(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(unicodeSafePatterns);
  if (schema === null || typeof schema !== "object") return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "patternProperties" && value && typeof value === "object") {
      copy[key] = Object.fromEntries(Object.entries(value).map(([pattern, sub]) => [escapeLoneBrackets(pattern), unicodeSafePatterns(sub)]));
    } else if (key === "pattern" && typeof value === "string") {
      copy[key] = escapeLoneBrackets(value);
    } else {
      copy[key] = unicodeSafePatterns(value);
    }
  }
  return copy;
}

function escapeLoneBrackets(pattern: string): string {
  try {
    new RegExp(pattern, "u");
    return pattern;
  } catch {
    let out = "";
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
      const char = pattern[i]!;
      if (char === "\\") {
        out += char + (pattern[i + 1] ?? "");
        i++;
      } else if (char === "[" && !inClass) {
        inClass = true;
        out += char;
      } else if (char === "]") {
        out += inClass ? char : "\\]";
        inClass = false;
      } else {
        out += char;
      }
    }
    return out;
  }
}

/** What the schema cannot see: URLs that do not parse, domains written as URLs. */
function urlProblems(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const checkUrl = (where: string, value: unknown) => {
    if (typeof value !== "string") return;
    try {
      const url = new URL(value);
      if (url.protocol !== "https:") problems.push(`${where}: '${value}' must be an https address`);
    } catch {
      problems.push(`${where}: '${value}' is not a URL`);
    }
  };
  const tabs = (manifest.staticTabs ?? []) as { contentUrl?: string; websiteUrl?: string }[];
  tabs.forEach((tab, i) => {
    checkUrl(`staticTabs[${i}].contentUrl`, tab.contentUrl);
    checkUrl(`staticTabs[${i}].websiteUrl`, tab.websiteUrl);
  });
  ((manifest.configurableTabs ?? []) as { configurationUrl?: string }[]).forEach((tab, i) => checkUrl(`configurableTabs[${i}].configurationUrl`, tab.configurationUrl));
  const developer = (manifest.developer ?? {}) as Record<string, unknown>;
  for (const key of ["websiteUrl", "privacyUrl", "termsOfUseUrl"]) checkUrl(`developer.${key}`, developer[key]);
  ((manifest.validDomains ?? []) as string[]).forEach((domain, i) => {
    if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i.test(domain)) problems.push(`validDomains[${i}]: '${domain}' must be a host name such as nmirf.example.gov (no https://, no path)`);
  });
  type Icons = { url?: string }[] | undefined;
  type Control = { icons?: Icons };
  type Group = { icons?: Icons; controls?: Control[] };
  type Extension = { runtimes?: { code?: { page?: string; script?: string } }[]; ribbons?: { tabs?: { groups?: Group[] }[] }[] };
  ((manifest.extensions ?? []) as Extension[]).forEach((extension, e) => {
    (extension.runtimes ?? []).forEach((runtime, r) => {
      checkUrl(`extensions[${e}].runtimes[${r}].code.page`, runtime.code?.page);
      checkUrl(`extensions[${e}].runtimes[${r}].code.script`, runtime.code?.script);
    });
    (extension.ribbons ?? []).forEach((ribbon, b) =>
      (ribbon.tabs ?? []).forEach((tab, t) =>
        (tab.groups ?? []).forEach((group, g) => {
          const at = `extensions[${e}].ribbons[${b}].tabs[${t}].groups[${g}]`;
          (group.icons ?? []).forEach((icon, i) => checkUrl(`${at}.icons[${i}].url`, icon.url));
          (group.controls ?? []).forEach((control, c) => (control.icons ?? []).forEach((icon, i) => checkUrl(`${at}.controls[${c}].icons[${i}].url`, icon.url)));
        }),
      ),
    );
  });
  const app = (manifest.webApplicationInfo ?? {}) as { resource?: string };
  if (app.resource !== undefined && !/^api:\/\/[^/\s]+\/[0-9a-f-]{36}$/i.test(app.resource)) problems.push(`webApplicationInfo.resource: '${app.resource}' must be api://{host}/{client id}`);
  return problems;
}
