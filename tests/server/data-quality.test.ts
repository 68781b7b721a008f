/**
 * Issue 14, "a bad row never breaks a list": rows edited directly in the emulator as a person
 * edits them in Microsoft Lists (a wrong choice, an emptied required text, text in a number
 * column, a note typed into the status history, a deleted lookup target). The list, the
 * dashboard, a focal point's requests and compiling keep working; the rows are listed as needing
 * attention, fixed through the API, and back in the list.
 */
import { queryAll, readAll } from "../../core/ports/repository";
import { myOpenRequests } from "../../core/requests/read-requests";
import { UPR_REPORT_TITLE } from "../../demo/seed";
import { type ApiClient, PEOPLE, RIGHT_MINISTRY, startApiServer } from "./support/api-server";

let api: ApiClient;
let token: string;
const broken = {} as Record<"choice" | "emptied" | "number" | "history" | "request", string>;
let dangling: string;
let upr: string;
let justice: string;

type Row = { kind: string; list: string; id: string; eTag: string; title?: string; webUrl?: string; problems: { field: string; column: string; kind: string; message: string; value?: unknown }[] };

beforeAll(async () => {
  api = await startApiServer();
  token = (await api.tokenFor("secretariat"))!;
  const emulator = api.server.emulator!;
  const site = emulator.siteId();
  const recommendations = await queryAll(api.repos.recommendations);
  const [a, b, c, d] = recommendations;
  // As a person in Lists: a status that is not one of the choices, the text cleared, a cycle typed in words, a note in the status history.
  emulator.editItemAsPerson(site, "Recommendations", a!.id, { ImplementationStatus: "Partly done" });
  emulator.editItemAsPerson(site, "Recommendations", b!.id, { RecommendationText: "" });
  emulator.editItemAsPerson(site, "Recommendations", c!.id, { Cycle: "fourth" });
  emulator.editItemAsPerson(site, "Recommendations", d!.id, { StatusHistory: "Checked with the ministry on 3 March" });
  Object.assign(broken, { choice: a!.id, emptied: b!.id, number: c!.id, history: d!.id });
  // A ministry deleted in Lists while a recommendation still points to it.
  const orphan = await api.repos.ministries.create({ name: "Ministry of Temporary Affairs" });
  const pointing = recommendations[5]!;
  await api.repos.recommendations.update(pointing.id, { leadMinistryId: orphan.id }, pointing.eTag);
  emulator.deleteItemAsPerson(site, "Ministries", orphan.id);
  dangling = pointing.id;
  // A request of the Ministry of Justice, for the UPR report, whose status a person mistyped.
  justice = await api.ministryId(RIGHT_MINISTRY);
  upr = (await queryAll(api.repos.reports)).find((r) => r.title === UPR_REPORT_TITLE)!.id;
  const created = await api.call<{ created: { id: string }[] }>("POST", `/api/reports/${upr}/requests`, {
    token,
    body: { subjects: [{ kind: "recommendation", recommendationId: recommendations[6]!.id }], ministries: { mode: "selected", ministryIds: [justice] }, ask: "Please report on the implementation.", dueDate: "2099-01-31" },
  });
  expect(created.status).toBe(201);
  broken.request = created.body.created[0]!.id;
  emulator.editItemAsPerson(site, "Requests", broken.request, { RequestStatus: "Waiting" });
}, 120_000);

afterAll(async () => {
  await api?.server.stop();
});

test("the recommendations list serves every other row and says how many need attention", async () => {
  const total = (await readAll(api.repos.recommendations)).items.length;
  const list = await api.call<{ items: { id: string }[]; total: number; needsAttention: number }>("GET", "/api/recommendations?pageSize=200", { token });
  expect(list.status).toBe(200);
  expect(list.body.total).toBe(total);
  expect(list.body.needsAttention).toBe(4);
  const ids = list.body.items.map((r) => r.id);
  for (const id of Object.values(broken).slice(0, 4)) expect(ids).not.toContain(id);
  // A recommendation whose lead ministry was deleted is still listed.
  expect(ids).toContain(dangling);
});

test("a broken recommendation read by id needs attention (409), it is not the caller's fault (no 400)", async () => {
  const response = await api.call<{ error: { code: string; message: string; issues: { path: string; message: string }[] } }>("GET", `/api/recommendations/${broken.choice}`, { token });
  expect(response.status).toBe(409);
  expect(response.body.error.code).toBe("needs_attention");
  expect(response.body.error.issues).toEqual([{ path: "status", message: expect.stringMatching(/^Implementation status: 'Partly done' is not one of its choices/) }]);
});

test("the dashboard keeps working and says how many rows it left out", async () => {
  const dashboard = await api.call<{ recommendations: { total: number }; needsAttention: { count: number } }>("GET", "/api/dashboard?dimension=ministry", { token });
  expect(dashboard.status).toBe(200);
  expect(dashboard.body.recommendations.total).toBe((await readAll(api.repos.recommendations)).items.length);
  expect(dashboard.body.needsAttention.count).toBe(5);
  const forFocalPoint = await api.call<{ needsAttention?: unknown }>("GET", "/api/dashboard", { token: await api.tokenFor("focalPoint") });
  expect(forFocalPoint.status).toBe(200);
  expect(forFocalPoint.body.needsAttention).toBeUndefined();
});

