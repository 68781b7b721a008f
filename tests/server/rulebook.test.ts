/**
 * One rulebook, the same from every door, through the real server (the Graph emulator behind
 * it, the demo data seeded): what observers and other ministries' focal points may read, errors
 * that carry no record the caller may not read, the draft as it is shared with observers, the
 * evidence policy of an upload, ask-more-time as a lifecycle event, names and keys compared as
 * people read them. Each refusal changes nothing (the store is read back).
 */
import { randomUUID } from "node:crypto";
import { queryAll } from "../../core/ports/repository";
import { DEMO_PERSONAS } from "../../demo/personas";
import { UPR_REPORT_TITLE, CRC_REPORT_TITLE } from "../../demo/seed";
import { readDocx } from "../../drafts/testing/read-docx";
import { uhriCsv, uhriUprRecord } from "../import/support/files";
import { OTHER_MINISTRY, RIGHT_MINISTRY, startApiServer, storeSnapshot, type ApiClient } from "./support/api-server";

type ErrorBody = { error: { code: string; message: string; current?: unknown; issues?: { path: string }[] } };

let api: ApiClient;
const tokens = {} as Record<"secretariat" | "chair" | "observer" | "focalPoint" | "otherFocalPoint", string>;
const ids = {} as { upr: string; crc: string; justice: string; health: string };

beforeAll(async () => {
  api = await startApiServer();
  for (const role of ["secretariat", "chair", "observer", "focalPoint", "otherFocalPoint"] as const) tokens[role] = (await api.tokenFor(role))!;
  const reports = await queryAll(api.repos.reports);
  ids.upr = reports.find((r) => r.title === UPR_REPORT_TITLE)!.id;
  ids.crc = reports.find((r) => r.title === CRC_REPORT_TITLE)!.id;
  ids.justice = await api.ministryId(RIGHT_MINISTRY);
  ids.health = await api.ministryId(OTHER_MINISTRY);
}, 120_000);

afterAll(async () => {
  await api?.server.stop();
});

async function recommendation(paragraph: string) {
  return (await queryAll(api.repos.recommendations)).find((r) => r.paragraph === paragraph)!;
}

async function uprRequest(paragraph: string, ministryId: string) {
  const rec = await recommendation(paragraph);
  return (await queryAll(api.repos.requests, { where: [{ field: "recommendationId", op: "eq", value: rec.id }] })).find((r) => r.reportId === ids.upr && r.ministryId === ministryId)!;
}

describe("reads: who sees which request and answer", () => {
  test("another ministry's focal point, an observer: a request about an unshared recommendation is refused, and so are its answers", async () => {
    // 148.12: the Ministry of Justice's, not shared with observers.
    const request = await uprRequest("148.12", ids.justice);
    for (const role of ["otherFocalPoint", "observer"] as const) {
      for (const path of [`/api/requests/${request.id}`, `/api/requests/${request.id}/contributions`]) {
        const refused = await api.call<ErrorBody>("GET", path, { token: tokens[role] });
        expect({ role, path, status: refused.status }).toEqual({ role, path, status: 403 });
      }
      const list = await api.call<{ items: { id: string }[] }>("GET", `/api/requests?reportId=${ids.upr}&pageSize=200`, { token: tokens[role] });
      expect(list.body.items.map((r) => r.id)).not.toContain(request.id);
    }
    expect((await api.call("GET", `/api/requests/${request.id}`, { token: tokens.focalPoint })).status).toBe(200);
  });

  test("a request shared with observers: another ministry's focal point and an observer read its status, not its answers", async () => {
    // 148.5: the Ministry of Justice's, shared with observers, answered twice.
    const request = await uprRequest("148.5", ids.justice);
    for (const role of ["otherFocalPoint", "observer"] as const) {
      const read = await api.call<{ status: string; access?: string; latestContributionId?: string }>("GET", `/api/requests/${request.id}`, { token: tokens[role] });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ status: "answered", access: "shared" });
      expect(read.body.latestContributionId).toBeUndefined();
      expect((await api.call("GET", `/api/requests/${request.id}/contributions`, { token: tokens[role] })).status).toBe(403);
    }
    const own = await api.call<{ items: { version: number }[] }>("GET", `/api/requests/${request.id}/contributions`, { token: tokens.focalPoint });
    expect(own.body.items.map((c) => c.version)).toEqual([2, 1]);
  });

  test("the dashboard counts for another ministry's focal point only the requests it may read", async () => {
    const own = await api.call<{ reports: { id: string; requests: { total: number } }[] }>("GET", "/api/dashboard", { token: tokens.otherFocalPoint });
    const all = await api.call<{ reports: { id: string; requests: { total: number } }[] }>("GET", "/api/dashboard", { token: tokens.secretariat });
    const count = (body: typeof own.body) => body.reports.find((r) => r.id === ids.upr)!.requests.total;
    const visible = (await api.call<{ total: number }>("GET", `/api/requests?reportId=${ids.upr}&pageSize=1`, { token: tokens.otherFocalPoint })).body.total;
    expect(count(own.body)).toBe(visible);
    expect(count(own.body)).toBeLessThan(count(all.body));
  });
});

