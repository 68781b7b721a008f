/**
 * Bad input on every route that takes input: wrong types, missing and unknown fields, texts
 * too long, dates that do not exist, ids that are not ids, OData-looking strings. Each answers
 * the right status with the failing fields named, and the store is read back unchanged.
 */
import { randomUUID } from "node:crypto";
import { queryAll } from "../../core/ports/repository";
import { UPR_REPORT_TITLE } from "../../demo/seed";
import { startApiServer, storeSnapshot, RIGHT_MINISTRY, type ApiClient, type RoleName } from "./support/api-server";

let api: ApiClient;
let ids: { upr: string; justice: string; rec: { id: string; eTag: string }; request: { id: string; eTag: string }; draft: { id: string; eTag: string } };

beforeAll(async () => {
  api = await startApiServer();
  const { repos } = api;
  const upr = (await queryAll(repos.reports)).find((r) => r.title === UPR_REPORT_TITLE)!;
  const justice = await api.ministryId(RIGHT_MINISTRY);
  const rec = (await queryAll(repos.recommendations)).find((r) => r.leadMinistryId === justice)!;
  const request = (await queryAll(repos.requests, { where: [{ field: "ministryId", op: "eq", value: justice }] })).find((r) => r.status === "seen" || r.status === "sent")!;
  const draft = (await queryAll(repos.drafts))[0]!;
  ids = { upr: upr.id, justice, rec, request, draft };
}, 120_000);

afterAll(async () => {
  await api?.server.stop();
});

interface BadCase {
  name: string;
  as: RoleName;
  method: string;
  path: () => string;
  body?: () => unknown;
  raw?: string;
  contentType?: string;
  status: number;
  /** A failing field the answer must name (400). */
  field?: string;
}

const ODATA = "' or 1 eq 1 or Title eq '";
const long = (n: number) => "x".repeat(n);

