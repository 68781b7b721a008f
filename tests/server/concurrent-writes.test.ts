/**
 * Writes that arrive at the same time, through the real server on the Graph emulator: what a
 * caller is told matches what is stored. A double click stores once; of many answers, each one
 * told "saved" is stored once and no other is; two compiles never cross.
 */
import { randomUUID } from "node:crypto";
import { queryAll } from "../../core/ports/repository";
import { UPR_REPORT_TITLE } from "../../demo/seed";
import { startApiServer, type ApiClient } from "./support/api-server";

let api: ApiClient;
let focalPoint: string;
let secretariat: string;

beforeAll(async () => {
  api = await startApiServer();
  focalPoint = (await api.tokenFor("focalPoint"))!;
  secretariat = (await api.tokenFor("secretariat"))!;
});
afterAll(async () => api.server.stop());

/** A new request to the Ministry of Justice (the focal point's), nobody has answered yet. */
async function freshRequest(): Promise<string> {
  const report = await api.call<{ id: string }>("POST", "/api/reports", { token: secretariat, body: { title: `Replies ${randomUUID()}`, mechanism: "CAT", type: "loipr-replies", dueDate: "2027-06-01", timeZone: "Europe/Ljubljana", questions: [{ number: "1", text: "Describe the safeguards in police custody." }] } });
  expect(report.status).toBe(201);
  const justice = await api.ministryId("Ministry of Justice");
  const asked = await api.call<{ created: { id: string }[] }>("POST", `/api/reports/${report.body.id}/requests`, {
    token: secretariat,
    body: { subjects: [{ kind: "question", number: "1" }], ministries: { mode: "selected", ministryIds: [justice] }, ask: "Please draft the reply.", dueDate: "2027-05-01" },
  });
  expect(asked.status).toBe(201);
  return asked.body.created[0]!.id;
}

const answer = (requestId: string, submissionId: string, text: string) =>
  api.call<{ replayed: boolean; contribution: { id: string; version: number } }>("POST", `/api/requests/${requestId}/contributions`, { token: focalPoint, body: { text, submissionId } });

test("a double click (the same submission twice at once, twenty times) stores one version, and both clicks are told it is saved", async () => {
  const requestId = await freshRequest();
  const submissionId = randomUUID();
  const responses = await Promise.all(Array.from({ length: 20 }, () => answer(requestId, submissionId, "We adopted a custody code.")));
  expect(responses.map((r) => r.status).every((s) => s === 201 || s === 200)).toBe(true);
  const stored = await queryAll(api.repos.contributions, { where: [{ field: "requestId", op: "eq", value: requestId }] });
  expect(stored).toHaveLength(1);
  expect(new Set(responses.map((r) => r.body.contribution.id))).toEqual(new Set([stored[0]!.id]));
});

test("twenty-five answers at once: each one told it is saved is stored, once; none refused is stored; versions follow one another", async () => {
  const requestId = await freshRequest();
  const ids = Array.from({ length: 25 }, () => randomUUID());
  const responses = await Promise.all(ids.map((id, i) => answer(requestId, id, `Answer number ${i}.`)));
  const stored = await queryAll(api.repos.contributions, { where: [{ field: "requestId", op: "eq", value: requestId }] });
  const told = ids.filter((_, i) => responses[i]!.status === 201 || responses[i]!.status === 200);
  expect(stored.map((c) => c.submissionId).sort()).toEqual(told.sort());
  for (const [i, response] of responses.entries()) {
    if (response.status >= 300) expect(stored.some((c) => c.submissionId === ids[i])).toBe(false);
  }
  expect(stored.map((c) => c.version).sort((a, b) => a - b)).toEqual(stored.map((_, i) => i + 1));
  const request = await api.repos.requests.get(requestId);
  expect(request.latestVersion).toBe(stored.length);
  expect(request.latestContributionId).toBe(stored.find((c) => c.version === stored.length)!.id);
}, 180_000);

test("two compiles at once: two versions, each record with its own file", async () => {
  const reports = await queryAll(api.repos.reports);
  const upr = reports.find((r) => r.title === UPR_REPORT_TITLE)!;
  const [a, b] = await Promise.all([0, 1].map(() => api.call<{ draft: { id: string; version: number; fileId: string } }>("POST", `/api/reports/${upr.id}/drafts`, { token: secretariat, body: {} })));
  expect([a!.status, b!.status]).toEqual([201, 201]);
  expect(a!.body.draft.version).not.toBe(b!.body.draft.version);
  expect(a!.body.draft.fileId).not.toBe(b!.body.draft.fileId);
  for (const { draft } of [a!.body, b!.body]) {
    const { file } = await api.server.documents.get("Drafts", draft.fileId);
    expect(file.name).toMatch(new RegExp(`draft v${draft.version}\\.docx$`));
  }
});
