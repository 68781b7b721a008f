/**
 * What people do through the tab, end to end against the real server and the emulator: ask,
 * answer with a file, compile, send to the chair, decide; import with a preview; re-nominate a
 * focal point; the grid's filters and pages; the dashboard; bulk assignment.
 */
import { randomUUID } from "node:crypto";
import { queryAll } from "../../core/ports/repository";
import { makeTemplate } from "../../drafts/testing/templates";
import { readCustomProperties } from "../../drafts/testing/read-docx";
import { UPR_REPORT_TITLE } from "../../demo/seed";
import { uhriCsv, uhriUprRecords } from "../import/support/files";
import { PEOPLE, RIGHT_MINISTRY, startApiServer, type ApiClient } from "./support/api-server";

let api: ApiClient;
let secretariat: string;
let focalPoint: string;
let chair: string;
let observer: string;
let justice: string;

beforeAll(async () => {
  api = await startApiServer();
  secretariat = (await api.tokenFor("secretariat"))!;
  focalPoint = (await api.tokenFor("focalPoint"))!;
  chair = (await api.tokenFor("chair"))!;
  observer = (await api.tokenFor("observer"))!;
  justice = await api.ministryId(RIGHT_MINISTRY);
}, 120_000);

afterAll(async () => {
  await api?.server.stop();
});

interface Rec {
  id: string;
  eTag: string;
  paragraph: string;
  leadMinistryId?: string;
  sharedWithObservers: boolean;
  status: string;
}

