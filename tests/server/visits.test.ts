/**
 * A visit of a special procedure over HTTP, against the real server and the Graph emulator:
 * from the mandate holder's request to its report's recommendations imported (a UHRI export, as
 * any other) and assigned, with the programme's ministries asked through the bot and the
 * checklist ticked; and what is refused (an impossible step, bad input, a stale eTag) changes nothing.
 */
import { queryAll } from "../../core/ports/repository";
import type { VisitDto, VisitViewDto } from "../../core/api/visits";
import { uhriCsv, uhriUprRecord } from "../import/support/files";
import { type ApiClient, RIGHT_MINISTRY, startApiServer } from "./support/api-server";

let api: ApiClient;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(async () => {
  await api?.server.stop();
});

const SYMBOL = "A/HRC/64/40/Add.2";

test("a visit runs from the request to its report's recommendations, imported and assigned", async () => {
  const token = await api.tokenFor("secretariat");
  const justice = await api.ministryId(RIGHT_MINISTRY);
  const created = await api.call<VisitDto>("POST", "/api/visits", { token, body: { mandate: "Special Rapporteur on the independence of judges and lawyers", holder: "Margaret Satterthwaite", requestedOn: "2026-01-12", requestedFrom: "2099-05-11", requestedTo: "2099-05-20" } });
  expect(created.status).toBe(201);
  expect(created.body.status).toBe("requested");
  const id = created.body.id;

  const accepted = await api.call<VisitDto>("POST", `/api/visits/${id}/reply`, { token, body: { eTag: created.body.eTag, reply: "accept", on: "2026-02-01" } });
  const scheduled = await api.call<VisitDto>("POST", `/api/visits/${id}/dates`, { token, body: { eTag: accepted.body.eTag, from: "2099-05-11", to: "2099-05-20" } });
  expect(scheduled.body).toMatchObject({ status: "scheduled", agreedFrom: "2099-05-11", agreedTo: "2099-05-20" });
  const programme = await api.call<VisitDto>("PUT", `/api/visits/${id}/programme`, { token, body: { eTag: scheduled.body.eTag, meetings: [{ key: "meeting-1", date: "2099-05-12", startTime: "10:00", place: "Supreme Court", with: "President of the Supreme Court", ministryIds: [justice], role: "brief" }] } });
  expect(programme.status).toBe(200);

  const asked = await api.call<{ created: { ministryId: string; subject: { title: string } }[] }>("POST", `/api/visits/${id}/meetings/meeting-1/requests`, { token, body: { ask: "Please brief the Special Rapporteur on the reform of the judiciary.", dueDate: "2099-05-05" } });
  expect(asked.status).toBe(201);
  expect(asked.body.created.map((r) => [r.ministryId, r.subject.title])).toEqual([[justice, "President of the Supreme Court, 2099-05-12 10:00, Supreme Court"]]);
  // The request is the ministry's like any other: its focal point sees it in the requests list.
  const focalPoint = await api.tokenFor("focalPoint");
  const visitReport = (await api.repos.visits.get(id)).reportId!;
  const theirs = await api.call<{ items: { subject: { title?: string } }[] }>("GET", `/api/requests?reportId=${visitReport}`, { token: focalPoint });
  expect(theirs.body.items.map((r) => r.subject.title)).toEqual(["President of the Supreme Court, 2099-05-12 10:00, Supreme Court"]);

  // Asking opened the visit's report: the visit is read again, as the tab does.
  const reread = await api.call<VisitViewDto>("GET", `/api/visits/${id}`, { token });
  expect(reread.body.visit.reportId).toBe(visitReport);
  const ticked = await api.call<VisitDto>("PATCH", `/api/visits/${id}/checklist`, { token, body: { eTag: reread.body.visit.eTag, step: "ask-ministries-to-brief", done: true } });
  expect(ticked.body.checklist.find((s) => s.key === "ask-ministries-to-brief")?.doneAt).toBeDefined();

  // The visit took place (its dates moved to the past for the test) and ended with a statement.
  const moved = await api.repos.visits.update(id, { agreedFrom: "2026-05-11", agreedTo: "2026-05-20", programme: [] }, ticked.body.eTag);
  const statement = await api.call<VisitDto>("POST", `/api/visits/${id}/statement`, { token, body: { eTag: moved.eTag, on: "2026-05-20", webUrl: "https://www.ohchr.org/en/statements/end-of-visit" } });
  expect(statement.body.status).toBe("completed");
  const reported = await api.call<VisitDto>("POST", `/api/visits/${id}/report`, { token, body: { eTag: statement.body.eTag, symbol: SYMBOL } });
  expect(reported.body).toMatchObject({ status: "reported", reportSymbol: SYMBOL });

  // Its recommendations are imported like any others, then assigned.
  const rows = ["75", "76"].map((paragraph) => uhriUprRecord(paragraph, { Text: `${paragraph}. Guarantee the security of tenure of judges.`, "Reccomending Body": "Special Rapporteur on the independence of judges and lawyers", "Document Symbol": SYMBOL, "UPR Position": null, "UPR Reccomending States": null, "UPR Session": null, "OHCHR Annotation Id": `visit-${paragraph}` }));
  const upload = await api.call<{ id: string }>("POST", "/api/imports?fileName=uhri.csv", { token, raw: uhriCsv(rows), contentType: "text/csv" });
  expect(upload.status).toBe(201);
  expect((await api.call("POST", `/api/imports/${upload.body.id}/commit`, { token })).status).toBe(200);
  const imported = (await queryAll(api.repos.recommendations, { where: [{ field: "documentSymbol", op: "eq", value: SYMBOL }] })).find((r) => r.paragraph === "75")!;
  expect(imported.mechanism).toBe("SPECIAL_PROCEDURES");
  expect((await api.call("POST", "/api/recommendations/bulk-assign", { token, body: { items: [{ id: imported.id, eTag: imported.eTag }], leadMinistryId: justice } })).status).toBe(200);

  const view = await api.call<VisitViewDto>("GET", `/api/visits/${id}`, { token: await api.tokenFor("chair") });
  expect(view.body.followUp.recommendations.map((r) => [r.paragraph, r.leadMinistryId])).toEqual([["75", justice], ["76", undefined]]);
  expect(view.body.followUp.unassigned).toBe(1);
}, 120_000);

