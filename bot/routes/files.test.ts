import { queryAll } from "../../core/ports/repository";
import { visibleText } from "../cards/adaptive";
import { TEAMS_FILE_DOWNLOAD_INFO } from "../files/evidence";
import { buildTestBot, cardsOf, textsOf, verbsOf } from "../testing/bot-harness";
import { FileServer, PDF_BYTES, PNG_BYTES } from "../testing/file-server";
import { askJustice } from "../testing/requests";

const files = new FileServer();
beforeAll(async () => {
  await files.start();
  files.files.set("report.pdf", { content: PDF_BYTES });
  files.files.set("photo.png", { content: PNG_BYTES });
  files.files.set("fake.pdf", { content: new TextEncoder().encode("MZ this is an executable") });
  files.files.set("big.pdf", { content: new Uint8Array(4096).fill(0x25), contentLength: false });
  files.files.set("tool.exe", { content: new Uint8Array([0x4d, 0x5a]) });
});
afterAll(() => files.stop());

/** A file as Teams sends it in a 1:1 chat. */
function teamsFile(name: string) {
  return { contentType: TEAMS_FILE_DOWNLOAD_INFO, name, content: { downloadUrl: files.url(name), uniqueId: name, fileType: name.split(".").pop() } };
}

async function evidenceStored(world: Awaited<ReturnType<typeof buildTestBot>>["world"]): Promise<string[]> {
  const names: string[] = [];
  for (const contribution of await queryAll(world.repos.contributions)) names.push(...contribution.attachments.map((a) => a.name));
  return names;
}

describe("files sent in the 1:1 chat become evidence", () => {
  it("are stored in the Evidence library and attached to a new version of the latest answer", async () => {
    const { send, from, action, world } = await buildTestBot({ fetch: files.fetch });
    const { requests } = await askJustice(world);
    await send(action("fp-1-technical", "submitAnswer", { requestId: requests[0]!.id, answer: "Our answer", status: "implemented" }));

    const [card] = cardsOf(await send(from("fp-1-technical", { attachments: [teamsFile("report.pdf")] })));
    expect(visibleText(card)).toContain("report.pdf attached to your answer (version 2)");
    const versions = await queryAll(world.repos.contributions);
    expect(versions.map((c) => [c.version, c.text, c.reportedStatus, c.attachments.map((a) => a.name)])).toEqual([
      [1, "Our answer", "implemented", []],
      [2, "Our answer", "implemented", ["report.pdf"]],
    ]);
    const stored = await world.documents.get("Evidence", versions[1]!.attachments[0]!.fileId);
    expect(stored.file.folder).toBe(`Report ${requests[0]!.reportId}/Request ${requests[0]!.id}`);
    expect(Buffer.from(stored.content).toString()).toContain("%PDF-1.7");
  });

  it("with no answer yet: the answer form carries the files, and submitting attaches them", async () => {
    const { send, from, action, invokeCard, world } = await buildTestBot({ fetch: files.fetch });
    const { requests } = await askJustice(world);
    const [form] = cardsOf(await send(from("fp-1-technical", { attachments: [teamsFile("photo.png")] })));
    expect(visibleText(form)).toContain("photo.png saved in the Evidence library");
    const submit = form!.actions!.find((a) => a.verb === "submitAnswer")!;
    const data = { ...(submit.data as Record<string, unknown>), answer: "See the photo of the new shelter" };
    const answered = invokeCard(await send(action("fp-1-technical", "submitAnswer", data)));
    expect(visibleText(answered)).toContain("photo.png");
    expect((await world.repos.contributions.get((await world.repos.requests.get(requests[0]!.id)).latestContributionId!)).attachments.map((a) => a.name)).toEqual(["photo.png"]);
  });

  it("with several open requests: asks which one, then attaches", async () => {
    const { send, from, action, invokeCard, world } = await buildTestBot({ fetch: files.fetch });
    const { requests } = await askJustice(world, { count: 2 });
    await send(action("fp-1-technical", "submitAnswer", { requestId: requests[1]!.id, answer: "Answer two" }));
    const [choice] = cardsOf(await send(from("fp-1-technical", { attachments: [teamsFile("report.pdf")], id: "msg-files" })));
    expect(visibleText(choice)).toContain("Which request are these files for?");
    expect(verbsOf(choice)).toEqual(["attachEvidence", "myRequests"]);
    const attach = choice!.actions!.find((a) => a.verb === "attachEvidence")!;
    const done = invokeCard(await send(action("fp-1-technical", "attachEvidence", { ...(attach.data as Record<string, unknown>), requestId: requests[1]!.id })));
    expect(visibleText(done)).toContain("report.pdf attached to your answer (version 2)");
    // Kept in the person's own folder until they chose, then filed under the request chosen.
    const latest = await world.repos.contributions.get((await world.repos.requests.get(requests[1]!.id)).latestContributionId!);
    expect((await world.documents.get("Evidence", latest.attachments[0]!.fileId)).file.folder).toBe(`Report ${requests[1]!.reportId}/Request ${requests[1]!.id}`);
  });

  it("refuses types off the allow-list, files too large, and files whose content is not their type, saving nothing", async () => {
    const { send, from, world } = await buildTestBot({ config: { files: { maxBytes: 1024 } }, fetch: files.fetch });
    await askJustice(world);
    const sent = await send(from("fp-1-technical", { attachments: [teamsFile("tool.exe"), teamsFile("big.pdf"), teamsFile("fake.pdf")] }));
    const [text] = textsOf(sent);
    expect(text).toContain("I cannot take tool.exe: only these types are accepted: pdf, docx, xlsx, pptx, odt, ods, csv, txt, png, jpg, jpeg.");
    expect(text).toContain("I cannot take big.pdf: it is larger than 1 KB.");
    expect(text).toContain("I cannot take fake.pdf: its content does not match its type.");
    expect(cardsOf(sent)).toEqual([]);
    expect(files.downloads).not.toContain("tool.exe");
    expect(await evidenceStored(world)).toEqual([]);
  });

  it("takes plain attachments too (the Playground, Web Chat), and refuses files from someone with no open request", async () => {
    const { send, from, world } = await buildTestBot({ fetch: files.fetch });
    await askJustice(world);
    const plain = cardsOf(await send(from("fp-1-technical", { attachments: [{ contentType: "application/pdf", name: "report.pdf", contentUrl: files.url("report.pdf") }] })));
    expect(visibleText(plain[0])).toContain("report.pdf saved in the Evidence library");
    expect(textsOf(await send(from("fp-2-technical", { attachments: [teamsFile("report.pdf")] })))[0]).toContain("no open request to attach this file to");
  });
});

