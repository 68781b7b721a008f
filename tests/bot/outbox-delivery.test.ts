/**
 * The outbox through the real messenger: createBot's sender, botbuilder's CloudAdapter and a
 * loopback Bot Connector, over core's small world.
 */
import { queryAll } from "../../core/ports/repository";
import { runReminders } from "../../core/reminders/run-reminders";
import { recordContribution } from "../../core/contributions/record-contribution";
import { visibleText, type AdaptiveCard } from "../../bot/cards/adaptive";
import { buildTestBot, FakeInstaller } from "../../bot/testing/bot-harness";
import { FakeConnector } from "../../bot/testing/fake-connector";
import { askJustice } from "../../bot/testing/requests";

const connector = new FakeConnector();
beforeAll(() => connector.start());
afterAll(() => connector.stop());
beforeEach(() => {
  connector.options = {};
  connector.sent.length = 0;
  connector.requests.length = 0;
});

async function setup(installer = new FakeInstaller()) {
  const harness = await buildTestBot({ installer });
  const chat = (userId: string) =>
    harness.world.repos.conversations.create({
      userId,
      reference: { channelId: "msteams", serviceUrl: connector.url, bot: { id: "28:bot" }, user: { id: `29:${userId}`, aadObjectId: userId }, conversation: { id: `a:chat-${userId}` } },
      locale: "en-GB",
      updatedAt: harness.world.clock.now().toISOString(),
    });
  return { ...harness, chat };
}

const sentCards = () => connector.sent.map((request) => (request.body.attachments as { content: AdaptiveCard }[])[0]!.content);

describe("the outbox, end to end on a loopback connector", () => {
  it("sends a throttled card again after its Retry-After, once", async () => {
    const { world, bot, chat } = await setup();
    await chat("fp-1-technical");
    await askJustice(world);
    let first = true;
    connector.options.fault = () => (first ? ((first = false), { status: 429, headers: { "Retry-After": "2" } }) : undefined);
    await bot.sender.drain();
    expect(connector.sent).toHaveLength(0);
    world.clock.advance(3_000);
    await bot.sender.drain();
    expect(connector.sent).toHaveLength(1);
    const [entry] = await queryAll(world.repos.outbox);
    expect(entry).toMatchObject({ status: "sent", attempts: 2, activityId: "activity-1" });
  });

  it("does not remind of a request answered meanwhile", async () => {
    const { world, bot, chat } = await setup();
    await chat("fp-1-technical");
    const { requests } = await askJustice(world, { dueDate: "2026-03-09" });
    await bot.sender.drain();
    world.clock.set("2026-03-07T08:00:00.000Z"); // 09:00 in Ljubljana, 2 days before
    await runReminders(world.deps, { timeZone: "Europe/Ljubljana" });
    await recordContribution(world.deps, { requestId: requests[0]!.id, text: "Done", submissionId: "s1", via: "tab" }, world.focalPoints[world.ministries[0]!.id]!.technical);
    await bot.sender.drain();
    const reminder = (await queryAll(world.repos.outbox)).find((e) => e.notification.kind === "reminder")!;
    expect(reminder).toMatchObject({ status: "cancelled", lastError: expect.stringContaining("answered") });
    expect(connector.sent).toHaveLength(1);
  });

  it("someone the bot cannot reach: undeliverable, and the secretariat is told in Teams", async () => {
    const installer = new FakeInstaller((userId) => (userId === "fp-1-technical" ? "impossible" : "already-installed"));
    const { world, bot, chat } = await setup(installer);
    await chat("sec-1");
    await askJustice(world);
    await bot.sender.drain();
    const entries = await queryAll(world.repos.outbox);
    expect(entries.find((e) => e.notification.kind === "request")).toMatchObject({ status: "undeliverable" });
    expect(installer.calls).toContain("fp-1-technical");
    const [notice] = sentCards();
    expect(visibleText(notice)).toContain("A message could not be delivered");
    expect(visibleText(notice)).toContain("Tess Justice");
  });
});
