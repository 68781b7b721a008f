/** Document libraries, uploads, upload sessions, downloads and file versions (graph-contract.md 5). */
import { startGraphEmulator, type RunningGraphEmulator } from "./index";
import { quickXorHash } from "./model/quick-xor-hash";
import { testClient, type EmulatorTestClient } from "./test-client";

let emulator: RunningGraphEmulator;
let client: EmulatorTestClient;

const KIB_320 = 320 * 1024;

beforeAll(async () => {
  emulator = await startGraphEmulator();
  client = testClient(emulator);
});

afterAll(async () => {
  await client.close();
  await emulator.stop();
});

interface Library {
  siteId: string;
  listId: string;
  driveId: string;
  drive: string;
}

async function newLibrary(): Promise<Library> {
  const site = emulator.createSite();
  const list = await client.call("POST", `/sites/${site.id}/lists`, {
    body: { displayName: "Drafts", list: { template: "documentLibrary" }, columns: [{ name: "ReportKey", text: {}, indexed: true }] },
  });
  expect(list.status).toBe(201);
  const drive = await client.call("GET", `/sites/${site.id}/lists/${list.json.id}/drive`);
  expect(drive.status).toBe(200);
  return { siteId: site.id, listId: list.json.id, driveId: drive.json.id, drive: `/drives/${drive.json.id}` };
}

function bytes(size: number, seed = 1): Buffer {
  const data = Buffer.alloc(size);
  for (let i = 0; i < size; i++) data[i] = (i * 31 + seed) % 251;
  return data;
}

describe("drives", () => {
  it("gives a document library a drive, listed with the site's default Documents drive", async () => {
    const library = await newLibrary();
    expect(library.driveId).toMatch(/^b!/);
    const drives = await client.call("GET", `/sites/${library.siteId}/drives`);
    expect(drives.json.value.map((d: { name: string }) => d.name).sort()).toEqual(["Documents", "Drafts"]);
    const byId = await client.call("GET", library.drive);
    expect(byId.json).toMatchObject({ driveType: "documentLibrary", name: "Drafts" });
    const defaultDrive = await client.call("GET", `/sites/${library.siteId}/drive`);
    expect(defaultDrive.json.name).toBe("Documents");
  });

  it("refuses POST …/items on a library (2.6)", async () => {
    const library = await newLibrary();
    const reply = await client.call("POST", `/sites/${library.siteId}/lists/${library.listId}/items`, { body: { fields: { Title: "x" } } });
    expect(reply.status).toBe(400);
    expect(reply.json.error.message).toBe("Files and folders should only be added to a DocumentLibrary via the OneDrive API");
  });
});

