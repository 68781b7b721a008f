/**
 * Exports through the API, against the real server and the emulator: the filtered recommendations
 * as .xlsx read back with exceljs (the rows the grid's list shows, in its order, headings in the
 * person's language), as CSV, the requests in French, the audit log; bad input and readers who may
 * not read it are refused.
 */
import ExcelJS from "exceljs";
import { RIGHT_MINISTRY, startApiServer, type ApiClient } from "./support/api-server";

let api: ApiClient;
let secretariat: string;
let focalPoint: string;
let justice: string;

beforeAll(async () => {
  api = await startApiServer();
  secretariat = (await api.tokenFor("secretariat"))!;
  focalPoint = (await api.tokenFor("focalPoint"))!;
  justice = await api.ministryId(RIGHT_MINISTRY);
}, 120_000);

afterAll(async () => {
  await api?.server.stop();
});

async function download(path: string, token: string): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer }> {
  const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, type: response.headers.get("content-type"), disposition: response.headers.get("content-disposition"), bytes: Buffer.from(await response.arrayBuffer()) };
}

async function sheetOf(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))));
  return rows;
}

test("the recommendations the grid's filters show, as an Excel workbook read back", async () => {
  const list = await api.call<{ items: { documentSymbol: string; paragraph: string; text: string }[]; total: number }>("GET", `/api/recommendations?leadMinistryId=${justice}&mechanism=UPR&pageSize=200`, { token: secretariat });
  expect(list.body.total).toBeGreaterThan(1);
  expect(list.body.total).toBe(list.body.items.length);
  const file = await download(`/api/exports/recommendations?leadMinistryId=${justice}&mechanism=UPR&format=xlsx`, secretariat);
  expect(file.status).toBe(200);
  expect(file.type).toContain("spreadsheetml");
  expect(file.disposition).toMatch(/\.xlsx$/);
  const rows = await sheetOf(file.bytes);
  expect(rows[0]!.slice(0, 3)).toEqual(["Document symbol", "Paragraph", "Recommendation"]);
  expect(rows.slice(1).map((r) => `${r[0]} ${r[1]}`)).toEqual(list.body.items.map((r) => `${r.documentSymbol} ${r.paragraph}`));
  expect(rows.slice(1).every((r) => r[11] === RIGHT_MINISTRY)).toBe(true);
  expect(rows[1]![2]).toBe(list.body.items[0]!.text);
});

test("the session filter narrows the list and its export alike", async () => {
  type Page = { items: { session?: number; paragraph: string }[]; total: number };
  const all = await api.call<Page>("GET", "/api/recommendations?pageSize=200", { token: secretariat });
  const session = all.body.items.find((r) => r.session !== undefined)?.session;
  expect(session).toBeDefined();
  const one = await api.call<Page>("GET", `/api/recommendations?session=${session}&pageSize=200`, { token: secretariat });
  expect(one.body.total).toBeGreaterThan(0);
  expect(one.body.items.every((r) => r.session === session)).toBe(true);
  expect(one.body.total).toBe(all.body.items.filter((r) => r.session === session).length);
  const file = await download(`/api/exports/recommendations?session=${session}&format=xlsx`, secretariat);
  expect((await sheetOf(file.bytes)).length - 1).toBe(one.body.total);
  expect((await api.call("GET", "/api/recommendations?session=0", { token: secretariat })).status).toBe(400);
});

