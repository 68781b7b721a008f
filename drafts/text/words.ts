/**
 * The fixed words of a draft in the report's language: the catalogue's draft and terms
 * messages (i18n/messages/<language>/{draft,terms}.json), dates as the United Nations writes
 * them in that language ("29 November 2026", "29 novembre 2026", "29 de noviembre de 2026",
 * "29 تشرين الثاني/نوفمبر 2026"), its paragraph, chapter and section numbering, and whether it
 * reads right to left. Everything a ministry wrote stays as it wrote it.
 */
import { defaultCatalogue, type Catalogue } from "../../i18n/catalogue";
import { isRightToLeftLanguage, type MessageValues } from "../../i18n/message-format";
import type DraftMessages from "../../i18n/messages/en/draft.json";
import type TermMessages from "../../i18n/messages/en/terms.json";
import { ValidationError } from "../../core/errors";

export type DraftKey = keyof typeof DraftMessages | keyof typeof TermMessages;

export interface DraftWords {
  /** The report's language (`fr`). */
  readonly language: string;
  /** The locale its dates and numbers are written in (`fr-FR`, `ar-u-nu-latn`). */
  readonly locale: string;
  readonly rtl: boolean;
  t(key: DraftKey, values?: MessageValues): string;
  /** A calendar date `YYYY-MM-DD` as the UN writes dates in the language. */
  date(calendarDate: string): string;
  /** Word's numbering text for the report's numbered paragraphs: `%1.` (or `%1-` in Arabic). */
  readonly paragraphNumbering: string;
  /** `I. Introduction`, `أولاً- مقدمة`: a chapter's heading. */
  chapterHeading(number: number, title: string): string;
  /** `A. Equality and non-discrimination`, `ألف- ...`: a section's heading. */
  sectionHeading(number: number, title: string): string;
  /** `140.7, 140.8 and 140.9`: a list joined as the language joins one. */
  list(items: string[]): string;
}

const cache = new Map<string, DraftWords>();

/** The languages drafts can be written in: those with the catalogue's draft and terms files. */
export function draftLanguages(catalogue: Catalogue = defaultCatalogue()): string[] {
  return catalogue.languagesFor("draft");
}

/** A draft's words in a language; a language without draft messages is refused (bad input changes nothing). */
export function draftWords(language = "en", catalogue: Catalogue = defaultCatalogue()): DraftWords {
  const cacheKey = `${catalogue.directory}|${language}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const available = draftLanguages(catalogue);
  if (!available.includes(language)) {
    throw new ValidationError(`Drafts cannot be written in "${language}": the catalogue has drafts in ${available.join(", ")} (i18n/messages/<language>/draft.json).`, [
      { path: "language", message: `one of ${available.join(", ")}` },
    ]);
  }
  const messages = catalogue.merged(language, ["terms", "draft"]);
  const locale = messages["draft.locale"] ?? language;
  // The language's messages, formatted for the draft's locale (its digits, its date style); calendar dates are at noon UTC.
  const formatter = catalogue.formatter(locale, ["terms", "draft"], { timeZone: "UTC" }, language);
  const format = (key: DraftKey, values?: MessageValues) => formatter.format(key, values);
  const lists = new Intl.ListFormat(locale, { type: "conjunction", style: "long" });
  const numbering = /\{number\}/.test(messages["draft.paragraphNumber"] ?? "") ? (messages["draft.paragraphNumber"] ?? "{number}.").replace("{number}", "%1") : "%1.";
  const words: DraftWords = {
    language,
    locale,
    rtl: isRightToLeftLanguage(language),
    t: format,
    date(calendarDate) {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(calendarDate);
      if (!match) return calendarDate;
      const [, year, month, day] = match as unknown as [string, string, string, string];
      // Day, month and year as codes (Latin digits), for a language whose UN style Intl does not know (Arabic's two month names).
      return format("draft.date", { date: new Date(`${calendarDate}T12:00:00Z`), day: String(Number(day)), month: String(Number(month)), year });
    },
    paragraphNumbering: numbering,
    chapterHeading: (number, title) => format("draft.chapterHeading", { number, roman: roman(number), title }),
    sectionHeading: (number, title) => format("draft.sectionHeading", { number, letter: letters(number), title }),
    list: (items) => lists.format(items),
  };
  if (cache.size > 50) cache.clear();
  cache.set(cacheKey, words);
  return words;
}

const ROMAN: [number, string][] = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

/** 4 → `IV`: the numbers of a report's chapters. */
export function roman(n: number): string {
  let rest = n;
  let out = "";
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** 1 → `A`, 27 → `AA`: the letters of a chapter's sections. */
export function letters(n: number): string {
  let rest = n;
  let out = "";
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    out = String.fromCharCode(65 + digit) + out;
    rest = Math.floor((rest - 1) / 26);
  }
  return out;
}
