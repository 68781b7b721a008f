import { recommendationKey } from "../recommendations/recommendation";
import { foldFullwidth, identifierKey, nameKey, tidyText } from "./normalize";

describe("one normalisation of names and keys", () => {
  it("reads as the same name what a person cannot tell apart", () => {
    const justice = nameKey("Ministry of Justice");
    for (const spelling of ["ministry of justice", "MINISTRY OF JUSTICE", "Ministry\u00a0of Justice", "Minis\u200btry of Justice", "Ministry of Justic\u0435", "\uff2dinistry of Justice", "  Ministry  of\tJustice ", "Ministry of \u0408ustice"]) {
      expect({ spelling, key: nameKey(spelling) }).toEqual({ spelling, key: justice });
    }
    expect(nameKey("Ministère de la Culture")).toBe(nameKey("Ministe\u0300re de la Culture"));
  });

  it("keeps apart what a reader does tell apart", () => {
    expect(nameKey("Ministère")).not.toBe(nameKey("Ministere"));
    expect(nameKey("Ministry of Justice")).not.toBe(nameKey("Ministry of Justices"));
    // A whole name in Cyrillic keeps its own key, the same in upper and lower case.
    expect(nameKey("Министерство юстиции")).toBe(nameKey("МИНИСТЕРСТВО ЮСТИЦИИ"));
  });

  it("gives paragraph numbers and symbols keys without spaces: 148.１ and 148.1 with a zero-width space are 148.1", () => {
    expect(identifierKey("148.１")).toBe("148.1");
    expect(identifierKey("148.1\u200b")).toBe("148.1");
    expect(identifierKey("１４８．１")).toBe("148.1");
    expect(recommendationKey("A/HRC/43/15", "148.１")).toBe(recommendationKey("A/HRC/43/15", "148.1"));
    expect(recommendationKey("Ａ/HRC/43/15 ", "148.1.")).toBe("A/HRC/43/15#148.1");
    // Keys written before this normalisation (plain ASCII) are unchanged.
    expect(recommendationKey("CRC/C/PER/CO/6-7", "23(b)")).toBe("CRC/C/PER/CO/6-7#23(b)");
  });

  it("tidies a name as it is kept: NFC, invisible characters out, one space", () => {
    expect(tidyText(" Ministe\u0300re\u00a0\u200bde  la Culture ")).toBe("Ministère de la Culture");
    expect(foldFullwidth("１４８．１ Ｍinistry")).toBe("148.1 Ministry");
  });
});
