/**
 * The tab's words: a typed message catalogue per language (English bundled, the others loaded
 * when chosen), and dates and numbers formatted by Intl in the person's locale.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { en, type Catalogue, type MessageKey } from "./en";
import { directionOf, interpolate, languageOf, numberFormatOf, pluralCategory, type Language, type MessageValues } from "./format";

export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.other` ? Base : never;
}[MessageKey];

export interface I18n {
  /** The BCP 47 locale used for dates and numbers, e.g. `fr-FR`. */
  locale: string;
  language: Language;
  dir: "ltr" | "rtl";
  t(key: MessageKey, values?: MessageValues): string;
  /** A message with plural forms: `count` chooses the form and fills `{count}`. */
  plural(key: PluralKey, count: number, values?: MessageValues): string;
  /** A calendar date `YYYY-MM-DD`, written for the locale (e.g. 29 March 2026). */
  date(value: string | undefined, style?: "medium" | "long" | "short"): string;
  /** An instant, with the time, in the person's time zone. */
  dateTime(value: string | undefined): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  percent(share: number): string;
}

export async function loadCatalogue(language: Language): Promise<Partial<Catalogue>> {
  switch (language) {
    case "fr":
      return (await import("./fr")).fr;
    case "es":
      return (await import("./es")).es;
    case "ar":
      return (await import("./ar")).ar;
    default:
      return en;
  }
}

export function createI18n(locale: string, catalogue: Partial<Catalogue>): I18n {
  const language = languageOf(locale);
  const messageOf = (key: MessageKey): string => catalogue[key] ?? en[key] ?? key;
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
    t: (key, values) => interpolate(messageOf(key), values, locale),
    plural: (key, count, values) => {
      const category = pluralCategory(locale, count);
      const specific = `${key}.${category}` as MessageKey;
      const other = `${key}.other` as MessageKey;
      const template = catalogue[specific] ?? catalogue[other] ?? en[specific] ?? en[other] ?? key;
      return interpolate(template, { count, ...values }, locale);
    },
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

const I18nContext = createContext<I18n>(createI18n("en", en));

export function I18nProvider({ locale, children }: { locale: string; children: ReactNode }) {
  const language = languageOf(locale);
  const [catalogue, setCatalogue] = useState<{ language: Language; messages: Partial<Catalogue> }>({ language: "en", messages: en });
  useEffect(() => {
    let current = true;
    if (language === "en") {
      setCatalogue({ language, messages: en });
      return;
    }
    loadCatalogue(language).then(
      (messages) => current && setCatalogue({ language, messages }),
      () => current && setCatalogue({ language: "en", messages: en }),
    );
    return () => {
      current = false;
    };
  }, [language]);
  // Until the chosen language has loaded, English with the person's number and date formats.
  const value = useMemo(() => createI18n(locale, catalogue.messages), [catalogue, locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
