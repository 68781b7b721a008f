import { FakeClock, StaticDirectory } from "../../core/in-memory/fakes";
import { createInMemoryRepositories } from "../../core/in-memory/in-memory-repositories";
import { DeliveryError, type DeliveryReceipt, type Messenger } from "../../core/ports/messenger";
import { queryAll } from "../../core/ports/repository";
import type { Stored } from "../../core/records/common";
import type { OutboxEntryFields, OutboxEntryInput } from "../../core/outbox/outbox-entry";
import { parseBotConfig } from "../config";
import type { ReceiptLog } from "./receipt-log";
import { RateLimiter } from "./rate-limiter";
import { instancePerConversationPerSecond, instanceRatePerSecond, OutboxSender } from "./sender";

type Entry = Stored<OutboxEntryFields>;

/** A messenger whose answers the test scripts, and which records what it was asked. */
class ScriptedMessenger implements Messenger {
  readonly calls: { key: string; previous?: DeliveryReceipt }[] = [];
  constructor(private readonly script: (entry: Entry, call: number) => DeliveryReceipt | DeliveryError | Promise<DeliveryReceipt> = () => undefined as never) {}
  async deliver(entry: Entry, previous?: DeliveryReceipt): Promise<DeliveryReceipt> {
    this.calls.push({ key: entry.key, previous });
    const outcome = await this.script(entry, this.calls.filter((c) => c.key === entry.key).length);
    if (outcome instanceof DeliveryError) throw outcome;
    return outcome ?? previous ?? { activityId: `act-${entry.key}`, conversationId: `conv-${entry.recipientId}` };
  }
}

function setup(script?: ConstructorParameters<typeof ScriptedMessenger>[0], outboxConfig: Record<string, unknown> = {}) {
  const clock = new FakeClock("2026-03-02T09:00:00.000Z");
  const repos = createInMemoryRepositories();
  const directory = new StaticDirectory([
    { id: "sec-1", displayName: "Sara Secretariat", roles: ["Secretariat"] },
    { id: "fp-1", displayName: "Tess Justice" },
  ]);
  const messenger = new ScriptedMessenger(script);
  const config = parseBotConfig({ outbox: { globalRatePerSecond: 1000, perConversationPerSecond: 50, maxAttempts: 3, baseBackoffMs: 1000, ...outboxConfig } }).outbox;
  const newSender = (receipts?: ReceiptLog) =>
    new OutboxSender({ outbox: repos.outbox, messenger, clock, directory, logger: { debug() {}, info() {}, warn() {}, error() {} }, config, random: () => 0.5, receipts });
  const queue = async (...inputs: Partial<OutboxEntryInput>[]) =>
    Promise.all(
      inputs.map((input, index) =>
        repos.outbox.create({
          key: `request:${index + 1}:fp-1`,
          recipientId: "fp-1",
          notification: { kind: "request", requestId: String(index + 1) },
          createdAt: clock.now().toISOString(),
          ...input,
        } as OutboxEntryInput),
      ),
    );
  return { clock, repos, messenger, sender: newSender(), newSender, queue };
}

