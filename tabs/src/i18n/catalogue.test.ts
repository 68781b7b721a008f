import { en } from "./en";
import { fr } from "./fr";
import { es } from "./es";
import { ar } from "./ar";
import { createI18n } from "./i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the message catalogues", () => {
  test("French has every English message, none empty, with the same placeholders", () => {
    const missing = Object.keys(en).filter((key) => !(key in fr));
    expect(missing).toEqual([]);
    for (const [key, text] of Object.entries(fr)) {
      expect({ key, empty: text.trim() === "" }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(en[key as keyof typeof en]) });
    }
  });

  test("Spanish and Arabic only translate messages English has (the rest falls back to English)", () => {
    for (const catalogue of [es, ar]) {
      expect(Object.keys(catalogue).filter((key) => !(key in en))).toEqual([]);
      for (const [key, text] of Object.entries(catalogue)) expect({ key, placeholders: placeholders(text ?? "") }).toEqual({ key, placeholders: placeholders(en[key as keyof typeof en]) });
    }
  });

  test("every plural message has its `one` and `other` forms", () => {
    const bases = Object.keys(en).filter((k) => k.endsWith(".one")).map((k) => k.slice(0, -".one".length));
    expect(bases.length).toBeGreaterThan(10);
    for (const base of bases) expect({ base, other: `${base}.other` in en, french: `${base}.one` in fr && `${base}.other` in fr }).toEqual({ base, other: true, french: true });
  });

  test("messages are filled in with the locale's numbers and plural rules", () => {
    const english = createI18n("en", en);
    expect(english.plural("overview.requestCount", 1)).toBe("1 request");
    expect(english.plural("overview.requestCount", 1200)).toBe("1,200 requests");
    const french = createI18n("fr-FR", fr);
    expect(french.plural("overview.requestCount", 0)).toBe("0 demande");
    expect(french.plural("overview.requestCount", 1200)).toMatch(/^1\s200 demandes$/);
    expect(french.date("2026-03-29", "long")).toBe("29 mars 2026");
  });

  test("Arabic is written right to left and falls back to English where it has no message", () => {
    const arabic = createI18n("ar", ar);
    expect(arabic.dir).toBe("rtl");
    expect(arabic.t("nav.recommendations")).toBe("التوصيات");
    expect(arabic.t("drafts.openInWord")).toBe(en["drafts.openInWord"]);
  });
});
