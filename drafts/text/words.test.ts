import { REPORT_LANGUAGES } from "../../core/reports/report";
import { draftLanguages } from "./words";

describe("the languages of drafts", () => {
  it("a report can be written in exactly the languages the catalogue has drafts in (add the language to core's REPORT_LANGUAGES with its draft.json)", () => {
    expect([...REPORT_LANGUAGES].sort()).toEqual(draftLanguages().sort());
  });
});