test("the same as CSV, and in French", async () => {
  const file = await download(`/api/exports/recommendations?leadMinistryId=${justice}&format=csv&lang=fr`, secretariat);
  expect(file.status).toBe(200);
  expect(file.type).toContain("text/csv");
  const text = file.bytes.toString("utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const [heading] = text.slice(1).split("\r\n");
  expect(heading).toContain("Recommandation");
  expect(heading).toContain("Ministère chef de file");
});

test("the requests a focal point may read, and not the audit log", async () => {
  const file = await download(`/api/exports/requests?format=xlsx&ministryId=${justice}`, focalPoint);
  expect(file.status).toBe(200);
  const rows = await sheetOf(file.bytes);
  expect(rows[0]!.slice(0, 4)).toEqual(["Report", "About", "What it is about", "Ministry"]);
  expect(rows.length).toBeGreaterThan(1);
  expect(rows.slice(1).every((r) => r[3] === RIGHT_MINISTRY)).toBe(true);
  // Another ministry's requests, shared with observers, come without their answers.
  const all = await sheetOf((await download("/api/exports/requests", focalPoint)).bytes);
  const others = all.slice(1).filter((r) => r[3] !== RIGHT_MINISTRY);
  expect(others.every((r) => !r[9] && !r[10])).toBe(true);
  expect((await download("/api/exports/audit", focalPoint)).status).toBe(403);
  const audit = await download("/api/exports/audit?format=csv", secretariat);
  expect(audit.status).toBe(200);
  expect(audit.bytes.toString("utf8")).toContain("When");
});

test("the actions the Actions view's filters show, with their ministries, dates and recommendations by symbol, as a workbook and in French as CSV", async () => {
  type Rec = { id: string; documentSymbol: string; paragraph: string };
  const recs = (await api.call<{ items: Rec[] }>("GET", `/api/recommendations?leadMinistryId=${justice}&pageSize=2`, { token: secretariat })).body.items;
  const created = await api.call<{ id: string }>("POST", "/api/actions", {
    token: secretariat,
    body: { title: "Export: juvenile justice reform", recommendationIds: recs.map((r) => r.id), leadMinistryId: justice, startDate: "2026-01-01", endDate: "2027-12-31", expectedOutput: "A juvenile justice act in force", budgetLine: "Budget 2027, programme 1402" },
  });
  expect(created.status).toBe(201);
  const list = await api.call<{ items: { id: string; title: string }[] }>("GET", `/api/actions?ministryId=${justice}&pageSize=200`, { token: secretariat });

  const file = await download(`/api/exports/actions?ministryId=${justice}`, secretariat);
  expect(file.status).toBe(200);
  expect(file.type).toContain("spreadsheetml");
  const rows = await sheetOf(file.bytes);
  expect(rows[0]).toEqual(["Action", "Status", "Lead ministry", "Supporting ministries", "Starts", "Ends", "Overdue", "Indicators off track", "Recommendations", "Expected output", "Budget line", "Cluster"]);
  expect(rows.slice(1).map((r) => r[0])).toEqual(list.body.items.map((a) => a.title));
  const row = rows.find((r) => r[0] === "Export: juvenile justice reform")!;
  expect([row[1], row[2], row[3] ?? "", row[4], row[5]]).toEqual(["Planned", RIGHT_MINISTRY, "", "2026-01-01", "2027-12-31"]);
  expect(row[8]).toBe(recs.map((r) => `${r.documentSymbol} ${r.paragraph}`).join("; "));
  expect(row.slice(9, 11)).toEqual(["A juvenile justice act in force", "Budget 2027, programme 1402"]);

  const csv = await download(`/api/exports/actions?ministryId=${justice}&status=planned&format=csv&lang=fr`, secretariat);
  expect(csv.type).toContain("text/csv");
  const text = csv.bytes.toString("utf8");
  expect(text).toContain("Résultat attendu");
  expect(text).toContain("Export: juvenile justice reform");
  expect(text).toContain("Prévue");
  const bad = await api.call<{ error: { message: string } }>("GET", "/api/exports/actions?status=finished", { token: secretariat });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/status/);
});

