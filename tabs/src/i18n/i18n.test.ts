import { createI18n } from "./i18n";
import { languageOf, LANGUAGES } from "./format";
import { loadedMessages } from "./message-loaders";

const messages = (language: string) => loadedMessages(language) ?? {};

describe("the tab's words", () => {
  test("speaks every language of the catalogue that has the tab's and the terms' files", () => {
    expect(LANGUAGES).toEqual(expect.arrayContaining(["en", "fr", "es", "ar"]));
    expect(languageOf("fr-CA")).toBe("fr");
    expect(languageOf("xx")).toBe("en");
  });

  test("messages are filled in with the locale's numbers and plural rules", () => {
    const english = createI18n("en", messages("en"));
    expect(english.plural("overview.requestCount", 1)).toBe("1 request");
    expect(english.plural("overview.requestCount", 1200)).toBe("1,200 requests");
    const french = createI18n("fr-FR", messages("fr"));
    expect(french.plural("overview.requestCount", 0)).toBe("0 demande");
    expect(french.plural("overview.requestCount", 1200)).toMatch(/^1\s200 demandes$/);
    expect(french.date("2026-03-29", "long")).toBe("29 mars 2026");
    const spanish = createI18n("es-ES", messages("es"));
    expect(spanish.plural("overview.requestCount", 1)).toBe("1 solicitud");
    expect(spanish.plural("overview.requestCount", 25)).toBe("25 solicitudes");
    expect(spanish.date("2026-03-29", "long")).toBe("29 de marzo de 2026");
  });

  test("Arabic is written right to left, with the singular, dual, plural and counted forms of its nouns", () => {
    const arabic = createI18n("ar-EG", messages("ar"));
    expect(arabic.dir).toBe("rtl");
    expect(arabic.t("nav.recommendations")).toBe("التوصيات");
    expect(arabic.plural("overview.requestCount", 1)).toBe("طلب واحد");
    expect(arabic.plural("overview.requestCount", 2)).toBe("طلبان");
    expect(arabic.plural("overview.requestCount", 7)).toBe("٧ طلبات");
    expect(arabic.plural("overview.requestCount", 11)).toBe("١١ طلبًا");
    expect(arabic.plural("overview.requestCount", 300)).toBe("٣٠٠ طلب");
    // A message a language does not have yet is shown in English.
    expect(createI18n("ar", {}).t("drafts.openInWord")).toBe(messages("en")["drafts.openInWord"]);
  });
});
