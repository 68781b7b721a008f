import { describeWordCount, wordCountOf } from "./word-count";

describe("word counts against the mechanism's limit", () => {
  const tally = { body: 11_000, footnotes: 300, annex: 2_500 };

  it("leaves the annex and the footnotes out for the UPR, only the annex for the treaty bodies", () => {
    expect(wordCountOf("upr-national", tally)).toEqual({ counted: 11_000, excluded: 2_800, limit: 10_700 });
    expect(wordCountOf("loipr-replies", tally)).toEqual({ counted: 11_300, excluded: 2_500, limit: 21_200 });
    expect(wordCountOf("follow-up", tally)).toEqual({ counted: 11_300, excluded: 2_500 });
    expect(wordCountOf("upr-national", tally, 12_000).limit).toBe(12_000);
  });

  it("says it in words people read", () => {
    expect(describeWordCount("upr-national", wordCountOf("upr-national", tally))).toBe("11,000 words of 10,700, 300 over the limit; 2,800 more not counted (the annex and the footnotes)");
    expect(describeWordCount("treaty-periodic", wordCountOf("treaty-periodic", tally))).toBe("11,300 words of 21,200; 2,500 more not counted (the annex)");
    expect(describeWordCount("visit", { counted: 950, excluded: 0 })).toBe("950 words (no limit set)");
  });
});
