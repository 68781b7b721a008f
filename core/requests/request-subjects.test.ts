import type { Actor } from "../auth/policy";
import { describeSubject, firstWords, type SubjectLookups } from "./request-subjects";

describe("what a request is about, in words", () => {
  const recommendation = { id: "7", documentSymbol: "A/HRC/59/15", paragraph: "140.7", text: "Adopt a national action plan on human rights and allocate sufficient resources for its implementation, in consultation with civil society and the national human rights institution.", sharedWithObservers: false };
  const lookups: SubjectLookups = {
    recommendation: (id) => (id === "7" ? recommendation : undefined),
    report: (id) => (id === "r1" ? { id: "r1", questions: [{ number: "4", text: "Please describe the measures taken to end corporal punishment." }] } : undefined),
  };
  const secretariat: Actor = { userId: "s", displayName: "S", roles: ["Secretariat"], ministryIds: [] };
  const observer: Actor = { userId: "o", displayName: "O", roles: ["Observer"], ministryIds: [] };

  test("a recommendation by its symbol and paragraph and the first words of its text, cut between words", () => {
    const view = describeSubject({ kind: "recommendation", recommendationId: "7" }, "r1", lookups, secretariat);
    expect(view.subjectReference).toEqual({ documentSymbol: "A/HRC/59/15", paragraph: "140.7" });
    expect(view.subjectText).toMatch(/^Adopt a national action plan on human rights and allocate sufficient resources .*\w…$/);
    expect(view.subjectText!.length).toBeLessThanOrEqual(141);
  });

  test("an observer gets no words of a recommendation that is not shared with observers", () => {
    expect(describeSubject({ kind: "recommendation", recommendationId: "7" }, "r1", lookups, observer)).toEqual({});
  });

  test("a question by its number and text; a section by its title", () => {
    expect(describeSubject({ kind: "question", number: "4" }, "r1", lookups, secretariat)).toEqual({ subjectText: "Please describe the measures taken to end corporal punishment." });
    expect(describeSubject({ kind: "section", section: "methodology", title: "Methodology and consultation process" }, "r1", lookups, secretariat)).toEqual({});
  });

  test("first words: short texts whole, spaces folded, long ones cut at a word", () => {
    expect(firstWords("  Ratify   the\nconvention. ", 40)).toBe("Ratify the convention.");
    expect(firstWords("Ratify the Optional Protocol to the Convention", 20)).toBe("Ratify the Optional…");
  });
});