test("a report from request to the chair's decision", async () => {
  const report = await api.call<{ id: string; status: string }>("POST", "/api/reports", { token: secretariat, body: { title: "Mid-term report, fourth cycle", mechanism: "UPR", type: "upr-midterm", dueDate: "2099-09-30", timeZone: "Europe/Ljubljana" } });
  expect(report.status).toBe(201);
  expect(report.body.status).toBe("planning");
  const recs = await api.call<{ items: Rec[] }>("GET", `/api/recommendations?leadMinistryId=${justice}&pageSize=3`, { token: secretariat });
  const subjects = recs.body.items.map((r) => ({ kind: "recommendation", recommendationId: r.id }));
  const asked = await api.call<{ created: { id: string }[]; alreadyExisting: number }>("POST", `/api/reports/${report.body.id}/requests`, { token: secretariat, body: { subjects, ask: "What has been done since the review?", dueDate: "2099-06-30" } });
  expect(asked.status).toBe(201);
  expect(asked.body.created).toHaveLength(3);
  const again = await api.call<{ created: unknown[]; alreadyExisting: number }>("POST", `/api/reports/${report.body.id}/requests`, { token: secretariat, body: { subjects, ask: "What has been done since the review?", dueDate: "2099-06-30" } });
  expect(again.body).toMatchObject({ created: [], alreadyExisting: 3 });

  // The focal point finds the requests of their ministry and answers one, with a file.
  const mine = await api.call<{ items: { id: string; eTag: string; status: string }[] }>("GET", `/api/requests?reportId=${report.body.id}&ministryId=${justice}`, { token: focalPoint });
  expect(mine.body.items).toHaveLength(3);
  const request = mine.body.items[0]!;
  const seen = await api.call<{ status: string; eTag: string }>("POST", `/api/requests/${request.id}/see`, { token: focalPoint, body: { eTag: request.eTag } });
  expect(seen.body.status).toBe("seen");
  const file = await api.call<{ name: string; webUrl: string; fileId: string; size: number }>("POST", `/api/requests/${request.id}/attachments?fileName=${encodeURIComponent("Annual report 2025.pdf")}`, { token: focalPoint, raw: new Uint8Array([37, 80, 68, 70, 45, 1, 2, 3]), contentType: "application/pdf" });
  expect(file.status).toBe(201);
  expect(file.body).toMatchObject({ name: "Annual report 2025.pdf", size: 8 });
  const sameName = await api.call<{ name: string }>("POST", `/api/requests/${request.id}/attachments?fileName=${encodeURIComponent("Annual report 2025.pdf")}`, { token: focalPoint, raw: new Uint8Array([37, 80, 68, 70, 45, 9]), contentType: "application/pdf" });
  expect(sameName.body.name).toBe("Annual report 2025 (2).pdf");
  const submissionId = randomUUID();
  const answer = { text: "The Ombudsman Act was amended; see the annual report.", reportedStatus: "partially-implemented", attachments: [file.body], submissionId };
  const answered = await api.call<{ replayed: boolean; contribution: { version: number }; request: { status: string } }>("POST", `/api/requests/${request.id}/contributions`, { token: focalPoint, body: answer });
  expect(answered.status).toBe(201);
  expect(answered.body).toMatchObject({ replayed: false, contribution: { version: 1 }, request: { status: "answered" } });
  const replay = await api.call<{ replayed: boolean }>("POST", `/api/requests/${request.id}/contributions`, { token: focalPoint, body: answer });
  expect(replay.body.replayed).toBe(true);
  const revised = await api.call<{ contribution: { version: number } }>("POST", `/api/requests/${request.id}/contributions`, { token: focalPoint, body: { ...answer, text: "Revised: the budget was raised too.", submissionId: randomUUID() } });
  expect(revised.body.contribution.version).toBe(2);
  const versions = await api.call<{ items: { version: number; text: string }[] }>("GET", `/api/requests/${request.id}/contributions`, { token: secretariat });
  expect(versions.body.items.map((v) => v.version)).toEqual([2, 1]);

  // The secretariat compiles, downloads and sends the draft; the chair returns it.
  const compiled = await api.call<{ draft: { id: string; eTag: string; version: number }; unanswered: unknown[]; wordCount: { counted: number } }>("POST", `/api/reports/${report.body.id}/drafts`, { token: secretariat, body: {} });
  expect(compiled.status).toBe(201);
  expect(compiled.body.draft.version).toBe(1);
  expect(compiled.body.unanswered).toHaveLength(2);
  expect(compiled.body.wordCount.counted).toBeGreaterThan(0);
  const download = await fetch(`${api.url}/api/drafts/${compiled.body.draft.id}/file`, { headers: { authorization: `Bearer ${secretariat}` } });
  expect(download.status).toBe(200);
  expect(download.headers.get("content-disposition")).toMatch(/attachment; filename\*=UTF-8''.*\.docx/);
  const downloaded = Buffer.from(await download.arrayBuffer());
  expect(downloaded.subarray(0, 2).toString()).toBe("PK");
  // The file says which draft it is (what the Word task pane reads).
  expect(await readCustomProperties(downloaded)).toMatchObject({ "NMIRF.ReportId": report.body.id, "NMIRF.DraftId": compiled.body.draft.id, "NMIRF.DraftVersion": "1" });
  const sent = await api.call<{ review: { id: string }; draft: { reviewState: string } }>("POST", `/api/drafts/${compiled.body.draft.id}/send-for-approval`, { token: secretariat, body: { eTag: compiled.body.draft.eTag, message: "For your approval" } });
  expect(sent.status).toBe(201);
  expect(sent.body.draft.reviewState).toBe("in-review");
  // A chair who has another file version open than the library's is refused, and nothing changes.
  const stale = await api.call<{ error: { code: string; message: string } }>("POST", `/api/reviews/${sent.body.review.id}/decision`, { token: chair, body: { decision: "approved", openFileVersion: "99.0" } });
  expect({ status: stale.status, code: stale.body.error.code }).toEqual({ status: 409, code: "invalid_state" });
  expect(stale.body.error.message).toMatch(/^you have file version 99\.0 of draft v1 open, but the file is now at version .+: reopen the draft/);
  const returned = await api.call<{ draft: { reviewState: string }; review: { decision: string; comment: string } }>("POST", `/api/reviews/${sent.body.review.id}/decision`, { token: chair, body: { decision: "returned", comment: "Shorten chapter II." } });
  expect(returned.status).toBe(200);
  expect(returned.body).toMatchObject({ draft: { reviewState: "returned" }, review: { decision: "returned", comment: "Shorten chapter II." } });
  const draft = await api.call<{ reviews: { decision: string }[] }>("GET", `/api/drafts/${compiled.body.draft.id}`, { token: secretariat });
  expect(draft.body.reviews.map((r) => r.decision)).toEqual(["returned"]);

  // The audit log tells the story.
  const audit = await api.call<{ items: { action: string }[] }>("GET", `/api/audit?entityId=${compiled.body.draft.id}&entity=drafts`, { token: chair });
  expect(audit.body.items.map((e) => e.action)).toEqual(["draft.returned", "draft.sent-for-approval", "draft.compiled"]);
});

