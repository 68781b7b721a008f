/**
 * Requests say what they are about (a recommendation's symbol and paragraph and first words, a
 * question's number and text), in the list without a lookup per row; the dashboard lists the
 * open requests overdue and due in the next 14 days, for what the caller may read. Against the
 * real server on the Graph emulator, with the demo data (requests due 5 days ago, in 10 and in
 * 21 days; the treaty body's questions due 2 days ago; only the UPR report shared with observers).
 */
import { queryAll } from "../../core/ports/repository";
import { CRC_REPORT_TITLE, UPR_REPORT_TITLE } from "../../demo/seed";
import { RIGHT_MINISTRY, startApiServer, type ApiClient } from "./support/api-server";

interface RequestView {
  id: string;
  eTag: string;
  reportId: string;
  ministryId: string;
  status: string;
  dueDate: string;
  subject: { kind: string; recommendationId?: string; number?: string };
  subjectText?: string;
  subjectReference?: { documentSymbol: string; paragraph: string };
  /** Gone: the API returns values, not words. */
  subjectLabel?: never;
}

interface DueItem {
  id: string;
  reportId: string;
  reportTitle: string;
  ministryId: string;
  ministryName: string;
  subject: { kind: string; recommendationId?: string; number?: string };
  subjectText?: string;
  dueDate: string;
  status: string;
  daysLeft: number;
}

interface Dashboard {
  requestsDue: { horizonDays: number; overdue: { count: number; items: DueItem[] }; dueSoon: { count: number; items: DueItem[] } };
}

let api: ApiClient;
let secretariat: string;
let observer: string;
let focalPoint: string;
let uprId: string;
let crcId: string;
let justice: string;

beforeAll(async () => {
  api = await startApiServer();
  secretariat = (await api.tokenFor("secretariat"))!;
  observer = (await api.tokenFor("observer"))!;
  focalPoint = (await api.tokenFor("focalPoint"))!;
  const reports = await queryAll(api.repos.reports);
  uprId = reports.find((r) => r.title === UPR_REPORT_TITLE)!.id;
  crcId = reports.find((r) => r.title === CRC_REPORT_TITLE)!.id;
  justice = await api.ministryId(RIGHT_MINISTRY);
}, 120_000);

afterAll(async () => {
  await api?.server.stop();
});

describe("requests say what they are about", () => {
  test("about a recommendation: its symbol and paragraph and the first words of its text, in the list and in one request", async () => {
    const list = await api.call<{ items: RequestView[] }>("GET", `/api/requests?reportId=${uprId}&pageSize=200`, { token: secretariat });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(10);
    const recommendations = new Map((await queryAll(api.repos.recommendations)).map((r) => [r.id, r]));
    for (const item of list.body.items) {
      const recommendation = recommendations.get(item.subject.recommendationId!)!;
      expect(item.subjectReference).toEqual({ documentSymbol: "A/HRC/43/15", paragraph: recommendation.paragraph });
      expect(recommendation.text.replace(/\s+/g, " ").startsWith(item.subjectText!.replace(/…$/, ""))).toBe(true);
      expect(item.subjectText!.length).toBeLessThanOrEqual(141);
    }
    const first = list.body.items[0]!;
    const one = await api.call<RequestView>("GET", `/api/requests/${first.id}`, { token: secretariat });
    expect(one.body).toMatchObject({ subjectReference: first.subjectReference, subjectText: first.subjectText });
  });

  test("about a question: its number and text; an action's answer says it too", async () => {
    const list = await api.call<{ items: RequestView[] }>("GET", `/api/requests?reportId=${crcId}`, { token: secretariat });
    const byNumber = new Map(list.body.items.map((r) => [r.subject.number, r]));
    expect(byNumber.get("1")).toMatchObject({ subject: { kind: "question", number: "1" }, subjectText: "Please provide information on the measures taken to prohibit corporal punishment of children in all settings." });
    expect(byNumber.get("3")?.subjectText).toMatch(/^Please provide updated information on access to mental health services/);
    const request = byNumber.get("1")!;
    const extended = await api.call<RequestView>("POST", `/api/requests/${request.id}/extend`, { token: secretariat, body: { eTag: request.eTag, until: "2099-01-31" } });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ status: "extended", subject: { kind: "question", number: "1" } });
  });

  test("an observer reads only the requests about shared recommendations, with their words", async () => {
    const list = await api.call<{ items: RequestView[] }>("GET", `/api/requests?reportId=${uprId}&pageSize=200`, { token: observer });
    expect(list.status).toBe(200);
    const recommendations = new Map((await queryAll(api.repos.recommendations)).map((r) => [r.id, r]));
    const all = await queryAll(api.repos.requests, { where: [{ field: "reportId", op: "eq", value: uprId }] });
    expect(all.some((r) => !recommendations.get(r.recommendationId!)!.sharedWithObservers)).toBe(true);
    // The status of a request about an unshared recommendation is not the observer's to read: it is not listed at all.
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((r) => recommendations.get(r.subject.recommendationId!)!.sharedWithObservers)).toBe(true);
    expect(list.body.items.map((r) => r.id).sort()).toEqual(all.filter((r) => recommendations.get(r.recommendationId!)!.sharedWithObservers).map((r) => r.id).sort());
    for (const item of list.body.items) expect(item.subjectReference).toEqual({ documentSymbol: "A/HRC/43/15", paragraph: expect.stringMatching(/^148\.\d+$/) });
  });

  test("a page of 200 requests costs no more reads of SharePoint than a page of 2: no lookup per row", async () => {
    const emulator = api.server.emulator!;
    const graphReadsFor = async (pageSize: number) => {
      emulator.resetCounters();
      const page = await api.call<{ items: RequestView[] }>("GET", `/api/requests?reportId=${uprId}&pageSize=${pageSize}`, { token: secretariat });
      expect(page.body.items.every((r) => r.subjectReference?.documentSymbol === "A/HRC/43/15")).toBe(true);
      const counters = emulator.counters();
      return { requests: counters.requests, itemGets: counters.byKind["list-items.get"] ?? 0 };
    };
    await graphReadsFor(2); // the read models' first load, if no test loaded them yet
    const small = await graphReadsFor(2);
    const large = await graphReadsFor(200);
    expect(large.itemGets).toBe(0);
    expect(large.requests).toBeLessThanOrEqual(small.requests);
  });
});

