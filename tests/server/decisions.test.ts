/**
 * The decisions inbox through the API, against the real server and the emulator: a decline and
 * an ask for more time are listed as waiting; the secretariat moves one to another ministry and
 * grants the other; the focal point's chat gets the outcome (outbox notices); bad input changes nothing.
 */
import { queryAll } from "../../core/ports/repository";
import { OTHER_MINISTRY, PEOPLE, RIGHT_MINISTRY, startApiServer, storeSnapshot, type ApiClient } from "./support/api-server";

let api: ApiClient;
let secretariat: string;
let focalPoint: string;
let justice: string;
let health: string;

interface Req {
  id: string;
  eTag: string;
  status: string;
  dueDate: string;
  ministryId: string;
  decisions?: string[];
  subjectReference?: { documentSymbol: string; paragraph: string };
  reassignedToRequestId?: string;
}

beforeAll(async () => {
  api = await startApiServer();
  secretariat = (await api.tokenFor("secretariat"))!;
  focalPoint = (await api.tokenFor("focalPoint"))!;
  justice = await api.ministryId(RIGHT_MINISTRY);
  health = await api.ministryId(OTHER_MINISTRY);
}, 120_000);

afterAll(async () => {
  await api?.server.stop();
});

async function noticesTo(userId: string) {
  return (await queryAll(api.repos.outbox, { top: 5000 })).flatMap((e) => (e.recipientId === userId && e.notification.kind === "notice" ? [e.notification] : []));
}

test("a decline is moved to another ministry and an ask for more time is granted, the focal point hearing both", async () => {
  const report = await api.call<{ id: string }>("POST", "/api/reports", { token: secretariat, body: { title: "Decisions report", mechanism: "UPR", type: "upr-midterm", dueDate: "2099-09-30", timeZone: "Europe/Ljubljana" } });
  const recs = await api.call<{ items: { id: string }[] }>("GET", `/api/recommendations?leadMinistryId=${justice}&pageSize=2`, { token: secretariat });
  const asked = await api.call<{ created: Req[] }>("POST", `/api/reports/${report.body.id}/requests`, { token: secretariat, body: { subjects: recs.body.items.map((r) => ({ kind: "recommendation", recommendationId: r.id })), ask: "What was done?", dueDate: "2099-06-30" } });
  const [first, second] = asked.body.created;

  const declined = await api.call<Req>("POST", `/api/requests/${first!.id}/decline`, { token: focalPoint, body: { eTag: first!.eTag, reason: "Health leads on this" } });
  expect(declined.status).toBe(200);
  const more = await api.call<Req>("POST", `/api/requests/${second!.id}/ask-more-time`, { token: focalPoint, body: { eTag: second!.eTag, until: "2099-07-31", reason: "Figures come in July" } });
  expect(more.status).toBe(200);

  const inbox = await api.call<{ items: Req[] }>("GET", "/api/decisions", { token: secretariat });
  expect(inbox.status).toBe(200);
  const mine = inbox.body.items.filter((r) => r.id === first!.id || r.id === second!.id);
  expect(mine.map((r) => [r.id, r.decisions])).toEqual(expect.arrayContaining([[first!.id, ["declined"]], [second!.id, ["more-time"]]]));
  expect(mine[0]!.subjectReference?.documentSymbol).toBeTruthy();
  expect((await api.call("GET", "/api/decisions", { token: focalPoint })).status).toBe(403);

  // Bad input changes nothing: no ministry, the same ministry, a stale read.
  const before = await storeSnapshot(api.repos);
  expect((await api.call("POST", `/api/requests/${first!.id}/decide`, { token: secretariat, body: { eTag: declined.body.eTag, decision: { decision: "reassign" } } })).status).toBe(400);
  expect((await api.call("POST", `/api/requests/${first!.id}/decide`, { token: secretariat, body: { eTag: declined.body.eTag, decision: { decision: "reassign", ministryId: justice } } })).status).toBe(400);
  expect((await api.call("POST", `/api/requests/${first!.id}/decide`, { token: secretariat, body: { eTag: first!.eTag, decision: { decision: "reassign", ministryId: health } } })).status).toBe(412);
  expect((await api.call("POST", `/api/requests/${first!.id}/decide`, { token: focalPoint, body: { eTag: declined.body.eTag, decision: { decision: "reassign", ministryId: health } } })).status).toBe(403);
  expect(await storeSnapshot(api.repos)).toEqual(before);

  const moved = await api.call<{ request: Req; reassignedTo: Req }>("POST", `/api/requests/${first!.id}/decide`, { token: secretariat, body: { eTag: declined.body.eTag, decision: { decision: "reassign", ministryId: health } } });
  expect(moved.status).toBe(200);
  expect(moved.body.request).toMatchObject({ status: "closed", reassignedToRequestId: moved.body.reassignedTo.id });
  expect(moved.body.reassignedTo).toMatchObject({ ministryId: health, dueDate: "2099-06-30" });

  const granted = await api.call<{ request: Req }>("POST", `/api/requests/${second!.id}/decide`, { token: secretariat, body: { eTag: more.body.eTag, decision: { decision: "grant-more-time", until: "2099-07-31" } } });
  expect(granted.body.request).toMatchObject({ dueDate: "2099-07-31" });
  expect(granted.body.request).not.toHaveProperty("moreTimeRequestedUntil");

  const after = await api.call<{ items: Req[] }>("GET", "/api/decisions", { token: secretariat });
  expect(after.body.items.some((r) => r.id === first!.id || r.id === second!.id)).toBe(false);
  const topics = (await noticesTo(PEOPLE.focalPoint.id)).filter((n) => n.requestId === first!.id || n.requestId === second!.id).map((n) => n.topic);
  expect(topics.sort()).toEqual(["more-time-granted", "reassigned"]);
});