describe("a stale eTag tells nothing to who may not act", () => {
  test("412 with the current record for the secretariat; 403 without it for an observer and another ministry's focal point", async () => {
    const request = await uprRequest("148.12", ids.justice);
    const before = await storeSnapshot(api.repos);
    for (const [role, action, body] of [
      ["observer", "see", { eTag: '"stale"' }],
      ["otherFocalPoint", "decline", { eTag: '"stale"', reason: "Not ours" }],
      ["otherFocalPoint", "ask-more-time", { eTag: '"stale"', until: "2099-01-01", reason: "Later" }],
      ["observer", "close", { eTag: '"stale"' }],
      ["otherFocalPoint", "extend", { eTag: '"stale"', until: "2099-01-01" }],
    ] as const) {
      const refused = await api.call<ErrorBody>("POST", `/api/requests/${request.id}/${action}`, { token: tokens[role], body });
      expect({ role, action, status: refused.status, code: refused.body.error.code }).toEqual({ role, action, status: 403, code: "forbidden" });
      expect(refused.body.error.current).toBeUndefined();
      expect(refused.text).not.toContain(request.ask);
    }
    expect(await storeSnapshot(api.repos)).toEqual(before);
    const stale = await api.call<ErrorBody>("POST", `/api/requests/${request.id}/close`, { token: tokens.secretariat, body: { eTag: '"stale"' } });
    expect(stale.status).toBe(412);
    expect(stale.body.error.current).toMatchObject({ id: request.id, eTag: request.eTag });
  });
});