const CASES: BadCase[] = [
  // Follow-up of implementation
  { name: "action: ends before it starts", as: "secretariat", method: "POST", path: () => "/api/actions", body: () => ({ title: "Reform", recommendationIds: [ids.rec.id], leadMinistryId: ids.justice, startDate: "2027-01-01", endDate: "2026-01-01", expectedOutput: "An act" }), status: 400, field: "body.endDate" },
  { name: "action: no recommendation", as: "secretariat", method: "POST", path: () => "/api/actions", body: () => ({ title: "Reform", recommendationIds: [], leadMinistryId: ids.justice, startDate: "2026-01-01", endDate: "2027-01-01", expectedOutput: "An act" }), status: 400, field: "body.recommendationIds" },
  { name: "action: a recommendation that does not exist", as: "secretariat", method: "POST", path: () => "/api/actions", body: () => ({ title: "Reform", recommendationIds: ["99999"], leadMinistryId: ids.justice, startDate: "2026-01-01", endDate: "2027-01-01", expectedOutput: "An act" }), status: 400, field: "recommendationIds" },
  { name: "indicator: measures nothing", as: "secretariat", method: "POST", path: () => "/api/indicators", body: () => ({ definition: "Cases", unit: "cases", baselineValue: 1, baselineDate: "2025-01-01", targetValue: 2, targetDate: "2027-01-01", dataSource: "Courts" }), status: 400, field: "body.actionId" },
  { name: "progress: empty, with a value that is not a number", as: "focalPoint", method: "POST", path: () => "/api/actions/99999/progress", body: () => ({ text: " ", status: "under-way", values: [{ indicatorId: "1", value: "many", date: "2026-03-31" }], submissionId: randomUUID() }), status: 400, field: "body.text" },
  { name: "progress review: returned without a comment", as: "secretariat", method: "POST", path: () => "/api/progress/99999/review", body: () => ({ decision: "returned" }), status: 400, field: "body.comment" },
  // Recommendations
  { name: "create: no body", as: "secretariat", method: "POST", path: () => "/api/recommendations", status: 400, field: "body.text" },
  { name: "create: wrong types", as: "secretariat", method: "POST", path: () => "/api/recommendations", body: () => ({ text: 42, mechanism: "UPR", documentSymbol: "A/HRC/59/15", paragraph: 7 }), status: 400, field: "body.text" },
  { name: "create: unknown mechanism", as: "secretariat", method: "POST", path: () => "/api/recommendations", body: () => ({ text: "t", mechanism: "NATO", documentSymbol: "A/HRC/59/15", paragraph: "1" }), status: 400, field: "body.mechanism" },
  { name: "create: OData in the symbol", as: "secretariat", method: "POST", path: () => "/api/recommendations", body: () => ({ text: "t", mechanism: "UPR", documentSymbol: ODATA, paragraph: "1" }), status: 400, field: "body.documentSymbol" },
  { name: "create: status is not set by hand", as: "secretariat", method: "POST", path: () => "/api/recommendations", body: () => ({ text: "t", mechanism: "UPR", documentSymbol: "A/HRC/59/15", paragraph: "170.1", status: "implemented" }), status: 400, field: "body" },
  { name: "create: control characters", as: "secretariat", method: "POST", path: () => "/api/recommendations", body: () => ({ text: "bell\u0007", mechanism: "UPR", documentSymbol: "A/HRC/59/15", paragraph: "170.2" }), status: 400, field: "body.text" },
  { name: "create: text too long", as: "secretariat", method: "POST", path: () => "/api/recommendations", body: () => ({ text: long(20_001), mechanism: "UPR", documentSymbol: "A/HRC/59/15", paragraph: "170.3" }), status: 400, field: "body.text" },
  { name: "create: unknown lead ministry", as: "secretariat", method: "POST", path: () => "/api/recommendations", body: () => ({ text: "t", mechanism: "UPR", documentSymbol: "A/HRC/59/15", paragraph: "170.4", leadMinistryId: "9999" }), status: 400, field: "body.leadMinistryId" },
  { name: "create: an existing symbol and paragraph", as: "secretariat", method: "POST", path: () => "/api/recommendations", body: () => ({ text: "t", mechanism: "UPR", documentSymbol: "A/HRC/43/15", paragraph: "148.1" }), status: 409 },
  { name: "create: not JSON", as: "secretariat", method: "POST", path: () => "/api/recommendations", raw: "{text: oops", contentType: "application/json", status: 400, field: "body" },
  { name: "create: JSON sent as text/plain", as: "secretariat", method: "POST", path: () => "/api/recommendations", raw: JSON.stringify({ text: "t" }), contentType: "text/plain", status: 415 },
  { name: "update: no eTag", as: "secretariat", method: "PATCH", path: () => `/api/recommendations/${ids.rec.id}`, body: () => ({ changes: { cluster: "x" } }), status: 400, field: "body.eTag" },
  { name: "update: a workflow field", as: "secretariat", method: "PATCH", path: () => `/api/recommendations/${ids.rec.id}`, body: () => ({ changes: { status: "implemented" }, eTag: ids.rec.eTag }), status: 400, field: "status" },
  { name: "update: an unknown field", as: "secretariat", method: "PATCH", path: () => `/api/recommendations/${ids.rec.id}`, body: () => ({ changes: { colour: "red" }, eTag: ids.rec.eTag }), status: 400, field: "body.changes" },
  { name: "update: an id that is not an id", as: "secretariat", method: "PATCH", path: () => `/api/recommendations/${encodeURIComponent("1 or 1=1")}`, body: () => ({ changes: { cluster: "x" }, eTag: "x" }), status: 400, field: "params.id" },
  { name: "update: no such recommendation", as: "secretariat", method: "PATCH", path: () => "/api/recommendations/987654", body: () => ({ changes: { cluster: "x" }, eTag: "\"x,1\"" }), status: 404 },
  { name: "bulk assign: nothing to assign", as: "secretariat", method: "POST", path: () => "/api/recommendations/bulk-assign", body: () => ({ items: [{ id: ids.rec.id, eTag: ids.rec.eTag }] }), status: 400, field: "body.leadMinistryId" },
  { name: "bulk assign: no items", as: "secretariat", method: "POST", path: () => "/api/recommendations/bulk-assign", body: () => ({ items: [], leadMinistryId: ids.justice }), status: 400, field: "body.items" },
  { name: "bulk assign: unknown ministry", as: "secretariat", method: "POST", path: () => "/api/recommendations/bulk-assign", body: () => ({ items: [{ id: ids.rec.id, eTag: ids.rec.eTag }], leadMinistryId: "4242" }), status: 400 },
  { name: "status: not a status", as: "focalPoint", method: "POST", path: () => `/api/recommendations/${ids.rec.id}/status`, body: () => ({ eTag: ids.rec.eTag, status: "done" }), status: 400, field: "body.status" },
  { name: "list: page size 0", as: "secretariat", method: "GET", path: () => "/api/recommendations?pageSize=0", status: 400, field: "query.pageSize" },
  { name: "list: page size not a number", as: "secretariat", method: "GET", path: () => "/api/recommendations?pageSize=ten", status: 400, field: "query.pageSize" },
  { name: "list: an unknown filter", as: "secretariat", method: "GET", path: () => "/api/recommendations?$filter=status%20eq%20%27x%27", status: 400, field: "query" },
  { name: "list: OData in a ministry filter", as: "secretariat", method: "GET", path: () => `/api/recommendations?leadMinistryId=${encodeURIComponent(ODATA)}`, status: 400, field: "query.leadMinistryId" },
  { name: "list: a forged page token", as: "secretariat", method: "GET", path: () => "/api/recommendations?pageToken=MTAwLmFhYWFhYWFhYWE", status: 400, field: "query.pageToken" },
  { name: "list: a filter given twice", as: "secretariat", method: "GET", path: () => "/api/recommendations?status=implemented&status=noted", status: 400, field: "query.status" },
  // Ministries and focal points
  { name: "ministry: empty name", as: "secretariat", method: "POST", path: () => "/api/ministries", body: () => ({ name: "   " }), status: 400, field: "body.name" },
  { name: "ministry: not an e-mail", as: "secretariat", method: "POST", path: () => "/api/ministries", body: () => ({ name: "Ministry of Tests", email: "nope" }), status: 400, field: "body.email" },
  { name: "ministry: a name taken", as: "secretariat", method: "POST", path: () => "/api/ministries", body: () => ({ name: RIGHT_MINISTRY }), status: 409 },
  { name: "nominate: no person", as: "secretariat", method: "POST", path: () => `/api/ministries/${ids.justice}/focal-points`, body: () => ({ role: "technical" }), status: 400, field: "body.person" },
  { name: "nominate: a third role", as: "secretariat", method: "POST", path: () => `/api/ministries/${ids.justice}/focal-points`, body: () => ({ role: "deputy", person: { userId: "u", displayName: "U", email: "u@gov.example" } }), status: 400, field: "body.role" },
  { name: "nominate: no such ministry", as: "secretariat", method: "POST", path: () => "/api/ministries/8888/focal-points", body: () => ({ role: "technical", person: { userId: "u", displayName: "U", email: "u@gov.example" } }), status: 404 },
  // Reports and milestones
  { name: "report: a date that does not exist", as: "secretariat", method: "POST", path: () => "/api/reports", body: () => ({ title: "T", mechanism: "CAT", type: "treaty-periodic", dueDate: "2027-02-30" }), status: 400, field: "body.dueDate" },
  { name: "report: an unknown time zone", as: "secretariat", method: "POST", path: () => "/api/reports", body: () => ({ title: "T", mechanism: "CAT", type: "treaty-periodic", dueDate: "2027-02-28", timeZone: "Mars/Olympus" }), status: 400, field: "body.timeZone" },
  { name: "report: a negative word limit", as: "secretariat", method: "POST", path: () => "/api/reports", body: () => ({ title: "T", mechanism: "CAT", type: "treaty-periodic", dueDate: "2027-02-28", wordLimit: -5 }), status: 400, field: "body.wordLimit" },
  { name: "milestone: no title", as: "secretariat", method: "POST", path: () => `/api/reports/${ids.upr}/milestones`, body: () => ({ dueDate: "2027-01-01" }), status: 400, field: "body.title" },
  { name: "consultation: unknown kind", as: "secretariat", method: "POST", path: () => "/api/consultations", body: () => ({ stakeholder: "S", kind: "lobby", subject: "S", date: "2026-01-01" }), status: 400, field: "body.kind" },
  // Requests and answers
  { name: "requests: no subjects", as: "secretariat", method: "POST", path: () => `/api/reports/${ids.upr}/requests`, body: () => ({ subjects: [], ask: "Please", dueDate: "2099-01-01" }), status: 400, field: "body.subjects" },
  { name: "requests: a subject of an unknown kind", as: "secretariat", method: "POST", path: () => `/api/reports/${ids.upr}/requests`, body: () => ({ subjects: [{ kind: "rumour" }], ask: "Please", dueDate: "2099-01-01" }), status: 400, field: "body.subjects.0.kind" },
  { name: "requests: no such report", as: "secretariat", method: "POST", path: () => "/api/reports/7777/requests", body: () => ({ subjects: [{ kind: "section", section: "1", title: "Methodology" }], ministries: { mode: "selected", ministryIds: [ids.justice] }, ask: "Please", dueDate: "2099-01-01" }), status: 404 },
  { name: "extend: not a date", as: "secretariat", method: "POST", path: () => `/api/requests/${ids.request.id}/extend`, body: () => ({ eTag: ids.request.eTag, until: "next week" }), status: 400, field: "body.until" },
  { name: "close: no eTag", as: "secretariat", method: "POST", path: () => `/api/requests/${ids.request.id}/close`, body: () => ({}), status: 400, field: "body.eTag" },
  { name: "answer: empty text", as: "focalPoint", method: "POST", path: () => `/api/requests/${ids.request.id}/contributions`, body: () => ({ text: "   ", submissionId: randomUUID() }), status: 400, field: "body.text" },
  { name: "answer: no submission id", as: "focalPoint", method: "POST", path: () => `/api/requests/${ids.request.id}/contributions`, body: () => ({ text: "An answer" }), status: 400, field: "body.submissionId" },
  { name: "answer: not a status", as: "focalPoint", method: "POST", path: () => `/api/requests/${ids.request.id}/contributions`, body: () => ({ text: "An answer", reportedStatus: "finished", submissionId: randomUUID() }), status: 400, field: "body.reportedStatus" },
  { name: "answer: an attachment that is not a link", as: "focalPoint", method: "POST", path: () => `/api/requests/${ids.request.id}/contributions`, body: () => ({ text: "An answer", submissionId: randomUUID(), attachments: [{ name: "x", fileId: "f", webUrl: "javascript:alert(1)", size: 1 }] }), status: 400, field: "body.attachments.0.webUrl" },
  { name: "ask more time: no reason", as: "focalPoint", method: "POST", path: () => `/api/requests/${ids.request.id}/ask-more-time`, body: () => ({ eTag: ids.request.eTag, until: "2099-01-01", reason: "" }), status: 400, field: "body.reason" },
  { name: "attachment: no file name", as: "focalPoint", method: "POST", path: () => `/api/requests/${ids.request.id}/attachments`, raw: "%PDF", contentType: "application/pdf", status: 400, field: "query.fileName" },
  { name: "attachment: an empty file", as: "focalPoint", method: "POST", path: () => `/api/requests/${ids.request.id}/attachments?fileName=a.pdf`, raw: "", contentType: "application/pdf", status: 400, field: "body" },
  // Drafts and templates
  { name: "compile: an unknown field", as: "secretariat", method: "POST", path: () => `/api/reports/${ids.upr}/drafts`, body: () => ({ template: "letterhead" }), status: 400, field: "body" },
  { name: "compile: a template that is not one", as: "secretariat", method: "POST", path: () => `/api/reports/${ids.upr}/drafts`, body: () => ({ templateId: "no-such-file" }), status: 400, field: "body.templateId" },
  { name: "send for approval: no eTag", as: "secretariat", method: "POST", path: () => `/api/drafts/${ids.draft.id}/send-for-approval`, body: () => ({}), status: 400, field: "body.eTag" },
  { name: "decide: return without a comment", as: "chair", method: "POST", path: () => "/api/reviews/1/decision", body: () => ({ decision: "returned" }), status: 400, field: "body.comment" },
  { name: "decide: neither approve nor return", as: "chair", method: "POST", path: () => "/api/reviews/1/decision", body: () => ({ decision: "maybe" }), status: 400, field: "body.decision" },
  { name: "template: a name with a path", as: "secretariat", method: "POST", path: () => `/api/templates?fileName=${encodeURIComponent("../../evil.docx")}`, raw: "PK", contentType: "application/octet-stream", status: 400, field: "query.fileName" },
  { name: "template: not a Word file", as: "secretariat", method: "POST", path: () => "/api/templates?fileName=Letterhead.docx", raw: "this is not a zip", contentType: "application/octet-stream", status: 400 },
  // Imports
  { name: "import: not an import file", as: "secretariat", method: "POST", path: () => "/api/imports?fileName=notes.txt", raw: "hello", contentType: "text/plain", status: 400 },
  { name: "import: a mapping that is not JSON", as: "secretariat", method: "POST", path: () => "/api/imports?fileName=a.csv&mapping=%7Bnope", raw: "a,b\n1,2\n", contentType: "text/csv", status: 400, field: "query.mapping" },
  { name: "import: commit an unknown upload", as: "secretariat", method: "POST", path: () => "/api/imports/AAAAAAAAAAAAAAAAAAAAAA/commit", status: 404 },
  { name: "import: an id that is not one", as: "secretariat", method: "POST", path: () => `/api/imports/${encodeURIComponent("x' or 1")}/commit`, status: 400, field: "params.id" },
  // Overview
  { name: "dashboard: an unknown dimension", as: "secretariat", method: "GET", path: () => "/api/dashboard?dimension=colour", status: 400, field: "query.dimension" },
  { name: "audit: page size too large", as: "secretariat", method: "GET", path: () => "/api/audit?pageSize=100000", status: 400, field: "query.pageSize" },
  { name: "local sign-in: an unknown persona", as: "anonymous", method: "POST", path: () => "/local-auth/token", body: () => ({ persona: ODATA }), status: 404 },
];

