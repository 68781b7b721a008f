import { randomUUID } from "node:crypto";
import type { ContainerClient } from "@azure/storage-blob";
import type { LeaderLease } from "../core/ports/leadership";
import { codeOf, statusOf } from "./errors";

const LEADER_BLOB = "leader";

/**
 * The leader's lease as a blob lease (Azure Storage's own mutual exclusion): one blob, leased
 * for 15 to 60 seconds by the instance that leads and renewed before it expires; a crashed
 * leader's lease expires and another instance acquires it. The blob's metadata names the holder
 * (for people looking at the account); the lease id is this process's own.
 */
export class BlobLeaderLease implements LeaderLease {
  readonly durationMs: number;
  private readonly leaseId = randomUUID();

  constructor(
    private readonly container: () => Promise<ContainerClient>,
    private readonly holder: string,
    private readonly durationSeconds: number,
  ) {
    if (!Number.isInteger(durationSeconds) || durationSeconds < 15 || durationSeconds > 60) throw new Error("a blob lease lasts 15 to 60 seconds");
    this.durationMs = durationSeconds * 1000;
  }

  async acquire(): Promise<boolean> {
    const blob = (await this.container()).getBlockBlobClient(LEADER_BLOB);
    try {
      await blob.upload("", 0, { conditions: { ifNoneMatch: "*" } });
    } catch (error) {
      // 409/412: it exists already (perhaps leased), which is what we want.
      if (statusOf(error) !== 409 && statusOf(error) !== 412) throw error;
    }
    try {
      await blob.getBlobLeaseClient(this.leaseId).acquireLease(this.durationSeconds);
    } catch (error) {
      if (statusOf(error) === 409) return false; // LeaseAlreadyPresent: another instance leads
      throw error;
    }
    await blob.setMetadata({ holder: this.holder.replace(/[^\x20-\x7e]/g, "?"), since: new Date().toISOString() }, { conditions: { leaseId: this.leaseId } }).catch(() => undefined);
    return true;
  }

  async renew(): Promise<boolean> {
    const blob = (await this.container()).getBlockBlobClient(LEADER_BLOB);
    try {
      await blob.getBlobLeaseClient(this.leaseId).renewLease();
      return true;
    } catch (error) {
      // Another lease id holds it (it expired and was taken), or there is no lease any more.
      if (statusOf(error) === 409 || statusOf(error) === 404 || codeOf(error)?.startsWith("Lease")) return false;
      throw error;
    }
  }

  async release(): Promise<void> {
    const blob = (await this.container()).getBlockBlobClient(LEADER_BLOB);
    await blob
      .getBlobLeaseClient(this.leaseId)
      .releaseLease()
      .catch((error: unknown) => {
        if (statusOf(error) !== 409 && statusOf(error) !== 404) throw error;
      });
  }
}
