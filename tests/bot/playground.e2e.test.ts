/**
 * End to end with Microsoft's Agents Playground as Teams: the real CloudAdapter behind
 * /api/messages on a loopback server, one Playground per persona (a technical focal point of
 * Justice, the senior focal point of Education, the chair), the injected clock for reminders.
 */
import { queryAll } from "../../core/ports/repository";
import { createRequests } from "../../core/requests/create-requests";
import { sendDraftForApproval } from "../../core/drafts/review-draft";
import { visibleText } from "../../bot/cards/adaptive";
import { cardOf, Playground, type PlaygroundMessage } from "./support/playground";
import { PEOPLE, startBotServer, type BotServer } from "./support/bot-server";

jest.setTimeout(90_000);

const persona = (id: string) => {
  const person = PEOPLE.find((p) => p.id === id)!;
  return { id: person.id, name: person.displayName, email: person.email };
};

const shows = (text: string) => (message: PlaygroundMessage) => Boolean(cardOf(message) && visibleText(cardOf(message)).includes(text));

let server: BotServer;
let tess: Playground;
let sue: Playground;
let carla: Playground;

beforeAll(async () => {
  server = await startBotServer({ reachable: ["fp-1-technical", "fp-2-senior", "chair-1"] });
  [tess, sue, carla] = await Promise.all([
    Playground.start(persona("fp-1-technical"), server.endpoint),
    Playground.start(persona("fp-2-senior"), server.endpoint),
    Playground.start(persona("chair-1"), server.endpoint),
  ]);
  for (const playground of [tess, sue, carla]) server.bot.trustConnector(playground.serviceUrl);
});

afterAll(async () => {
  await Promise.all([tess, sue, carla].filter(Boolean).map((playground) => playground.stop()));
  await server?.close();
});

async function ask(ministryIndex: number, paragraph: string, dueDate: string) {
  const report = await server.backend.repos.reports.create({
    title: "UPR national report, cycle 5",
    mechanism: "UPR",
    type: "upr-national",
    dueDate: "2026-12-01",
    timeZone: "Europe/Ljubljana",
    wordLimit: 10_700,
    createdAt: server.clock.now().toISOString(),
  });
  const recommendationId = await server.addRecommendation(server.ministries[ministryIndex]!.id, paragraph);
  const { created } = await createRequests(
    { repos: server.backend.repos, clock: server.clock },
    { reportId: report.id, subjects: [{ kind: "recommendation", recommendationId }], ask: "What has your ministry done since the last review?", dueDate },
    server.actors["sec-1"]!,
  );
  return created[0]!;
}

