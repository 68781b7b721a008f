import { en, type MessageKey } from "./en";
import { fr } from "./fr";
import { es } from "./es";
import { ar } from "./ar";
import { createI18n } from "./i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const englishKeys = Object.keys(en) as MessageKey[];
const pluralBases = englishKeys.filter((k) => k.endsWith(".other")).map((k) => k.slice(0, -".other".length));
/** `base.few` → `base`, when `base` is a plural message of English. */
const pluralBaseOf = (key: string) => {
  const base = key.replace(/\.(zero|one|two|few|many|other)$/, "");
  return base !== key && pluralBases.includes(base) ? base : undefined;
};

/** Messages written the same in English and in the language, checked one by one. */
const SAME_AS_ENGLISH: Record<"es" | "ar", string[]> = {
  es: ["app.name", "common.no", "overview.total", "ministries.actionFor", "audit.change", "mechanismShort.REGIONAL"],
  ar: ["app.name", "ministries.actionFor"],
};
/** Names and codes that stay in Latin letters in Arabic: the app, Microsoft's products, file types, an audit action's code. */
const KEPT_IN_LATIN = /\b(NMIRF|Microsoft 365|Microsoft Entra|Microsoft Teams|Teams|Outlook|SharePoint|Word|Excel|CSV|request\.created)\b|\.(docx|dotx|xlsx|csv)\b/g;

describe("the message catalogues", () => {
  test("French has every English message, none empty, with the same placeholders", () => {
    const missing = Object.keys(en).filter((key) => !(key in fr));
    expect(missing).toEqual([]);
    for (const [key, text] of Object.entries(fr)) {
      expect({ key, empty: text.trim() === "" }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(en[key as keyof typeof en]) });
    }
  });

  test.each([
    ["Spanish", es],
    ["Arabic", ar],
  ] as const)("%s has every English message, none empty, with the same placeholders", (_, catalogue: Partial<Record<string, string>>) => {
    expect(englishKeys.filter((key) => !(key in catalogue))).toEqual([]);
    expect(Object.keys(catalogue).filter((key) => !(key in en) && !pluralBaseOf(key))).toEqual([]);
    for (const [key, text] of Object.entries(catalogue)) {
      expect({ key, empty: (text ?? "").trim() === "" }).toEqual({ key, empty: false });
      const base = pluralBaseOf(key);
      const english = en[key as MessageKey] ?? en[`${base}.other` as MessageKey];
      let expected = placeholders(english);
      // Arabic's zero, singular and dual say the number in the noun itself ("توصيتان"): {count} may go there.
      if (catalogue === ar && base && /\.(zero|one|two)$/.test(key)) expected = expected.filter((p) => p !== "count" || placeholders(text ?? "").includes("count"));
      expect({ key, placeholders: placeholders(text ?? "") }).toEqual({ key, placeholders: expected });
    }
  });

  test("Spanish and Arabic leave nothing in English", () => {
    for (const [language, catalogue] of [["es", es], ["ar", ar]] as const) {
      const same = englishKeys.filter((key) => (catalogue as Partial<Record<string, string>>)[key] === en[key]);
      expect({ language, same }).toEqual({ language, same: SAME_AS_ENGLISH[language] });
    }
    const latin = Object.entries(ar)
      .map(([key, text]) => ({ key, text: (text ?? "").replace(/\{\w+\}/g, "").replace(KEPT_IN_LATIN, "") }))
      .filter(({ text }) => /[A-Za-z]/.test(text));
    expect(latin).toEqual([]);
  });

  test("every plural message has its `one` and `other` forms, and Arabic its dual, few and many", () => {
    const bases = Object.keys(en).filter((k) => k.endsWith(".one")).map((k) => k.slice(0, -".one".length));
    expect(bases.length).toBeGreaterThan(10);
    for (const base of bases) {
      expect({ base, other: `${base}.other` in en, french: `${base}.one` in fr && `${base}.other` in fr }).toEqual({ base, other: true, french: true });
      expect({ base, spanish: `${base}.one` in es && `${base}.other` in es }).toEqual({ base, spanish: true });
      const arabicForms = ["one", "two", "few", "many", "other"].filter((form) => !(`${base}.${form}` in ar));
      expect({ base, arabicMissing: arabicForms }).toEqual({ base, arabicMissing: [] });
    }
  });

  test("messages are filled in with the locale's numbers and plural rules", () => {
    const english = createI18n("en", en);
    expect(english.plural("overview.requestCount", 1)).toBe("1 request");
    expect(english.plural("overview.requestCount", 1200)).toBe("1,200 requests");
    const french = createI18n("fr-FR", fr);
    expect(french.plural("overview.requestCount", 0)).toBe("0 demande");
    expect(french.plural("overview.requestCount", 1200)).toMatch(/^1\s200 demandes$/);
    expect(french.date("2026-03-29", "long")).toBe("29 mars 2026");
    const spanish = createI18n("es-ES", es);
    expect(spanish.plural("overview.requestCount", 1)).toBe("1 solicitud");
    expect(spanish.plural("overview.requestCount", 25)).toBe("25 solicitudes");
    expect(spanish.date("2026-03-29", "long")).toBe("29 de marzo de 2026");
  });

  test("Arabic is written right to left, with the singular, dual, plural and counted forms of its nouns", () => {
    const arabic = createI18n("ar-EG", ar);
    expect(arabic.dir).toBe("rtl");
    expect(arabic.t("nav.recommendations")).toBe("التوصيات");
    expect(arabic.plural("overview.requestCount", 1)).toBe("طلب واحد");
    expect(arabic.plural("overview.requestCount", 2)).toBe("طلبان");
    expect(arabic.plural("overview.requestCount", 7)).toBe("٧ طلبات");
    expect(arabic.plural("overview.requestCount", 11)).toBe("١١ طلبًا");
    expect(arabic.plural("overview.requestCount", 300)).toBe("٣٠٠ طلب");
    // A message a catalogue does not have yet is shown in English.
    expect(createI18n("ar", {}).t("drafts.openInWord")).toBe(en["drafts.openInWord"]);
  });
});