test("an impossible step, bad input and a stale eTag are refused, say what is wrong, and change nothing", async () => {
  const token = await api.tokenFor("secretariat");
  const created = await api.call<VisitDto>("POST", "/api/visits", { token, body: { mandate: "Working Group on Arbitrary Detention", requestedOn: "2026-03-01" } });
  const id = created.body.id;

  const tooEarly = await api.call<{ error: { code: string; message: string } }>("POST", `/api/visits/${id}/statement`, { token, body: { eTag: created.body.eTag, on: "2026-05-20" } });
  expect(tooEarly.status).toBe(409);
  expect(tooEarly.body.error).toMatchObject({ code: "invalid_state", message: "You cannot record the end-of-visit statement now: the State has not replied to the request yet" });

  const noDates = await api.call<{ error: { code: string; issues: { path: string }[] } }>("POST", `/api/visits/${id}/reply`, { token, body: { eTag: created.body.eTag, reply: "propose-dates", on: "2026-03-05" } });
  expect(noDates.status).toBe(400);
  expect(noDates.body.error.issues.map((i) => i.path)).toContain("body.proposedFrom");

  const backwards = await api.call<{ error: { issues: { path: string }[] } }>("POST", "/api/visits", { token, body: { mandate: "Independent Expert", requestedOn: "2026-03-01", requestedFrom: "2026-06-10", requestedTo: "2026-06-01" } });
  expect(backwards.status).toBe(400);
  expect(backwards.body.error.issues.map((i) => i.path)).toContain("body.requestedTo");

  const declined = await api.call<VisitDto>("POST", `/api/visits/${id}/reply`, { token, body: { eTag: created.body.eTag, reply: "decline", on: "2026-03-05", note: "Not this year." } });
  expect(declined.status).toBe(200);
  const stale = await api.call<{ error: { code: string } }>("PATCH", `/api/visits/${id}/checklist`, { token, body: { eTag: created.body.eTag, step: "send-reply", done: true } });
  expect(stale.status).toBe(412);
  expect(await api.repos.visits.get(id)).toEqual(declined.body);
}, 60_000);

test("the calendar shows the visits agreed and requested to those who may read them, and refuses a backwards period", async () => {
  const token = await api.tokenFor("secretariat");
  const created = await api.call<VisitDto>("POST", "/api/visits", { token, body: { mandate: "Special Rapporteur on the rights of persons with disabilities", requestedOn: "2026-03-01", requestedFrom: "2098-09-14", requestedTo: "2098-09-25" } });
  const calendar = await api.call<{ items: { kind: string; date: string; title: string; source: { id: string } }[] }>("GET", "/api/calendar?from=2098-09-01&to=2098-09-30", { token: await api.tokenFor("focalPoint") });
  expect(calendar.status).toBe(200);
  expect(calendar.body.items.filter((e) => e.source.id === created.body.id).map((e) => [e.kind, e.date])).toEqual([["visit-requested", "2098-09-14"]]);
  const observer = await api.call<{ items: { kind: string }[] }>("GET", "/api/calendar?from=2098-09-01&to=2098-09-30", { token: await api.tokenFor("observer") });
  expect(observer.body.items.filter((e) => e.kind.startsWith("visit"))).toEqual([]);
  const backwards = await api.call<{ error: { issues: { path: string }[] } }>("GET", "/api/calendar?from=2098-09-30&to=2098-09-01", { token });
  expect(backwards.status).toBe(400);
  expect(backwards.body.error.issues.map((i) => i.path)).toContain("query.to");
}, 60_000);