test("a draft compiled into the secretariat's template", async () => {
  const uploaded = await api.call<{ id: string; placeholders: string[] }>("POST", "/api/templates?fileName=Letterhead.docx", { token: secretariat, raw: await makeTemplate(), contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
  expect(uploaded.status).toBe(201);
  expect(uploaded.body.placeholders).toContain("body");
  const listed = await api.call<{ items: { id: string; name: string }[] }>("GET", "/api/templates", { token: secretariat });
  expect(listed.body.items).toEqual([expect.objectContaining({ id: uploaded.body.id, name: "Letterhead.docx" })]);
  const upr = (await queryAll(api.repos.reports)).find((r) => r.title === UPR_REPORT_TITLE)!;
  const compiled = await api.call<{ draft: { version: number } }>("POST", `/api/reports/${upr.id}/drafts`, { token: secretariat, body: { templateId: uploaded.body.id } });
  expect(compiled.status).toBe(201);
  expect(compiled.body.draft.version).toBeGreaterThan(1);
});

test("an import: upload, preview, commit; a second upload of the same file changes nothing", async () => {
  const file = uhriCsv(uhriUprRecords(5));
  const upload = await api.call<{ id: string; preview: { total: number; new: number }; expiresAt: string }>("POST", "/api/imports?fileName=slovenia.csv", { token: secretariat, raw: file, contentType: "text/csv" });
  expect(upload.status).toBe(201);
  expect(upload.body.preview).toMatchObject({ total: 5, new: 5 });
  expect(new Date(upload.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
  const other = await api.tokenOf("6f1c0d2e-5a7b-4c3d-9e8f-000000000002");
  expect((await api.call("POST", `/api/imports/${upload.body.id}/commit`, { token: other })).status).toBe(404);
  expect((await api.call("GET", `/api/imports/${upload.body.id}`, { token: secretariat })).status).toBe(200);
  const committed = await api.call<{ created: number; auditEntries: number }>("POST", `/api/imports/${upload.body.id}/commit`, { token: secretariat });
  expect(committed.status).toBe(200);
  expect(committed.body).toMatchObject({ created: 5 });
  expect(committed.body.auditEntries).toBeGreaterThan(0);
  expect((await api.call("POST", `/api/imports/${upload.body.id}/commit`, { token: secretariat })).status).toBe(404);
  const second = await api.call<{ preview: { new: number; unchanged: number } }>("POST", "/api/imports?fileName=slovenia.csv", { token: secretariat, raw: file, contentType: "text/csv" });
  expect(second.body.preview).toMatchObject({ new: 0, unchanged: 5 });
});

test("re-nominating a focal point keeps the history and moves the rights at once", async () => {
  const culture = await api.ministryId("Ministry of Culture");
  const newcomer = PEOPLE.otherFocalPoint;
  const before = await api.call<{ ministries: { id: string }[] }>("GET", "/api/me", { token: await api.tokenFor("otherFocalPoint") });
  expect(before.body.ministries.map((m) => m.id)).not.toContain(culture);
  const nominated = await api.call<{ ended: { displayName: string }[] }>("POST", `/api/ministries/${culture}/focal-points`, { token: secretariat, body: { role: "technical", person: { userId: newcomer.id, displayName: newcomer.displayName, email: newcomer.email } } });
  expect(nominated.status).toBe(201);
  expect(nominated.body.ended.map((f) => f.displayName)).toEqual(["Urška Rozman"]);
  const after = await api.call<{ ministries: { id: string; role: string }[]; can: { answerRequests: boolean } }>("GET", "/api/me", { token: await api.tokenFor("otherFocalPoint") });
  expect(after.body.ministries).toContainEqual({ id: culture, name: "Ministry of Culture", role: "technical" });
  const history = await api.call<{ items: { displayName: string; active: boolean; role: string }[] }>("GET", `/api/ministries/${culture}/focal-points`, { token: secretariat });
  expect(history.body.items.filter((f) => f.role === "technical").map((f) => [f.displayName, f.active])).toEqual([
    [newcomer.displayName, true],
    ["Urška Rozman", false],
  ]);
});

test("the grid filters, searches, sorts and pages; observers see only what is shared", async () => {
  const all = await api.call<{ items: Rec[]; total: number; nextPageToken?: string }>("GET", "/api/recommendations?documentSymbol=A/HRC/43/15&pageSize=10", { token: secretariat });
  expect(all.body.total).toBe(36);
  expect(all.body.items.map((r) => r.paragraph).slice(0, 3)).toEqual(["148.1", "148.2", "148.3"]);
  const second = await api.call<{ items: Rec[] }>("GET", `/api/recommendations?documentSymbol=A/HRC/43/15&pageSize=10&pageToken=${all.body.nextPageToken}`, { token: secretariat });
  expect(second.body.items[0]!.paragraph).toBe("148.11");
  const roma = await api.call<{ items: Rec[] }>("GET", "/api/recommendations?q=roma%20housing", { token: secretariat });
  expect(roma.body.items.map((r) => r.paragraph)).toEqual(["148.28"]);
  const accents = await api.call<{ total: number }>("GET", "/api/recommendations?q=REFOULEMENT", { token: secretariat });
  expect(accents.body.total).toBe(1);
  const byStatus = await api.call<{ items: Rec[] }>("GET", "/api/recommendations?documentSymbol=A/HRC/43/15&sort=-status&pageSize=200", { token: secretariat });
  expect(byStatus.body.items[0]!.status).not.toBe("not-assessed");
  const led = await api.call<{ items: Rec[] }>("GET", `/api/recommendations?leadMinistryId=${justice}&pageSize=200`, { token: focalPoint });
  expect(led.body.items.every((r) => r.leadMinistryId === justice)).toBe(true);
  const shared = await api.call<{ total: number }>("GET", "/api/recommendations?documentSymbol=A/HRC/43/15", { token: observer });
  const sharedCount = (await queryAll(api.repos.recommendations)).filter((r) => r.documentSymbol === "A/HRC/43/15" && r.sharedWithObservers).length;
  expect(shared.body.total).toBe(sharedCount);
});

test("the dashboard rolls status up by ministry, with names, and counts the open reports' requests", async () => {
  const dashboard = await api.call<{ recommendations: { total: number }; rows: { key: string; label: string; total: number }[]; reports: { title: string; requests: { total: number; byStatus: Record<string, number> } }[] }>("GET", "/api/dashboard?dimension=ministry&cycle=3", { token: chair });
  expect(dashboard.status).toBe(200);
  expect(dashboard.body.recommendations.total).toBe(36);
  expect(dashboard.body.rows.find((r) => r.key === justice)?.label).toBe(RIGHT_MINISTRY);
  const upr = dashboard.body.reports.find((r) => r.title === UPR_REPORT_TITLE)!;
  expect(upr.requests.total).toBeGreaterThan(10);
  expect(upr.requests.byStatus.escalated).toBeGreaterThan(0);
  expect(upr.requests.byStatus.answered).toBeGreaterThan(0);
  // Other dimensions come as codes: the tab names them in the person's language.
  const sdg = await api.call<{ rows: { key: string; label?: string }[] }>("GET", "/api/dashboard?dimension=sdg", { token: observer });
  expect(sdg.body.rows.map((r) => r.key)).toContain("16");
  expect(sdg.body.rows.every((r) => r.label === undefined)).toBe(true);
});

test("bulk assignment writes what is current and reports what went stale", async () => {
  const items = (await api.call<{ items: Rec[] }>("GET", "/api/recommendations?leadMinistryId=none&pageSize=2", { token: secretariat })).body.items;
  const recs = items.length === 2 ? items : (await api.call<{ items: Rec[] }>("GET", "/api/recommendations?pageSize=2&cycle=3", { token: secretariat })).body.items;
  const [fresh, stale] = recs as [Rec, Rec];
  await api.call("PATCH", `/api/recommendations/${stale.id}`, { token: secretariat, body: { changes: { developmentPlanReference: "NDP 2030, goal 4" }, eTag: stale.eTag } });
  const result = await api.call<{ updated: number; failed: number; results: { ok: boolean; code?: string }[] }>("POST", "/api/recommendations/bulk-assign", { token: secretariat, body: { items: [{ id: fresh.id, eTag: fresh.eTag }, { id: stale.id, eTag: stale.eTag }], leadMinistryId: justice } });
  expect(result.status).toBe(200);
  expect(result.body).toMatchObject({ updated: 1, failed: 1 });
  expect(result.body.results[1]).toMatchObject({ ok: false, code: "concurrency" });
  expect((await api.repos.recommendations.get(fresh.id)).leadMinistryId).toBe(justice);
  expect((await api.repos.recommendations.get(stale.id)).leadMinistryId).not.toBe(justice === stale.leadMinistryId ? "" : justice);
});

test("a field is cleared with null: a milestone un-ticked, a cluster emptied", async () => {
  const report = await api.call<{ id: string }>("POST", "/api/reports", { token: secretariat, body: { title: "Workplan test", mechanism: "CRC", type: "treaty-periodic", dueDate: "2099-01-31", timeZone: "UTC" } });
  const created = await api.call<{ id: string; eTag: string }>("POST", `/api/reports/${report.body.id}/milestones`, { token: secretariat, body: { title: "Consult the NHRI", dueDate: "2098-10-01" } });
  const done = await api.call<{ eTag: string; doneAt?: string }>("PATCH", `/api/milestones/${created.body.id}`, { token: secretariat, body: { changes: { doneAt: "2098-09-30T10:00:00.000Z" }, eTag: created.body.eTag } });
  expect(done.body.doneAt).toBe("2098-09-30T10:00:00.000Z");
  const undone = await api.call<{ doneAt?: string }>("PATCH", `/api/milestones/${created.body.id}`, { token: secretariat, body: { changes: { doneAt: null }, eTag: done.body.eTag } });
  expect(undone.status).toBe(200);
  expect(undone.body.doneAt).toBeUndefined();
  expect((await api.repos.milestones.get(created.body.id)).doneAt).toBeUndefined();

  const [rec] = (await api.call<{ items: Rec[] }>("GET", "/api/recommendations?pageSize=1", { token: secretariat })).body.items;
  const cleared = await api.call<{ cluster?: string }>("PATCH", `/api/recommendations/${rec!.id}`, { token: secretariat, body: { changes: { cluster: null }, eTag: rec!.eTag } });
  expect(cleared.status).toBe(200);
  expect(cleared.body.cluster).toBeUndefined();
  // A required field cannot be cleared.
  const refused = await api.call("PATCH", `/api/milestones/${created.body.id}`, { token: secretariat, body: { changes: { title: null }, eTag: done.body.eTag } });
  expect(refused.status).toBe(400);
});
