import type { ReviewView } from "../../core/drafts/read-drafts";
import { createTranslator } from "../i18n/translate";
import { approvalCard } from "./approval-card";

const view = {
  review: { id: "v1", eTag: "e", draftId: "d1", reportId: "r1", draftVersion: 2, requestedBy: "u-sec", requestedAt: "2026-11-21T10:00:00.000Z" },
  draft: { id: "d1", eTag: "e", key: "r1#2", reportId: "r1", version: 2, fileName: "draft v2.docx", fileId: "f1", webUrl: "https://contoso.sharepoint.com/sites/nmirf/Drafts/draft%20v2.docx", fileVersion: "1.0", wordCount: { counted: 900, excluded: 0, limit: 10700 }, unansweredRequestIds: [], reviewState: "in-review", compiledAt: "2026-11-20T10:00:00.000Z", compiledBy: "u-sec" },
  report: { id: "r1", eTag: "e", title: "UPR national report", mechanism: "UPR", type: "upr-national", language: "en", dueDate: "2027-02-12", timeZone: "UTC", status: "in-review", questions: [], sharedWithObservers: false },
  requestedByName: "Maja Novak",
  viewerIds: ["u-chair"],
} as unknown as ReviewView;

function openInWord(card: ReturnType<typeof approvalCard>): string | undefined {
  const actions = (card as unknown as { actions?: { type: string; url?: string }[] }).actions ?? [];
  return actions.find((a) => a.type === "Action.OpenUrl")?.url;
}

test("the approval card's Open in Word is the file in SharePoint, or where the bot is told it opens (local mode: the stand-in for Word)", () => {
  const tr = createTranslator("en-GB");
  expect(openInWord(approvalCard(view, tr, { viewerIsChair: true, refreshUserIds: [] }))).toBe(view.draft.webUrl);
  expect(openInWord(approvalCard(view, tr, { viewerIsChair: true, refreshUserIds: [], openInWordUrl: "http://127.0.0.1:3978/word/local.html?draftId=d1" }))).toBe("http://127.0.0.1:3978/word/local.html?draftId=d1");
});
