/**
 * Local mode's /api/messages, through the real CloudAdapter on a loopback server: it takes what
 * the Agents Playground sends, as a channel's token would let it in a tenant (JSON, from a
 * connector the product started), and nothing else. A refused activity stores nothing: no
 * conversation reference (so no later card goes to a forged address), no answer.
 */
import { queryAll } from "../../core/ports/repository";
import { createRequests } from "../../core/requests/create-requests";
import { FakeConnector } from "../../bot/testing/fake-connector";
import { startBotServer, type BotServer } from "./support/bot-server";

let server: BotServer;
const connector = new FakeConnector();

beforeAll(async () => {
  server = await startBotServer();
  await connector.start();
  server.bot.trustConnector(connector.url);
});

afterAll(async () => {
  await server?.close();
  await connector.stop();
});

let counter = 0;
function activity(serviceUrl: string, overrides: Record<string, unknown> = {}) {
  return {
    type: "message",
    id: `activity-${++counter}`,
    channelId: "msteams",
    serviceUrl,
    from: { id: "29:fp-1-technical", aadObjectId: "fp-1-technical", name: "Tess Justice" },
    recipient: { id: "28:nmirf-bot", name: "NMIRF" },
    conversation: { id: "a:chat-fp-1-technical", conversationType: "personal", tenantId: "tenant" },
    text: "help",
    ...overrides,
  };
}

async function post(body: string, headers: Record<string, string> = { "content-type": "application/json" }) {
  const response = await fetch(server.endpoint, { method: "POST", headers, body });
  return { status: response.status, text: await response.text() };
}

async function aRequestOfJustice(): Promise<string> {
  const report = await server.backend.repos.reports.create({ title: "UPR", mechanism: "UPR", type: "upr-national", dueDate: "2026-12-01", timeZone: "Europe/Ljubljana", createdAt: server.clock.now().toISOString() });
  const recommendationId = await server.addRecommendation(server.ministries[0]!.id, `150.${++counter}`);
  const { created } = await createRequests({ repos: server.backend.repos, clock: server.clock }, { reportId: report.id, subjects: [{ kind: "recommendation", recommendationId }], ask: "What was done?", dueDate: "2026-04-30" }, server.actors["sec-1"]!);
  return created[0]!.id;
}

describe("local mode's /api/messages", () => {
  it("takes an activity from a connector it started, and remembers that connector", async () => {
    const sent = connector.sent.length;
    expect((await post(JSON.stringify(activity(connector.url)))).status).toBe(200);
    const [conversation] = await queryAll(server.backend.repos.conversations, { where: [{ field: "userId", op: "eq", value: "fp-1-technical" }] });
    expect(conversation!.reference).toMatchObject({ serviceUrl: connector.url });
    expect(connector.sent.length).toBeGreaterThan(sent);
  });

  it("refuses an activity carrying another service URL, and stores nothing of it", async () => {
    const before = await queryAll(server.backend.repos.conversations);
    for (const forged of ["https://attacker.example/teams/", "http://127.0.0.1:9/_connector", "https://smba.trafficmanager.net/teams/"]) {
      const refused = await post(JSON.stringify(activity(forged, { from: { id: "29:fp-2-technical", aadObjectId: "fp-2-technical", name: "Tom" }, conversation: { id: "a:chat-fp-2-technical", conversationType: "personal" } })));
      expect({ forged, status: refused.status }).toEqual({ forged, status: 401 });
    }
    expect(await queryAll(server.backend.repos.conversations)).toEqual(before);
  });

  it("refuses what a web page can send: a text/plain or form body, or any request with an Origin; no answer is stored in a focal point's name", async () => {
    const requestId = await aRequestOfJustice();
    const answer = JSON.stringify(
      activity(connector.url, {
        type: "invoke",
        name: "adaptiveCard/action",
        text: undefined,
        value: { action: { type: "Action.Execute", verb: "submitAnswer", data: { requestId, answer: "Our answer, from the chat" } } },
      }),
    );
    expect((await post(answer, { "content-type": "text/plain" })).status).toBe(415);
    expect((await post(answer, { "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await post(answer, { "content-type": "application/json", origin: "https://evil.example" })).status).toBe(403);
    expect((await post(answer, { "content-type": "application/json", "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(await queryAll(server.backend.repos.contributions)).toEqual([]);
    // The same answer, as the Playground sends it, is saved.
    expect((await post(answer)).status).toBe(200);
    expect((await queryAll(server.backend.repos.contributions)).map((c) => c.text)).toEqual(["Our answer, from the chat"]);
  });
});
