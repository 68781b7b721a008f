/**
 * The catalogue's own test: what a translator runs after adding or correcting a language
 * (docs/translating.md). English is the reference; every other language must have every
 * English message of each door it has, with the same arguments and the plural forms its
 * grammar tells apart, and nothing left in English.
 */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { Catalogue, DOORS, type Door } from "./catalogue";

const catalogue = new Catalogue();
const english = (door: Door) => catalogue.messages("en", door);
const others = catalogue.languages().filter((language) => language !== "en");

/** The UN languages the product speaks in every door; any other language speaks in the doors it has files for. */
const EVERY_DOOR = ["fr", "es", "ar"];
/** A national language (not a UN language) needs no drafts: the State reports to the UN in a UN language. */
const NATIONAL_LANGUAGE_DOORS: Door[] = ["terms", "tab", "bot", "manifest"];

/** Messages written the same as in English, checked one by one (names, codes, words the languages share). */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  fr: ["subject.question", "app.name", "draft.paragraphNumber", "draft.chapterHeading", "draft.sectionHeading", "draft.listSeparator", "draft.draftLine", "draft.subtitle", "draft.placeholder.guidance", "draft.recommendationWithStates", "draft.questionHeading", "draft.section.introduction.title", "draft.annex.position", "contribution.version", "mechanismShort.*", "action.*", "overview.total", "grid.cycle", "grid.position", "detail.cycleSession", "detail.contributions", "statusForm.note", "reports.type", "reports.questions", "reports.questionCount", "requests.versions", "requests.subjectQuestion", "templates.version", "ministries.actions", "ministries.actionFor", "import.format", "audit.entity.contributions", "audit.entity.consultations", "audit.action", "import.field.position", "dataQuality.rowName"],
  es: ["app.name", "common.no", "overview.total", "ministries.actionFor", "audit.change", "mechanismShort.*", "draft.paragraphNumber", "draft.chapterHeading", "draft.sectionHeading", "draft.listSeparator", "draft.draftLine", "draft.subtitle", "draft.placeholder.guidance", "draft.recommendationWithStates", "draft.date", "import.wizard.change", "dataQuality.rowName"],
  ar: ["app.name", "ministries.actionFor", "dataQuality.rowName", "mechanismShort.*", "draft.draftLine", "draft.placeholder.guidance", "draft.recommendationWithStates"],
  pt: ["app.name", "mechanismShort.*", "overview.total", "ministries.actionFor", "detail.title", "audit.change", "import.wizard.change", "dataQuality.rowName"],
};
/** Names and codes that stay in Latin letters in a right-to-left language: the app, Microsoft's products, file types, UN symbols, codes. */
const KEPT_IN_LATIN = /\b(NMIRF|Microsoft 365|Microsoft Entra|Microsoft Teams|Microsoft|Teams|Outlook|SharePoint|Word|Excel|PowerPoint|OpenDocument|Evidence|PDF|CSV|JSON|PNG|JPEG|https|request\.created|CCPR|CESCR|CAT|CRC|CEDAW|CERD|CRPD|CMW|CED|SPECIAL_PROCEDURES|REGIONAL|APP_NAME_SUFFIX|Drafts|Import mappings|npx nmirf import FILE --mapping)\b|\.(docx|dotx|xlsx|csv|json)\b|\$\{\{|\}\}/g;
/** Messages whose arguments a language may choose among (a date as Intl writes it, or by its parts; a chapter's Roman numeral or its number). */
const OFFERED_ARGUMENTS: Record<string, string[]> = {
  "draft.date": ["date", "day", "month", "year"],
  "draft.chapterHeading": ["number", "roman", "title"],
  "draft.sectionHeading": ["number", "letter", "title"],
};
/** Values that are settings rather than words. */
const SETTINGS = new Set(["draft.locale"]);

const TYPE_NAMES: Record<number, string> = { [TYPE.argument]: "argument", [TYPE.number]: "number", [TYPE.date]: "date", [TYPE.time]: "time", [TYPE.select]: "select", [TYPE.plural]: "plural", [TYPE.tag]: "tag" };

/** Each argument a message uses and how (`count:plural`, `name:argument`), and the forms of each plural. */
function shape(message: string): { args: string[]; plurals: Map<string, string[]> } {
  const args = new Set<string>();
  const plurals = new Map<string, string[]>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ("value" in element && typeof element.value === "string" && element.type !== TYPE.literal) args.add(`${element.value}:${TYPE_NAMES[element.type] ?? element.type}`);
      if (element.type === TYPE.plural) plurals.set(element.value, Object.keys(element.options));
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  // `{count}` beside a plural on count is the same argument.
  for (const name of plurals.keys()) args.delete(`${name}:argument`);
  return { args: [...args].sort(), plurals };
}

/** The plural forms a language's grammar tells apart for the whole numbers people count (0 may use `other`). */
function requiredForms(language: string): string[] {
  const rules = new Intl.PluralRules(language);
  const forms = new Set<string>(["other"]);
  for (let n = 1; n <= 200; n += 1) forms.add(rules.select(n));
  return [...forms].sort();
}