test("a national plan recorded through the API: its actions listed and exported by plan; another plan of the same name and an item in no chapter are refused", async () => {
  const body = { key: "NHRAP 2024-2028", kind: "human-rights-action-plan", title: "National Human Rights Action Plan 2024–2028", startDate: "2024-01-01", endDate: "2028-12-31", chapters: [{ code: "3", title: "Rights of the child" }], items: [{ chapterCode: "3", code: "3.2", text: "A juvenile justice act" }] };
  const plan = await api.call<{ id: string; items: { id: string; code: string }[] }>("POST", "/api/plans", { token: secretariat, body });
  expect(plan.status).toBe(201);
  expect(plan.body.items.map((i) => i.code)).toEqual(["3.2"]);
  const [rec] = (await api.call<{ items: { id: string }[] }>("GET", `/api/recommendations?leadMinistryId=${justice}&pageSize=1`, { token: secretariat })).body.items;
  const created = await api.call("POST", "/api/actions", { token: secretariat, body: { title: "Plan: juvenile justice act", recommendationIds: [rec!.id], leadMinistryId: justice, startDate: "2026-01-01", endDate: "2026-12-31", expectedOutput: "An act in force", planItemIds: [plan.body.items[0]!.id] } });
  expect(created.status).toBe(201);

  const listed = await api.call<{ items: { key: string; items: unknown[] }[] }>("GET", "/api/plans", { token: focalPoint });
  expect(listed.body.items.find((p) => p.key === "NHRAP 2024-2028")?.items).toHaveLength(1);
  const byPlan = await api.call<{ items: { title: string }[] }>("GET", `/api/actions?planId=${plan.body.id}`, { token: secretariat });
  expect(byPlan.body.items.map((a) => a.title)).toEqual(["Plan: juvenile justice act"]);
  const rows = await sheetOf((await download(`/api/exports/actions?planId=${plan.body.id}`, secretariat)).bytes);
  expect(rows.slice(1).map((r) => r[0])).toEqual(["Plan: juvenile justice act"]);

  expect((await api.call("POST", "/api/plans", { token: secretariat, body: { ...body, title: "Another" } })).status).toBe(409);
  const bad = await api.call<{ error: { issues: { path: string; message: string }[] } }>("POST", "/api/plans", { token: secretariat, body: { ...body, key: "NDP", items: [{ chapterCode: "9", code: "9.1", text: "x" }] } });
  expect(bad.status).toBe(400);
  expect(bad.body.error.issues).toEqual([{ path: "items.0.chapterCode", message: "no chapter 9 in the plan" }]);
  expect((await api.call("POST", "/api/plans", { token: focalPoint, body: { ...body, key: "NDP" } })).status).toBe(403);
  expect((await api.call<{ items: { key: string }[] }>("GET", "/api/plans", { token: secretariat })).body.items.map((p) => p.key)).toEqual(["NHRAP 2024-2028"]);
});

test("bad input gets a clear error", async () => {
  const bad = await api.call<{ error: { message: string } }>("GET", "/api/exports/recommendations?format=pdf", { token: secretariat });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/format/);
  expect((await api.call("GET", "/api/exports/recommendations?lang=<script>", { token: secretariat })).status).toBe(400);
});

