import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { DraftDto, ReportDto, ReviewDto } from "../../../../core/api";
import { fakeApi, ME, renderSignedIn, stubLayout } from "../../testing/session";
import DraftsView from "./DraftsView";

const report: ReportDto = { id: "r1", eTag: "e", title: "UPR national report", mechanism: "UPR", type: "upr-national", dueDate: "2027-02-12", timeZone: "UTC", wordLimit: 10700, status: "in-review", questions: [], reminderPolicy: { remindDaysBefore: [7, 2, 0], escalateDaysAfter: 1, sendAt: "09:00", dailyDigest: true }, sharedWithObservers: false, createdAt: "2026-01-01T00:00:00.000Z" };
const draft: DraftDto = { id: "d1", eTag: "de", key: "r1#1", reportId: "r1", version: 1, fileName: "draft.docx", fileId: "f1", webUrl: "https://contoso.sharepoint.com/Drafts/draft.docx", fileVersion: "2.0", wordCount: { counted: 11200, excluded: 300, limit: 10700 }, unansweredRequestIds: ["q1", "q2"], reviewState: "in-review", compiledAt: "2026-11-20T10:00:00.000Z", compiledBy: "u-sec" };
const review: ReviewDto = { id: "v1", eTag: "ve", draftId: "d1", reportId: "r1", draftVersion: 1, requestedBy: "u-sec", requestedAt: "2026-11-21T10:00:00.000Z", message: "Ready for you" };

function api() {
  return fakeApi({
    listReports: () => ({ items: [report] }),
    listDrafts: () => ({ items: [draft] }),
    listTemplates: () => ({ items: [] }),
    getDraft: () => ({ ...draft, reviews: [review] }),
    decideDraft: ({ body }) => ({ draft: { ...draft, reviewState: (body as { decision: string }).decision === "approved" ? "approved" : "returned", eTag: "de2" }, review: { ...review, decision: "approved" }, replayed: false }),
  });
}

beforeAll(stubLayout);
beforeEach(() => window.history.replaceState(null, "", "/drafts?report=r1"));

describe("the drafts view", () => {
  test("shows the word count against the limit as a bar named by its figures, over the limit in words, and opens the file in Word", async () => {
    renderSignedIn(<DraftsView />, { me: ME.secretariat, api: api() });
    expect(await screen.findByRole("progressbar", { name: "11,200 of 10,700 words (105%)" }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText("500 words over the limit.")).toBeInTheDocument();
    expect(screen.getByText("2 requests were unanswered when this draft was compiled.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Open in Word" })).toHaveAttribute("href", draft.webUrl);
    expect(screen.getByRole("button", { name: "Compile draft" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Approve" })).toBeNull();
  });

  test("the chair returns a draft only with a comment, and approves it", async () => {
    const fake = api();
    renderSignedIn(<DraftsView />, { me: ME.chair, api: fake });
    await screen.findByRole("heading", { name: "Your decision" });
    expect(screen.getByText("The secretariat wrote: Ready for you")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Compile draft" })).toBeNull();
    expect(screen.getByRole("button", { name: "Return with comment" })).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Approve" }));
    await screen.findByText("The chair approved this draft. It can be submitted.");
    expect(fake.calls.find((c) => c.id === "decideDraft")?.input).toMatchObject({ params: { id: "v1" }, body: { decision: "approved" } });
  });
});
