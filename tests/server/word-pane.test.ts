/**
 * GET /api/word/pane over HTTP, against the real server and the emulator: what the Word task pane
 * shows beside a draft, for the secretariat, the chair and an observer; a document that is not
 * one of our drafts gets a plain answer; bad input is a 400 naming the field.
 */
import type { WordPaneDraftDto, WordPaneDto } from "../../core/api/word";
import { queryAll } from "../../core/ports/repository";
import { UPR_REPORT_TITLE } from "../../demo/seed";
import { startApiServer, type ApiClient } from "./support/api-server";

let api: ApiClient;
let secretariat: string;
let chair: string;
let observer: string;
let upr: string;

beforeAll(async () => {
  api = await startApiServer();
  secretariat = (await api.tokenFor("secretariat"))!;
  chair = (await api.tokenFor("chair"))!;
  observer = (await api.tokenFor("observer"))!;
  upr = (await queryAll(api.repos.reports)).find((r) => r.title === UPR_REPORT_TITLE)!.id;
}, 120_000);

afterAll(async () => {
  await api?.server.stop();
});

async function pane(token: string, query: string) {
  return api.call<WordPaneDto & { error?: { message: string; issues?: { path: string }[] } }>("GET", `/api/word/pane?${query}`, { token });
}

async function paneOf(token: string, draft: { id: string; version: number }): Promise<WordPaneDraftDto> {
  const response = await pane(token, `draftId=${draft.id}&reportId=${upr}&draftVersion=${draft.version}`);
  expect(response.status).toBe(200);
  if (response.body.kind !== "draft") throw new Error(`not a draft: ${JSON.stringify(response.body)}`);
  return response.body;
}

async function compile(): Promise<{ id: string; version: number; eTag: string; webUrl: string }> {
  const compiled = await api.call<{ draft: { id: string; version: number; eTag: string; webUrl: string } }>("POST", `/api/reports/${upr}/drafts`, { token: secretariat, body: {} });
  expect(compiled.status).toBe(201);
  return compiled.body.draft;
}

