/**
 * A draft from the tab: its .docx for every reader allowed, and its PDF converted by LibreOffice
 * on the server (the PDF of the reader's own edition); a server without LibreOffice says so, and
 * /api/me tells the tab whether to offer PDF.
 */
import { queryAll } from "../../core/ports/repository";
import { UPR_REPORT_TITLE } from "../../demo/seed";
import { startApiServer, type ApiClient } from "./support/api-server";

async function latestDraftId(api: ApiClient): Promise<string> {
  const report = (await queryAll(api.repos.reports)).find((r) => r.title === UPR_REPORT_TITLE)!;
  const drafts = await queryAll(api.repos.drafts, { where: [{ field: "reportId", op: "eq", value: report.id }] });
  return drafts.sort((a, b) => b.version - a.version)[0]!.id;
}

async function download(api: ApiClient, path: string, token: string) {
  const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, type: response.headers.get("content-type"), disposition: response.headers.get("content-disposition") ?? "", bytes };
}

describe("on a server with LibreOffice", () => {
  let api: ApiClient;
  beforeAll(async () => {
    api = await startApiServer();
  }, 120_000);
  afterAll(async () => {
    await api?.server.stop();
  });

  test("the secretariat downloads the draft as .docx and as PDF, and the tab is told PDF is there", async () => {
    const token = (await api.tokenFor("secretariat"))!;
    const me = await api.call<{ can: { downloadPdf: boolean } }>("GET", "/api/me", { token });
    expect(me.body.can.downloadPdf).toBe(true);
    const id = await latestDraftId(api);
    const docx = await download(api, `/api/drafts/${id}/file`, token);
    expect(docx.status).toBe(200);
    expect(docx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const pdf = await download(api, `/api/drafts/${id}/pdf`, token);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe("application/pdf");
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(decodeURIComponent(pdf.disposition)).toMatch(/\.pdf$/);
    expect(decodeURIComponent(pdf.disposition)).toContain(decodeURIComponent(docx.disposition).replace(/^.*''/, "").replace(/\.docx$/, ""));
  }, 200_000);

  test("an observer gets the edition for observers as PDF, named so", async () => {
    const token = (await api.tokenFor("observer"))!;
    const pdf = await download(api, `/api/drafts/${await latestDraftId(api)}/pdf`, token);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(decodeURIComponent(pdf.disposition)).toMatch(/\(for observers\)\.pdf$/);
  }, 200_000);

  test("a draft that does not exist is a 404, converted nothing", async () => {
    const token = (await api.tokenFor("secretariat"))!;
    expect((await download(api, "/api/drafts/999999/pdf", token)).status).toBe(404);
  });
});

describe("on a server without LibreOffice", () => {
  let api: ApiClient;
  beforeAll(async () => {
    api = await startApiServer({ pdf: { soffice: "off", timeoutMs: 10_000 } });
  }, 120_000);
  afterAll(async () => {
    await api?.server.stop();
  });

  test("the tab is told there is no PDF, and asking for one says why and what to do instead", async () => {
    const token = (await api.tokenFor("secretariat"))!;
    const me = await api.call<{ can: { downloadPdf: boolean } }>("GET", "/api/me", { token });
    expect(me.body.can.downloadPdf).toBe(false);
    const id = await latestDraftId(api);
    const refused = await api.call<{ error: { code: string; message: string } }>("GET", `/api/drafts/${id}/pdf`, { token });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe("unavailable");
    expect(refused.body.error.message).toMatch(/LibreOffice.*not installed/);
    expect(refused.body.error.message).toMatch(/Download the \.docx/);
    expect((await download(api, `/api/drafts/${id}/file`, token)).status).toBe(200);
  });
});