describe("the dashboard's requests needing attention", () => {
  test("overdue (most overdue first) and due within 14 days (soonest first), with the report, the ministry and the subject", async () => {
    const all = (await api.call<{ items: RequestView[] }>("GET", "/api/requests?pageSize=200", { token: secretariat })).body.items;
    const waiting = all.filter((r) => ["sent", "seen", "overdue", "escalated", "extended"].includes(r.status));
    const today = new Date().toISOString().slice(0, 10);
    const inFourteen = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const expectedOverdue = waiting.filter((r) => r.dueDate < today).length;
    const expectedSoon = waiting.filter((r) => r.dueDate >= today && r.dueDate <= inFourteen).length;

    const dashboard = await api.call<Dashboard>("GET", "/api/dashboard", { token: secretariat });
    expect(dashboard.status).toBe(200);
    const { overdue, dueSoon, horizonDays } = dashboard.body.requestsDue;
    expect(horizonDays).toBe(14);
    expect(overdue.count).toBe(expectedOverdue);
    expect(overdue.count).toBeGreaterThanOrEqual(2);
    expect(dueSoon.count).toBe(expectedSoon);
    expect(dueSoon.count).toBeGreaterThanOrEqual(3);
    expect(overdue.items.every((r) => r.daysLeft < 0 && ["overdue", "escalated"].includes(r.status))).toBe(true);
    expect(overdue.items.map((r) => r.dueDate)).toEqual([...overdue.items.map((r) => r.dueDate)].sort());
    expect(dueSoon.items.every((r) => r.daysLeft >= 0 && r.daysLeft <= 14 && r.status !== "answered")).toBe(true);
    const escalated = overdue.items.find((r) => r.reportId === uprId)!;
    expect(escalated).toMatchObject({ reportTitle: UPR_REPORT_TITLE, ministryName: expect.stringMatching(/^Ministry of /), subjectReference: { documentSymbol: "A/HRC/43/15", paragraph: expect.stringMatching(/^148\.\d+$/) } });
    expect(escalated.subjectText).toBeTruthy();
    expect(overdue.items.some((r) => r.reportTitle === CRC_REPORT_TITLE && r.subject.kind === "question" && r.subject.number === "3")).toBe(true);
  });

  test("the first N are listed and every one is counted; one ministry's on demand", async () => {
    const full = (await api.call<Dashboard>("GET", "/api/dashboard", { token: focalPoint })).body.requestsDue;
    const first = (await api.call<Dashboard>("GET", "/api/dashboard?dueItems=1", { token: focalPoint })).body.requestsDue;
    expect(first.overdue.items).toHaveLength(1);
    expect(first.overdue.count).toBe(full.overdue.count);
    expect(first.overdue.items[0]!.id).toBe(full.overdue.items[0]!.id);
    const mine = (await api.call<Dashboard>("GET", `/api/dashboard?ministryId=${justice}`, { token: focalPoint })).body.requestsDue;
    expect([...mine.overdue.items, ...mine.dueSoon.items].every((r) => r.ministryId === justice && r.ministryName === RIGHT_MINISTRY)).toBe(true);
    expect(mine.overdue.count + mine.dueSoon.count).toBeGreaterThan(0);
    expect(mine.overdue.count + mine.dueSoon.count).toBeLessThan(full.overdue.count + full.dueSoon.count);
    expect((await api.call("GET", "/api/dashboard?dueItems=0", { token: focalPoint })).status).toBe(400);
  });

  test("an observer sees only the requests of reports shared with observers, about recommendations shared with them", async () => {
    const secretariatView = (await api.call<Dashboard>("GET", "/api/dashboard?dueItems=100", { token: secretariat })).body.requestsDue;
    const observerView = (await api.call<Dashboard>("GET", "/api/dashboard?dueItems=100", { token: observer })).body.requestsDue;
    const items = [...observerView.overdue.items, ...observerView.dueSoon.items];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r.reportId === uprId)).toBe(true);
    const recommendations = new Map((await queryAll(api.repos.recommendations)).map((r) => [r.id, r]));
    const secretariatUpr = [...secretariatView.overdue.items, ...secretariatView.dueSoon.items].filter((r) => r.reportId === uprId);
    expect(secretariatUpr.some((r) => !recommendations.get(r.subject.recommendationId!)!.sharedWithObservers)).toBe(true);
    expect(items.map((r) => r.id).sort()).toEqual(secretariatUpr.filter((r) => recommendations.get(r.subject.recommendationId!)!.sharedWithObservers).map((r) => r.id).sort());
    expect(secretariatView.overdue.items.some((r) => r.reportId === crcId)).toBe(true);
  });
});
