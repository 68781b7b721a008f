import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SAMPLE_INPUTS } from "../../core/testing/samples";
import { startEmulatedSite, type EmulatedSite } from "../../tests/support/emulated-site";
import { ListSubscriptions, LIST_SUBSCRIPTION_MAX_MINUTES } from "./list-subscriptions";
import type { SharePointListRepository } from "./list-repository";

const DAY = 24 * 60 * 60_000;

/** A notification endpoint on loopback: answers the handshake (or not), records what it is sent. */
async function endpoint(answerHandshake: () => boolean): Promise<{ url: string; received: unknown[]; close(): Promise<void> }> {
  const received: unknown[] = [];
  const server: Server = createServer((req, res) => {
    const token = new URL(req.url ?? "/", "http://x").searchParams.get("validationToken");
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      if (token !== null) {
        res.writeHead(200, { "content-type": "text/plain" }).end(answerHandshake() ? token : "something else");
        return;
      }
      received.push(JSON.parse(body));
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/graph/notifications`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe("the lists' change notification subscriptions", () => {
  let now = Date.parse("2026-12-03T09:00:00Z");
  let site: EmulatedSite;
  let listIds: string[];
  let answer = true;
  let hook: Awaited<ReturnType<typeof endpoint>>;
  beforeAll(async () => {
    site = await startEmulatedSite({ now: () => now, notifications: { allowHttpLoopback: true, batchDelayMs: 300 } });
    const store = await site.open();
    listIds = [store.repositories.recommendations, store.repositories.requests].map((r) => (r as unknown as SharePointListRepository<never>).listId);
    hook = await endpoint(() => answer);
  });
  afterAll(async () => {
    await hook.close();
    await site.stop();
  });

  const manager = () => new ListSubscriptions(site.client, { siteId: site.siteId, listIds, notificationUrl: hook.url, lifecycleNotificationUrl: hook.url, clientState: "a-secret-of-sixteen-chars", now: () => new Date(now) });

  it("creates one per list after the handshake, reuses them after a restart, renews them before they expire and creates one Graph dropped again", async () => {
    const first = manager();
    expect(await first.check()).toEqual({ created: 2, renewed: 0 });
    expect(site.emulator.subscriptions().map((s) => s.resource).sort()).toEqual(listIds.map((id) => `sites/${site.siteId}/lists/${id}`).sort());
    expect(site.emulator.subscriptions().every((s) => s.changeType === "updated" && s.clientState === "a-secret-of-sixteen-chars")).toBe(true);

    // Another leader (a restart) finds them: none is made twice.
    expect(await manager().check()).toEqual({ created: 0, renewed: 0 });

    // 28 days on, less than 3 days are left: renewed, not made again.
    const expiry = Date.parse(site.emulator.subscriptions()[0]!.expirationDateTime);
    now += 28 * DAY;
    expect(await first.check()).toEqual({ created: 0, renewed: 2 });
    expect(site.emulator.subscriptions()).toHaveLength(2);
    expect(Date.parse(site.emulator.subscriptions()[0]!.expirationDateTime)).toBeGreaterThan(expiry);
    expect(Date.parse(site.emulator.subscriptions()[0]!.expirationDateTime)).toBeLessThanOrEqual(now + LIST_SUBSCRIPTION_MAX_MINUTES * 60_000);

    // Nobody checked for a month: Graph dropped them; the next check subscribes again.
    now += 31 * DAY;
    expect(site.emulator.subscriptions()).toHaveLength(0);
    expect(await first.check()).toEqual({ created: 2, renewed: 0 });
  });

  it("renews one at once when asked (reauthorizationRequired) and subscribes anew after subscriptionRemoved", async () => {
    const subscriptions = manager();
    await subscriptions.check();
    const [held] = subscriptions.held();
    now += DAY;
    await subscriptions.renew(held!.id);
    expect(Date.parse(site.emulator.subscriptions().find((s) => s.id === held!.id)!.expirationDateTime)).toBeGreaterThan(Date.parse(held!.expirationDateTime));
    await site.emulator.sendLifecycleNotification(held!.id, "subscriptionRemoved");
    await subscriptions.recreate(held!.id);
    expect(site.emulator.subscriptions().some((s) => s.id === held!.id)).toBe(false);
    expect(subscriptions.listOf(held!.id)).toBeUndefined();
    expect(site.emulator.subscriptions().filter((s) => s.resource.endsWith(held!.listId))).toHaveLength(1);
  });

  it("is refused when the endpoint does not answer the handshake with the token, and nothing is subscribed", async () => {
    for (const s of site.emulator.subscriptions()) await site.client.api(`/subscriptions/${s.id}`).delete();
    answer = false;
    try {
      await expect(manager().check()).rejects.toThrow(/validation request failed/i);
      expect(site.emulator.subscriptions()).toHaveLength(0);
    } finally {
      answer = true;
    }
  });

  it("notifies the endpoint after a subscribed list changes, once for a burst of writes, and not for other lists", async () => {
    await manager().check();
    const store = await site.open();
    const created = await store.repositories.recommendations.create(SAMPLE_INPUTS.recommendations("n1"));
    await site.emulator.notificationsSettled();
    hook.received.length = 0;
    await store.repositories.ministries.create({ name: "Ministry of Notifications" });
    const updated = await store.repositories.recommendations.update(created.id, { cluster: "Notified" }, created.eTag);
    await store.repositories.recommendations.update(created.id, { cluster: "Notified twice" }, updated.eTag);
    await site.emulator.notificationsSettled();
    expect(hook.received).toEqual([{ value: [expect.objectContaining({ changeType: "updated", clientState: "a-secret-of-sixteen-chars", resource: `sites/${site.siteId}/lists/${listIds[0]}` })] }]);
  });
});