describe("simple upload", () => {
  it("creates a file with 201 under folders made on the way, and describes it like SharePoint (5.1, 5.9)", async () => {
    const library = await newLibrary();
    const content = bytes(1000);
    const reply = await client.call("PUT", `${library.drive}/root:/Report 12/Draft.docx:/content`, { bytes: content });
    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({
      name: "Draft.docx",
      size: 1000,
      eTag: expect.stringMatching(/^"\{[0-9A-F-]{36}\},1"$/),
      cTag: expect.stringMatching(/^"c:\{[0-9A-F-]{36}\},1"$/),
      file: { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", hashes: { quickXorHash: quickXorHash(content) } },
      parentReference: { driveId: library.driveId, driveType: "documentLibrary", path: `/drives/${library.driveId}/root:/Report 12` },
    });
    expect(reply.json.id).toMatch(/^01[A-Z2-7]{32}$/);
    expect(reply.json.webUrl).toContain("/_layouts/15/Doc.aspx?sourcedoc=");
    expect(reply.json["@microsoft.graph.downloadUrl"]).toMatch(new RegExp(`^${emulator.baseUrl.replace(/\./g, "\\.")}/`));
    const folder = await client.call("GET", `${library.drive}/root:/Report 12`);
    expect(folder.json.folder.childCount).toBe(1);
  });

  it("replaces an existing file with a new version (200), or refuses with 409 when asked to fail (5.3)", async () => {
    const library = await newLibrary();
    const first = await client.call("PUT", `${library.drive}/root:/a.txt:/content`, { bytes: Buffer.from("one") });
    const second = await client.call("PUT", `${library.drive}/root:/a.txt:/content`, { bytes: Buffer.from("two!") });
    expect(second.status).toBe(200);
    expect(second.json.id).toBe(first.json.id);
    expect(second.json.eTag).not.toBe(first.json.eTag);
    expect(second.json.cTag).not.toBe(first.json.cTag);
    const fail = await client.call("PUT", `${library.drive}/root:/a.txt:/content?@microsoft.graph.conflictBehavior=fail`, { bytes: Buffer.from("three") });
    expect(fail.status).toBe(409);
    expect(fail.json.error).toMatchObject({ code: "nameAlreadyExists", message: "The specified item name already exists." });
    const renamed = await client.call("PUT", `${library.drive}/root:/a.txt:/content?@microsoft.graph.conflictBehavior=rename`, { bytes: Buffer.from("4") });
    expect(renamed.json.name).toBe("a 1.txt");
    const byId = await client.call("PUT", `${library.drive}/items/${first.json.id}/content`, { bytes: Buffer.from("five") });
    expect(byId.status).toBe(200);
    const versions = await client.call("GET", `${library.drive}/items/${first.json.id}/versions`);
    expect(versions.json.value.map((v: { id: string; size: number }) => [v.id, v.size])).toEqual([
      ["3.0", 4],
      ["2.0", 4],
      ["1.0", 3],
    ]);
  });

  it("refuses a stale If-Match on a replace with 412 and keeps the content", async () => {
    const library = await newLibrary();
    const first = await client.call("PUT", `${library.drive}/root:/a.txt:/content`, { bytes: Buffer.from("one") });
    await client.call("PUT", `${library.drive}/items/${first.json.id}/content`, { bytes: Buffer.from("two") });
    const stale = await client.call("PUT", `${library.drive}/items/${first.json.id}/content`, { bytes: Buffer.from("three"), headers: { "if-match": first.json.eTag } });
    expect(stale.status).toBe(412);
    const content = await client.call("GET", `${library.drive}/items/${first.json.id}/content`, { redirect: "follow" });
    expect(content.bytes.toString()).toBe("two");
  });
});

describe("downloads and versions", () => {
  it("answers GET …/content with 302 to a URL that needs no token (5.11), also for old versions", async () => {
    const library = await newLibrary();
    const file = await client.call("PUT", `${library.drive}/root:/n.txt:/content`, { bytes: Buffer.from("first") });
    await client.call("PUT", `${library.drive}/root:/n.txt:/content`, { bytes: Buffer.from("second") });
    const redirect = await client.call("GET", `${library.drive}/items/${file.json.id}/content`);
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get("location")!;
    const downloaded = await client.call("GET", location, { anonymous: true });
    expect(downloaded.status).toBe(200);
    expect(downloaded.bytes.toString()).toBe("second");
    const old = await client.call("GET", `${library.drive}/items/${file.json.id}/versions/1.0/content`, { redirect: "follow" });
    expect(old.bytes.toString()).toBe("first");
    const tampered = await client.call("GET", location.replace(/tempauth=[^&]+/, "tempauth=forged"), { anonymous: true });
    expect(tampered.status).toBe(401);
  });
});

describe("the listItem behind a file (5.10)", () => {
  it("mirrors files as library items with FileLeafRef, and edits their columns through listItem/fields", async () => {
    const library = await newLibrary();
    const file = await client.call("PUT", `${library.drive}/root:/Draft.docx:/content`, { bytes: Buffer.from("x") });
    const listItem = await client.call("GET", `${library.drive}/items/${file.json.id}/listItem?$expand=fields`);
    expect(listItem.json.contentType.name).toBe("Document");
    expect(listItem.json.fields).toMatchObject({ FileLeafRef: "Draft.docx", ContentType: "Document" });
    const patched = await client.call("PATCH", `${library.drive}/items/${file.json.id}/listItem/fields`, {
      body: { ReportKey: "UPR-4" },
      headers: { "if-match": listItem.json.eTag },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.ReportKey).toBe("UPR-4");
    const found = await client.call("GET", `/sites/${library.siteId}/lists/${library.listId}/items?$filter=fields/ReportKey eq 'UPR-4'&$expand=fields,driveItem`);
    expect(found.json.value).toHaveLength(1);
    expect(found.json.value[0].driveItem.id).toBe(file.json.id);
    const expanded = await client.call("GET", `${library.drive}/items/${file.json.id}?$expand=listItem($expand=fields)`);
    expect(expanded.json.listItem.fields.ReportKey).toBe("UPR-4");
    const stale = await client.call("PATCH", `${library.drive}/items/${file.json.id}/listItem/fields`, {
      body: { ReportKey: "other" },
      headers: { "if-match": listItem.json.eTag },
    });
    expect(stale.status).toBe(412);
  });
});

describe("upload sessions (5.5–5.7)", () => {
  async function session(library: Library, path: string, body: unknown = {}) {
    const reply = await client.call("POST", `${library.drive}/root:/${path}:/createUploadSession`, { body });
    expect(reply.status).toBe(200);
    expect(reply.json.nextExpectedRanges).toEqual(["0-"]);
    expect(reply.json.uploadUrl.startsWith(`${emulator.baseUrl}/`)).toBe(true);
    return reply.json.uploadUrl as string;
  }

  function chunk(url: string, content: Buffer, start: number, end: number) {
    return client.call("PUT", url, {
      anonymous: true,
      bytes: content.subarray(start, end + 1),
      headers: { "content-range": `bytes ${start}-${end}/${content.length}`, "content-type": "application/octet-stream" },
    });
  }

  it("uploads in 320 KiB chunks: 202 with the next range, then 201 with the driveItem", async () => {
    const library = await newLibrary();
    const content = bytes(KIB_320 * 2 + 1000);
    const url = await session(library, "Big/Report.docx");
    const first = await chunk(url, content, 0, KIB_320 - 1);
    expect(first.status).toBe(202);
    expect(first.json.nextExpectedRanges).toEqual([`${KIB_320}-`]);
    expect((await chunk(url, content, KIB_320, 2 * KIB_320 - 1)).status).toBe(202);
    const last = await chunk(url, content, 2 * KIB_320, content.length - 1);
    expect(last.status).toBe(201);
    expect(last.json).toMatchObject({ name: "Report.docx", size: content.length, file: { hashes: { quickXorHash: quickXorHash(content) } } });
    const downloaded = await client.call("GET", `${library.drive}/items/${last.json.id}/content`, { redirect: "follow" });
    expect(downloaded.bytes.equals(content)).toBe(true);
  });

  it("resumes after a dropped chunk by asking the uploadUrl what it still needs", async () => {
    const library = await newLibrary();
    const content = bytes(KIB_320 * 3 + 10, 7);
    const url = await session(library, "resumed.bin");
    expect((await chunk(url, content, 0, KIB_320 - 1)).status).toBe(202);
    // The second chunk is "lost": the client never hears back and asks for the status.
    const status = await client.call("GET", url, { anonymous: true });
    expect(status.status).toBe(200);
    expect(status.json.nextExpectedRanges).toEqual([`${KIB_320}-`]);
    const from = Number(status.json.nextExpectedRanges[0].split("-")[0]);
    expect((await chunk(url, content, from, from + 2 * KIB_320 - 1)).status).toBe(202);
    const overlap = await chunk(url, content, from, from + KIB_320 - 1);
    expect(overlap.status).toBe(416);
    expect(overlap.json.error.innerError.code).toBe("fragmentOverlap");
    const done = await chunk(url, content, 3 * KIB_320, content.length - 1);
    expect(done.status).toBe(201);
    const downloaded = await client.call("GET", `${library.drive}/items/${done.json.id}/content`, { redirect: "follow" });
    expect(downloaded.bytes.equals(content)).toBe(true);
  });

  it("refuses a middle chunk that is not a multiple of 320 KiB, a gap, and a wrong length", async () => {
    const library = await newLibrary();
    const content = bytes(KIB_320 * 2);
    const url = await session(library, "odd.bin");
    expect((await chunk(url, content, 0, 1000)).status).toBe(400);
    expect((await chunk(url, content, KIB_320, 2 * KIB_320 - 1)).status).toBe(416);
    const lying = await client.call("PUT", url, { anonymous: true, bytes: Buffer.alloc(10), headers: { "content-range": `bytes 0-19/${content.length}` } });
    expect(lying.status).toBe(400);
    const status = await client.call("GET", url, { anonymous: true });
    expect(status.json.nextExpectedRanges).toEqual(["0-"]);
  });

  it("replaces an existing file through the item form, and DELETE ends a session (204, then 404)", async () => {
    const library = await newLibrary();
    const file = await client.call("PUT", `${library.drive}/root:/r.txt:/content`, { bytes: Buffer.from("old") });
    const created = await client.call("POST", `${library.drive}/items/${file.json.id}/createUploadSession`, { body: {} });
    const url = created.json.uploadUrl as string;
    const done = await chunk(url, Buffer.from("new content"), 0, 10);
    expect(done.status).toBe(200);
    expect(done.json.id).toBe(file.json.id);
    const other = await session(library, "gone.txt");
    expect((await client.call("DELETE", other, { anonymous: true })).status).toBe(204);
    const after = await client.call("GET", other, { anonymous: true });
    expect(after.status).toBe(404);
    expect((await client.call("GET", `${library.drive}/root:/gone.txt`)).status).toBe(404);
  });

  it("refuses a session for an existing name with conflictBehavior fail (409 nameAlreadyExists)", async () => {
    const library = await newLibrary();
    await client.call("PUT", `${library.drive}/root:/taken.txt:/content`, { bytes: Buffer.from("x") });
    const reply = await client.call("POST", `${library.drive}/root:/taken.txt:/createUploadSession`, {
      body: { item: { "@microsoft.graph.conflictBehavior": "fail" } },
    });
    expect(reply.status).toBe(409);
    expect(reply.json.error.code).toBe("nameAlreadyExists");
  });
});

describe("folders and paths", () => {
  it("lists children, creates folders and deletes files", async () => {
    const library = await newLibrary();
    const folder = await client.call("POST", `${library.drive}/root/children`, { body: { name: "Evidence", folder: {} } });
    expect(folder.status).toBe(201);
    for (const name of ["b.txt", "a.txt", "c.txt"]) await client.call("PUT", `${library.drive}/items/${folder.json.id}:/${name}:/content`, { bytes: Buffer.from(name) });
    const children = await client.call("GET", `${library.drive}/items/${folder.json.id}/children?$top=2`);
    expect(children.json.value.map((c: { name: string }) => c.name)).toEqual(["a.txt", "b.txt"]);
    const rest = await client.call("GET", children.json["@odata.nextLink"]);
    expect(rest.json.value.map((c: { name: string }) => c.name)).toEqual(["c.txt"]);
    const a = children.json.value[0];
    expect((await client.call("DELETE", `${library.drive}/items/${a.id}`)).status).toBe(204);
    expect((await client.call("GET", `${library.drive}/items/${a.id}`)).status).toBe(404);
    expect((await client.call("GET", `${library.drive}/root:/Evidence/b.txt`)).json.name).toBe("b.txt");
  });
});
