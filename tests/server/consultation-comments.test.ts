/**
 * Consultation comments over HTTP, against the real server and the Graph emulator: an invited
 * observer comments while the consultation is open, is refused once it closed (and nothing is
 * written), and the secretariat reads the comment, answers it and marks it taken up.
 */
import { queryAll } from "../../core/ports/repository";
import { UPR_REPORT_TITLE } from "../../demo/seed";
import { type ApiClient, PEOPLE, startApiServer } from "./support/api-server";

let api: ApiClient;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(async () => {
  await api?.server.stop();
});

const methodology = { kind: "section" as const, section: "methodology", title: "Methodology and consultation process" };

async function consultation(date: string, endDate: string) {
  const upr = (await queryAll(api.repos.reports)).find((r) => r.title === UPR_REPORT_TITLE)!;
  return api.repos.consultations.create({ reportId: upr.id, stakeholder: "Human Rights Ombudsman", kind: "nhri", subject: "the draft national report", date, endDate, format: "written-comments", sharedItems: [methodology], invitedObserverIds: [PEOPLE.observer.id] });
}

test("an invited observer comments while the consultation is open; the secretariat answers and marks it taken up", async () => {
  const open = await consultation("2020-01-01", "2099-12-31");
  const observer = await api.tokenFor("observer");
  const posted = await api.call<{ id: string; eTag: string; takenUp: boolean }>("POST", `/api/consultations/${open.id}/comments`, { token: observer, body: { item: methodology, text: "Name the regional hearings too." } });
  expect(posted.status).toBe(201);
  expect(posted.body.takenUp).toBe(false);

  const secretariat = await api.tokenFor("secretariat");
  const listed = await api.call<{ items: { text: string; authorId: string }[] }>("GET", `/api/consultations/${open.id}/comments`, { token: secretariat });
  expect(listed.body.items.map((c) => [c.text, c.authorId])).toEqual([["Name the regional hearings too.", PEOPLE.observer.id]]);

  const answered = await api.call<{ answer: string; takenUp: boolean }>("PATCH", `/api/consultation-comments/${posted.body.id}`, { token: secretariat, body: { answer: "Added in paragraph 4.", takenUp: true, eTag: posted.body.eTag } });
  expect(answered.status).toBe(200);
  const seenByObserver = await api.call<{ items: { answer: string; takenUp: boolean }[] }>("GET", `/api/consultations/${open.id}/comments`, { token: observer });
  expect(seenByObserver.body.items).toEqual([expect.objectContaining({ answer: "Added in paragraph 4.", takenUp: true })]);
}, 60_000);

test("an observer is refused once the consultation closed, is told the day it closed, and nothing is written", async () => {
  const closed = await consultation("2020-01-06", "2020-01-31");
  const refused = await api.call<{ error: { code: string; message: string } }>("POST", `/api/consultations/${closed.id}/comments`, { token: await api.tokenFor("observer"), body: { item: methodology, text: "Too late?" } });
  expect(refused.status).toBeGreaterThanOrEqual(400);
  expect(refused.body.error.code).toBe("invalid_state");
  expect(refused.body.error.message).toContain("2020-01-31");
  expect((await queryAll(api.repos.consultationComments)).filter((c) => c.consultationId === closed.id)).toEqual([]);
}, 60_000);