describe("files are fetched only from Teams' and the tenant's SharePoint hosts", () => {
  it("never fetches a loopback, plain-http or foreign address, and says so", async () => {
    const { send, from, world } = await buildTestBot({ fetch: files.fetch });
    await askJustice(world);
    const before = files.fetched.length;
    const attachments = [
      { contentType: "application/pdf", name: "local.pdf", contentUrl: `${files.base}/report.pdf` },
      { contentType: "application/pdf", name: "loopback.pdf", contentUrl: "https://127.0.0.1/report.pdf" },
      { contentType: "application/pdf", name: "elsewhere.pdf", contentUrl: "https://contoso-my.sharepoint.com.evil.example/report.pdf" },
      { contentType: TEAMS_FILE_DOWNLOAD_INFO, name: "forged.pdf", content: { downloadUrl: "https://evil.example/report.pdf", fileType: "pdf" } },
    ];
    const [text] = textsOf(await send(from("fp-1-technical", { attachments })));
    expect(text).toContain("I cannot download local.pdf: its address is not a secure (https) one.");
    for (const name of ["loopback.pdf", "elsewhere.pdf", "forged.pdf"]) expect(text).toContain(`I cannot download ${name}: it does not come from Teams or your organisation's SharePoint.`);
    expect(files.fetched.length).toBe(before);
    expect(await evidenceStored(world)).toEqual([]);
  });

  it("follows a redirect only to another allowed host", async () => {
    const { send, from, world } = await buildTestBot({ fetch: files.fetch });
    await askJustice(world);
    files.files.set("moved.pdf", { content: PDF_BYTES, redirectTo: files.url("report.pdf") });
    files.files.set("away.pdf", { content: PDF_BYTES, redirectTo: "https://evil.example/report.pdf" });
    const followed = cardsOf(await send(from("fp-1-technical", { attachments: [teamsFile("moved.pdf")] })));
    expect(visibleText(followed[0])).toContain("saved in the Evidence library");
    const fetchedBefore = files.fetched.length;
    const [refused] = textsOf(await send(from("fp-1-technical", { attachments: [teamsFile("away.pdf")] })));
    expect(refused).toContain("I cannot download away.pdf: it does not come from Teams or your organisation's SharePoint.");
    expect(files.fetched.slice(fetchedBefore)).toEqual([files.url("away.pdf")]);
  });

  it("refuses a name with a direction override or a control character, without saying it back reversed", async () => {
    const { send, from, world } = await buildTestBot({ fetch: files.fetch });
    await askJustice(world);
    files.files.set("invoice\u202Efdp.exe.pdf", { content: PDF_BYTES });
    const [text] = textsOf(await send(from("fp-1-technical", { attachments: [teamsFile("invoice\u202Efdp.exe.pdf")] })));
    expect(text).toContain("I cannot take invoicefdp.exe.pdf: its name holds a hidden control character");
    expect(text).not.toContain("\u202E");
    expect(await evidenceStored(world)).toEqual([]);
  });
});
