/**
 * The outbox's receipts in Blob Storage (Azurite here), as two instances share them: what one
 * instance wrote before it died, another reads; a claim is recorded once; what is not a receipt
 * is skipped.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BlobServiceClient } from "@azure/storage-blob";
import { startAzurite, type RunningAzurite } from "../../server/local/azurite";
import { openAzureStorage, OUTBOX_RECEIPTS_CONTAINER } from "../../storage/azure-storage";
import { FakeClock, StaticDirectory } from "../../core/in-memory/fakes";
import { createInMemoryRepositories } from "../../core/in-memory/in-memory-repositories";
import type { Messenger } from "../../core/ports/messenger";
import type { OutboxEntryInput } from "../../core/outbox/outbox-entry";
import { parseBotConfig } from "../../bot/config";
import { OutboxSender } from "../../bot/outbox/sender";
import type { OutboxRepository } from "../../bot/outbox/claims";

jest.setTimeout(60_000);

const work = mkdtempSync(path.join(tmpdir(), "nmirf-receipts-"));
let azurite: RunningAzurite;

beforeAll(async () => {
  azurite = await startAzurite({ location: work });
});

afterAll(async () => {
  await azurite?.stop();
  rmSync(work, { recursive: true, force: true });
});

const receipt = (entryId: string, claimedAt: string, activityId: string) => ({ entryId, claimedAt, activityId, conversationId: "a:1conversation@thread.v2;messageid=1" });

test("a receipt one instance wrote is read by another", async () => {
  const instanceA = openAzureStorage(azurite.connectionString);
  const instanceB = openAzureStorage(azurite.connectionString);
  await instanceA.receipts.write(receipt("entry-1", "2026-12-03T08:00:00.000Z", "1:act-one"));

  const seen = await instanceB.receipts.read();
  expect(seen.get("entry-1@2026-12-03T08:00:00.000Z")).toEqual(receipt("entry-1", "2026-12-03T08:00:00.000Z", "1:act-one"));
});

test("a claim is recorded once: a second write of the same claim leaves the first", async () => {
  const instanceA = openAzureStorage(azurite.connectionString);
  const instanceB = openAzureStorage(azurite.connectionString);
  await instanceA.receipts.write(receipt("entry-2", "2026-12-03T08:01:00.000Z", "first"));
  await instanceB.receipts.write(receipt("entry-2", "2026-12-03T08:01:00.000Z", "second"));

  const seen = await instanceA.receipts.read();
  expect(seen.get("entry-2@2026-12-03T08:01:00.000Z")?.activityId).toBe("first");
});

test("another claim of the same entry is a receipt of its own", async () => {
  const storage = openAzureStorage(azurite.connectionString);
  await storage.receipts.write(receipt("entry-3", "2026-12-03T08:02:00.000Z", "before"));
  await storage.receipts.write(receipt("entry-3", "2026-12-03T08:09:00.000Z", "after"));

  const seen = await storage.receipts.read();
  expect(seen.get("entry-3@2026-12-03T08:02:00.000Z")?.activityId).toBe("before");
  expect(seen.get("entry-3@2026-12-03T08:09:00.000Z")?.activityId).toBe("after");
});

test("blobs that are not receipts are skipped, not fatal", async () => {
  const storage = openAzureStorage(azurite.connectionString);
  await storage.receipts.write(receipt("entry-4", "2026-12-03T08:03:00.000Z", "kept"));
  const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(OUTBOX_RECEIPTS_CONTAINER);
  await container.getBlockBlobClient("stray-file.txt").upload("hello", 5);
  await container.getBlockBlobClient("entry-5@x").upload("", 0, { metadata: { receipt: "not base64 json" } });
  await container.getBlockBlobClient("entry-6@y").upload("", 0, { metadata: { receipt: Buffer.from(JSON.stringify(receipt("other", "z", "a"))).toString("base64url") } });

  const seen = await storage.receipts.read();
  expect(seen.get("entry-4@2026-12-03T08:03:00.000Z")?.activityId).toBe("kept");
  expect([...seen.keys()].filter((key) => /stray|entry-5|entry-6/.test(key))).toEqual([]);
});

test("a receipt that is not one is refused before anything is written", async () => {
  const storage = openAzureStorage(azurite.connectionString);
  await expect(storage.receipts.write({ entryId: "", claimedAt: "x", activityId: "a", conversationId: "c" })).rejects.toThrow();
  expect([...(await storage.receipts.read()).keys()].some((key) => key.startsWith("@"))).toBe(false);
});

test("an instance that died after Teams accepted a card, before SharePoint was told, is settled by another without a second card", async () => {
  const clock = new FakeClock("2026-12-03T09:00:00.000Z");
  const repos = createInMemoryRepositories();
  const directory = new StaticDirectory([{ id: "fp-1", displayName: "Tess Justice" }]);
  const config = parseBotConfig({ outbox: { globalRatePerSecond: 1000, claimLeaseMs: 60_000 } }).outbox;
  const logger = { debug() {}, info() {}, warn() {}, error() {} };
  const cardsSent: string[] = [];
  const messenger = (instance: string): Messenger => ({
    deliver: async (entry) => {
      cardsSent.push(`${instance}:${entry.key}`);
      return { activityId: `act-${instance}`, conversationId: "conv-fp-1" };
    },
  });
  const entry = await repos.outbox.create({ key: "request:1:fp-1", recipientId: "fp-1", notification: { kind: "request", requestId: "1" }, createdAt: clock.now().toISOString() } as OutboxEntryInput);
  // Instance A: its process dies between the connector's answer and the outbox's "sent".
  const dyingOutbox = Object.create(repos.outbox) as OutboxRepository;
  dyingOutbox.update = async (id, changes, eTag) => {
    if (changes.status === "sent") throw new Error("the process was killed");
    return repos.outbox.update(id, changes, eTag);
  };
  const instanceA = new OutboxSender({ outbox: dyingOutbox, messenger: messenger("A"), clock, directory, logger, config, random: () => 0.5, receipts: openAzureStorage(azurite.connectionString).receipts });
  await instanceA.drain().catch(() => undefined);
  expect((await repos.outbox.get(entry.id)).status).toBe("sending");

  const instanceB = new OutboxSender({ outbox: repos.outbox, messenger: messenger("B"), clock, directory, logger, config, random: () => 0.5, receipts: openAzureStorage(azurite.connectionString).receipts });
  await instanceB.drain();
  expect(await repos.outbox.get(entry.id)).toMatchObject({ status: "sent", activityId: "act-A" });
  expect(cardsSent).toEqual(["A:request:1:fp-1"]);
});