/** The product's name, the same in every language. */
const NAMES = ["app.name", "manifest.nameShort"];
const sameAllowed = (language: string, key: string) => NAMES.includes(key) || (SAME_AS_ENGLISH[language] ?? []).some((allowed) => (allowed.endsWith(".*") ? key.startsWith(allowed.slice(0, -1)) : allowed === key));

describe("the catalogue of words", () => {
  test("English has every door, and every message of it parses", () => {
    for (const door of DOORS) {
      expect({ door, file: catalogue.hasFile("en", door) }).toEqual({ door, file: true });
      for (const [key, message] of Object.entries(english(door))) expect({ key, parses: parses(message) }).toEqual({ key, parses: true });
    }
  });

  test("no two doors define the same key: one key per meaning, shared through terms.json", () => {
    const seen = new Map<string, Door>();
    const twice: string[] = [];
    for (const door of DOORS) {
      for (const key of Object.keys(english(door))) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${door})`);
        else seen.set(key, door);
      }
    }
    expect(twice).toEqual([]);
  });

  test("the UN languages have every door; any other language at least the tab's, the bot's and the terms", () => {
    const missing = others.flatMap((language) => (EVERY_DOOR.includes(language) ? DOORS : NATIONAL_LANGUAGE_DOORS).filter((door) => !catalogue.hasFile(language, door)).map((door) => `${language}/${door}.json`));
    expect(missing).toEqual([]);
    expect(others).toEqual(expect.arrayContaining(EVERY_DOOR));
  });

  describe.each(others)("%s", (language) => {
    const doors = DOORS.filter((door) => catalogue.hasFile(language, door));

    test("has every English message of its doors, and only those, none empty", () => {
      const missing = doors.flatMap((door) => Object.keys(english(door)).filter((key) => !(key in catalogue.messages(language, door))).map((key) => `${door}: ${key}`));
      const unknown = doors.flatMap((door) => Object.keys(catalogue.messages(language, door)).filter((key) => !(key in english(door))).map((key) => `${door}: ${key}`));
      const empty = doors.flatMap((door) => Object.entries(catalogue.messages(language, door)).filter(([, text]) => text.trim() === "").map(([key]) => `${door}: ${key}`));
      expect({ missing, unknown, empty }).toEqual({ missing: [], unknown: [], empty: [] });
    });

    test("keeps the arguments of the English, and writes the plural forms its grammar needs", () => {
      const forms = requiredForms(language);
      for (const door of doors) {
        for (const [key, text] of Object.entries(catalogue.messages(language, door))) {
          const reference = english(door)[key];
          if (reference === undefined || SETTINGS.has(key)) continue;
          expect({ key, parses: parses(text) }).toEqual({ key, parses: true });
          if (!parses(text)) continue;
          const theirs = shape(text);
          const ours = shape(reference);
          const offered = OFFERED_ARGUMENTS[key];
          if (offered) {
            expect({ key, unknown: theirs.args.filter((arg) => !offered.includes(arg.split(":")[0]!)) }).toEqual({ key, unknown: [] });
            continue;
          }
          // A number that only chooses a plural form may be left out where the language needs no form ("par." for one or more paragraphs in French), or written as a number.
          const numeric = (arg: string) => arg.replace(/:plural$/, ":number");
          const missing = ours.args.filter((arg) => !theirs.args.map(numeric).includes(numeric(arg)) && !arg.endsWith(":plural"));
          const unknown = theirs.args.filter((arg) => !ours.args.map(numeric).includes(numeric(arg)));
          expect({ key, missing, unknown }).toEqual({ key, missing: [], unknown: [] });
          for (const [name, written] of theirs.plurals) {
            const englishForms = ours.plurals.get(name) ?? [];
            // An exact form (`=1`) of the English stays; the language's own categories replace `one`/`other`.
            const needed = [...englishForms.filter((form) => form.startsWith("=")), ...(englishForms.some((form) => !form.startsWith("=")) ? forms.filter((form) => englishForms.includes("one") || form === "other") : [])];
            expect({ key, name, missing: needed.filter((form) => !written.includes(form)) }).toEqual({ key, name, missing: [] });
          }
        }
      }
    });

    test("leaves nothing in English", () => {
      const same = doors.flatMap((door) =>
        Object.entries(catalogue.messages(language, door))
          .filter(([key, text]) => !SETTINGS.has(key) && english(door)[key] === text && !sameAllowed(language, key))
          .map(([key]) => key),
      );
      expect(same).toEqual([]);
      if (["ar", "fa", "he", "ur"].includes(language)) {
        const latin = doors.flatMap((door) =>
          Object.entries(catalogue.messages(language, door))
            .filter(([key]) => !SETTINGS.has(key))
            .map(([key, text]) => ({ key, text: withoutSyntax(text).replace(KEPT_IN_LATIN, "") }))
            .filter(({ text }) => /[A-Za-z]/.test(text)),
        );
        expect(latin).toEqual([]);
      }
    });
  });
});

function parses(message: string): boolean {
  try {
    parse(message, { ignoreTag: true });
    return true;
  } catch {
    return false;
  }
}

/** A message's words without its ICU syntax (argument names, `plural`, `one {`...). */
function withoutSyntax(message: string): string {
  const words: string[] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal) words.push(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return words.join(" ");
}
