import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { WordPaneDraftDto } from "../../../core/api/word";
import { ApiProblem } from "../api/client";
import { fakeApi, ME, renderSignedIn, stubLayout } from "../testing/session";
import { DraftPane } from "./DraftPane";

const view: WordPaneDraftDto = {
  kind: "draft",
  access: "full",
  report: { id: "r1", title: "UPR national report, fourth cycle", mechanism: "UPR", type: "upr-national", dueDate: "2027-02-12", status: "in-review" },
  draft: { id: "d3", eTag: "de", version: 3, reviewState: "in-review", fileName: "draft v3.docx", compiledAt: "2026-11-20T10:00:00.000Z", webUrl: "https://contoso.sharepoint.com/x", fileVersion: "2.0", compiledFileVersion: "1.0" },
  inReview: { draftId: "d3", version: 3, webUrl: "https://contoso.sharepoint.com/x", reviewId: "v9", requestedAt: "2026-11-21T10:00:00.000Z", message: "Ready for you" },
  wordCount: { counted: 11_200, excluded: 300, limit: 10_700, parts: { body: true, footnotes: false, annexes: false } },
  stillUnanswered: [{ ministryId: "m2", ministryName: "Ministry of Health", count: 2, firstDue: "2026-12-01" }],
  unansweredAtCompile: 3,
  contributors: [{ ministryId: "m1", ministryName: "Ministry of Justice", count: 12 }],
  reviews: [{ id: "v8", draftVersion: 2, requestedAt: "2026-11-10T10:00:00.000Z", decision: "returned", comment: "Shorten section II", decidedByName: "Irena Kralj", decidedAt: "2026-11-11T10:00:00.000Z", decidedFileVersion: "1.0" }],
  actions: { decide: true, sendForApproval: false },
};

beforeAll(stubLayout);

test("beside the draft the chair reads the figures, returns only with a comment, and decides on the file version open", async () => {
  const api = fakeApi({
    wordPane: () => view,
    decideDraft: () => ({ draft: { ...view.draft, key: "r1#3", reportId: "r1", unansweredRequestIds: [], compiledBy: "u", reviewState: "returned", fileId: "f", wordCount: view.wordCount }, review: { id: "v9", eTag: "e", draftId: "d3", reportId: "r1", draftVersion: 3, requestedBy: "u", requestedAt: "2026-11-21T10:00:00.000Z", decision: "returned", decidedFileVersion: "2.0" }, replayed: false }),
  });
  renderSignedIn(<DraftPane api={api} query={{ draftId: "d3" }} openHref={(d) => d.webUrl} />, { me: ME.chair, api });
  expect(await screen.findByRole("heading", { level: 1, name: "UPR national report, fourth cycle" })).toBeInTheDocument();
  expect(screen.getByText("File version 2.0 open")).toBeInTheDocument();
  expect(screen.getByText("500 words over the limit.")).toBeInTheDocument();
  expect(screen.getByText(/Ministry of Health/)).toBeInTheDocument();
  expect(screen.getByText("The chair's comment: Shorten section II")).toBeInTheDocument();
  const returnButton = screen.getByRole("button", { name: "Return with comment" });
  expect(returnButton).toBeDisabled();
  await userEvent.type(screen.getByLabelText(/^Comment/), "Add the 2025 figures");
  await userEvent.click(returnButton);
  expect(await screen.findByText("You returned draft version 3 (file version 2.0) with your comment.")).toBeInTheDocument();
  expect(api.calls.find((c) => c.id === "decideDraft")?.input).toMatchObject({ params: { id: "v9" }, body: { decision: "returned", comment: "Add the 2025 figures", openFileVersion: "2.0" } });
});

test("a decision on a file changed since is refused in the server's words, with a way to read the draft again", async () => {
  let reads = 0;
  const api = fakeApi({
    wordPane: () => (reads++ === 0 ? view : { ...view, draft: { ...view.draft, fileVersion: "3.0", eTag: "de2" } }),
    decideDraft: () => {
      throw new ApiProblem("invalid_state", "you have file version 2.0 of draft v3 open, but the file is now at version 3.0: reopen the draft to read the latest text, then decide", 409);
    },
  });
  renderSignedIn(<DraftPane api={api} query={{ draftId: "d3" }} openHref={(d) => d.webUrl} />, { me: ME.chair, api });
  await userEvent.click(await screen.findByRole("button", { name: "Approve" }));
  expect(await screen.findByText(/the file is now at version 3\.0/)).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "Reload" }));
  expect(await screen.findByText("File version 3.0 open")).toBeInTheDocument();
});

test("a document that is not one of our drafts gets a plain message", async () => {
  const api = fakeApi({ wordPane: () => ({ kind: "not-a-draft", reason: "properties-disagree" }) });
  renderSignedIn(<DraftPane api={api} query={{ draftId: "d3", draftVersion: "9" }} openHref={(d) => d.webUrl} />, { me: ME.chair, api });
  expect(await screen.findByText("This document is not one of the mechanism's drafts")).toBeInTheDocument();
  expect(screen.getByText(/it may be a copy/)).toBeInTheDocument();
});
