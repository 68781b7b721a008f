import { groupLabel, parseBody, parseDate, parsePosition, parseSdgs, parseSession, splitMultiValue, splitParagraph, themeLabel } from "./labels";
import { canonicalStateName, isKnownState, splitRecommendingStates, UN_MEMBER_STATES } from "./recommending-states";

describe("SDGs as OHCHR and UHRI write them", () => {
  it("reads goals from '- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS' lines, in order, once each", () => {
    expect(parseSdgs(["- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", "- 5 - GENDER EQUALITY", "- 5 - GENDER EQUALITY"])).toEqual({ goals: [5, 16], targets: [], unknown: [] });
  });

  it("reads targets and counts their goal", () => {
    expect(parseSdgs(["16.3 - Promote the rule of law", "5.a", "Goal 4", "SDG 10"])).toEqual({ goals: [4, 5, 10, 16], targets: ["16.3", "5.a"], unknown: [] });
  });

  it("reports what is not an SDG instead of guessing", () => {
    expect(parseSdgs(["- 18 - SOMETHING", "- NO POVERTY"]).unknown).toEqual(["18 - SOMETHING", "NO POVERTY"]);
  });
});

describe("positions", () => {
  it.each([
    [["Supported"], "supported"],
    [["Noted"], "noted"],
    [["Supported in part"], "supported-in-part"],
    [["Partially supported"], "supported-in-part"],
    [["Supported/Noted"], "supported-in-part"],
    [["Supported", "Noted"], "supported-in-part"],
    [["Accepted"], "supported"],
    [["Rejected"], "noted"],
    [["Not supported"], "noted"],
    [["Supported", "Source of position: A/HRC/59/15/Add.1 - Para.3"], "supported"],
  ])("%j is %s", (cell, position) => {
    expect(parsePosition(cell)).toEqual({ position });
  });

  it("gives no position for an empty cell and names an unknown one", () => {
    expect(parsePosition(["  "])).toEqual({});
    expect(parsePosition(["Pending"])).toEqual({ unknown: "Pending" });
  });
});

describe("paragraph numbers", () => {
  it.each([
    ["140.7 Ratify the Optional Protocol", "140.7", "Ratify the Optional Protocol"],
    ["23. The Committee recommends that the State party", "23", "The Committee recommends that the State party"],
    ["23 (b) Adopt a law", "23(b)", "Adopt a law"],
    ["121.2\u00A0Complete the process", "121.2", "Complete the process"],
  ])("%s", (text, paragraph, rest) => {
    expect(splitParagraph(text)).toEqual({ paragraph, text: rest });
  });

  it("finds none where the text does not start with one", () => {
    expect(splitParagraph("Ratify the Convention")).toEqual({ text: "Ratify the Convention" });
  });
});

describe("dates", () => {
  it("turns Excel serial numbers (as numbers or text) into calendar dates", () => {
    expect(parseDate(45677)).toBe("2025-01-20");
    expect(parseDate("45677")).toBe("2025-01-20");
    expect(parseDate(45658.75)).toBe("2025-01-01");
  });

  it("reads ISO, day-first and written-out dates, and Dates", () => {
    expect(parseDate("2025-01-20T00:00:00Z")).toBe("2025-01-20");
    expect(parseDate("20/01/2025")).toBe("2025-01-20");
    expect(parseDate("20.01.2025")).toBe("2025-01-20");
    expect(parseDate("20 January 2025")).toBe("2025-01-20");
    expect(parseDate(new Date(Date.UTC(2025, 0, 20)))).toBe("2025-01-20");
  });

  it("refuses what is not a date", () => {
    expect(parseDate("31/02/2025")).toBeUndefined();
    expect(parseDate("soon")).toBeUndefined();
    expect(parseDate(-3)).toBeUndefined();
  });
});