test("the pane shows the chair what to decide on, beside the draft, and who may do what, through one round of review and the next version", async () => {
  const first = await compile();
  const before = await paneOf(secretariat, first);
  expect(before.report).toMatchObject({ id: upr, title: UPR_REPORT_TITLE, mechanism: "UPR" });
  expect(before.report.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(before.draft).toMatchObject({ id: first.id, version: first.version, reviewState: "drafting" });
  expect(before.draft.fileVersion).toMatch(/^\d+\.\d+$/);
  expect(before.newer).toBeUndefined();
  expect(before.inReview).toBeUndefined();
  // The UPR national report: 10,700 words, the annexed matrix and the notes not counted.
  expect(before.wordCount).toMatchObject({ limit: 10_700, parts: { body: true, footnotes: false, annexes: false } });
  expect(before.wordCount.counted).toBeGreaterThan(0);
  expect(before.unansweredAtCompile).toBeGreaterThan(0);
  expect(before.stillUnanswered.reduce((n, line) => n + line.count, 0)).toBe(before.unansweredAtCompile);
  expect(before.stillUnanswered[0]!.ministryName).toMatch(/^Ministry of /);
  expect(before.contributors.length).toBeGreaterThan(0);
  expect(before.contributors.every((c) => c.ministryName.startsWith("Ministry of") && c.count > 0)).toBe(true);
  expect(before.actions).toEqual({ decide: false, sendForApproval: true });
  const chairBefore = await paneOf(chair, first);
  expect(chairBefore.actions).toMatchObject({ decide: false, sendForApproval: false, readOnlyReason: "nothing-to-decide" });

  const sent = await api.call("POST", `/api/drafts/${first.id}/send-for-approval`, { token: secretariat, body: { eTag: first.eTag, message: "Ready for your reading" } });
  expect(sent.status).toBe(201);
  const inReview = await paneOf(chair, first);
  expect(inReview.inReview).toMatchObject({ draftId: first.id, version: first.version, message: "Ready for your reading" });
  expect(inReview.actions).toEqual({ decide: true, sendForApproval: false });
  expect((await paneOf(secretariat, first)).actions).toMatchObject({ decide: false, sendForApproval: false, readOnlyReason: "waiting-for-chair" });

  const returned = await api.call("POST", `/api/reviews/${inReview.inReview!.reviewId}/decision`, { token: chair, body: { decision: "returned", comment: "Shorten section II", openFileVersion: inReview.draft.fileVersion } });
  expect(returned.status).toBe(200);
  const afterReturn = await paneOf(secretariat, first);
  expect(afterReturn.draft.reviewState).toBe("returned");
  expect(afterReturn.reviews[0]).toMatchObject({ draftVersion: first.version, decision: "returned", comment: "Shorten section II", decidedFileVersion: inReview.draft.fileVersion, message: "Ready for your reading" });

  const second = await compile();
  const old = await paneOf(secretariat, first);
  expect(old.newer).toEqual({ draftId: second.id, version: second.version, webUrl: second.webUrl });
  expect(old.actions).toMatchObject({ sendForApproval: false, readOnlyReason: "newer-version" });
  const latest = await paneOf(secretariat, second);
  expect(latest.newer).toBeUndefined();
  expect(latest.actions.sendForApproval).toBe(true);
  expect(latest.reviews.map((r) => r.comment)).toContain("Shorten section II");
});

test("the document's address finds the draft when it carries no properties", async () => {
  const drafts = await queryAll(api.repos.drafts, { where: [{ field: "reportId", op: "eq", value: upr }] });
  const draft = drafts.find((d) => d.webUrl)!;
  const byUrl = await pane(secretariat, `url=${encodeURIComponent(draft.webUrl!)}`);
  expect(byUrl.body).toMatchObject({ kind: "draft", draft: { id: draft.id, version: draft.version } });
});

test("a document that is not one of our drafts gets a plain answer", async () => {
  const drafts = await queryAll(api.repos.drafts, { where: [{ field: "reportId", op: "eq", value: upr }] });
  const draft = drafts[0]!;
  expect((await pane(chair, "draftId=999999")).body).toEqual({ kind: "not-a-draft", reason: "unknown-draft" });
  expect((await pane(chair, `draftId=${draft.id}&site=${encodeURIComponent("fabrikam.sharepoint.com/sites/other")}`)).body).toEqual({ kind: "not-a-draft", reason: "other-site" });
  expect((await pane(chair, `draftId=${draft.id}&draftVersion=${draft.version + 40}`)).body).toEqual({ kind: "not-a-draft", reason: "properties-disagree" });
  expect((await pane(chair, `url=${encodeURIComponent("https://contoso.sharepoint.com/sites/nmirf/Shared Documents/Letter.docx")}`)).body).toEqual({ kind: "not-a-draft", reason: "unknown-address" });
});

test("bad input is refused naming the field", async () => {
  const nothing = await pane(chair, "");
  expect(nothing.status).toBe(400);
  expect(nothing.body.error!.issues!.map((i) => i.path)).toContain("query.draftId");
  const badVersion = await pane(chair, "draftId=1&draftVersion=two");
  expect(badVersion.status).toBe(400);
  expect(badVersion.body.error!.message).toMatch(/draftVersion/);
  expect((await pane(chair, "url=file:///C:/Letter.docx")).status).toBe(400);
});

test("an observer reads the shared draft's figures read-only: no requests, no review comments, no action", async () => {
  const drafts = await queryAll(api.repos.drafts, { where: [{ field: "reportId", op: "eq", value: upr }] });
  const view = await paneOf(observer, drafts.sort((a, b) => a.version - b.version)[0]!);
  expect(view.access).toBe("shared");
  expect(view.stillUnanswered).toEqual([]);
  expect(view.contributors).toEqual([]);
  expect(view.reviews).toEqual([]);
  expect(view.actions).toMatchObject({ decide: false, sendForApproval: false, readOnlyReason: "not-yours-to-decide" });
});
