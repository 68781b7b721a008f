/**
 * tabs/src/i18n/message-loaders.ts under Jest, which has no Vite to bundle the catalogue: the
 * same files read from disk, every language loaded at once (a test renders without waiting).
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { Messages } from "../../../i18n/message-format";

const DIRECTORY = path.resolve(__dirname, "../../../i18n/messages");
const read = (language: string, door: string): Messages => JSON.parse(readFileSync(path.join(DIRECTORY, language, `${door}.json`), "utf8")) as Messages;
const languages = readdirSync(DIRECTORY).filter((language) => existsSync(path.join(DIRECTORY, language, "tab.json")) && existsSync(path.join(DIRECTORY, language, "terms.json")));

export const TAB_LANGUAGES: readonly string[] = ["en", ...languages.filter((language) => language !== "en").sort()];

const loaded = new Map(TAB_LANGUAGES.map((language) => [language, { ...read(language, "terms"), ...read(language, "tab") }]));

export function loadedMessages(language: string): Messages | undefined {
  return loaded.get(language);
}

export function loadMessages(language: string): Promise<Messages> {
  const messages = loaded.get(language);
  return messages ? Promise.resolve(messages) : Promise.reject(new Error(`the tab has no messages in ${language}`));
}