describe("the outbox sender", () => {
  it("sends each pending entry once, each person's in order, and records the activity it became", async () => {
    const { sender, queue, repos, messenger } = setup();
    await queue({}, {}, { recipientId: "sec-1", key: "notice:a:sec-1", notification: { kind: "notice", topic: "answer-received", text: "Answered" } });
    await sender.drain();
    expect(messenger.calls.map((c) => c.key).filter((key) => key.endsWith("fp-1"))).toEqual(["request:1:fp-1", "request:2:fp-1"]);
    expect(messenger.calls).toHaveLength(3);
    const entries = await queryAll(repos.outbox);
    expect(entries.map((e) => [e.status, e.attempts, e.activityId])).toEqual([
      ["sent", 1, "act-request:1:fp-1"],
      ["sent", 1, "act-request:2:fp-1"],
      ["sent", 1, "act-notice:a:sec-1"],
    ]);
    await sender.drain();
    expect(messenger.calls).toHaveLength(3);
  });

  it("honours Retry-After when throttled, then sends", async () => {
    const { sender, queue, repos, clock, messenger } = setup((entry, call) => (call === 1 ? new DeliveryError("throttled", "429", 1_500) : { activityId: "a1", conversationId: "c1" }));
    const [entry] = await queue({});
    await sender.drain();
    const waiting = await repos.outbox.get(entry!.id);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(Date.parse(waiting.notBefore!) - clock.now().getTime()).toBeGreaterThanOrEqual(1_500);
    expect(waiting.lastError).toContain("throttled");

    await sender.drain();
    expect(messenger.calls).toHaveLength(1);
    clock.advance(2_000);
    await sender.drain();
    expect(await repos.outbox.get(entry!.id)).toMatchObject({ status: "sent", attempts: 2, activityId: "a1" });
  });

  it("backs off on passing faults, then marks the entry undeliverable and tells the secretariat", async () => {
    const { sender, queue, repos, clock } = setup(() => new DeliveryError("transient", "HTTP 503"));
    const [entry] = await queue({});
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await sender.drain();
      const current = await repos.outbox.get(entry!.id);
      if (current.notBefore && current.status === "pending") delays.push(Date.parse(current.notBefore) - clock.now().getTime());
      clock.advance(60_000);
    }
    expect(delays).toEqual([750, 1_500]);
    expect(await repos.outbox.get(entry!.id)).toMatchObject({ status: "undeliverable", attempts: 3 });
    const notices = (await queryAll(repos.outbox)).filter((e) => e.notification.kind === "notice");
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ recipientId: "sec-1", notification: { topic: "undeliverable", requestId: "1" } });
    expect(notices[0]!.notification.kind === "notice" && notices[0]!.notification.text).toContain("could not be delivered in Teams: HTTP 503");
  });

  it("gives up at once on an unreachable person, and never loops on its own undeliverable notices", async () => {
    const { sender, queue, repos } = setup(() => new DeliveryError("unreachable", "cannot install the app"));
    await queue({});
    await sender.drain();
    const entries = await queryAll(repos.outbox);
    expect(entries.map((e) => [e.key.split(":")[0], e.recipientId, e.status])).toEqual([
      ["request", "fp-1", "undeliverable"],
      ["notice", "sec-1", "undeliverable"],
    ]);
  });

  it("two senders on the same outbox deliver each entry once", async () => {
    const { newSender, queue, messenger, repos } = setup(async (entry) => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      return { activityId: `act-${entry.key}`, conversationId: "c" };
    });
    await queue(...Array.from({ length: 40 }, (_, i) => ({ key: `request:${i}:p${i}`, recipientId: `p${i}` })));
    await Promise.all([newSender().drain(), newSender().drain(), newSender().drain()]);
    const keys = messenger.calls.map((c) => c.key);
    expect(new Set(keys).size).toBe(40);
    expect(keys).toHaveLength(40);
    expect((await queryAll(repos.outbox)).every((e) => e.status === "sent")).toBe(true);
  });

  it("takes over an entry a crashed sender left sending, once its lease is over", async () => {
    const { sender, queue, repos, clock, messenger } = setup(undefined, { claimLeaseMs: 60_000 });
    const [old, fresh] = await queue({}, {});
    await repos.outbox.update(old!.id, { status: "sending", claimedAt: new Date(clock.now().getTime() - 120_000).toISOString(), attempts: 1 }, old!.eTag);
    await repos.outbox.update(fresh!.id, { status: "sending", claimedAt: new Date(clock.now().getTime() - 10_000).toISOString(), attempts: 1 }, fresh!.eTag);
    await sender.drain();
    expect(messenger.calls.map((c) => c.key)).toEqual(["request:1:fp-1"]);
    expect(sender.stats.recovered).toBe(1);
    expect(await repos.outbox.get(old!.id)).toMatchObject({ status: "sent", attempts: 2 });
    expect((await repos.outbox.get(fresh!.id)).status).toBe("sending");
  });

  it("settles a crashed sender's claim from its receipt log instead of sending again", async () => {
    const { queue, repos, clock, messenger, newSender } = setup(undefined, { claimLeaseMs: 60_000 });
    const [sentBeforeCrash, notSent] = await queue({}, {});
    const claimedAt = new Date(clock.now().getTime() - 1_000).toISOString();
    await repos.outbox.update(sentBeforeCrash!.id, { status: "sending", claimedAt, attempts: 1 }, sentBeforeCrash!.eTag);
    await repos.outbox.update(notSent!.id, { status: "sending", claimedAt, attempts: 1 }, notSent!.eTag);
    const receipts = new Map([[`${sentBeforeCrash!.id}@${claimedAt}`, { entryId: sentBeforeCrash!.id, claimedAt, activityId: "act-before-crash", conversationId: "c" }]]);
    const sender = newSender({ write() {}, read: () => receipts });
    await sender.drain();
    expect(await repos.outbox.get(sentBeforeCrash!.id)).toMatchObject({ status: "sent", activityId: "act-before-crash" });
    expect(sender.stats.settledFromReceipts).toBe(1);
    expect(messenger.calls).toEqual([]);
    expect((await repos.outbox.get(notSent!.id)).status).toBe("sending");
    clock.advance(61_000);
    await sender.drain();
    expect(messenger.calls.map((c) => c.key)).toEqual(["request:2:fp-1"]);
  });

  it("writes a receipt for every accepted send, before recording it", async () => {
    const events: string[] = [];
    const { queue, repos, newSender } = setup();
    await queue({});
    const update = repos.outbox.update.bind(repos.outbox);
    repos.outbox.update = async (id, changes, eTag) => {
      events.push(`outbox:${changes.status ?? "-"}`);
      return update(id, changes, eTag);
    };
    await newSender({ write: (receipt) => void events.push(`receipt:${receipt.activityId}`), read: () => new Map() }).drain();
    expect(events).toEqual(["outbox:sending", "receipt:act-request:1:fp-1", "outbox:sent"]);
  });

  it("an update waits for the message it updates, then updates that very activity", async () => {
    const { sender, queue, repos, clock, messenger } = setup();
    const [original] = await queue({ key: "approval:1:fp-1", notification: { kind: "approval", reviewId: "1" } });
    await repos.outbox.update(original!.id, { notBefore: new Date(clock.now().getTime() + 5_000).toISOString() }, original!.eTag);
    await queue({ key: "decision:1:fp-1", notification: { kind: "decision", reviewId: "1" }, updatesKey: "approval:1:fp-1" });
    await sender.drain();
    expect(messenger.calls).toEqual([]);
    clock.advance(10_000);
    await sender.drain();
    expect(messenger.calls).toEqual([
      { key: "approval:1:fp-1", previous: undefined },
      { key: "decision:1:fp-1", previous: { activityId: "act-approval:1:fp-1", conversationId: "conv-fp-1" } },
    ]);
  });

  describe("a claim that waits long for a slot of the rate", () => {
    function slowSlot(wait: (clock: FakeClock) => Promise<void> | void) {
      const context = setup(undefined, { claimLeaseMs: 60_000 });
      const limiter = new RateLimiter({ globalPerSecond: 1000, perKeyPerSecond: 50, sleep: async () => undefined });
      limiter.acquire = async () => wait(context.clock);
      const config = parseBotConfig({ outbox: { globalRatePerSecond: 1000, perConversationPerSecond: 50, claimLeaseMs: 60_000 } }).outbox;
      const sender = new OutboxSender({ outbox: context.repos.outbox, messenger: context.messenger, clock: context.clock, directory: new StaticDirectory([]), logger: { debug() {}, info() {}, warn() {}, error() {} }, config, random: () => 0.5, limiter });
      return { ...context, sender };
    }

    it("starts its lease again and is sent once, rather than going back to pending", async () => {
      const { sender, queue, repos, messenger } = slowSlot((clock) => clock.advance(40_000));
      const [entry] = await queue({});
      await sender.drain();
      expect(messenger.calls.map((c) => c.key)).toEqual(["request:1:fp-1"]);
      expect(await repos.outbox.get(entry!.id)).toMatchObject({ status: "sent", attempts: 1, claimedAt: "2026-03-02T09:00:40.000Z" });
    });

    it("is not sent when the leader gave it to another sender meanwhile", async () => {
      let takeOver: () => Promise<void> = async () => undefined;
      const { sender, queue, repos, messenger } = slowSlot(async (clock) => {
        clock.advance(40_000);
        await takeOver();
      });
      const [entry] = await queue({});
      takeOver = async () => {
        const claimed = await repos.outbox.get(entry!.id);
        await repos.outbox.update(entry!.id, { claimedAt: "2026-03-02T09:00:39.000Z" }, claimed.eTag);
      };
      await sender.drain();
      expect(messenger.calls).toEqual([]);
      expect(await repos.outbox.get(entry!.id)).toMatchObject({ status: "sending", claimedAt: "2026-03-02T09:00:39.000Z" });
    });
  });

  it("stops gracefully: the send in flight finishes and is recorded", async () => {
    let release: () => void = () => undefined;
    let markStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const { sender, queue, repos } = setup(
      async () => {
        markStarted();
        await new Promise<void>((resolve) => (release = resolve));
        return { activityId: "slow", conversationId: "c" };
      },
      { pollIntervalMs: 10 },
    );
    const [entry] = await queue({});
    sender.start();
    await started;
    const stopping = sender.stop();
    expect((await repos.outbox.get(entry!.id)).status).toBe("sending");
    release();
    await stopping;
    expect(await repos.outbox.get(entry!.id)).toMatchObject({ status: "sent", activityId: "slow" });
  });
});

