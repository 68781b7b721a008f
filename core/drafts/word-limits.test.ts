import { countWords, countedParts, wordLimitFor } from "./word-limits";

describe("word limits", () => {
  it("knows the limits the mechanisms set", () => {
    expect(wordLimitFor("upr-national")).toBe(10_700);
    expect(wordLimitFor("treaty-periodic")).toBe(21_200);
    expect(wordLimitFor("treaty-initial")).toBe(31_800);
    expect(wordLimitFor("common-core")).toBe(42_400);
    expect(wordLimitFor("loipr-replies")).toBe(21_200);
    expect(wordLimitFor("upr-midterm")).toBeUndefined();
    expect(wordLimitFor("upr-national", 9000)).toBe(9000);
  });

  it("does not count the UPR annexed matrix and endnotes", () => {
    expect(countedParts("upr-national")).toEqual({ body: true, footnotes: false, annexes: false });
    expect(countedParts("treaty-periodic").footnotes).toBe(true);
  });

  it("counts words as a word processor does", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("  The State party  adopted\na law. ")).toBe(6);
    expect(countWords("Roma — 2021–2030 • strategy")).toBe(3);
    // In every language as Word counts: French keeps a no-break space inside a number and before its colons; Arabic and Spanish words are spaced words.
    expect(countWords("Au total, 1\u202F200 personnes\u00A0: l’État a agi.")).toBe(7);
    expect(countWords("أجريت مشاورات مع منظمات المجتمع المدني.")).toBe(6);
    expect(countWords("El Estado adoptó la ley.")).toBe(5);
    expect(countWords("A/HRC/59/15, para. 140.7")).toBe(3);
    expect(countWords("العربية لغة رسمية")).toBe(3);
    expect(countWords("l'État partie")).toBe(2);
    expect(countWords("人权报告")).toBe(4);
  });
});
