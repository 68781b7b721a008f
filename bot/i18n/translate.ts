import { defaultCatalogue, type Catalogue } from "../../i18n/catalogue";
import { isRightToLeftLanguage } from "../../i18n/message-format";
import type BotMessages from "../../i18n/messages/en/bot.json";
import type TermMessages from "../../i18n/messages/en/terms.json";

/** A word the bot says: its own messages and the terms every door shares (i18n/messages/<language>/{bot,terms}.json). */
export type MessageKey = keyof typeof BotMessages | keyof typeof TermMessages;

export type Params = Record<string, string | number>;

/** Everything a card needs to speak to one person: their language, their time zone. */
export interface Translator {
  readonly locale: string;
  readonly language: string;
  readonly timeZone: string;
  /** Right-to-left script (Arabic): cards set `rtl`. */
  readonly rtl: boolean;
  /** A message of the catalogue; a plural message chooses its form by `params.count`. */
  t(key: MessageKey, params?: Params): string;
  /** A calendar date (`YYYY-MM-DD`) as the person writes dates, e.g. "29 March 2026". */
  date(calendarDate: string): string;
  /** An instant in the person's time zone, e.g. "2 Mar 2026, 10:15". */
  dateTime(instant: string | Date): string;
  number(value: number): string;
}

/** A locale this runtime knows, or the fallback (a Teams client may send anything). */
export function normalizeLocale(locale: string | undefined, fallback = "en-US"): string {
  if (!locale) return fallback;
  try {
    const [canonical] = Intl.getCanonicalLocales(locale.replace("_", "-"));
    return canonical ?? fallback;
  } catch {
    return fallback;
  }
}

function validTimeZone(timeZone: string | undefined, fallback: string): string {
  if (!timeZone) return fallback;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return fallback;
  }
}

const translators = new Map<string, Translator>();

/** The translator for a language and time zone (built once: Intl formatters are costly to create). */
export function createTranslator(localeInput: string | undefined, timeZoneInput?: string, fallbackLocale = "en-US", catalogue: Catalogue = defaultCatalogue()): Translator {
  const cacheKey = `${localeInput ?? ""}|${timeZoneInput ?? ""}|${fallbackLocale}|${catalogue.directory}`;
  const cached = translators.get(cacheKey);
  if (cached) return cached;
  const translator = buildTranslator(localeInput, timeZoneInput, fallbackLocale, catalogue);
  if (translators.size > 500) translators.clear();
  translators.set(cacheKey, translator);
  return translator;
}

function buildTranslator(localeInput: string | undefined, timeZoneInput: string | undefined, fallbackLocale: string, catalogue: Catalogue): Translator {
  const locale = normalizeLocale(localeInput, normalizeLocale(fallbackLocale));
  const language = locale.split("-")[0]!.toLowerCase();
  const timeZone = validTimeZone(timeZoneInput, "UTC");
  const formatter = catalogue.formatter(locale, ["terms", "bot"]);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  // A time is read in the mechanism's time zone, and says which (a card forwarded abroad, or read on a trip, stays true).
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" });
  const numberFormat = new Intl.NumberFormat(locale);

  return {
    locale,
    language,
    timeZone,
    rtl: isRightToLeftLanguage(language),
    t: (key, params) => formatter.format(key, params),
    date(calendarDate) {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(calendarDate);
      if (!match) return calendarDate;
      return dateFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
    },
    dateTime(instant) {
      const date = typeof instant === "string" ? new Date(instant) : instant;
      return Number.isNaN(date.getTime()) ? String(instant) : dateTimeFormat.format(date);
    },
    number: (value) => numberFormat.format(value),
  };
}
