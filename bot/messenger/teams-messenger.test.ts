import { DeliveryError } from "../../core/ports/messenger";
import { queryAll } from "../../core/ports/repository";
import type { Stored } from "../../core/records/common";
import type { OutboxEntryFields } from "../../core/outbox/outbox-entry";
import { visibleText, type AdaptiveCard } from "../cards/adaptive";
import { buildTestBot, FakeInstaller } from "../testing/bot-harness";
import { FakeConnector } from "../testing/fake-connector";
import { askJustice } from "../testing/requests";

const connector = new FakeConnector();
beforeAll(() => connector.start());
afterAll(() => connector.stop());
beforeEach(() => {
  connector.options = {};
  connector.requests.length = 0;
  connector.sent.length = 0;
  connector.updates.length = 0;
  connector.acceptedByKey.clear();
});

async function setup(installer = new FakeInstaller()) {
  const harness = await buildTestBot({ installer });
  const { world, bot } = harness;
  const { requests } = await askJustice(world);
  const conversationOf = (userId: string) => ({
    channelId: "msteams",
    serviceUrl: connector.url,
    bot: { id: "28:bot", name: "NMIRF" },
    user: { id: `29:${userId}`, aadObjectId: userId },
    conversation: { id: `a:chat-${userId}`, conversationType: "personal", tenantId: "tenant" },
  });
  const store = (userId: string) => world.repos.conversations.create({ userId, reference: conversationOf(userId), locale: "en-GB", updatedAt: world.clock.now().toISOString() });
  const entry = async (): Promise<Stored<OutboxEntryFields>> => (await queryAll(world.repos.outbox)).find((e) => e.notification.kind === "request")!;
  return { ...harness, messenger: bot.messenger, request: requests[0]!, store, entry, world };
}

describe("the Teams messenger (CloudAdapter against a loopback Bot Connector)", () => {
  it("sends the card to the person's chat and returns the activity id; updates it in place", async () => {
    const { messenger, store, entry } = await setup();
    await store("fp-1-technical");
    const queued = await entry();
    const receipt = await messenger.deliver(queued);
    expect(receipt).toEqual({ activityId: "activity-1", conversationId: "a:chat-fp-1-technical" });
    const [sent] = connector.sent;
    expect(sent!.conversationId).toBe("a:chat-fp-1-technical");
    expect(sent!.outboxKey).toBe(queued.key);
    const card = (sent!.body.attachments as { content: AdaptiveCard }[])[0]!.content;
    expect(visibleText(card)).toContain("Request for input");
    expect(card.refresh?.userIds).toEqual(["fp-1-technical"]);

    await messenger.deliver(queued, receipt);
    expect(connector.updates.map((u) => [u.conversationId, u.activityId])).toEqual([["a:chat-fp-1-technical", "activity-1"]]);
  });

  it("reports 429 as throttled with its Retry-After, without retrying behind the outbox's back", async () => {
    const { messenger, store, entry } = await setup();
    await store("fp-1-technical");
    connector.options.fault = () => ({ status: 429, headers: { "Retry-After": "3" } });
    const error = await messenger.deliver(await entry()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ reason: "throttled", retryAfterMs: 3_000 });
    expect(connector.requests).toHaveLength(1);
  });

  it("reports 502/503/504 and 412 as passing faults, and a 400 as permanent", async () => {
    const { messenger, store, entry } = await setup();
    await store("fp-1-technical");
    for (const status of [412, 502, 503, 504]) {
      connector.options.fault = () => ({ status });
      await expect(messenger.deliver(await entry())).rejects.toMatchObject({ reason: "transient" });
    }
    connector.options.fault = () => ({ status: 400, body: { error: { code: "BadArgument", message: "card too large" } } });
    await expect(messenger.deliver(await entry())).rejects.toMatchObject({ reason: "permanent", message: expect.stringContaining("BadArgument") });
    expect(connector.requests).toHaveLength(5);
  });

  it("403 BotNotInConversationRoster: installs the app again and sends", async () => {
    const installer = new FakeInstaller(() => "installed");
    const { messenger, store, entry } = await setup(installer);
    await store("fp-1-technical");
    let refused = 0;
    connector.options.fault = (request) =>
      request.conversationId && refused++ === 0 ? { status: 403, body: { error: { code: "BotNotInConversationRoster", message: "The bot is not part of the conversation roster." } } } : undefined;
    const receipt = await messenger.deliver(await entry());
    expect(installer.calls).toEqual(["fp-1-technical"]);
    expect(receipt.activityId).toMatch(/^activity-/);
    expect(connector.sent).toHaveLength(1);
  });

  it("403 roster and the app cannot be installed: unreachable", async () => {
    const { messenger, store, entry } = await setup(new FakeInstaller(() => "impossible"));
    await store("fp-1-technical");
    connector.options.fault = () => ({ status: 403, body: { error: { code: "BotNotInConversationRoster", message: "removed" } } });
    await expect(messenger.deliver(await entry())).rejects.toMatchObject({ reason: "unreachable" });
  });

  it("no conversation yet: installs the app through Graph, opens the 1:1 chat and sends", async () => {
    const installer = new FakeInstaller(() => "installed");
    const { messenger, store, entry, world } = await setup(installer);
    await store("sec-1"); // another person's chat tells the connector's address
    const receipt = await messenger.deliver(await entry());
    expect(installer.calls).toEqual(["fp-1-technical"]);
    expect(connector.created).toContain("fp-1-technical");
    expect(receipt.conversationId).toBe("a:conversation-fp-1-technical");
    const stored = (await queryAll(world.repos.conversations)).find((c) => c.userId === "fp-1-technical");
    expect(stored?.reference).toMatchObject({ conversation: { id: "a:conversation-fp-1-technical" }, serviceUrl: connector.url });
  });

  it("no conversation and the app cannot be installed: unreachable; installed but Teams not ready: try again later", async () => {
    const impossible = await setup(new FakeInstaller(() => "impossible"));
    await expect(impossible.messenger.deliver(await impossible.entry())).rejects.toMatchObject({ reason: "unreachable" });
    const notReady = await setup(new FakeInstaller(() => "installed"));
    await notReady.store("sec-1");
    connector.options.canCreateConversation = () => false;
    await expect(notReady.messenger.deliver(await notReady.entry())).rejects.toMatchObject({ reason: "transient", retryAfterMs: 15_000 });
  });
});