describe("the app's send rate shared by its instances", () => {
  test("each instance sends at its share, so that together they stay within the configured rate", () => {
    const threeInstances = parseBotConfig({ outbox: { globalRatePerSecond: 30, sendingInstances: 3 } }).outbox;
    expect(instanceRatePerSecond(threeInstances) * threeInstances.sendingInstances).toBeLessThanOrEqual(30);
    expect(instanceRatePerSecond(threeInstances)).toBe(10);
    expect(instanceRatePerSecond(parseBotConfig({}).outbox)).toBe(30);
  });

  test("instances racing for the same cards spend a slot of their share only on the cards they send", async () => {
    const { repos, clock, messenger, queue } = setup();
    await queue(...Array.from({ length: 24 }, (_, i) => ({ key: `request:${i + 1}:fp-${i % 4}`, recipientId: `fp-${i % 4}`, notification: { kind: "request" as const, requestId: String(i + 1) } })));
    const config = parseBotConfig({ outbox: { globalRatePerSecond: 1000, perConversationPerSecond: 50, sendingInstances: 3 } }).outbox;
    const slots = [0, 0, 0];
    const senders = slots.map((_, i) => {
      const limiter = new RateLimiter({ globalPerSecond: 1000, perKeyPerSecond: 50, sleep: async () => undefined });
      const acquire = limiter.acquire.bind(limiter);
      limiter.acquire = async (key: string) => {
        slots[i]! += 1;
        await acquire(key);
      };
      return new OutboxSender({ outbox: repos.outbox, messenger, clock, directory: new StaticDirectory([]), logger: { debug() {}, info() {}, warn() {}, error() {} }, config, random: () => 0.5, limiter });
    });
    await Promise.all(senders.map((sender) => sender.drain()));
    expect(messenger.calls).toHaveLength(24);
    expect(new Set(messenger.calls.map((c) => c.key)).size).toBe(24);
    // Every slot taken became a card: none was spent on a card another instance had claimed.
    expect(slots.reduce((a, b) => a + b, 0)).toBe(24);
  });

  test("one person's limit is shared too: three instances together send one person at most Teams' 7 a second", () => {
    const threeInstances = parseBotConfig({ outbox: { sendingInstances: 3 } }).outbox;
    expect(instancePerConversationPerSecond(threeInstances) * 3).toBeLessThanOrEqual(7);
    expect(instancePerConversationPerSecond(threeInstances)).toBe(2);
    expect(instancePerConversationPerSecond(parseBotConfig({}).outbox)).toBe(7);
    expect(instancePerConversationPerSecond(parseBotConfig({ outbox: { sendingInstances: 10 } }).outbox)).toBe(1);
  });

  test("a share that is not a count of instances is refused", () => {
    expect(() => parseBotConfig({ outbox: { sendingInstances: 0 } })).toThrow();
    expect(() => parseBotConfig({ outbox: { sendingInstances: 1.5 } })).toThrow();
  });
});
