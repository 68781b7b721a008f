/**
 * Messages of the catalogue (ICU MessageFormat) formatted by FormatJS's intl-messageformat:
 * plural and select forms chosen by the locale's rules (Intl.PluralRules), `{n, number}`,
 * `{d, date, long}` and `#` by Intl. Shared by every door: the tab, the bot, the drafts and
 * the manifest's localization files. Pure: no I/O, the messages are handed in.
 */
import { IntlMessageFormat } from "intl-messageformat";

/** The messages of one language, keyed as in the catalogue's JSON files. */
export type Messages = Readonly<Record<string, string>>;
export type MessageValues = Record<string, string | number | Date | undefined>;

/** The ICU argument types FormatJS's parser gives (TYPE in @formatjs/icu-messageformat-parser). */
const ARGUMENT = 1;
/** number (2), date (3), time (4), select (5), plural (6): arguments whose value must stay a number or a code. */
const NUMBER = 2;
const PLURAL = 6;
const TAG = 8;

interface Element {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}

/** The arguments a message uses only as plain `{name}`: numbers given to them are written in the locale's digits. */
function plainArguments(elements: Element[], plain = new Set<string>(), typed = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === ARGUMENT && element.value) plain.add(element.value);
    else if (element.value && element.type >= NUMBER && element.type <= PLURAL) typed.add(element.value);
    for (const option of Object.values(element.options ?? {})) plainArguments(option.value, plain, typed);
    if (element.type === TAG && element.children) plainArguments(element.children, plain, typed);
  }
  for (const name of typed) plain.delete(name);
  return plain;
}

export interface Formatter {
  readonly locale: string;
  /** The message `key` filled with `values`; a key the language lacks is the fallback's (English), else the key itself. */
  format(key: string, values?: MessageValues): string;
  has(key: string): boolean;
}

/**
 * A formatter for one locale over a language's messages and a fallback (English). Each message
 * is compiled when first used and kept: compiling costs far more than formatting.
 */
export function createFormatter(locale: string, messages: Messages, fallback: Messages = {}, options: FormatterOptions = {}): Formatter {
  const formats = options.timeZone ? dateFormatsIn(options.timeZone) : undefined;
  const compiled = new Map<string, { format: IntlMessageFormat; plain: Set<string> } | null>();
  let numbers: Intl.NumberFormat | undefined;
  const compile = (key: string) => {
    if (compiled.has(key)) return compiled.get(key) ?? undefined;
    let entry: { format: IntlMessageFormat; plain: Set<string> } | null = null;
    for (const source of [messages[key], fallback[key]]) {
      if (source === undefined) continue;
      try {
        const format = new IntlMessageFormat(source, locale, formats, { ignoreTag: true });
        entry = { format, plain: plainArguments(format.getAst() as unknown as Element[]) };
        break;
      } catch {
        // A message that does not parse falls back to English (the catalogue test names it).
      }
    }
    compiled.set(key, entry);
    return entry ?? undefined;
  };
  return {
    locale,
    has: (key) => messages[key] !== undefined || fallback[key] !== undefined,
    format(key, values) {
      const entry = compile(key);
      if (!entry) return key;
      let filled: Record<string, string | number | Date> | undefined;
      if (values) {
        filled = {};
        for (const [name, value] of Object.entries(values)) {
          if (value === undefined) continue;
          if (typeof value === "number" && entry.plain.has(name)) {
            numbers ??= new Intl.NumberFormat(locale);
            filled[name] = numbers.format(value);
          } else filled[name] = value;
        }
      }
      try {
        const result = entry.format.format(filled);
        return typeof result === "string" ? result : String(result);
      } catch {
        // A value missing for a plural or select: the message without it is better than nothing.
        return key;
      }
    },
  };
}

export interface FormatterOptions {
  /** The time zone `{d, date, long}` writes dates in (calendar dates are given at noon UTC: "UTC"). */
  timeZone?: string;
}

/** ICU's date styles (as FormatJS defines them), in a time zone. */
function dateFormatsIn(timeZone: string) {
  return {
    date: {
      short: { month: "numeric", day: "numeric", year: "2-digit", timeZone },
      medium: { month: "short", day: "numeric", year: "numeric", timeZone },
      long: { month: "long", day: "numeric", year: "numeric", timeZone },
      full: { weekday: "long", month: "long", day: "numeric", year: "numeric", timeZone },
    },
  } as const;
}

/** The languages written right to left. */
const RIGHT_TO_LEFT = new Set(["ar", "he", "fa", "ur", "ps", "dv", "yi", "ckb"]);

/** `fr-CA` → `fr`. */
export function baseLanguage(locale: string | undefined): string {
  return (locale ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
}

export function isRightToLeftLanguage(locale: string): boolean {
  return RIGHT_TO_LEFT.has(baseLanguage(locale));
}
