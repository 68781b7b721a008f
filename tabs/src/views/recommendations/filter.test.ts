import { recommendation } from "../../testing/session";
import { facetsOf, filterRecommendations, NO_FILTERS, sortRecommendations } from "./filter";

const items = [1, 2, 3, 4, 5, 6, 10, 11].map((n) => recommendation(n));

describe("the grid's filters", () => {
  test("words are found without case or accents, in the text, symbol, paragraph and themes", () => {
    const accented = recommendation(99, { text: "Renforcer le Médiateur de la République" });
    expect(filterRecommendations([...items, accented], { q: "mediateur" }).map((r) => r.id)).toEqual(["99"]);
    expect(filterRecommendations(items, { q: "OMBUDSMAN 148.1" }).map((r) => r.paragraph)).toEqual(["148.1", "148.11"]);
    expect(filterRecommendations(items, { q: "right to education" })).toHaveLength(4);
  });

  test("each filter narrows the list; `none` finds recommendations without a lead ministry", () => {
    expect(filterRecommendations(items, { ...NO_FILTERS, leadMinistryId: "none" }).map((r) => r.id)).toEqual(["3", "6"]);
    expect(filterRecommendations(items, { ...NO_FILTERS, sdg: 16, leadMinistryId: "m1" }).map((r) => r.id)).toEqual(["1", "5", "11"]);
    expect(filterRecommendations(items, { ...NO_FILTERS, theme: "right to EDUCATION" })).toHaveLength(4);
    expect(filterRecommendations(items, { ...NO_FILTERS, cycle: 2 })).toHaveLength(0);
  });

  test("a focal point's own ministry covers what it leads and what it supports", () => {
    const supported = recommendation(20, { leadMinistryId: "m2", supportingMinistryIds: ["m1"] });
    expect(filterRecommendations([...items, supported], { ...NO_FILTERS, ministryIds: ["m1"] }).map((r) => r.id)).toEqual(["1", "5", "11", "20"]);
  });

  test("paragraphs sort as numbers (148.2 before 148.10), and descending reverses", () => {
    const sorted = sortRecommendations([...items], { key: "symbol", direction: "ascending" }, () => "");
    expect(sorted.map((r) => r.paragraph)).toEqual(["148.1", "148.2", "148.3", "148.4", "148.5", "148.6", "148.10", "148.11"]);
    expect(sortRecommendations([...items], { key: "symbol", direction: "descending" }, () => "")[0]?.paragraph).toBe("148.11");
  });

  test("the cycle, session and theme filters offer the values present", () => {
    expect(facetsOf(items)).toMatchObject({ cycles: [3], themes: ["National human rights institution", "Right to education"] });
    const mixed = [recommendation(30, { session: 59 }), recommendation(31, { session: 44 }), recommendation(32, { session: 59 })];
    expect(facetsOf(mixed).sessions).toEqual([44, 59]);
  });

  test("the session filter keeps one Working Group session's recommendations (cycle 3 and 4 mixed in one list)", () => {
    const mixed = [recommendation(30, { session: 59, cycle: 4 }), recommendation(31, { session: 44, cycle: 3 }), recommendation(32, { session: 59, cycle: 4 })];
    expect(filterRecommendations(mixed, { ...NO_FILTERS, session: 59 }).map((r) => r.id)).toEqual(["30", "32"]);
    expect(filterRecommendations(mixed, { ...NO_FILTERS, session: 60 })).toHaveLength(0);
  });
});
