/**
 * The tab's words: the catalogue's messages (i18n/messages/<language>/{terms,tab}.json, ICU
 * MessageFormat) of the person's language, loaded when chosen, and dates and numbers formatted
 * by Intl in the person's locale.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { createFormatter, type Messages, type MessageValues } from "../../../i18n/message-format";
import type TabMessages from "../../../i18n/messages/en/tab.json";
import type TermMessages from "../../../i18n/messages/en/terms.json";
import { directionOf, languageOf, numberFormatOf, type Language } from "./format";
import { loadedMessages, loadMessages } from "./message-loaders";

/** A word of the tab: its own messages and the terms every door shares. */
export type MessageKey = keyof typeof TabMessages | keyof typeof TermMessages;
/** A message with plural forms (`{count, plural, ...}`). */
export type PluralKey = MessageKey;
export type { MessageValues };

export interface I18n {
  /** The BCP 47 locale used for dates and numbers, e.g. `fr-FR`. */
  locale: string;
  language: Language;
  dir: "ltr" | "rtl";
  t(key: MessageKey, values?: MessageValues): string;
  /** A message with plural forms: `count` chooses the form and fills `#`. */
  plural(key: PluralKey, count: number, values?: MessageValues): string;
  /** A calendar date `YYYY-MM-DD`, written for the locale (e.g. 29 March 2026). */
  date(value: string | undefined, style?: "medium" | "long" | "short"): string;
  /** An instant, with the time, in the person's time zone. */
  dateTime(value: string | undefined): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  percent(share: number): string;
}

/** A language's messages (fetched once, then kept). */
export function loadCatalogue(language: Language): Promise<Messages> {
  return loadMessages(language);
}

export function createI18n(locale: string, messages: Messages): I18n {
  const language = languageOf(locale);
  const formatter = createFormatter(locale, messages, language === "en" ? {} : (loadedMessages("en") ?? {}));
  // Intl formats are made when first used: the first of each kind costs tens of milliseconds at start.
  const once = <T,>(make: () => T): (() => T) => {
    let made: T | undefined;
    return () => (made ??= make());
  };
  const dateFormats = new Map<string, Intl.DateTimeFormat>();
  const dateFormat = (style: "medium" | "long" | "short") => {
    let format = dateFormats.get(style);
    if (!format) {
      // Calendar dates are days, not instants: format them at noon UTC so no time zone moves them.
      format = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: "UTC" });
      dateFormats.set(style, format);
    }
    return format;
  };
  const dateTimeFormat = once(() => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }));
  return {
    locale,
    language,
    dir: directionOf(locale),
    t: (key, values) => formatter.format(key, values),
    plural: (key, count, values) => formatter.format(key, { ...values, count }),
    date: (value, style = "medium") => {
      if (!value) return "";
      const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
      return Number.isNaN(day.getTime()) ? value : dateFormat(style).format(day);
    },
    dateTime: (value) => {
      if (!value) return "";
      const at = new Date(value);
      return Number.isNaN(at.getTime()) ? value : dateTimeFormat().format(at);
    },
    number: (value, options) => numberFormatOf(locale, options).format(value),
    percent: (share) => numberFormatOf(locale, { style: "percent", maximumFractionDigits: 0 }).format(share),
  };
}

const I18nContext = createContext<I18n>(createI18n("en", loadedMessages("en") ?? {}));

/**
 * The person's language for everything under it. main.tsx loads the first language's messages
 * before the first render; a language chosen later is fetched, and the one shown stays until it is in.
 */
export function I18nProvider({ locale, children }: { locale: string; children: ReactNode }) {
  const language = languageOf(locale);
  const [shown, setShown] = useState<{ language: Language; messages: Messages }>(() => {
    const ready = loadedMessages(language);
    return ready ? { language, messages: ready } : { language: "en", messages: loadedMessages("en") ?? {} };
  });
  useEffect(() => {
    let current = true;
    const ready = loadedMessages(language);
    if (ready) {
      setShown((before) => (before.language === language ? before : { language, messages: ready }));
      return;
    }
    loadMessages(language).then(
      (messages) => current && setShown({ language, messages }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [language]);
  // Until the chosen language has loaded, the words shown before, with its direction and its number and date formats.
  const value = useMemo(() => createI18n(locale, shown.messages), [shown, locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
