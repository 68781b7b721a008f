import { subjectLabel } from "./subject";

const t = ((key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values)}`) as never;

describe("a request's subject in the tab", () => {
  test("a visit's meeting and a communication's reply are named for what they are, a report's section as a section", () => {
    expect(subjectLabel({ subject: { kind: "section", section: "visit-programme:meeting-1", title: "Minister of Justice" } }, { t })).toBe('requests.subjectVisitMeeting {"title":"Minister of Justice"}');
    expect(subjectLabel({ subject: { kind: "section", section: "communication-reply", title: "UA SVN 2/2026" } }, { t })).toBe('requests.subjectCommunicationReply {"title":"UA SVN 2/2026"}');
    expect(subjectLabel({ subject: { kind: "section", section: "methodology", title: "Methodology" } }, { t })).toBe('requests.subjectSection {"section":"methodology","title":"Methodology"}');
  });
});
