/**
 * The tab's languages and directions. The messages themselves are ICU MessageFormat in the
 * catalogue (i18n/messages), formatted by i18n/message-format.ts.
 */
import { isRightToLeftLanguage } from "../../../i18n/message-format";
import { TAB_LANGUAGES } from "./message-loaders";

/** The languages the tab speaks: those with terms.json and tab.json in the catalogue. */
export const LANGUAGES = TAB_LANGUAGES;
export type Language = string;

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

/** `fr-CA` → `fr`; `pt-BR` → `pt-BR` when the catalogue has it, else `pt`; a language the tab does not speak → `en`. */
export function languageOf(locale: string | undefined): Language {
  const lower = (locale ?? "en").toLowerCase().replace("_", "-");
  const exact = LANGUAGES.find((language) => language.toLowerCase() === lower);
  if (exact) return exact;
  const base = lower.split("-")[0] ?? "en";
  return LANGUAGES.includes(base) ? base : "en";
}

export function directionOf(locale: string): "ltr" | "rtl" {
  return isRightToLeftLanguage(locale) ? "rtl" : "ltr";
}