describe("the bot in the Agents Playground", () => {
  it("greets each persona on install, according to who they are", async () => {
    await Promise.all([tess.install(), sue.install(), carla.install()]);
    await tess.waitFor(shows("technical focal point of the Ministry of Justice"), "Tess's greeting");
    await sue.waitFor(shows("senior focal point of the Ministry of Education"), "Sue's greeting");
    await carla.waitFor(shows("You are the chair"), "Carla's greeting");
    const conversations = await queryAll(server.backend.repos.conversations);
    expect(conversations.map((c) => c.userId).sort()).toEqual(["chair-1", "fp-1-technical", "fp-2-senior"]);
    expect(conversations.find((c) => c.userId === "fp-1-technical")!.reference).toMatchObject({ serviceUrl: expect.stringMatching(/\/_connector$/), conversation: { id: tess.chatId } });
    expect(tess.messages.filter(shows("Hello Tess Justice."))).toHaveLength(1);
  });

  it("a request is sent, its card received, answered, stored, and the card updated", async () => {
    const request = await ask(0, "140.1", "2026-03-30");
    await server.bot.sender.drain();
    const received = await tess.waitFor(shows("A/HRC/59/15, para. 140.1"), "the request card");
    // The Playground says its user writes en-US: dates follow.
    expect(visibleText(cardOf(received))).toContain("What has your ministry done since the last review?");
    expect(visibleText(cardOf(received))).toContain("March 30, 2026 (in 28 days)");
    const entry = (await queryAll(server.backend.repos.outbox)).find((e) => e.key.startsWith(`request:${request.id}:`))!;
    expect(entry).toMatchObject({ status: "sent", activityId: received.messageId, conversationId: tess.chatId });

    const response = await tess.execute(received.messageId, "submitAnswer", { requestId: request.id, answer: "The Children's Act was amended in 2025.", status: "in-progress" });
    expect(response.status).toBe(200);
    expect(response.body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(visibleText(response.body.value)).toMatch(/Answered by Tess Justice on .*, version 1/);

    const [contribution] = await queryAll(server.backend.repos.contributions, { where: [{ field: "requestId", op: "eq", value: request.id }] });
    expect(contribution).toMatchObject({ text: "The Children's Act was amended in 2025.", authorId: "fp-1-technical", version: 1, via: "card", reportedStatus: "in-progress" });
    expect((await server.backend.repos.requests.get(request.id)).status).toBe("answered");
  });

  it("an answer typed in the chat is confirmed, then saved", async () => {
    const request = await ask(0, "140.2", "2026-04-10");
    await server.bot.sender.drain();
    await tess.say("We opened two new shelters in 2025.");
    const confirm = await tess.waitFor(shows("Save this as your answer?"), "the confirm card");
    const card = cardOf(confirm) as { actions: { verb?: string; data?: Record<string, unknown> }[] };
    const save = card.actions.find((a) => a.verb === "confirmChatAnswer")!;
    const response = await tess.execute(confirm.messageId, "confirmChatAnswer", { ...save.data, text: "We opened two new shelters in 2025." });
    expect(visibleText(response.body.value)).toContain("version 1");
    expect((await server.backend.repos.requests.get(request.id)).status).toBe("answered");
  });

  it("reminds before the due date, at 09:00 in the mechanism's time zone, once", async () => {
    await ask(0, "140.3", "2026-03-16");
    await server.bot.sender.drain();
    await tess.waitFor(shows("A/HRC/59/15, para. 140.3"), "the request card");
    server.clock.set("2026-03-09T08:00:00.000Z"); // 09:00 in Ljubljana, 7 days before
    const run = await server.bot.scheduler.tick();
    expect(run.reminders).toBe(1);
    await server.bot.sender.drain();
    const reminder = await tess.waitFor((m) => shows("Reminder: this request is due in 7 days.")(m) && shows("140.3")(m), "the reminder");
    expect(visibleText(cardOf(reminder))).toContain("March 16, 2026 (in 7 days)");
    await server.bot.scheduler.tick();
    await server.bot.sender.drain();
    expect(tess.messages.filter(shows("Reminder: this request is due in 7 days."))).toHaveLength(1);
  });

  it("escalates a late request to the senior focal point, who cannot answer for another ministry", async () => {
    const late = await ask(1, "140.4", "2026-03-20");
    const justiceRequest = await ask(0, "140.5", "2026-06-01");
    await server.bot.sender.drain(); // a request is escalated only once its card went out
    server.clock.set("2026-03-21T08:00:00.000Z"); // one day late, 09:00 in Ljubljana
    const run = await server.bot.scheduler.tick();
    expect(run.escalations).toBeGreaterThanOrEqual(1);
    await server.bot.sender.drain();
    const escalation = await sue.waitFor((m) => shows("This request is 1 day late")(m) && shows("140.4")(m), "the escalation");
    expect(visibleText(cardOf(escalation))).toContain("Its technical focal point: Tom Education.");
    expect((await server.backend.repos.requests.get(late.id)).status).toBe("escalated");

    const refused = await sue.execute(escalation.messageId, "submitAnswer", { requestId: justiceRequest.id, answer: "We answer for Justice" });
    expect(visibleText(refused.body.value)).toContain("Only an active focal point of the ministry this request is for can do this.");
    expect(await queryAll(server.backend.repos.contributions, { where: [{ field: "requestId", op: "eq", value: justiceRequest.id }] })).toEqual([]);
  });

  it("the chair approves a draft; the decision records the file version and updates the chair's card", async () => {
    const repos = server.backend.repos;
    const report = await repos.reports.create({ title: "CRC periodic report", mechanism: "CRC", type: "treaty-periodic", dueDate: "2026-09-01", timeZone: "Europe/Ljubljana", wordLimit: 21_200, createdAt: server.clock.now().toISOString() });
    const file = await server.backend.documents.put("Drafts", `Report ${report.id}`, "CRC report.docx", new TextEncoder().encode("docx"));
    const draft = await repos.drafts.create({
      key: `${report.id}#1`, reportId: report.id, version: 1, fileName: file.name, fileId: file.id, webUrl: file.webUrl, fileVersion: file.version,
      wordCount: { counted: 20_000, excluded: 0, limit: 21_200 }, compiledAt: server.clock.now().toISOString(), compiledBy: "sec-1",
    });
    const deps = { repos, clock: server.clock, documents: server.backend.documents, directory: server.directory };
    const { review } = await sendDraftForApproval(deps, { draftId: draft.id, eTag: draft.eTag }, server.actors["sec-1"]!);
    await server.bot.sender.drain();
    const approval = await carla.waitFor(shows("Draft for approval: CRC periodic report"), "the approval card");
    expect(visibleText(cardOf(approval))).toContain("20,000 of 21,200 words");

    const response = await carla.execute(approval.messageId, "approveDraft", { reviewId: review.id });
    expect(visibleText(response.body.value)).toMatch(/Approved by Carla Chair on .* \(file version 1\.0\)/);
    expect(await repos.reviews.get(review.id)).toMatchObject({ decision: "approved", decidedFileVersion: "1.0" });

    await server.bot.sender.drain();
    const updated = await carla.waitFor((m) => m.action === "updateMessage" && m.messageId === approval.messageId, "the approval card updated in place");
    expect(visibleText(cardOf(updated))).toContain("Approved by Carla Chair");
    // The secretariat's copy could not be delivered (no chat with sec-1 here): recorded, not lost.
    const copies = (await queryAll(repos.outbox)).filter((e) => e.key.startsWith(`approval:${review.id}:`));
    expect(copies.map((e) => [e.recipientId, e.status]).sort()).toEqual([["chair-1", "sent"], ["sec-1", "undeliverable"]]);
  });

  it("takes a file sent in the chat (the custom-activity endpoint) and refuses a malformed activity", async () => {
    const template = await tess.template();
    const status = await tess.custom({ ...template, type: "message", text: "", attachments: [{ contentType: "application/x-msdownload", name: "setup.exe", contentUrl: "http://127.0.0.1:9/setup.exe" }] });
    expect(status).toBe(200);
    await tess.waitFor((m) => Boolean(m.text?.includes("I cannot take setup.exe")), "the refusal of an .exe");

    const malformed = await fetch(server.endpoint, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text: "no type" }) });
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain("not an activity");
  });
});