describe("labels", () => {
  it("splits multi-value cells on lines and drops the bullets", () => {
    expect(splitMultiValue("- Children\r\n- Women & girls\n\n")).toEqual(["Children", "Women & girls"]);
    expect(splitMultiValue("Children; Women", ";")).toEqual(["Children", "Women"]);
  });

  it("drops cycle 2 theme codes and capitalizes groups; 'general' is no group", () => {
    expect(themeLabel("A12 Acceptance of international norms")).toBe("Acceptance of international norms");
    expect(themeLabel("- Right to health")).toBe("Right to health");
    expect(groupLabel("- older persons")).toBe("Older persons");
    expect(groupLabel("- general")).toBeUndefined();
  });

  it("reads sessions", () => {
    expect(parseSession("48th session")).toBe(48);
    expect(parseSession(48)).toBe(48);
    expect(parseSession("")).toBeUndefined();
  });
});

describe("recommending bodies", () => {
  it.each([
    ["UPR", { mechanism: "UPR" }],
    ["Universal Periodic Review", { mechanism: "UPR" }],
    ["CRC", { mechanism: "CRC" }],
    ["Committee on the Rights of the Child", { mechanism: "CRC" }],
    ["Committee on the Elimination of Discrimination against Women (CEDAW)", { mechanism: "CEDAW" }],
    ["Special Rapporteur on the right to food", { mechanism: "SPECIAL_PROCEDURES", body: "Special Rapporteur on the right to food" }],
  ])("%s", (body, reading) => {
    expect(parseBody(body)).toEqual(reading);
  });

  it("falls back on the document symbol", () => {
    expect(parseBody(undefined, "E/C.12/SVN/CO/3")).toEqual({ mechanism: "CESCR" });
    expect(parseBody("Someone", "XYZ/1")).toEqual({});
  });
});

describe("recommending States", () => {
  it("knows the 193 Member States", () => {
    expect(new Set(UN_MEMBER_STATES).size).toBe(193);
  });

  it("separates several groups at the end (cycles 3 and 4)", () => {
    expect(splitRecommendingStates("Ratify the Optional Protocol (Maldives) (Portugal);")).toEqual({ text: "Ratify the Optional Protocol", states: ["Maldives", "Portugal"] });
  });

  it("reads one comma-separated group with nested parentheses (cycle 2) and writes the inverted names the UN way", () => {
    expect(splitRecommendingStates("Ratify ICRMW (Senegal, Sierra Leone, Venezuela (Bolivarian Republic of),Peru, Uruguay);")).toEqual({
      text: "Ratify ICRMW",
      states: ["Senegal", "Sierra Leone", "Bolivarian Republic of Venezuela", "Peru", "Uruguay"],
    });
  });

  it("keeps a treaty's acronym or number in parentheses in the text", () => {
    expect(splitRecommendingStates("Ratify the Convention on Migrant Workers (ICRMW) (Iran (Islamic Republic of)); ")).toEqual({
      text: "Ratify the Convention on Migrant Workers (ICRMW)",
      states: ["Islamic Republic of Iran"],
    });
    expect(splitRecommendingStates("Ratify the Protocol to the Forced Labour Convention, 1930 (No. 29) (United Kingdom of Great Britain and Northern Ireland);").text).toBe(
      "Ratify the Protocol to the Forced Labour Convention, 1930 (No. 29)",
    );
  });

  it("collects the States of recommendations OHCHR merged into one paragraph", () => {
    const merged = splitRecommendingStates("Complete the ratification of the Convention (Ukraine); Increase efforts towards its ratification (Slovakia);");
    expect(merged.states).toEqual(["Ukraine", "Slovakia"]);
    expect(merged.text).toBe("Complete the ratification of the Convention (Ukraine); Increase efforts towards its ratification");
  });

  it("takes an unknown but State-like last group, and nothing when the text has no group", () => {
    expect(splitRecommendingStates("Do this (Newland).").states).toEqual(["Newland"]);
    expect(splitRecommendingStates("Do this.")).toEqual({ text: "Do this.", states: [] });
  });

  it("writes a State one way", () => {
    expect(canonicalStateName("Côte d’Ivoire")).toBe("Côte d'Ivoire");
    expect(canonicalStateName("Netherlands (Kingdom of the)")).toBe("Kingdom of the Netherlands");
    expect(isKnownState("Turkey")).toBe(true);
    expect(isKnownState("ICRMW")).toBe(false);
  });
});