test.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
  const before = await storeSnapshot(api.repos);
  const response = await api.call<{ error: { code: string; message: string; issues?: { path: string }[] } }>(c.method, c.path(), {
    token: await api.tokenFor(c.as),
    ...(c.body ? { body: c.body() } : {}),
    ...(c.raw !== undefined ? { raw: c.raw, contentType: c.contentType } : {}),
  });
  expect({ status: response.status, body: response.body }).toMatchObject({ status: c.status });
  expect(response.body.error.message.length).toBeGreaterThan(5);
  if (c.field) expect(response.body.error.issues?.map((i) => i.path)).toContainEqual(expect.stringContaining(c.field));
  expect(await storeSnapshot(api.repos)).toEqual(before);
});

test("an OData-looking string in a filter finds nothing and changes nothing", async () => {
  const token = await api.tokenFor("secretariat");
  const before = await storeSnapshot(api.repos);
  const audit = await api.call<{ items: unknown[] }>("GET", `/api/audit?entity=${encodeURIComponent(ODATA)}`, { token });
  expect(audit.status).toBe(200);
  expect(audit.body.items).toEqual([]);
  const search = await api.call<{ items: unknown[]; total: number }>("GET", `/api/recommendations?q=${encodeURIComponent(ODATA)}&documentSymbol=${encodeURIComponent("A/HRC' or 1 eq 1")}`, { token });
  expect(search.status).toBe(200);
  expect(search.body.total).toBe(0);
  expect(await storeSnapshot(api.repos)).toEqual(before);
});