describe("drafts as observers get them", () => {
  test("an observer's download of an unapproved draft is the version for observers: no unshared recommendation, no focal point named", async () => {
    const compiled = await api.call<{ draft: { id: string } }>("POST", `/api/reports/${ids.upr}/drafts`, { token: tokens.secretariat, body: {} });
    expect(compiled.status).toBe(201);
    const draftId = compiled.body.draft.id;
    const internal = await readDocx(new Uint8Array(await (await fetch(`${api.url}/api/drafts/${draftId}/file`, { headers: { authorization: `Bearer ${tokens.secretariat}` } })).arrayBuffer()));
    const response = await fetch(`${api.url}/api/drafts/${draftId}/file`, { headers: { authorization: `Bearer ${tokens.observer}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(encodeURIComponent("(for observers)"));
    const forObservers = await readDocx(new Uint8Array(await response.arrayBuffer()));

    const unshared = (await queryAll(api.repos.recommendations)).filter((r) => !r.sharedWithObservers);
    const everything = (draft: Awaited<ReturnType<typeof readDocx>>) => Object.values(draft.parts).join("\n");
    // The internal file holds them (the annex of the previous cycle, the focal points in the comments): the observers' one does not.
    expect(unshared.some((r) => everything(internal).includes(r.text.slice(0, 60)))).toBe(true);
    expect(unshared.filter((r) => everything(forObservers).includes(r.text.slice(0, 60)))).toEqual([]);
    const focalPointNames = DEMO_PERSONAS.filter((p) => p.focalPoint).map((p) => p.displayName);
    expect(focalPointNames.some((name) => internal.comments.some((c) => c.text.includes(name)))).toBe(true);
    expect(focalPointNames.filter((name) => everything(forObservers).includes(name))).toEqual([]);
    expect(forObservers.comments.length).toBeGreaterThan(0);

    // An observer reads the draft's record without the rounds of review; another ministry's focal point gets the same file.
    const record = await api.call<{ reviews: unknown[]; unansweredRequestIds: string[] }>("GET", `/api/drafts/${draftId}`, { token: tokens.observer });
    expect(record.body).toMatchObject({ reviews: [], unansweredRequestIds: [] });
    const otherMinistry = await fetch(`${api.url}/api/drafts/${draftId}/file`, { headers: { authorization: `Bearer ${tokens.otherFocalPoint}` } });
    expect(otherMinistry.headers.get("content-disposition")).toContain(encodeURIComponent("(for observers)"));
  });

  test("an approved draft is the file the chair approved; a report not shared with observers has no draft for them", async () => {
    const drafts = await api.call<{ items: { id: string; eTag: string }[] }>("GET", `/api/reports/${ids.upr}/drafts`, { token: tokens.secretariat });
    const latest = drafts.body.items[0]!;
    const sent = await api.call<{ review: { id: string } }>("POST", `/api/drafts/${latest.id}/send-for-approval`, { token: tokens.secretariat, body: { eTag: latest.eTag } });
    expect(sent.status).toBe(201);
    expect((await api.call("POST", `/api/reviews/${sent.body.review.id}/decision`, { token: tokens.chair, body: { decision: "approved" } })).status).toBeLessThan(300);
    const internal = new Uint8Array(await (await fetch(`${api.url}/api/drafts/${latest.id}/file`, { headers: { authorization: `Bearer ${tokens.secretariat}` } })).arrayBuffer());
    const observed = await fetch(`${api.url}/api/drafts/${latest.id}/file`, { headers: { authorization: `Bearer ${tokens.observer}` } });
    expect(Buffer.from(await observed.arrayBuffer()).equals(Buffer.from(internal))).toBe(true);

    const crcDraft = await api.call<{ draft: { id: string } }>("POST", `/api/reports/${ids.crc}/drafts`, { token: tokens.secretariat, body: {} });
    expect(crcDraft.status).toBe(201);
    expect((await api.call("GET", `/api/drafts/${crcDraft.body.draft.id}/file`, { token: tokens.observer })).status).toBe(403);
    // The CRC report is not shared: a focal point of a ministry reads its drafts only when it is.
    expect((await api.call("GET", `/api/drafts/${crcDraft.body.draft.id}/file`, { token: tokens.focalPoint })).status).toBe(403);
  });
});

describe("ask-more-time: a lifecycle event in core, the same as the bot's", () => {
  test("refuses a date on or before the due date and a closed request, changing nothing", async () => {
    // 148.16: seen by its lead ministry, due in ten days.
    const request = await uprRequest("148.16", (await recommendation("148.16")).leadMinistryId!);
    const ministry = await api.repos.ministries.get(request.ministryId);
    const focalPoint = DEMO_PERSONAS.find((p) => p.focalPoint?.role === "technical" && p.focalPoint.ministry === ministry.name)!;
    const token = await api.tokenOf(focalPoint.id);
    const before = await storeSnapshot(api.repos);
    const early = await api.call<ErrorBody>("POST", `/api/requests/${request.id}/ask-more-time`, { token, body: { eTag: request.eTag, until: request.dueDate, reason: "The figures come later." } });
    expect(early.status).toBe(400);
    expect(early.body.error.issues?.map((i) => i.path)).toEqual(["until"]);
    expect(await storeSnapshot(api.repos)).toEqual(before);

    const closed = await api.call<{ eTag: string }>("POST", `/api/requests/${request.id}/close`, { token: tokens.secretariat, body: { eTag: request.eTag } });
    expect(closed.status).toBe(200);
    const afterClose = await storeSnapshot(api.repos);
    const late = await api.call<ErrorBody>("POST", `/api/requests/${request.id}/ask-more-time`, { token, body: { eTag: closed.body.eTag, until: "2099-12-31", reason: "The figures come later." } });
    expect({ status: late.status, code: late.body.error.code }).toEqual({ status: 409, code: "invalid_state" });
    expect(await storeSnapshot(api.repos)).toEqual(afterClose);
  });
});

describe("evidence: one policy for the upload and the chat", () => {
  const upload = (requestId: string, fileName: string, content: Uint8Array | string, contentType: string) =>
    api.call<{ name: string; fileId: string; contentType: string; webUrl: string; size: number } & ErrorBody>("POST", `/api/requests/${requestId}/attachments?fileName=${encodeURIComponent(fileName)}`, { token: tokens.focalPoint, raw: content, contentType });

  test("refuses programs, web pages, SVG, a content that is not its type, names with NUL, a direction override or a folder; stores nothing", async () => {
    const request = await uprRequest("148.6", ids.justice);
    const before = await storeSnapshot(api.repos);
    const pdf = "%PDF-1.7\n%%EOF\n";
    const refusals: [string, string | Uint8Array, string][] = [
      ["setup.exe", new Uint8Array([0x4d, 0x5a, 0x90, 0]), "application/octet-stream"],
      ["page.html", "<html><script>alert(1)</script></html>", "text/html"],
      ["logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "image/svg+xml"],
      ["budget.pdf", "MZ not a pdf", "application/pdf"],
      ["bud\u0000get.pdf", pdf, "application/pdf"],
      ["invoice\u202Efdp.exe.pdf", pdf, "application/pdf"],
      ["../../Drafts/budget.pdf", pdf, "application/pdf"],
      ["folder\\budget.pdf", pdf, "application/pdf"],
    ];
    for (const [name, content, type] of refusals) {
      const refused = await upload(request.id, name, content, type);
      expect({ name, status: refused.status, code: refused.body.error?.code }).toEqual({ name, status: 400, code: "validation" });
    }
    expect(await storeSnapshot(api.repos)).toEqual(before);
    expect(await api.server.documents.list("Evidence", `Report ${ids.upr}/Request ${request.id}`)).toEqual([]);
  });

  test("stores a text as text/plain whatever the sender declares, and an answer may list only files of its request's evidence", async () => {
    const request = await uprRequest("148.6", ids.justice);
    const text = await upload(request.id, "notes.txt", "<html><script>alert(1)</script></html>", "text/html");
    expect(text.status).toBe(201);
    expect(text.body.contentType).toBe("text/plain");

    const other = await uprRequest("148.13", ids.justice);
    const elsewhere = await upload(other.id, "other.pdf", "%PDF-1.7\n%%EOF\n", "application/pdf");
    expect(elsewhere.status).toBe(201);
    const before = await storeSnapshot(api.repos);
    const answer = (attachments: unknown[]) => api.call<ErrorBody>("POST", `/api/requests/${request.id}/contributions`, { token: tokens.focalPoint, body: { text: "See the files.", submissionId: randomUUID(), attachments } });
    const invented = { name: "budget.pdf", fileId: "no-such-file", webUrl: "https://contoso.sharepoint.com/evil.pdf", size: 10 };
    for (const attachments of [[invented], [elsewhere.body]]) {
      const refused = await answer(attachments);
      expect(refused.status).toBe(400);
      expect(refused.body.error.issues?.map((i) => i.path)).toEqual(["attachments.0.fileId"]);
    }
    expect(await storeSnapshot(api.repos)).toEqual(before);
    // The library's description wins over the client's: a renamed link is not stored.
    const saved = await api.call<{ contribution: { attachments: { name: string; webUrl: string }[] } }>("POST", `/api/requests/${request.id}/contributions`, {
      token: tokens.focalPoint,
      body: { text: "See the notes.", submissionId: randomUUID(), attachments: [{ ...text.body, name: "something else.txt", webUrl: "https://evil.example/x" }] },
    });
    expect(saved.status).toBe(201);
    expect(saved.body.contribution.attachments).toEqual([expect.objectContaining({ name: "notes.txt", webUrl: text.body.webUrl })]);
  });
});

describe("names and keys: the same whatever the spelling, at every door", () => {
  test("a ministry's name with another case, a no-break or zero-width space, a Cyrillic е, a fullwidth Ｍ or decomposed accents is refused as taken", async () => {
    const created = await api.call<{ name: string }>("POST", "/api/ministries", { token: tokens.secretariat, body: { name: "Ministère de la Culture\u00a0 " } });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe("Ministère de la Culture");
    const before = await storeSnapshot(api.repos);
    for (const name of ["ministry of justice", "Ministry\u00a0of Justice", "Ministry of Jus\u200btice", "Ministry of Justic\u0435", "\uff2dinistry of Justice", "Ministe\u0300re de la Culture"]) {
      const refused = await api.call<ErrorBody>("POST", "/api/ministries", { token: tokens.secretariat, body: { name } });
      expect({ name, status: refused.status, code: refused.body.error.code }).toEqual({ name, status: 409, code: "conflict" });
    }
    const health = await api.repos.ministries.get(ids.health);
    const renamed = await api.call<ErrorBody>("PATCH", `/api/ministries/${health.id}`, { token: tokens.secretariat, body: { eTag: health.eTag, changes: { name: "MINISTRY OF JUSTICE" } } });
    expect(renamed.status).toBe(409);
    expect(await storeSnapshot(api.repos)).toEqual(before);
  });

  test("recommendation keys: 148.１ and 148.1 with a zero-width space are 148.1, by the API and by an import", async () => {
    const existing = await recommendation("148.1");
    const before = await storeSnapshot(api.repos);
    for (const paragraph of ["148.１", "148.1\u200b", " 148.1. "]) {
      const refused = await api.call<ErrorBody>("POST", "/api/recommendations", { token: tokens.secretariat, body: { text: "A copy", mechanism: "UPR", documentSymbol: existing.documentSymbol, paragraph } });
      expect({ paragraph, status: refused.status }).toEqual({ paragraph, status: 409 });
    }
    expect(await storeSnapshot(api.repos)).toEqual(before);

    const csv = uhriCsv(["148.１", "148.1\u200b"].map((paragraph) => uhriUprRecord(paragraph, { Text: `${paragraph} ${existing.text}`, "Document Symbol": existing.documentSymbol })));
    const upload = await api.call<{ preview: { rows: { outcome: string; existingId?: string; duplicateOf?: number }[] } }>("POST", "/api/imports?fileName=uhri.csv", { token: tokens.secretariat, raw: csv, contentType: "text/csv" });
    expect(upload.status).toBe(201);
    const [first, second] = upload.body.preview.rows;
    // The first is the stored 148.1 (changed or not), the second a duplicate of the first: neither is new.
    expect(first).toMatchObject({ existingId: existing.id });
    expect(second).toMatchObject({ outcome: "duplicate", duplicateOf: expect.any(Number) });
  });
});
