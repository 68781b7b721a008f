/**
 * Message formatting: `{name}` placeholders, and plural forms chosen by the locale's rules
 * (`key.one`, `key.other`, and for Arabic `key.zero`, `key.two`, `key.few`, `key.many`).
 * Numbers passed as values are written in the locale's digits and separators.
 */
export type MessageValues = Record<string, string | number | undefined>;

const numberFormats = new Map<string, Intl.NumberFormat>();

/** The locale's number format with these options, made once (making one costs far more than using it). */
export function numberFormatOf(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = options ? `${locale} ${JSON.stringify(options)}` : locale;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

export function interpolate(template: string, values: MessageValues | undefined, locale: string): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? numberFormatOf(locale).format(value) : value;
  });
}

const pluralRules = new Map<string, Intl.PluralRules>();

export function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/** The languages the tab speaks; English and French are complete, Spanish and Arabic fall back to English per message. */
export const LANGUAGES = ["en", "fr", "es", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];

const RTL = new Set(["ar", "he", "fa", "ur"]);

/** `fr-CA` → `fr`; a language the tab does not speak → `en`. */
export function languageOf(locale: string | undefined): Language {
  const base = (locale ?? "en").toLowerCase().split(/[-_]/)[0] ?? "en";
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : "en";
}

export function directionOf(locale: string): "ltr" | "rtl" {
  return RTL.has(locale.toLowerCase().split(/[-_]/)[0] ?? "") ? "rtl" : "ltr";
}
