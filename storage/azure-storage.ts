/**
 * Azure Storage (Blob): what the server's instances share besides the mechanism's SharePoint
 * site, which stays the only store of records: the leader's lease, the import previews
 * waiting for their commit, the outbox's receipts and the change feeds' places (the sends the connector accepted). Locally Microsoft's Azurite emulator stands in for the account
 * (server/local/azurite.ts). Built once per process from a connection string.
 */
import { BlobServiceClient, type ContainerClient, StorageRetryPolicyType } from "@azure/storage-blob";
import type { ImportSessionStore } from "../core/ports/import-session-store";
import type { LeaderLease } from "../core/ports/leadership";
import { BlobImportSessionStore } from "./blob-import-session-store";
import { BlobLeaderLease } from "./blob-leader-lease";
import { BlobReceiptLog } from "./blob-receipt-log";
import type { ReceiptLog } from "../core/ports/receipt-log";
import type { ChangeTokenStore } from "../core/ports/change-tokens";
import { BlobChangeTokenStore } from "./blob-change-token-store";

export const LEADER_CONTAINER = "nmirf-leader";
export const IMPORT_PREVIEWS_CONTAINER = "nmirf-import-previews";
export const OUTBOX_RECEIPTS_CONTAINER = "nmirf-outbox-receipts";
export const CHANGE_FEED_CONTAINER = "nmirf-change-feed";

export interface AzureStorage {
  /** The account's blob endpoint, for messages (no key in it). */
  readonly blobEndpoint: string;
  leaderLease(holder: string, durationSeconds: number): LeaderLease;
  readonly importSessions: ImportSessionStore;
  /** The outbox's receipts, shared by the instances (one settles the claims another left). */
  readonly receipts: ReceiptLog;
  /** Where the lists' change feeds keep their place (the leader's audit of outside edits). */
  readonly changeTokens: ChangeTokenStore;
  /** Whether the account answers (the readiness probe). */
  check(): Promise<void>;
}

export function openAzureStorage(connectionString: string): AzureStorage {
  // The SDK retries throttling and transient failures itself (exponential, a few tries): a
  // lease renewal must not outwait the lease, so the tries are short.
  const service = BlobServiceClient.fromConnectionString(connectionString, {
    retryOptions: { retryPolicyType: StorageRetryPolicyType.EXPONENTIAL, maxTries: 3, tryTimeoutInMs: 10_000, retryDelayInMs: 500, maxRetryDelayInMs: 4_000 },
  });
  const containers = new Map<string, Promise<ContainerClient>>();
  const container = (name: string) => {
    let ready = containers.get(name);
    if (!ready) {
      const client = service.getContainerClient(name);
      ready = client.createIfNotExists().then(() => client);
      ready.catch(() => containers.delete(name));
      containers.set(name, ready);
    }
    return ready;
  };
  return {
    blobEndpoint: service.url,
    leaderLease: (holder, durationSeconds) => new BlobLeaderLease(() => container(LEADER_CONTAINER), holder, durationSeconds),
    importSessions: new BlobImportSessionStore(() => container(IMPORT_PREVIEWS_CONTAINER)),
    receipts: new BlobReceiptLog(() => container(OUTBOX_RECEIPTS_CONTAINER)),
    changeTokens: new BlobChangeTokenStore(() => container(CHANGE_FEED_CONTAINER)),
    check: async () => {
      await service.getContainerClient(LEADER_CONTAINER).exists();
    },
  };
}