test("a focal point's requests (the bot's 'my requests') leave the broken one out and count it", async () => {
  const actor = { userId: PEOPLE.focalPoint.id, displayName: "Focal point", roles: [], ministryIds: [justice] };
  const mine = await myOpenRequests({ repos: api.repos }, actor);
  expect(mine.needsAttention).toBe(1);
  expect(mine.views.map((v) => v.request.id)).not.toContain(broken.request);
  const requests = await api.call<{ items: { id: string }[] }>("GET", `/api/requests?reportId=${upr}&pageSize=200`, { token });
  expect(requests.status).toBe(200);
  expect(requests.body.items.map((r) => r.id)).not.toContain(broken.request);
});

test("compiling the report leaves the broken request out and names it", async () => {
  const compiled = await api.call<{ leftOut: { list: string; id: string; problems: string[] }[] }>("POST", `/api/reports/${upr}/drafts`, { token, body: {} });
  expect(compiled.status).toBe(201);
  expect(compiled.body.leftOut).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "requests", list: "Requests", id: broken.request, problems: [expect.stringMatching(/^Status: 'Waiting' is not one of its choices/)] })]));
});

test("the data needing attention names each row, its problem in words, with a link to the item; a fix puts it back in the list", async () => {
  const report = await api.call<{ total: number; rows: Row[] }>("GET", "/api/data-quality", { token });
  expect(report.status).toBe(200);
  expect(report.body.total).toBe(6);
  const row = (id: string, kind = "recommendations") => report.body.rows.find((r) => r.id === id && r.kind === kind)!;
  expect(row(broken.choice)).toMatchObject({ list: "Recommendations", title: expect.stringContaining("A/HRC/"), webUrl: expect.stringMatching(/^https:\/\/contoso\.sharepoint\.com\/sites\/.+\/Lists\/.+_\.000$/) });
  expect(row(broken.choice).problems).toEqual([{ field: "status", column: "Implementation status", kind: "not_a_choice", value: "Partly done", message: expect.stringContaining("'Partly done' is not one of its choices (Not assessed, Not started, In progress"), choices: expect.arrayContaining(["in-progress"]) }]);
  expect(row(broken.emptied).problems).toEqual([expect.objectContaining({ field: "text", column: "Text", kind: "required" })]);
  expect(row(broken.number).problems).toEqual([{ field: "cycle", column: "Cycle", kind: "not_a_number", value: "fourth", message: "'fourth' is not a number" }]);
  expect(row(broken.history).problems).toEqual([expect.objectContaining({ field: "statusHistory", column: "Status history", kind: "not_valid", value: "Checked with the ministry on 3 March" })]);
  expect(row(broken.request, "requests").problems).toEqual([expect.objectContaining({ field: "status", column: "Status", kind: "not_a_choice" })]);
  // The recommendation whose lead ministry was deleted still reads, and needs someone to name the right one.
  expect(row(dangling).problems).toEqual([expect.objectContaining({ field: "leadMinistryId", column: "Lead ministry", kind: "missing_target" })]);
  const orphaned = row(dangling);
  const nowhere = await api.call<{ error: { code: string } }>("PATCH", `/api/data-quality/recommendations/${dangling}`, { token, body: { eTag: orphaned.eTag, fields: { leadMinistryId: "9999" } } });
  expect({ status: nowhere.status, code: nowhere.body.error.code }).toEqual({ status: 400, code: "validation" });
  expect((await api.call("PATCH", `/api/data-quality/recommendations/${dangling}`, { token, body: { eTag: orphaned.eTag, fields: { leadMinistryId: justice } } })).status).toBe(200);

  // A fix that leaves the row invalid writes nothing; a stale eTag is refused.
  const number = row(broken.number);
  const invalid = await api.call<{ error: { code: string } }>("PATCH", `/api/data-quality/recommendations/${number.id}`, { token, body: { eTag: number.eTag, fields: { cycle: "the fourth" } } });
  expect({ status: invalid.status, code: invalid.body.error.code }).toEqual({ status: 400, code: "validation" });
  const fixed = await api.call<{ eTag: string; record: { cycle: number } }>("PATCH", `/api/data-quality/recommendations/${number.id}`, { token, body: { eTag: number.eTag, fields: { cycle: "4" } } });
  expect(fixed.status).toBe(200);
  expect(fixed.body.record.cycle).toBe(4);
  const stale = await api.call<{ error: { code: string } }>("PATCH", `/api/data-quality/recommendations/${broken.choice}`, { token, body: { eTag: number.eTag, fields: { status: "in-progress" } } });
  expect({ status: stale.status, code: stale.body.error.code }).toEqual({ status: 412, code: "concurrency" });

  const choice = row(broken.choice);
  expect((await api.call("PATCH", `/api/data-quality/recommendations/${choice.id}`, { token, body: { eTag: choice.eTag, fields: { status: "partially-implemented" } } })).status).toBe(200);
  const history = row(broken.history);
  expect((await api.call("PATCH", `/api/data-quality/recommendations/${history.id}`, { token, body: { eTag: history.eTag, fields: { statusHistory: null } } })).status).toBe(200);

  const list = await api.call<{ items: { id: string; status: string }[]; needsAttention: number }>("GET", "/api/recommendations?pageSize=200", { token });
  expect(list.body.needsAttention).toBe(1);
  expect(list.body.items.find((r) => r.id === broken.choice)?.status).toBe("partially-implemented");
  expect(list.body.items.map((r) => r.id)).toEqual(expect.arrayContaining([broken.number, broken.history]));
  expect((await api.call<{ total: number }>("GET", "/api/data-quality", { token })).body.total).toBe(2);
  expect((await api.repos.recommendations.get(dangling)).leadMinistryId).toBe(justice);
});
