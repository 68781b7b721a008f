/**
 * The tab's messages, loaded lazily: the catalogue's terms and tab files of one language
 * (i18n/messages/<language>/{terms,tab}.json), each a chunk of its own that Vite emits, fetched
 * only when that language is shown. A language is offered once it has both files. Under Jest
 * (no Vite) tabs/src/testing/message-loaders.ts stands in for this module.
 */
import type { Messages } from "../../../i18n/message-format";

type Loader = () => Promise<{ default: Messages }>;

const TERMS = import.meta.glob<{ default: Messages }>("../../../i18n/messages/*/terms.json");
const TAB = import.meta.glob<{ default: Messages }>("../../../i18n/messages/*/tab.json");

const languageOfPath = (file: string) => /messages\/([^/]+)\//.exec(file)?.[1] ?? "";
const byLanguage = (files: Record<string, Loader>) => new Map(Object.entries(files).map(([file, load]) => [languageOfPath(file), load]));
const terms = byLanguage(TERMS);
const tab = byLanguage(TAB);

/** The languages the tab speaks, English first. */
export const TAB_LANGUAGES: readonly string[] = ["en", ...[...tab.keys()].filter((language) => language !== "en" && terms.has(language)).sort()];

const loaded = new Map<string, Messages>();
const loading = new Map<string, Promise<Messages>>();

/** A language's messages if they are in already (main.tsx loads the first before the first render). */
export function loadedMessages(language: string): Messages | undefined {
  return loaded.get(language);
}

export function loadMessages(language: string): Promise<Messages> {
  const ready = loaded.get(language);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(language);
  if (!pending) {
    const loadTerms = terms.get(language);
    const loadTab = tab.get(language);
    if (!loadTerms || !loadTab) return Promise.reject(new Error(`the tab has no messages in ${language}`));
    pending = Promise.all([loadTerms(), loadTab()]).then(([t, m]) => {
      const messages = { ...t.default, ...m.default };
      loaded.set(language, messages);
      return messages;
    });
    pending.catch(() => loading.delete(language));
    loading.set(language, pending);
  }
  return pending;
}
