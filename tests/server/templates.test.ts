/**
 * The secretariat's Word templates through the API, as the tab uses them: an upload answers the
 * placeholders found and the notes, or a 400 saying in words what is wrong (and nothing is
 * written); the list says who uploaded which version when; a draft compiled into a template
 * says which one.
 */
import { queryAll } from "../../core/ports/repository";
import { alterTemplate, makeTemplate } from "../../drafts/testing/templates";
import { UPR_REPORT_TITLE } from "../../demo/seed";
import { PEOPLE, startApiServer, storeSnapshot, type ApiClient } from "./support/api-server";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

interface Template {
  id: string;
  name: string;
  version: string;
  uploadedAt: string;
  uploadedBy: string;
  placeholders: string[];
  notes: string[];
}

let api: ApiClient;
let secretariat: string;

beforeAll(async () => {
  api = await startApiServer();
  secretariat = (await api.tokenFor("secretariat"))!;
}, 120_000);

afterAll(async () => {
  await api?.server.stop();
});

test("a template without {{body}} is refused in words, and nothing is written", async () => {
  const before = await storeSnapshot(api.repos);
  const noBody = await makeTemplate({ body: ["Introduction", "{{annex}}"] });
  const refused = await api.call<{ error: { code: string; message: string; issues: { path: string; message: string }[] } }>("POST", "/api/templates?fileName=No%20body.docx", { token: secretariat, raw: noBody, contentType: DOCX });
  expect(refused.status).toBe(400);
  expect(refused.body.error.code).toBe("validation");
  expect(refused.body.error.message).toMatch(/^This template cannot be used: it has no \{\{body\}\} placeholder/);
  const macro = await alterTemplate(await makeTemplate(), () => ({ "word/vbaProject.bin": new Uint8Array([1, 2, 3]) }));
  const macros = await api.call<{ error: { message: string } }>("POST", "/api/templates?fileName=Macro.docx", { token: secretariat, raw: macro, contentType: DOCX });
  expect(macros.status).toBe(400);
  expect(macros.body.error.message).toMatch(/macros/);
  expect(await storeSnapshot(api.repos)).toEqual(before);
  expect((await api.call<{ items: Template[] }>("GET", "/api/templates", { token: secretariat })).body.items).toEqual([]);
});

test("an upload answers the placeholders and notes; the list says who uploaded which version; a draft compiled into it says so", async () => {
  const withoutTitle = await makeTemplate({ header: "{{version}}, {{date}}" });
  const uploaded = await api.call<Template>("POST", "/api/templates?fileName=Letterhead.docx", { token: secretariat, raw: withoutTitle, contentType: DOCX });
  expect(uploaded.status).toBe(201);
  expect([...uploaded.body.placeholders].sort()).toEqual(["annex", "body", "date", "version"]);
  expect(uploaded.body.notes).toEqual([expect.stringMatching(/no \{\{title\}\}/)]);
  const again = await api.call<Template>("POST", "/api/templates?fileName=Letterhead.docx", { token: secretariat, raw: await makeTemplate(), contentType: DOCX });
  expect(again.body.id).toBe(uploaded.body.id);
  expect(again.body.version).not.toBe(uploaded.body.version);

  const listed = await api.call<{ items: Template[] }>("GET", "/api/templates", { token: secretariat });
  expect(listed.body.items).toEqual([expect.objectContaining({ id: uploaded.body.id, name: "Letterhead.docx", version: again.body.version, uploadedBy: PEOPLE.secretariat.displayName, notes: [] })]);
  expect(listed.body.items[0]!.placeholders).toContain("title");

  const upr = (await queryAll(api.repos.reports)).find((r) => r.title === UPR_REPORT_TITLE)!;
  const compiled = await api.call<{ template?: { id: string; name: string; version: string } }>("POST", `/api/reports/${upr.id}/drafts`, { token: secretariat, body: { templateId: uploaded.body.id } });
  expect(compiled.status).toBe(201);
  expect(compiled.body.template).toEqual({ id: uploaded.body.id, name: "Letterhead.docx", version: again.body.version });
  const plain = await api.call<{ template?: unknown }>("POST", `/api/reports/${upr.id}/drafts`, { token: secretariat, body: {} });
  expect(plain.status).toBe(201);
  expect(plain.body.template).toBeUndefined();
});

test("a template put in SharePoint directly is listed, checked; a file there that is no template is listed as not usable and refused at compile, with nothing written", async () => {
  const fromSharePoint = await api.server.documents.put("Drafts", "Templates", "Ministry letterhead.docx", await makeTemplate(), { contentType: DOCX });
  const broken = await api.server.documents.put("Drafts", "Templates", "Broken.docx", new TextEncoder().encode("not a Word file"), { contentType: DOCX });
  const listed = (await api.call<{ items: Template[] }>("GET", "/api/templates", { token: secretariat })).body.items;
  const direct = listed.find((t) => t.id === fromSharePoint.id)!;
  expect(direct).toMatchObject({ name: "Ministry letterhead.docx", version: fromSharePoint.version, uploadedBy: "" });
  expect([...direct.placeholders].sort()).toEqual(["annex", "body", "date", "title", "version"]);
  expect(direct.notes[0]).toMatch(/not uploaded here/);
  const notUsable = listed.find((t) => t.id === broken.id)!;
  expect(notUsable.placeholders).toEqual([]);
  expect(notUsable.notes.some((note) => note.startsWith("Not usable as a template"))).toBe(true);

  const upr = (await queryAll(api.repos.reports)).find((r) => r.title === UPR_REPORT_TITLE)!;
  const before = await storeSnapshot(api.repos);
  const refused = await api.call<{ error: { code: string; message: string } }>("POST", `/api/reports/${upr.id}/drafts`, { token: secretariat, body: { templateId: broken.id } });
  expect(refused.status).toBe(400);
  expect(refused.body.error.code).toBe("validation");
  expect(await storeSnapshot(api.repos)).toEqual(before);
  const compiled = await api.call<{ template?: { id: string } }>("POST", `/api/reports/${upr.id}/drafts`, { token: secretariat, body: { templateId: fromSharePoint.id } });
  expect(compiled.status).toBe(201);
  expect(compiled.body.template?.id).toBe(fromSharePoint.id);
});
