/**
 * The themes vocabulary through the API, against the real server and the emulator: the themes in
 * use with their counts and near-duplicates; a merge previewed (how many change, nothing written),
 * then applied (every recommendation re-tagged, each change audited, the grid's filter follows);
 * bad input named and nothing written.
 */
import { queryAll } from "../../core/ports/repository";
import { startApiServer, storeSnapshot, type ApiClient } from "./support/api-server";

let api: ApiClient;
let secretariat: string;

beforeAll(async () => {
  api = await startApiServer();
  secretariat = (await api.tokenFor("secretariat"))!;
}, 120_000);

afterAll(async () => {
  await api?.server.stop();
});

type Theme = { name: string; count: number; similar: string[] };
type Page = { items: { id: string; themes: string[] }[]; total: number };

test("lists the themes in use with their counts, and names a near-duplicate as similar", async () => {
  const all = await api.call<Page>("GET", "/api/recommendations?mechanism=UPR&pageSize=200", { token: secretariat });
  const target = all.body.items.find((r) => r.themes.length > 0)!;
  // A colleague typed the theme another way on one recommendation.
  const variant = `${target.themes[0]!.replace(/ and /g, " & ")}.`;
  const record = await api.repos.recommendations.get(target.id);
  await api.repos.recommendations.update(record.id, { themes: [...record.themes, variant] }, record.eTag);

  const list = await api.call<{ items: Theme[] }>("GET", "/api/themes?mechanism=UPR", { token: secretariat });
  expect(list.status).toBe(200);
  const entry = list.body.items.find((t) => t.name === target.themes[0])!;
  expect(entry.count).toBe(all.body.items.filter((r) => r.themes.includes(target.themes[0]!)).length);
  expect(entry.similar).toContain(variant);
  expect((await api.call("GET", "/api/themes?mechanism=NOPE", { token: secretariat })).status).toBe(400);
});

test("a merge is previewed (how many change, nothing written), then applied on every recommendation, audited, and the filter follows", async () => {
  const themes = (await api.call<{ items: Theme[] }>("GET", "/api/themes", { token: secretariat })).body.items.sort((a, b) => b.count - a.count);
  const [a, b] = [themes[0]!, themes[1]!];
  const carrying = (await queryAll(api.repos.recommendations)).filter((r) => r.themes.includes(a.name) || r.themes.includes(b.name));
  const before = await storeSnapshot(api.repos);
  const preview = await api.call<{ applied: boolean; changed: number; items: { after: string[] }[]; notFound: string[] }>("POST", "/api/themes/rename", { token: secretariat, body: { from: [a.name, b.name.toLowerCase(), "No such theme"], to: "Merged theme" } });
  expect(preview.status).toBe(200);
  expect(preview.body).toMatchObject({ applied: false, changed: carrying.length, notFound: ["No such theme"] });
  expect(preview.body.items.every((i) => i.after.includes("Merged theme") && !i.after.includes(a.name) && !i.after.includes(b.name))).toBe(true);
  expect(await storeSnapshot(api.repos)).toEqual(before);

  const applied = await api.call<{ applied: boolean; updated: number; failed: number }>("POST", "/api/themes/rename", { token: secretariat, body: { from: [a.name, b.name], to: "Merged theme", apply: true } });
  expect(applied.body).toMatchObject({ applied: true, updated: carrying.length, failed: 0 });
  const after = await queryAll(api.repos.recommendations);
  expect(after.filter((r) => r.themes.includes("Merged theme")).length).toBe(carrying.length);
  expect(after.some((r) => r.themes.includes(a.name) || r.themes.includes(b.name))).toBe(false);
  // A recommendation that carried both carries the merged theme once.
  expect(after.every((r) => r.themes.filter((t) => t === "Merged theme").length <= 1)).toBe(true);
  const audit = await queryAll(api.repos.audit, { where: [{ field: "entity", op: "eq", value: "recommendations" }] });
  const ids = new Set(carrying.map((r) => r.id));
  expect(audit.filter((e) => ids.has(e.entityId) && e.changes.some((c) => c.field === "themes")).length).toBeGreaterThanOrEqual(carrying.length);
  const filtered = await api.call<Page>("GET", `/api/recommendations?theme=${encodeURIComponent("merged THEME")}&pageSize=200`, { token: secretariat });
  expect(filtered.body.total).toBe(carrying.length);
  const vocabulary = (await api.call<{ items: Theme[] }>("GET", "/api/themes", { token: secretariat })).body.items.map((t) => t.name);
  expect(vocabulary).toContain("Merged theme");
  expect(vocabulary).not.toContain(a.name);
});

test("bad input is named and writes nothing; a focal point may not rename", async () => {
  const before = await storeSnapshot(api.repos);
  const empty = await api.call<{ error: { issues: { path: string }[] } }>("POST", "/api/themes/rename", { token: secretariat, body: { from: [], to: "X", apply: true } });
  expect(empty.status).toBe(400);
  expect(empty.body.error.issues.map((i) => i.path)).toContain("body.from");
  const blank = await api.call<{ error: { issues: { path: string }[] } }>("POST", "/api/themes/rename", { token: secretariat, body: { from: ["Merged theme"], to: "  ", apply: true } });
  expect(blank.status).toBe(400);
  expect(blank.body.error.issues.map((i) => i.path)).toContain("body.to");
  const focalPoint = (await api.tokenFor("focalPoint"))!;
  expect((await api.call("POST", "/api/themes/rename", { token: focalPoint, body: { from: ["Merged theme"], to: "Y", apply: true } })).status).toBe(403);
  expect(await storeSnapshot(api.repos)).toEqual(before);
});
