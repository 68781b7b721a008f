import { InMemoryChangeTokenStore } from "../../core/ports/change-tokens";
import { type RECORD_KINDS } from "../../core/records/kinds";
import { SAMPLE_INPUTS } from "../../core/testing/samples";
import { startEmulatedSite, type EmulatedSite } from "../../tests/support/emulated-site";
import { ListChangeFeed, type ChangeBatch } from "./change-feed";
import { type SharePointListRepository } from "./list-repository";
import type { SharePointStore } from "./open-store";

type RecommendationSchema = typeof RECORD_KINDS.recommendations.schema;

describe("a list's change feed", () => {
  let site: EmulatedSite;
  let store: SharePointStore;
  let repository: SharePointListRepository<RecommendationSchema>;
  beforeAll(async () => {
    site = await startEmulatedSite();
    store = await site.open();
    repository = store.repositories.recommendations as unknown as SharePointListRepository<RecommendationSchema>;
  });
  afterAll(() => site.stop());

  const feedOf = (tokens: InMemoryChangeTokenStore) => new ListChangeFeed(site.client, repository, { tokens, consumer: "test" });

  it("hands each change to its subscribers once, and a new feed on the same stored place goes on from there", async () => {
    const tokens = new InMemoryChangeTokenStore();
    const [a] = await store.repositories.recommendations.createMany([SAMPLE_INPUTS.recommendations("f1"), SAMPLE_INPUTS.recommendations("f2")]);
    const first = feedOf(tokens);
    const seen: ChangeBatch<unknown>[] = [];
    first.subscribe((batch) => void seen.push(batch));
    const initial = await first.pull();
    expect(initial.full).toBe(true);
    expect(initial.resynced).toBe(false);
    expect(initial.changes.length).toBeGreaterThanOrEqual(2);

    const created = a!.ok ? a!.record : undefined;
    await store.repositories.recommendations.update(created!.id, { cluster: "Changed after the first pull" }, created!.eTag);

    // Another process (a restart) reads the stored place: it is handed the edit only, not the whole list again.
    const restarted = feedOf(tokens);
    const next = await restarted.pull();
    expect(next.full).toBe(false);
    expect(next.changes.map((c) => [c.id, c.record?.cluster])).toEqual([[created!.id, "Changed after the first pull"]]);
    expect(next.previousSyncAt).toBe(initial.syncedAt);
    expect((await restarted.pull()).changes).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it("hands a row that does not read as a record on with its problem, and goes on with the rest", async () => {
    const tokens = new InMemoryChangeTokenStore();
    const feed = feedOf(tokens);
    await feed.pull();
    const [bad, good] = await store.repositories.recommendations.createMany([SAMPLE_INPUTS.recommendations("b1"), SAMPLE_INPUTS.recommendations("b2")]);
    const badId = bad!.ok ? bad!.record.id : "";
    // What a person types into the status history column in Microsoft Lists.
    await site.client.api(`${repository.itemsQuery.path}/${badId}/fields`).patch({ StatusHistory: "called the ministry on Monday" });
    const batch = await feed.pull();
    const byId = new Map(batch.changes.map((c) => [c.id, c]));
    expect(byId.get(badId)?.record).toBeUndefined();
    expect(byId.get(badId)?.problem).toMatch(/not valid/);
    expect(byId.get(good!.ok ? good!.record.id : "")?.record?.paragraph).toBe("140.b2");
  });

  it("starts again from a full read, marked as a resync, when SharePoint refuses the stored place (410)", async () => {
    const tokens = new InMemoryChangeTokenStore();
    const feed = feedOf(tokens);
    await feed.pull();
    site.emulator.expireDeltaTokens(repository.listId);
    const batch = await feed.pull();
    expect(batch.full).toBe(true);
    expect(batch.resynced).toBe(true);
    expect(batch.changes.length).toBeGreaterThan(0);
  });

  it("does not move its place when a subscriber fails: the same changes come again", async () => {
    const tokens = new InMemoryChangeTokenStore();
    const feed = feedOf(tokens);
    await feed.pull();
    const [created] = await store.repositories.recommendations.createMany([SAMPLE_INPUTS.recommendations("s1")]);
    const stop = feed.subscribe(() => {
      throw new Error("the audit list did not answer");
    });
    await expect(feed.pull()).rejects.toThrow("the audit list did not answer");
    stop();
    const again = await feed.pull();
    expect(again.changes.map((c) => c.id)).toEqual([created!.ok ? created!.record.id : ""]);
  });
});
