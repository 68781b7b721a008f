import { ar } from "./ar";
import { commandOf } from "./commands";
import { en, type MessageKey, type MessageValue, type PluralMessage } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { createTranslator, type PartialMessages } from "./translate";

const TABLES = { fr, es, ar } as const;
type Language = keyof typeof TABLES;
const LANGUAGES = Object.keys(TABLES) as Language[];

/** The plural forms each language must write: the ones its grammar tells apart for whole numbers. */
const PLURAL_FORMS: Record<Language, (keyof PluralMessage)[]> = { fr: ["one", "other"], es: ["one", "other"], ar: ["one", "two", "few", "many", "other"] };

/** Names that stay as they are in every language (products, the app, file types, the library's name on the site). */
const KEPT_NAMES = /\b(NMIRF|Microsoft|Teams|Word|Excel|PowerPoint|OpenDocument|SharePoint|Evidence|PDF|CSV|PNG|JPEG|https)\b/g;

/** Messages written the same in English and in the language, checked one by one. */
const SAME_AS_ENGLISH: Partial<Record<Language, MessageKey[]>> = { fr: ["subject.question"] };

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
const isPlural = (value: MessageValue): value is PluralMessage => typeof value !== "string";
const forms = (value: MessageValue): string[] => (isPlural(value) ? Object.values(value).filter((v): v is string => v !== undefined) : [value]);
const keys = Object.keys(en) as MessageKey[];

describe.each(LANGUAGES)("the bot's %s table", (language) => {
  const table: PartialMessages = TABLES[language];

  it("translates every English message, and only those", () => {
    expect(keys.filter((key) => !(key in table))).toEqual([]);
    expect(Object.keys(table).filter((key) => !(key in en))).toEqual([]);
    for (const key of keys) for (const text of forms(table[key]!)) expect({ key, empty: text.trim() === "" }).toEqual({ key, empty: false });
  });

  it("leaves nothing in English", () => {
    const same = keys.filter((key) => JSON.stringify(table[key]) === JSON.stringify(en[key]));
    expect(same).toEqual(SAME_AS_ENGLISH[language] ?? []);
  });

  it("keeps every {parameter} and the plural forms of the English", () => {
    for (const key of keys) {
      const english = en[key] as MessageValue;
      const translated = table[key]!;
      expect({ key, plural: isPlural(translated) }).toEqual({ key, plural: isPlural(english) });
      if (!isPlural(english) || !isPlural(translated)) {
        expect({ key, placeholders: placeholders(translated as string) }).toEqual({ key, placeholders: placeholders(english as string) });
        continue;
      }
      for (const form of PLURAL_FORMS[language]) expect({ key, form, present: translated[form] !== undefined }).toEqual({ key, form, present: true });
      for (const [form, text] of Object.entries(translated) as [keyof PluralMessage, string][]) {
        const expected = placeholders(english[form] ?? english.other);
        // Arabic's zero, singular and dual say the number in the noun itself ("طلبان"): {count} may go.
        const mayOmitCount = language === "ar" && (form === "zero" || form === "one" || form === "two");
        const required = mayOmitCount ? expected.filter((p) => p !== "count") : expected;
        const written = placeholders(text);
        expect({ key, form, missing: required.filter((p) => !written.includes(p)), unknown: written.filter((p) => !expected.includes(p)) }).toEqual({ key, form, missing: [], unknown: [] });
      }
    }
  });

  it("writes its command words so that the bot understands them, in the help and wherever a message names them", () => {
    expect(commandOf(table["command.myRequests"] as string)).toBe("myRequests");
    expect(commandOf(table["command.help"] as string)).toBe("help");
    const named = keys.flatMap((key) => forms(table[key]!).flatMap((text) => [...text.matchAll(/\*\*(.+?)\*\*/g)].map((m) => ({ key, word: m[1]! }))));
    expect(named.length).toBeGreaterThan(2);
    expect(commandOf(language === "ar" ? "الطلبات" : language === "fr" ? "demandes" : "solicitudes")).toBe("myRequests"); // "requests", as in English
    for (const { key, word } of named) expect({ key, word, understood: commandOf(word) !== undefined }).toEqual({ key, word, understood: true });
  });
});

describe("the Arabic table", () => {
  it("has no English left: only the names that stay as they are are in Latin letters", () => {
    const latin = keys.flatMap((key) =>
      forms(ar[key]!)
        .map((text) => text.replace(/\{\w+\}/g, "").replace(KEPT_NAMES, ""))
        .filter((text) => /[A-Za-z]/.test(text))
        .map((text) => ({ key, text })),
    );
    expect(latin).toEqual([]);
  });

  it("chooses the singular, dual, plural and counted forms by the number, in Arabic digits", () => {
    const tr = createTranslator("ar-EG", "Africa/Cairo");
    expect(tr.t("myRequests.count", { count: 1 })).toBe("طلب واحد مفتوح");
    expect(tr.t("myRequests.count", { count: 2 })).toBe("طلبان مفتوحان");
    expect(tr.t("myRequests.count", { count: 5 })).toBe("٥ طلبات مفتوحة");
    expect(tr.t("myRequests.count", { count: 11 })).toBe("١١ طلبًا مفتوحًا");
    expect(tr.t("myRequests.count", { count: 100 })).toBe("١٠٠ طلب مفتوح");
    expect(tr.t("due.late", { count: 3 })).toBe("متأخر ٣ أيام");
  });
});

describe("a person's language chooses the table", () => {
  it("French and Spanish fill in their parameters with their own number formats", () => {
    expect(createTranslator("fr-FR").t("digest.count", { count: 1200 })).toMatch(/^1\s200 demandes sont en retard\.$/);
    expect(createTranslator("fr-CA").t("due.inDays", { count: 1 })).toBe("dans 1 jour");
    expect(createTranslator("es-MX").t("subject.recommendation", { symbol: "A/HRC/59/15", paragraph: "140.7" })).toBe("A/HRC/59/15, párr. 140.7");
    expect(createTranslator("es-ES").t("myRequests.count", { count: 1 })).toBe("1 solicitud abierta");
  });
});
