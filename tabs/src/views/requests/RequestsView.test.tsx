import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import type { ReportDto, RequestDto } from "../../../../core/api";
import { fakeApi, ME, recommendation, renderSignedIn, stubLayout } from "../../testing/session";
import RequestsView from "./RequestsView";

const report: ReportDto = { id: "r1", eTag: "e", title: "UPR national report", mechanism: "UPR", type: "upr-national", language: "en", dueDate: "2027-02-12", timeZone: "UTC", wordLimit: 10700, status: "collecting", questions: [{ number: "3", text: "Please describe access to mental health services for children." }], reminderPolicy: { remindDaysBefore: [7, 2, 0], escalateDaysAfter: 1, sendAt: "09:00", dailyDigest: true }, sharedWithObservers: true, createdAt: "2026-01-01T00:00:00.000Z" };

const base = { eTag: "e", reportId: "r1", ministryRole: "lead" as const, ask: "Please describe what was done.", sentAt: "2026-11-01T09:00:00.000Z", createdBy: "u-sec", latestVersion: 0, notices: [] };
const aboutRecommendation: RequestDto = {
  ...base,
  id: "q1",
  key: "r1|rec:7|m1",
  subject: { kind: "recommendation", recommendationId: "7" },
  recommendationId: "7",
  ministryId: "m1",
  dueDate: "2026-11-20",
  status: "sent",
  subjectText: "Adopt a national action plan on human rights and allocate sufficient…",
  subjectReference: { documentSymbol: "A/HRC/43/15", paragraph: "148.7" },
};
const aboutQuestion: RequestDto = { ...base, id: "q2", key: "r1|q:3|m2", subject: { kind: "question", number: "3" }, ministryId: "m2", dueDate: "2026-11-21", status: "seen", subjectText: "Please describe access to mental health services for children." };
const notShared: RequestDto = { ...base, id: "q3", key: "r1|rec:12|m2", subject: { kind: "recommendation", recommendationId: "12" }, recommendationId: "12", ministryId: "m2", dueDate: "2026-11-22", status: "sent" };

function api() {
  return fakeApi({
    listReports: () => ({ items: [report] }),
    listDecisions: () => ({ items: [] }),
    listRequests: () => ({ items: [aboutRecommendation, aboutQuestion, notShared], total: 3 }),
    getRequest: ({ params }) => [aboutRecommendation, aboutQuestion, notShared].find((r) => r.id === params?.id)!,
    listContributions: () => ({ items: [] }),
    getRecommendation: () => recommendation(7, { paragraph: "148.7", text: "Adopt a national action plan on human rights and allocate sufficient resources." }),
    getReport: () => report,
  });
}

beforeAll(stubLayout);
beforeEach(() => window.history.replaceState(null, "", "/requests?report=r1"));

describe("the requests table says what each request is about", () => {
  test("a recommendation by its symbol and paragraph with its first words, a question by its number and text", async () => {
    renderSignedIn(<RequestsView />, { me: ME.secretariat, api: api() });
    const table = await screen.findByRole("table", { name: "Requests for input" });
    const first = within(table).getByRole("row", { name: /Ministry of Justice/ });
    expect(within(first).getByRole("button", { name: "A/HRC/43/15 para. 148.7" })).toBeInTheDocument();
    expect(within(first).getByText("Adopt a national action plan on human rights and allocate sufficient…")).toBeInTheDocument();
    const question = within(table).getAllByRole("row", { name: /Ministry of Health/ })[0]!;
    expect(within(question).getByRole("button", { name: "Question 3" })).toBeInTheDocument();
    expect(within(question).getByText("Please describe access to mental health services for children.")).toBeInTheDocument();
    expect(within(table).queryByText(/^Recommendation 7$/)).toBeNull();
  });

  test("a recommendation the server does not describe (not shared with an observer) keeps its id, with the ask", async () => {
    renderSignedIn(<RequestsView />, { me: ME.observer, api: api() });
    const table = await screen.findByRole("table", { name: "Requests for input" });
    const row = within(table).getByRole("row", { name: /Recommendation 12/ });
    expect(within(row).getByText("Please describe what was done.")).toBeInTheDocument();
  });

  test("in French the paragraph is written as in French UN documents", async () => {
    renderSignedIn(<RequestsView />, { me: ME.secretariat, api: api(), locale: "fr-FR" });
    expect(await screen.findByRole("button", { name: "A/HRC/43/15, par. 148.7" })).toBeInTheDocument();
  });

  test("the request's panel is titled by its subject and its ministry", async () => {
    window.history.replaceState(null, "", "/requests?report=r1&request=q1");
    renderSignedIn(<RequestsView />, { me: ME.secretariat, api: api() });
    const panel = await screen.findByRole("dialog");
    expect(await within(panel).findByText("A/HRC/43/15 para. 148.7 · Ministry of Justice")).toBeInTheDocument();
    expect(await within(panel).findByText("Adopt a national action plan on human rights and allocate sufficient resources.")).toBeInTheDocument();
  });
});
