/**
 * The manifest's words come from the catalogue (i18n/messages/<language>/manifest.json): its
 * English is written into manifest.json, every other language into manifest/<language>.json
 * (the localization files Teams reads, listed in manifest.json's localizationInfo). The files
 * are kept on disk because Teams Toolkit's zipAppPackage packs them from there:
 * `npx nmirf package --localize` rewrites the localization files from the catalogue, and
 * tests/manifest/localization.test.ts fails while they, or manifest.json's English and its list
 * of languages (edited by hand, so that the file keeps its layout), differ from it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultCatalogue, type Catalogue } from "../i18n/catalogue";

export const LOCALIZATION_SCHEMA = "https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json";

/** The environment's suffix of the app's short name (" (dev)"): a placeholder, not a word to translate. */
const NAME_SUFFIX = "${{APP_NAME_SUFFIX}}";

/** Each manifest message and the field of the manifest it fills (a localization file's key). */
export const MANIFEST_FIELDS = {
  "manifest.nameShort": "name.short",
  "manifest.nameFull": "name.full",
  "manifest.descriptionShort": "description.short",
  "manifest.descriptionFull": "description.full",
  "manifest.tab.overview": "staticTabs[0].name",
  "manifest.tab.myRequests": "staticTabs[1].name",
  "manifest.command.myRequests.title": "bots[0].commandLists[0].commands[0].title",
  "manifest.command.myRequests.description": "bots[0].commandLists[0].commands[0].description",
  "manifest.command.help.title": "bots[0].commandLists[0].commands[1].title",
  "manifest.command.help.description": "bots[0].commandLists[0].commands[1].description",
  "manifest.command.teamHelp.title": "bots[0].commandLists[1].commands[0].title",
  "manifest.command.teamHelp.description": "bots[0].commandLists[1].commands[0].description",
  "manifest.word.group": "extensions[0].ribbons[0].tabs[0].groups[0].label",
  "manifest.word.button": "extensions[0].ribbons[0].tabs[0].groups[0].controls[0].label",
  "manifest.word.tipTitle": "extensions[0].ribbons[0].tabs[0].groups[0].controls[0].supertip.title",
  "manifest.word.tipDescription": "extensions[0].ribbons[0].tabs[0].groups[0].controls[0].supertip.description",
} as const;

type Json = Record<string, unknown>;

/** Teams' language tag of a catalogue language (`pt-BR` → `pt-br`). */
export function languageTagOf(language: string): string {
  return language.toLowerCase();
}

function fieldValues(language: string, catalogue: Catalogue): Record<string, string> {
  const formatter = catalogue.formatter(language, ["manifest"]);
  return Object.fromEntries(
    Object.entries(MANIFEST_FIELDS).map(([key, field]) => {
      const text = formatter.format(key);
      return [field, key === "manifest.nameShort" ? `${text}${NAME_SUFFIX}` : text];
    }),
  );
}

/** A language's localization file, as Teams reads it. */
export function localizationFileOf(language: string, catalogue: Catalogue = defaultCatalogue()): Json {
  return { $schema: LOCALIZATION_SCHEMA, ...fieldValues(language, catalogue) };
}

/** The languages the manifest speaks besides English: those of the catalogue with a manifest.json. */
export function manifestLanguages(catalogue: Catalogue = defaultCatalogue()): string[] {
  return catalogue.languagesFor("manifest").filter((language) => language !== "en");
}

/** Sets a field of the manifest by its localization key (`bots[0].commandLists[1].commands[0].title`). */
function setField(manifest: Json, field: string, value: string): void {
  const steps = field.split(".").flatMap((part) => {
    const match = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    return match ? [match[1]!, ...[...match[2]!.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))] : [part];
  });
  let node: Record<string | number, unknown> = manifest;
  for (const step of steps.slice(0, -1)) {
    const next = node[step];
    if (!next || typeof next !== "object") throw new Error(`manifest.json has no ${field}`);
    node = next as Record<string | number, unknown>;
  }
  node[steps[steps.length - 1]!] = value;
}

/** manifest.json with its English words and its list of languages from the catalogue. */
export function localizedManifest(manifest: Json, catalogue: Catalogue = defaultCatalogue()): Json {
  const copy = JSON.parse(JSON.stringify(manifest)) as Json;
  for (const [field, value] of Object.entries(fieldValues("en", catalogue))) setField(copy, field, value);
  const info = (copy.localizationInfo ?? {}) as Json;
  copy.localizationInfo = {
    ...info,
    defaultLanguageTag: "en",
    additionalLanguages: manifestLanguages(catalogue).map((language) => ({ languageTag: languageTagOf(language), file: `${language}.json` })),
  };
  return copy;
}

/** Where manifest.json's words or its list of languages differ from the catalogue, said so that a person can fix it. */
export function manifestDifferences(manifestDir: string, catalogue: Catalogue = defaultCatalogue()): string[] {
  const manifest = JSON.parse(readFileSync(path.join(manifestDir, "manifest.json"), "utf8")) as Json;
  const expected = localizedManifest(manifest, catalogue);
  const differences: string[] = [];
  const read = (json: Json, field: string) => field.split(/\.|\[|\]\.?/).filter(Boolean).reduce<unknown>((node, step) => (node as Record<string, unknown> | undefined)?.[step], json);
  for (const field of Object.values(MANIFEST_FIELDS)) {
    if (read(manifest, field) !== read(expected, field)) differences.push(`manifest.json's ${field} is ${JSON.stringify(read(manifest, field))}; the catalogue (i18n/messages/en/manifest.json) says ${JSON.stringify(read(expected, field))}`);
  }
  type Entry = { languageTag: string; file: string };
  const sorted = (entries: unknown) => JSON.stringify([...((entries as Entry[] | undefined) ?? [])].map(({ languageTag, file }) => ({ languageTag, file })).sort((a, b) => a.languageTag.localeCompare(b.languageTag)));
  const languages = sorted((manifest.localizationInfo as Json | undefined)?.additionalLanguages);
  const wanted = sorted((expected.localizationInfo as Json).additionalLanguages);
  if (languages !== wanted) differences.push(`manifest.json's localizationInfo.additionalLanguages should be ${wanted}`);
  return differences;
}

/** The text of every language's localization file, as the catalogue gives it. */
export function localizationTexts(catalogue: Catalogue = defaultCatalogue()): Map<string, string> {
  const texts = new Map<string, string>();
  for (const language of manifestLanguages(catalogue)) texts.set(`${language}.json`, formatJson(localizationFileOf(language, catalogue)));
  return texts;
}

/** Rewrites the localization files from the catalogue; returns the files that changed. */
export function writeLocalization(manifestDir: string, catalogue: Catalogue = defaultCatalogue()): string[] {
  const changed: string[] = [];
  for (const [file, text] of localizationTexts(catalogue)) {
    const target = path.join(manifestDir, file);
    let before = "";
    try {
      before = readFileSync(target, "utf8");
    } catch {
      // A new language's file.
    }
    if (before !== text) {
      writeFileSync(target, text);
      changed.push(file);
    }
  }
  return changed;
}

function formatJson(value: Json): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