test("a stale eTag is 412 with the record as it is now, and the change is not written", async () => {
  const token = await api.tokenFor("secretariat");
  const fresh = await api.repos.recommendations.get(ids.rec.id);
  const first = await api.call<{ eTag: string; cluster: string }>("PATCH", `/api/recommendations/${fresh.id}`, { token, body: { changes: { cluster: "Changed by the first officer" }, eTag: fresh.eTag } });
  expect(first.status).toBe(200);
  const second = await api.call<{ error: { code: string; current: { eTag: string; cluster: string } } }>("PATCH", `/api/recommendations/${fresh.id}`, { token, body: { changes: { cluster: "Changed by the second officer" }, eTag: fresh.eTag } });
  expect(second.status).toBe(412);
  expect(second.body.error.code).toBe("concurrency");
  expect(second.body.error.current).toMatchObject({ cluster: "Changed by the first officer", eTag: first.body.eTag });
  expect((await api.repos.recommendations.get(fresh.id)).cluster).toBe("Changed by the first officer");

  const request = await api.repos.requests.get(ids.request.id);
  expect((await api.call("POST", `/api/requests/${request.id}/extend`, { token, body: { eTag: request.eTag, until: "2099-06-30" } })).status).toBe(200);
  const stale = await api.call<{ error: { current: { dueDate: string } } }>("POST", `/api/requests/${request.id}/close`, { token, body: { eTag: request.eTag } });
  expect(stale.status).toBe(412);
  expect(stale.body.error.current.dueDate).toBe("2099-06-30");
  expect((await api.repos.requests.get(request.id)).status).not.toBe("closed");
});
