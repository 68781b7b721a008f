import { ConflictError, NotFoundError } from "../../core/errors";
import type { SharePointStore } from "../sharepoint/open-store";
import { startEmulatedSite, type EmulatedSite } from "../../tests/support/emulated-site";

describe("the document libraries", () => {
  let site: EmulatedSite;
  let store: SharePointStore;
  beforeAll(async () => {
    site = await startEmulatedSite();
    store = await site.open();
  });
  afterAll(() => site.stop());

  it("uploads a small file in one request, and a new version on replace", async () => {
    site.emulator.resetCounters();
    const first = await store.documents.put("Drafts", "UPR report (1)", "UPR report — draft v1.docx", new TextEncoder().encode("first"));
    expect(site.emulator.counters().byKind["upload.simple"]).toBe(1);
    expect(first).toMatchObject({ name: "UPR report — draft v1.docx", folder: "UPR report (1)", size: 5, version: "1.0" });
    expect(first.webUrl).toMatch(/^https:\/\//);

    const second = await store.documents.put("Drafts", "UPR report (1)", "UPR report — draft v1.docx", new TextEncoder().encode("second!"));
    expect(second).toMatchObject({ id: first.id, version: "2.0", size: 7 });
    const versions = await store.documents.versions("Drafts", first.id);
    expect(versions.map((v) => v.id)).toEqual(["2.0", "1.0"]);
    const { content } = await store.documents.get("Drafts", first.id);
    expect(new TextDecoder().decode(content)).toBe("second!");
  });

  it("lists the files of a folder by name, without its subfolders, and none for a folder that does not exist", async () => {
    const text = (value: string) => new TextEncoder().encode(value);
    await store.documents.put("Drafts", "Templates", "Letterhead.docx", text("b"));
    await store.documents.put("Drafts", "Templates", "Annex style.docx", text("a"));
    await store.documents.put("Drafts", "Templates/Old", "Letterhead 2019.docx", text("old"));
    const files = await store.documents.list("Drafts", "Templates");
    expect(files.map((f) => [f.name, f.folder, f.version])).toEqual([
      ["Annex style.docx", "Templates", "1.0"],
      ["Letterhead.docx", "Templates", "1.0"],
    ]);
    await expect(store.documents.list("Drafts", "No such folder")).resolves.toEqual([]);
  });

  it("uploads a large file through an upload session, in chunks of a multiple of 320 KiB", async () => {
    site.emulator.resetCounters();
    const big = new Uint8Array(9 * 1024 * 1024 + 123).map((_, i) => i % 251);
    const file = await store.documents.put("Evidence", "Ministry of Justice", "statistics.pdf", big);
    const counters = site.emulator.counters();
    expect(counters.byKind["upload.session.create"]).toBe(1);
    expect(counters.byKind["upload.chunk"]).toBe(3);
    const { content } = await store.documents.get("Evidence", file.id);
    expect(content.byteLength).toBe(big.byteLength);
    expect(Buffer.compare(Buffer.from(content), Buffer.from(big))).toBe(0);
  });

  it("resumes an upload session after a chunk fails", async () => {
    site.emulator.setFaults({ script: [{ status: 503, kind: "upload.chunk", retryAfterSeconds: 0 }] });
    site.emulator.resetCounters();
    const big = new Uint8Array(5 * 1024 * 1024).fill(7);
    const file = await store.documents.put("Evidence", "", "resumed.bin", big);
    site.emulator.setFaults({});
    expect(site.emulator.counters().byKind["upload.session.get"]).toBe(1);
    expect(file.size).toBe(big.byteLength);
    expect((await store.documents.get("Evidence", file.id)).content.byteLength).toBe(big.byteLength);
  });

  it("stores exactly the bytes of a view into a larger buffer", async () => {
    const whole = new TextEncoder().encode("0123456789abcdefghij");
    const view = whole.subarray(5, 13);
    const small = await store.documents.put("Evidence", "", "view.txt", view);
    expect(new TextDecoder().decode((await store.documents.get("Evidence", small.id)).content)).toBe("56789abc");

    const big = new Uint8Array(6 * 1024 * 1024).map((_, i) => i % 7);
    const bigView = big.subarray(1000, 1000 + 5 * 1024 * 1024);
    const large = await store.documents.put("Evidence", "", "view.bin", bigView);
    const stored = (await store.documents.get("Evidence", large.id)).content;
    expect(Buffer.compare(Buffer.from(stored), Buffer.from(bigView))).toBe(0);
  });

  it("refuses to overwrite when asked to fail on a conflict, and says a missing file is not found", async () => {
    await store.documents.put("Drafts", "Templates", "letterhead.docx", new Uint8Array([1]));
    await expect(store.documents.put("Drafts", "Templates", "letterhead.docx", new Uint8Array([2]), { onConflict: "fail" })).rejects.toBeInstanceOf(ConflictError);
    await expect(store.documents.get("Drafts", "01NOSUCHFILE")).rejects.toBeInstanceOf(NotFoundError);
  });
});
