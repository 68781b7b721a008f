import { cleanLine, cleanText, splitParagraphs } from "./clean-text";
import { isRightToLeft } from "./direction";
import { initialsOf } from "./labels";
import { citeParagraphs } from "../layout/shared";
import { draftWords, letters, roman } from "./words";

describe("text on its way into XML", () => {
  it("removes control characters and replaces lone surrogates, keeping everything else as typed", () => {
    expect(cleanText("a\u0001b\u0008c\u000Bd\u001Fe\u007F\u0090f\uFFFE\uFFFF")).toBe("abcdef");
    expect(cleanText("lone \uD800 high, lone \uDC00 low, end \uD83D")).toBe("lone \uFFFD high, lone \uFFFD low, end \uFFFD");
    const typed = "<w:p> & \"quotes\" 'apos' 😀 العربية 中文 ✅ tab\there";
    expect(cleanText(typed)).toBe(typed);
  });

  it("writes every line break as \\n", () => {
    expect(cleanText("a\r\nb\rc\u2028d\u0085e")).toBe("a\nb\nc\nd\ne");
    expect(cleanLine("  a\r\n\tb  ")).toBe("a b");
    expect(cleanLine("a  b\u0001")).toBe("a b");
    expect(cleanLine("10\u00A0000 people")).toBe("10\u00A0000 people"); // a no-break space is kept
    expect(cleanLine("lone \uD800")).toBe("lone \uFFFD");
  });

  it("splits an answer into its paragraphs and bullet points", () => {
    expect(splitParagraphs("First.\n\n  - one\n• two\n* three\n–  four\n-not a bullet\nLast.")).toEqual([
      { text: "First.", bullet: false },
      { text: "one", bullet: true },
      { text: "two", bullet: true },
      { text: "three", bullet: true },
      { text: "four", bullet: true },
      { text: "-not a bullet", bullet: false },
      { text: "Last.", bullet: false },
    ]);
    expect(splitParagraphs(" \n\u0001\n ")).toEqual([]);
  });

  it("reads a paragraph's direction from its first letter", () => {
    expect(isRightToLeft("  123 — يحق لأبناء")).toBe(true);
    expect(isRightToLeft("שלום")).toBe(true);
    expect(isRightToLeft("The law (القانون)")).toBe(false);
    expect(isRightToLeft("123")).toBe(false);
  });

  it("writes dates, numbers and citations as UN documents do", () => {
    const words = draftWords("en");
    expect(words.date("2026-03-01")).toBe("1 March 2026");
    expect([1, 4, 9, 14, 40].map(roman)).toEqual(["I", "IV", "IX", "XIV", "XL"]);
    expect([1, 26, 27, 52].map(letters)).toEqual(["A", "Z", "AA", "AZ"]);
    expect(initialsOf("Ministry of Labour, Family and Social Affairs")).toBe("MLFSA");
    expect(citeParagraphs(words, [
      { documentSymbol: "A/HRC/47/11", paragraph: "140.7" },
      { documentSymbol: "A/HRC/47/11", paragraph: "140.9" },
      { documentSymbol: "A/HRC/47/11", paragraph: "140.12" },
      { documentSymbol: "A/HRC/47/11/Add.1", paragraph: "3" },
    ])).toBe("A/HRC/47/11, paras. 140.7, 140.9 and 140.12; A/HRC/47/11/Add.1, para. 3");
  });

  it("writes dates, numbering and citations as UN documents do in French, Spanish and Arabic", () => {
    const [fr, es, ar] = [draftWords("fr"), draftWords("es"), draftWords("ar")];
    expect(fr.date("2026-11-29")).toBe("29 novembre 2026");
    expect(es.date("2026-11-29")).toBe("29 de noviembre de 2026");
    // UN Arabic documents name the month twice (its Syriac and its Latin name) and write Latin digits.
    expect(ar.date("2026-11-29")).toBe("29 تشرين الثاني/نوفمبر 2026");
    expect(ar.rtl).toBe(true);
    expect(ar.chapterHeading(2, "مقدمة")).toBe("ثانياً- مقدمة");
    expect(ar.sectionHeading(3, "المساواة")).toBe("جيم- المساواة");
    expect(ar.paragraphNumbering).toBe("%1-");
    expect(fr.chapterHeading(4, "Introduction")).toBe("IV. Introduction");
    const refs = [{ documentSymbol: "A/HRC/47/11", paragraph: "140.7" }, { documentSymbol: "A/HRC/47/11", paragraph: "140.9" }];
    expect(citeParagraphs(fr, refs)).toBe("A/HRC/47/11, par. 140.7 et 140.9");
    expect(citeParagraphs(es, refs)).toBe("A/HRC/47/11, párrs. 140.7 y 140.9");
    expect(() => draftWords("xx")).toThrow(/Drafts cannot be written in "xx"/);
  });
});
