/**
 * The catalogue of words on disk: `i18n/messages/<language>/<door>.json`, one JSON object of
 * ICU MessageFormat messages per language and door. English (`en`) is the reference every other
 * language is checked against (i18n/catalogue.test.ts). A language is added by adding its
 * folder; it is offered for a door once it has that door's file (and the terms).
 *
 * Read on the server side (the bot, the drafts, the manifest): the tab bundles the same files
 * through Vite (tabs/src/i18n/loaders.ts).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createFormatter, type Formatter, type FormatterOptions, type Messages } from "./message-format";

/** The parts of the product that speak: `terms` are the words every door shares (statuses, positions, mechanisms). */
export const DOORS = ["terms", "tab", "bot", "draft", "manifest"] as const;
export type Door = (typeof DOORS)[number];

export const REFERENCE_LANGUAGE = "en";

/** The messages folder: beside this file in the sources, and in the repository's i18n/ for a compiled build (dist/i18n/). */
function defaultDirectory(): string {
  const candidates = [path.join(__dirname, "messages"), path.resolve(__dirname, "..", "..", "i18n", "messages")];
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0]!;
}

export class CatalogueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CatalogueError";
  }
}

/** The catalogue's files, read once each. */
export class Catalogue {
  private readonly cache = new Map<string, Messages>();
  private found: string[] | undefined;

  constructor(readonly directory: string = defaultDirectory()) {}

  /** Every language with a folder, English first. */
  languages(): string[] {
    if (this.found) return this.found;
    const found = readdirSync(this.directory, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(entry.name))
      .map((entry) => entry.name)
      .sort();
    this.found = [REFERENCE_LANGUAGE, ...found.filter((language) => language !== REFERENCE_LANGUAGE)];
    return this.found;
  }

  /** The languages that have this door's file (and the shared terms). */
  languagesFor(door: Door): string[] {
    return this.languages().filter((language) => this.hasFile(language, door) && this.hasFile(language, "terms"));
  }

  hasFile(language: string, door: Door): boolean {
    return existsSync(this.file(language, door));
  }

  /** One file's messages (`{}` when the language has no such file). A file that is not a JSON object of strings is an error that names it. */
  file(language: string, door: Door): string {
    return path.join(this.directory, language, `${door}.json`);
  }

  messages(language: string, door: Door): Messages {
    const key = `${language}/${door}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const file = this.file(language, door);
    let messages: Messages = {};
    if (existsSync(file)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(file, "utf8"));
      } catch (error) {
        throw new CatalogueError(`${path.relative(process.cwd(), file)} is not valid JSON: ${(error as Error).message}`);
      }
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== "string")) {
        throw new CatalogueError(`${path.relative(process.cwd(), file)} must be one JSON object whose values are all messages (strings).`);
      }
      messages = parsed as Messages;
    }
    this.cache.set(key, messages);
    return messages;
  }

  /** The messages of several doors of a language, merged (the doors never share a key: the test checks it). */
  merged(language: string, doors: readonly Door[]): Messages {
    return Object.assign({}, ...doors.map((door) => this.messages(language, door))) as Messages;
  }

  /**
   * A formatter of these doors for a locale: the locale's language (or, for `pt-BR`, `pt-BR`
   * then `pt`), English for any message it lacks; or the messages of `language` written for `locale`.
   */
  formatter(locale: string, doors: readonly Door[], options: FormatterOptions = {}, language: string = this.languageOf(locale)): Formatter {
    return createFormatter(locale, this.merged(language, doors), language === REFERENCE_LANGUAGE ? {} : this.merged(REFERENCE_LANGUAGE, doors), options);
  }

  /** The catalogue's language for a locale: `pt-BR` if it has it, else `pt`, else English. */
  languageOf(locale: string): string {
    const languages = this.languages();
    const lower = locale.toLowerCase();
    return languages.find((l) => l.toLowerCase() === lower) ?? languages.find((l) => l === lower.split("-")[0]) ?? REFERENCE_LANGUAGE;
  }
}

let shared: Catalogue | undefined;

/** The catalogue of this checkout or build, read once per process (its files do not change while it runs). */
export function defaultCatalogue(): Catalogue {
  return (shared ??= new Catalogue());
}
