import type { Clock } from "../../core/ports/clock";
import type { Repository } from "../../core/ports/repository";
import type { Stored } from "../../core/records/common";
import { isDomainError } from "../../core/errors";
import type { OutboxEntryFields, OutboxEntryInput } from "../../core/outbox/outbox-entry";
import type { BotLogger } from "../logger";

export type Entry = Stored<OutboxEntryFields>;
export type OutboxRepository = Repository<OutboxEntryFields, OutboxEntryInput>;

const RECORD_TRIES = 6;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function isCode(error: unknown, code: string): boolean {
  return isDomainError(error) && error.code === code;
}

/**
 * Claims on outbox entries: an entry is sent only by the sender that moved it from pending to
 * sending with the eTag it read (two senders cannot both claim it), and only that claim may write
 * its outcome.
 */
export class Claims {
  constructor(private readonly deps: { outbox: OutboxRepository; clock: Clock; logger: BotLogger }) {}

  /** pending → sending; undefined when another sender has it or it changed meanwhile. */
  async claim(entry: Entry): Promise<Entry | undefined> {
    try {
      return await this.deps.outbox.update(entry.id, { status: "sending", claimedAt: this.deps.clock.now().toISOString(), attempts: entry.attempts + 1 }, entry.eTag);
    } catch (error) {
      if (isCode(error, "concurrency")) return undefined; // the next pass sees it as it is
      throw error;
    }
  }

  /**
   * A claim held long (waiting for a slot of the rate) starts its lease again, with the eTag of
   * the claim: undefined when the leader gave it to another sender meanwhile.
   */
  async renew(claimed: Entry): Promise<Entry | undefined> {
    try {
      return await this.deps.outbox.update(claimed.id, { claimedAt: this.deps.clock.now().toISOString() }, claimed.eTag);
    } catch (error) {
      if (isCode(error, "concurrency")) return undefined;
      throw error;
    }
  }

  /** Writes the outcome of a claim, re-reading it if its eTag moved and retrying a busy store; false when the claim was taken over. */
  async finish(claimed: Entry, changes: Partial<OutboxEntryFields>): Promise<boolean> {
    let current = claimed;
    for (let attempt = 1; attempt <= RECORD_TRIES; attempt += 1) {
      try {
        await this.deps.outbox.update(current.id, changes, current.eTag);
        return true;
      } catch (error) {
        if (isCode(error, "concurrency")) {
          const fresh = await this.deps.outbox.get(current.id).catch(() => undefined);
          if (!fresh || fresh.status !== "sending" || fresh.claimedAt !== claimed.claimedAt) {
            this.deps.logger.warn({ key: claimed.key }, "another sender took this message over while it was being sent");
            return false;
          }
          current = fresh;
          continue;
        }
        if (attempt === RECORD_TRIES) throw error;
        await sleep(Math.min(5_000, 100 * 2 ** attempt));
      }
    }
    return false;
  }

  /** A write on an unclaimed entry (postponing it, cancelling it); false when it changed meanwhile. */
  async write(entry: Entry, changes: Partial<OutboxEntryFields>): Promise<boolean> {
    try {
      await this.deps.outbox.update(entry.id, changes, entry.eTag);
      return true;
    } catch (error) {
      if (isCode(error, "concurrency")) return false;
      throw error;
    }
  }
}
