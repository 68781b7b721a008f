/**
 * A communication from special procedures over HTTP, against the real server and the Graph
 * emulator: received (the reply due 60 days later), the Ministry of Justice asked for input and
 * answering, the reply compiled as a Word draft that carries the answer, approved by the chair,
 * and only then recorded as sent.
 */
import { randomUUID } from "node:crypto";
import type { CommunicationDto } from "../../core/api/visits";
import { readDocx } from "../../drafts/testing/read-docx";
import { type ApiClient, RIGHT_MINISTRY, startApiServer } from "./support/api-server";

let api: ApiClient;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(async () => {
  await api?.server.stop();
});

test("a communication is answered by the ministry, compiled, approved by the chair and sent", async () => {
  const secretariat = await api.tokenFor("secretariat");
  const justice = await api.ministryId(RIGHT_MINISTRY);
  const received = await api.call<CommunicationDto>("POST", "/api/communications", { token: secretariat, body: { reference: "AL SVN 3/2026", kind: "allegation-letter", mandates: ["Special Rapporteur on the situation of human rights defenders"], receivedOn: "2099-01-15", summary: "Alleged arrest of a journalist." } });
  expect(received.status).toBe(201);
  expect(received.body).toMatchObject({ replyDueDate: "2099-03-16", status: "received" });
  const reportId = received.body.reportId!;

  const asked = await api.call<{ created: { id: string; ministryId: string }[] }>("POST", `/api/communications/${received.body.id}/requests`, { token: secretariat, body: { ministryIds: [justice], ask: "What happened to the journalist, and what did the police do?", dueDate: "2099-02-28" } });
  expect(asked.status).toBe(201);
  expect(asked.body.created.map((r) => r.ministryId)).toEqual([justice]);
  const tooLate = await api.call<{ error: { issues: { path: string }[] } }>("POST", `/api/communications/${received.body.id}/requests`, { token: secretariat, body: { ministryIds: [justice], ask: "More?", dueDate: "2099-04-01" } });
  expect(tooLate.status).toBe(400);

  const focalPoint = await api.tokenFor("focalPoint");
  const answer = "The journalist was released the next day; the State Prosecutor opened an inquiry into the arrest.";
  const answered = await api.call("POST", `/api/requests/${asked.body.created[0]!.id}/contributions`, { token: focalPoint, body: { text: answer, submissionId: randomUUID() } });
  expect(answered.status).toBe(201);

  const notYet = await api.call<{ error: { code: string; message: string } }>("POST", `/api/communications/${received.body.id}/sent`, { token: secretariat, body: { eTag: received.body.eTag, on: "2099-03-01" } });
  expect(notYet.status).toBe(409);
  expect(notYet.body.error.message).toContain("The chair has not approved a reply to AL SVN 3/2026 yet");

  const compiled = await api.call<{ draft: { id: string; eTag: string } }>("POST", `/api/reports/${reportId}/drafts`, { token: secretariat, body: {} });
  expect(compiled.status).toBe(201);
  const file = await fetch(`${api.url}/api/drafts/${compiled.body.draft.id}/file`, { headers: { authorization: `Bearer ${secretariat}` } });
  const docx = await readDocx(new Uint8Array(await file.arrayBuffer()));
  expect(Object.values(docx.parts).join("\n")).toContain(answer);
  const sent = await api.call<{ review: { id: string } }>("POST", `/api/drafts/${compiled.body.draft.id}/send-for-approval`, { token: secretariat, body: { eTag: compiled.body.draft.eTag } });
  expect(sent.status).toBe(201);
  const approved = await api.call("POST", `/api/reviews/${sent.body.review.id}/decision`, { token: await api.tokenFor("chair"), body: { decision: "approved" } });
  expect(approved.status).toBe(200);

  const replied = await api.call<CommunicationDto>("POST", `/api/communications/${received.body.id}/sent`, { token: secretariat, body: { eTag: received.body.eTag, on: "2099-03-01" } });
  expect(replied.status).toBe(200);
  expect(replied.body).toMatchObject({ status: "replied", sentOn: "2099-03-01", sentDraftId: compiled.body.draft.id });
  const report = await api.call<{ status: string }>("GET", `/api/reports/${reportId}`, { token: secretariat });
  expect(report.body.status).toBe("submitted");
  const listed = await api.call<{ items: CommunicationDto[] }>("GET", "/api/communications", { token: await api.tokenFor("chair") });
  expect(listed.body.items.find((c) => c.reference === "AL SVN 3/2026")?.status).toBe("replied");
  expect((await api.call("GET", "/api/communications", { token: await api.tokenFor("observer") })).status).toBe(403);
}, 120_000);
