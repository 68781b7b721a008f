import type { Clock } from "../../core/ports/clock";
import type { BotLogger } from "../logger";
import { isCode, type Entry, type OutboxRepository } from "./claims";
import { receiptKey, type Receipt, type ReceiptLog } from "./receipt-log";
import type { SenderStats } from "./stats";

/**
 * Entries left "sending" by a sender that died. One the receipt log shows the connector accepted
 * is recorded sent, without sending again; any other goes back to pending once its claim's lease
 * is over, and is sent again (a second copy of a card is better than a lost one). Looked for at
 * the first pass, then every half lease, and when a claim it saw is due to expire.
 */
export class AbandonedClaims {
  private dueAt = Number.NEGATIVE_INFINITY;
  /** When a claim seen "sending" (not ours) will have outlived its lease. */
  expiresAt: number | undefined;

  constructor(
    private readonly deps: { outbox: OutboxRepository; clock: Clock; logger: BotLogger; leaseMs: number; receipts?: ReceiptLog; stats: SenderStats },
    private readonly isInFlight: (entryId: string) => boolean,
  ) {}

  async recover(): Promise<void> {
    const now = this.deps.clock.now().getTime();
    if (now < this.dueAt) return;
    const lease = this.deps.leaseMs;
    let expiresAt: number | undefined;
    let receipts: Map<string, Receipt> | undefined;
    let pageToken: string | undefined;
    do {
      const page = await this.deps.outbox.query({ where: [{ field: "status", op: "eq", value: "sending" }], top: 500, pageToken });
      for (const entry of page.items) {
        if (this.isInFlight(entry.id)) continue;
        receipts ??= await this.deps.receipts?.read();
        const receipt = receipts?.get(receiptKey(entry.id, entry.claimedAt));
        if (receipt) {
          await this.settle(entry, receipt);
          continue;
        }
        const claimedAt = entry.claimedAt ? Date.parse(entry.claimedAt) : 0;
        if (now - claimedAt < lease) {
          expiresAt = Math.min(expiresAt ?? Infinity, claimedAt + lease);
          continue;
        }
        await this.release(entry);
      }
      pageToken = page.nextPageToken;
    } while (pageToken);
    this.expiresAt = expiresAt;
    this.dueAt = Math.min(now + lease / 2, expiresAt ?? Infinity);
  }

  /** A claim the receipt log shows the connector accepted: record it sent, send nothing. */
  private async settle(entry: Entry, receipt: Receipt): Promise<void> {
    try {
      await this.deps.outbox.update(
        entry.id,
        { status: "sent", sentAt: this.deps.clock.now().toISOString(), activityId: receipt.activityId || undefined, conversationId: receipt.conversationId, lastError: undefined, notBefore: undefined },
        entry.eTag,
      );
      this.deps.stats.settledFromReceipts += 1;
      this.deps.logger.info({ key: entry.key }, "a message sent before a crash was recorded from the receipt log");
    } catch (error) {
      if (!isCode(error, "concurrency")) throw error;
    }
  }

  private async release(entry: Entry): Promise<void> {
    try {
      await this.deps.outbox.update(entry.id, { status: "pending", claimedAt: undefined, lastError: "the sender stopped while sending this message: it is sent again" }, entry.eTag);
      this.deps.stats.recovered += 1;
      this.deps.logger.warn({ key: entry.key, claimedAt: entry.claimedAt }, "took over a message a stopped sender had claimed; its recipient may get it twice");
    } catch (error) {
      if (!isCode(error, "concurrency")) throw error;
    }
  }
}
