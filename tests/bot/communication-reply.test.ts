/**
 * A communication from special procedures answered through the bot, with the SharePoint lists
 * on the Graph emulator behind it: the secretariat records the letter and asks the Ministry of
 * Justice, the focal point answers in the request's card, the reply is compiled from that answer,
 * approved by the chair, and only then recorded as sent.
 */
import { receiveCommunication, askMinistriesAboutCommunication, recordReplySent } from "../../core/communications/communications";
import { compileDraft } from "../../core/drafts/compile-draft";
import { decideDraft, sendDraftForApproval } from "../../core/drafts/review-draft";
import { queryAll } from "../../core/ports/repository";
import { JsonDraftRenderer } from "../../core/testing/world";
import { FakeConnector } from "../../bot/testing/fake-connector";
import { startBotServer, type BotServer } from "./support/bot-server";

let server: BotServer;
const connector = new FakeConnector();

beforeAll(async () => {
  server = await startBotServer();
  await connector.start();
  server.bot.trustConnector(connector.url);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await connector.stop();
});

test("the focal point answers a communication's request in its card; the reply is compiled from it, approved and sent", async () => {
  const deps = { repos: server.backend.repos, clock: server.clock, documents: server.backend.documents, renderer: new JsonDraftRenderer(), directory: server.directory };
  const secretariat = server.actors["sec-1"]!;
  const received = await receiveCommunication(deps, { reference: "UA SVN 2/2026", kind: "urgent-appeal", mandates: ["Special Rapporteur on torture"], receivedOn: "2026-03-02", replyDueDate: "2026-03-20", timeZone: "Europe/Ljubljana" }, secretariat);
  const { created } = await askMinistriesAboutCommunication(deps, received.id, { ministryIds: [server.ministries[0]!.id], ask: "What happened to the detainee?", dueDate: "2026-03-12" }, secretariat);

  const answer = "The detainee saw a doctor the same day; the prosecutor opened an inquiry.";
  const activity = {
    type: "invoke",
    name: "adaptiveCard/action",
    id: "activity-answer-1",
    channelId: "msteams",
    serviceUrl: connector.url,
    from: { id: "29:fp-1-technical", aadObjectId: "fp-1-technical", name: "Tess Justice" },
    recipient: { id: "28:nmirf-bot", name: "NMIRF" },
    conversation: { id: "a:chat-fp-1-technical", conversationType: "personal", tenantId: "tenant" },
    value: { action: { type: "Action.Execute", verb: "submitAnswer", data: { requestId: created[0]!.id, answer } } },
  };
  const response = await fetch(server.endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
  expect(response.status).toBe(200);
  expect((await queryAll(server.backend.repos.contributions)).map((c) => c.text)).toEqual([answer]);

  await expect(recordReplySent(deps, received.id, { eTag: received.eTag, on: "2026-03-18" }, secretariat)).rejects.toThrow("The chair has not approved a reply");
  const { draft } = await compileDraft(deps, { reportId: received.reportId! }, secretariat);
  expect(JSON.stringify(deps.renderer.rendered.at(-1))).toContain(answer);
  const { review } = await sendDraftForApproval(deps, { draftId: draft.id, eTag: draft.eTag }, secretariat);
  await decideDraft(deps, { reviewId: review.id, decision: "approved" }, server.actors["chair-1"]!);
  const sent = await recordReplySent(deps, received.id, { eTag: received.eTag, on: "2026-03-18" }, secretariat);
  expect(sent).toMatchObject({ status: "replied", sentOn: "2026-03-18", sentDraftId: draft.id });
}, 120_000);