describe("the UPR matrix", () => {
  type Row = { documentSymbol: string; paragraph: string; text: string; cycle?: number; mechanism: string; recommendingStates: string[] };
  async function uprOfCycle(cycle: number, token: string): Promise<Row[]> {
    const list = await api.call<{ items: Row[] }>("GET", `/api/recommendations?mechanism=UPR&cycle=${cycle}&pageSize=200`, { token });
    return list.body.items;
  }

  test("a cycle's UPR recommendations, in paragraph order, with the State's annex columns", async () => {
    const all = await api.call<{ items: Row[] }>("GET", "/api/recommendations?mechanism=UPR&pageSize=200", { token: secretariat });
    const cycle = all.body.items.find((r) => r.cycle !== undefined)!.cycle!;
    const expected = await uprOfCycle(cycle, secretariat);
    expect(expected.length).toBeGreaterThan(1);
    const file = await download(`/api/exports/upr-matrix?cycle=${cycle}`, secretariat);
    expect(file.status).toBe(200);
    expect(file.disposition).toContain(encodeURIComponent(`UPR matrix, cycle ${cycle}`));
    const rows = await sheetOf(file.bytes);
    expect(rows[0]).toEqual(["Recommendation no.", "Recommendation", "Recommending States", "Position", "Themes", "SDGs", "Lead ministry", "Status", "Document symbol", "Cycle"]);
    expect(rows.slice(1).map((r) => `${r[8]} ${r[0]}`)).toEqual(expected.map((r) => `${r.documentSymbol} ${r.paragraph}`));
    expect(rows.slice(1).every((r) => r[9] === String(cycle))).toBe(true);
    expect(rows[1]![1]).toBe(expected[0]!.text);
    expect(rows[1]![2]).toBe(expected[0]!.recommendingStates.join("; "));
  });

  test("only the rows the reader may read: an observer's matrix holds what is shared with observers", async () => {
    const observer = (await api.tokenFor("observer"))!;
    const shared = await api.call<{ items: Row[] }>("GET", "/api/recommendations?mechanism=UPR&pageSize=200", { token: observer });
    const rows = await sheetOf((await download("/api/exports/upr-matrix", observer)).bytes);
    expect(rows.length - 1).toBe(shared.body.items.length);
    const everything = await sheetOf((await download("/api/exports/upr-matrix", secretariat)).bytes);
    expect(everything.length).toBeGreaterThan(rows.length);
  });

  test("a recommendation typed like a formula stays text, in the workbook and in the CSV", async () => {
    const created = await api.call<{ id: string }>("POST", "/api/recommendations", {
      token: secretariat,
      body: { mechanism: "UPR", documentSymbol: "A/HRC/99/1", paragraph: "1.1", cycle: 9, text: '=HYPERLINK("http://example.invalid","Click")', recommendingStates: ["@Ruritania"] },
    });
    expect(created.status).toBe(201);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download("/api/exports/upr-matrix?cycle=9", secretariat)).bytes as unknown as ArrayBuffer);
    const cell = workbook.worksheets[0]!.getRow(2).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://example.invalid","Click")');
    const csv = (await download("/api/exports/upr-matrix?cycle=9&format=csv", secretariat)).bytes.toString("utf8");
    expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"",""Click"")",'@Ruritania`);
  });

  test("the mechanism is not a filter of the matrix, and bad filters are named", async () => {
    const bad = await api.call<{ error: { message: string } }>("GET", "/api/exports/upr-matrix?mechanism=CRC", { token: secretariat });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/mechanism/);
    expect((await api.call("GET", "/api/exports/upr-matrix?cycle=0", { token: secretariat })).status).toBe(400);
  });
});

describe("the Overview's figures", () => {
  type Dashboard = { recommendations: { total: number; byStatus: Record<string, number> }; rows: { key: string; label?: string; total: number }[]; reports: { title: string }[]; requestsDue: { overdue: { count: number } } };

  test("the totals, the roll-up by the dimension shown and the reports, one sheet each, as the dashboard shows them", async () => {
    const dashboard = (await api.call<Dashboard>("GET", "/api/dashboard?dimension=ministry", { token: secretariat })).body;
    const file = await download("/api/exports/dashboard?dimension=ministry", secretariat);
    expect(file.status).toBe(200);
    expect(file.type).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Summary", "Ministry", "Upcoming report deadlines", "Overdue", "Due in the next 14 days", "Not delivered in Teams"]);
    const summary = workbook.getWorksheet("Summary")!;
    expect(summary.getRow(2).values).toEqual([undefined, "Recommendations", dashboard.recommendations.total]);
    expect(summary.getRow(3).values).toEqual([undefined, "Not assessed", dashboard.recommendations.byStatus["not-assessed"]]);
    const byMinistry = workbook.getWorksheet("Ministry")!;
    expect(byMinistry.rowCount - 1).toBe(dashboard.rows.length);
    const named = dashboard.rows.find((r) => r.label)!;
    const row = byMinistry.getRows(2, dashboard.rows.length)!.find((r) => r.getCell(1).value === named.label)!;
    expect(row.getCell(2).value).toBe(named.total);
    const reports = workbook.getWorksheet("Upcoming report deadlines")!;
    expect(reports.getColumn(1).values.slice(2)).toEqual(dashboard.reports.map((r) => r.title));
    expect(workbook.getWorksheet("Overdue")!.rowCount - 1).toBe(Math.min(dashboard.requestsDue.overdue.count, 100));
  });

  test("by SDG, in French, and as one CSV", async () => {
    const file = await download("/api/exports/dashboard?dimension=sdg&lang=fr&format=csv", secretariat);
    expect(file.status).toBe(200);
    const text = file.bytes.toString("utf8");
    expect(text).toContain("Synthèse\r\n");
    expect(text).toMatch(/\r\n\r\nODD\r\n/);
    expect((await api.call("GET", "/api/exports/dashboard?dimension=region", { token: secretariat })).status).toBe(400);
  });
});
