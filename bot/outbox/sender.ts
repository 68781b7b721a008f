import { createHash } from "node:crypto";
import type { Clock } from "../../core/ports/clock";
import type { Directory } from "../../core/ports/directory";
import { DeliveryError, type DeliveryReceipt, type Messenger } from "../../core/ports/messenger";
import { findOne, type Repository } from "../../core/ports/repository";
import { LIMITS, type Stored } from "../../core/records/common";
import type { OutboxEntryFields, OutboxEntryInput } from "../../core/outbox/outbox-entry";
import { isDomainError } from "../../core/errors";
import type { BotConfig } from "../config";
import { describeError, type BotLogger } from "../logger";
import { isTwoStep, type Prepared } from "../messenger/teams-messenger";
import { RateLimiter } from "./rate-limiter";
import { receiptKey, type Receipt, type ReceiptLog } from "./receipt-log";

type Entry = Stored<OutboxEntryFields>;
type OutboxRepository = Repository<OutboxEntryFields, OutboxEntryInput>;

export interface OutboxSenderDeps {
  outbox: OutboxRepository;
  messenger: Messenger;
  clock: Clock;
  directory: Directory;
  logger: BotLogger;
  config: BotConfig["outbox"];
  /** For jitter; tests pass a fixed one. */
  random?: () => number;
  limiter?: RateLimiter;
  /** The local record of accepted sends that settles a crashed sender's claims (see receipt-log.ts). */
  receipts?: ReceiptLog;
}

export interface SenderStats {
  sent: number;
  updated: number;
  retried: number;
  throttled: number;
  undeliverable: number;
  cancelled: number;
  /** Entries a crashed sender left "sending", sent again after its lease expired. */
  recovered: number;
  /** Entries a crashed sender left "sending" that its receipt log showed as sent: recorded, not sent again. */
  settledFromReceipts: number;
}

const WAIT_FOR_ORIGINAL_MS = 2_000;
/** An entry that failed unexpectedly (a store error) is left alone this long in this process. */
const COOL_DOWN_MS = 30_000;
const RECORD_TRIES = 6;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isCode(error: unknown, code: string): boolean {
  return isDomainError(error) && error.code === code;
}

function shortKey(key: string): string {
  return key.length <= 120 ? key : `${key.slice(0, 80)}~${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;
}

/**
 * Sends the outbox: every proactive message is an entry with an idempotency key; this loop
 * claims each due entry (pending → sending, by eTag, so that two senders cannot both claim it),
 * sends it within Teams' limits, and records it sent with the activity id, or schedules a retry
 * (Retry-After honoured, jittered exponential backoff), or marks it undeliverable and tells the
 * secretariat.
 *
 * Exactly-once in effect: an entry is sent only by the sender that claimed it, and its `sent`
 * record is written the moment the connector accepts it, after a local receipt (receipt-log.ts).
 * A sender killed between the connector's answer and the outbox write leaves the entry
 * "sending"; its successor settles it from the receipt without sending again. The window left
 * is the connector's answer still in transit when the process dies: such an entry is sent
 * again after the claim's lease (a lost message would be worse than a second copy of a card;
 * answering either copy does the same thing). See docs/bot.md.
 */
export class OutboxSender {
  readonly stats: SenderStats = { sent: 0, updated: 0, retried: 0, throttled: 0, undeliverable: 0, cancelled: 0, recovered: 0, settledFromReceipts: 0 };
  /** The receipt log as read during the current look for abandoned claims. */
  private receiptsRead: Map<string, Receipt> | undefined;
  private readonly limiter: RateLimiter;
  private readonly random: () => number;
  private readonly inFlight = new Set<string>();
  private readonly coolingDown = new Map<string, number>();
  private running = false;
  private accepting = true;
  private loop: Promise<void> | undefined;
  private passChain: Promise<unknown> = Promise.resolve();
  private wake: (() => void) | undefined;
  private kicked = false;
  /** When the next look for abandoned claims is due (at once at start). */
  private recoveryDueAt = Number.NEGATIVE_INFINITY;
  /** When a claim seen "sending" (not ours) will have outlived its lease. */
  private claimExpiresAt: number | undefined;
  private nextPendingAt: number | undefined;

  constructor(private readonly deps: OutboxSenderDeps) {
    this.limiter = deps.limiter ?? new RateLimiter({ globalPerSecond: deps.config.globalRatePerSecond, perKeyPerSecond: deps.config.perConversationPerSecond });
    this.random = deps.random ?? Math.random;
  }

  /** Starts the loop: it sends what is due, then waits for a kick or the poll interval. */
  start(): void {
    if (this.loop) return;
    this.running = true;
    this.accepting = true;
    this.loop = this.runLoop();
  }

  /** Graceful stop: claims nothing new, lets the sends in flight finish and be recorded. */
  async stop(): Promise<void> {
    this.running = false;
    this.accepting = false;
    this.wake?.();
    await this.loop;
    await this.passChain.catch(() => undefined);
    this.loop = undefined;
  }

  /** Something was queued: look now rather than at the next poll. */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  /**
   * Sends until nothing is due (tests, the bench, a command line). With `waitForDelayed`, also
   * waits for entries retrying later (throttled) until the outbox has nothing pending.
   */
  async drain(options: { waitForDelayed?: boolean; timeoutMs?: number } = {}): Promise<SenderStats> {
    const deadline = Date.now() + (options.timeoutMs ?? 600_000);
    const wasAccepting = this.accepting;
    this.accepting = true;
    try {
      while (Date.now() < deadline) {
        const processed = await this.pass();
        if (processed > 0) continue;
        if (!options.waitForDelayed || this.nextDueAt === undefined) break;
        await sleep(Math.max(10, Math.min(this.nextDueAt - this.deps.clock.now().getTime(), 1_000)));
      }
    } finally {
      this.accepting = wasAccepting || this.running;
    }
    return { ...this.stats };
  }

  /** One look at the outbox: sends every entry due now. Passes never overlap. */
  pass(): Promise<number> {
    const next = this.passChain.then(() => this.runPass());
    this.passChain = next.catch(() => undefined);
    return next;
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      let processed = 0;
      try {
        processed = await this.pass();
      } catch (error) {
        this.deps.logger.error({ error: describeError(error) }, "the outbox sender could not read the outbox");
      }
      if (!this.running) break;
      if (processed === 0) {
        const untilDue = this.nextDueAt === undefined ? Infinity : this.nextDueAt - this.deps.clock.now().getTime();
        await this.idle(Math.max(10, Math.min(this.deps.config.pollIntervalMs, untilDue)));
      }
    }
  }

  private idle(ms: number): Promise<void> {
    if (this.kicked) {
      this.kicked = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.kicked = false;
        done();
      };
    });
  }

  private async runPass(): Promise<number> {
    await this.recoverAbandoned();
    const due = await this.dueEntries();
    if (!due.length) return 0;
    const byRecipient = new Map<string, Entry[]>();
    for (const entry of due) byRecipient.set(entry.recipientId, [...(byRecipient.get(entry.recipientId) ?? []), entry]);
    // One worker per recipient keeps each person's messages in order; workers share the limits.
    const workers = [...byRecipient.values()];
    let next = 0;
    const pool = Array.from({ length: Math.min(this.deps.config.maxInFlight, workers.length) }, async () => {
      while (this.accepting && next < workers.length) {
        const entries = workers[next++]!;
        for (const entry of entries) {
          if (!this.accepting) return;
          await this.processEntry(entry);
        }
      }
    });
    await Promise.all(pool);
    return due.length;
  }

  /** When something will next be due: a pending entry's retry time, or an abandoned claim's lease end. */
  private get nextDueAt(): number | undefined {
    const times = [this.nextPendingAt, this.claimExpiresAt].filter((t): t is number => t !== undefined);
    return times.length ? Math.min(...times) : undefined;
  }

  /** Pending entries due now, oldest first, a batch at most; remembers when the next one is due. */
  private async dueEntries(): Promise<Entry[]> {
    const now = this.deps.clock.now().getTime();
    const due: Entry[] = [];
    let nextDueAt: number | undefined;
    let pageToken: string | undefined;
    do {
      const page = await this.deps.outbox.query({ where: [{ field: "status", op: "eq", value: "pending" }], top: this.deps.config.batchSize, pageToken });
      for (const entry of page.items) {
        if (this.inFlight.has(entry.id)) continue;
        const cooledAt = this.coolingDown.get(entry.id);
        if (cooledAt !== undefined && cooledAt > now) {
          nextDueAt = Math.min(nextDueAt ?? cooledAt, cooledAt);
          continue;
        }
        this.coolingDown.delete(entry.id);
        const at = entry.notBefore ? Date.parse(entry.notBefore) : 0;
        if (at <= now) due.push(entry);
        else nextDueAt = Math.min(nextDueAt ?? at, at);
      }
      pageToken = page.nextPageToken;
    } while (pageToken && due.length < this.deps.config.batchSize);
    this.nextPendingAt = due.length ? now : nextDueAt;
    return due.slice(0, this.deps.config.batchSize);
  }

  /**
   * Entries left "sending" by a sender that died: once the claim's lease is over, they go back
   * to pending and are sent again. Runs at the first pass, then every half lease, and when a
   * claim it saw is due to expire.
   */
  private async recoverAbandoned(): Promise<void> {
    const now = this.deps.clock.now().getTime();
    if (now < this.recoveryDueAt) return;
    const lease = this.deps.config.claimLeaseMs;
    let claimExpiresAt: number | undefined;
    let pageToken: string | undefined;
    this.receiptsRead = undefined;
    do {
      const page = await this.deps.outbox.query({ where: [{ field: "status", op: "eq", value: "sending" }], top: 500, pageToken });
      for (const entry of page.items) {
        if (this.inFlight.has(entry.id)) continue;
        if (await this.settleFromReceipt(entry)) continue;
        const claimedAt = entry.claimedAt ? Date.parse(entry.claimedAt) : 0;
        if (now - claimedAt < lease) {
          claimExpiresAt = Math.min(claimExpiresAt ?? Infinity, claimedAt + lease);
          continue;
        }
        try {
          await this.deps.outbox.update(entry.id, { status: "pending", claimedAt: undefined, lastError: "the sender stopped while sending this message: it is sent again" }, entry.eTag);
          this.stats.recovered += 1;
          this.deps.logger.warn({ key: entry.key, claimedAt: entry.claimedAt }, "took over a message a stopped sender had claimed; its recipient may get it twice");
        } catch (error) {
          if (!isCode(error, "concurrency")) throw error;
        }
      }
      pageToken = page.nextPageToken;
    } while (pageToken);
    this.claimExpiresAt = claimExpiresAt;
    this.recoveryDueAt = Math.min(now + lease / 2, claimExpiresAt ?? Infinity);
  }

  /** A claim the receipt log shows the connector accepted: record it sent, send nothing. */
  private async settleFromReceipt(entry: Entry): Promise<boolean> {
    if (!this.deps.receipts) return false;
    this.receiptsRead ??= this.deps.receipts.read();
    const receipt = this.receiptsRead.get(receiptKey(entry.id, entry.claimedAt));
    if (!receipt) return false;
    try {
      await this.deps.outbox.update(
        entry.id,
        { status: "sent", sentAt: this.deps.clock.now().toISOString(), activityId: receipt.activityId || undefined, conversationId: receipt.conversationId, lastError: undefined, notBefore: undefined },
        entry.eTag,
      );
      this.stats.settledFromReceipts += 1;
      this.deps.logger.info({ key: entry.key }, "a message sent before a crash was recorded from the receipt log");
    } catch (error) {
      if (!isCode(error, "concurrency")) throw error;
    }
    return true;
  }

  private async processEntry(entry: Entry): Promise<void> {
    this.inFlight.add(entry.id);
    try {
      await this.sendEntry(entry);
    } catch (error) {
      // A store that failed us (not the connector): the entry stays as it is, and is tried again
      // after a pause (not in a tight loop).
      this.coolingDown.set(entry.id, this.deps.clock.now().getTime() + COOL_DOWN_MS);
      this.deps.logger.error({ key: entry.key, error: describeError(error) }, "could not process an outbox entry");
    } finally {
      this.inFlight.delete(entry.id);
    }
  }

  private async sendEntry(entry: Entry): Promise<void> {
    const messenger = this.deps.messenger;
    let prepared: Prepared | undefined;
    if (isTwoStep(messenger)) {
      try {
        prepared = await messenger.prepare(entry);
      } catch (error) {
        await this.postpone(entry, error);
        return;
      }
      if (!prepared.send) {
        await this.finish(entry, { status: "cancelled", lastError: prepared.reason.slice(0, LIMITS.comment) }, "cancelled");
        return;
      }
    }

    let previous: DeliveryReceipt | undefined;
    if (entry.updatesKey) {
      const original = await findOne(this.deps.outbox, "key", entry.updatesKey);
      if (original && (original.status === "pending" || original.status === "sending")) {
        // Update a message only once it exists.
        await this.deps.outbox
          .update(entry.id, { notBefore: new Date(this.deps.clock.now().getTime() + WAIT_FOR_ORIGINAL_MS).toISOString() }, entry.eTag)
          .catch((error: unknown) => {
            if (!isCode(error, "concurrency")) throw error;
          });
        return;
      }
      if (original?.status === "sent" && original.activityId && original.conversationId) {
        previous = { activityId: original.activityId, conversationId: original.conversationId };
      }
      // Otherwise the original never went out: the outcome is sent as a new message.
    }

    await this.limiter.acquire(entry.recipientId);
    if (!this.accepting) return;

    let claimed: Entry;
    try {
      claimed = await this.deps.outbox.update(entry.id, { status: "sending", claimedAt: this.deps.clock.now().toISOString(), attempts: entry.attempts + 1 }, entry.eTag);
    } catch (error) {
      if (isCode(error, "concurrency")) return; // another sender has it, or it changed: the next pass sees it as it is
      throw error;
    }

    let receipt: DeliveryReceipt;
    try {
      receipt = await this.withTimeout(prepared && prepared.send && isTwoStep(messenger) ? messenger.send(claimed, prepared, previous) : messenger.deliver(claimed, previous));
    } catch (error) {
      await this.recordFailure(claimed, error);
      return;
    }
    // The local receipt first (a synchronous append), then the outbox: see receipt-log.ts.
    this.deps.receipts?.write({ entryId: claimed.id, claimedAt: claimed.claimedAt ?? "", activityId: receipt.activityId, conversationId: receipt.conversationId });
    await this.recordSent(claimed, receipt, Boolean(previous));
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    const limit = this.deps.config.sendTimeoutMs + 5_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeliveryError("transient", `no answer from the connector within ${limit} ms`)), limit);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }

  /** Writes the outcome on the claimed entry, re-reading it if its eTag moved, retrying a busy store. */
  private async finishClaimed(claimed: Entry, changes: Partial<OutboxEntryFields>): Promise<boolean> {
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

  private async recordSent(claimed: Entry, receipt: DeliveryReceipt, update: boolean): Promise<void> {
    const recorded = await this.finishClaimed(claimed, {
      status: "sent",
      sentAt: this.deps.clock.now().toISOString(),
      activityId: receipt.activityId ? receipt.activityId.slice(0, 255) : undefined,
      conversationId: receipt.conversationId.slice(0, 512),
      notBefore: undefined,
      lastError: undefined,
    });
    if (!recorded) return;
    if (update) this.stats.updated += 1;
    else this.stats.sent += 1;
  }

  private backoffMs(attempts: number): number {
    const { baseBackoffMs, maxBackoffMs } = this.deps.config;
    const ceiling = Math.min(maxBackoffMs, baseBackoffMs * 2 ** Math.max(0, attempts - 1));
    return ceiling / 2 + (this.random() * ceiling) / 2;
  }

  private async recordFailure(claimed: Entry, error: unknown): Promise<void> {
    const delivery = error instanceof DeliveryError ? error : new DeliveryError("transient", describeError(error).message);
    const lastError = `${delivery.reason}: ${delivery.message}`.slice(0, LIMITS.comment);
    const limit = delivery.reason === "throttled" ? this.deps.config.maxThrottledAttempts : this.deps.config.maxAttempts;
    if (delivery.reason === "unreachable" || delivery.reason === "permanent" || claimed.attempts >= limit) {
      const marked = await this.finishClaimed(claimed, { status: "undeliverable", lastError, notBefore: undefined });
      if (!marked) return;
      this.stats.undeliverable += 1;
      this.deps.logger.warn({ key: claimed.key, recipientId: claimed.recipientId, lastError }, "a message could not be delivered");
      await this.tellSecretariat(claimed, delivery.message);
      return;
    }
    const delay =
      delivery.reason === "throttled"
        ? (delivery.retryAfterMs ?? this.backoffMs(claimed.attempts)) * (1 + this.random() * 0.2)
        : Math.max(delivery.retryAfterMs ?? 0, this.backoffMs(claimed.attempts));
    const notBefore = new Date(this.deps.clock.now().getTime() + delay).toISOString();
    const marked = await this.finishClaimed(claimed, { status: "pending", notBefore, lastError, claimedAt: undefined });
    if (!marked) return;
    if (delivery.reason === "throttled") this.stats.throttled += 1;
    else this.stats.retried += 1;
    this.deps.logger.info({ key: claimed.key, attempts: claimed.attempts, notBefore, lastError }, "a message will be sent again later");
  }

  /** A failure before the claim (reading the records to render the card): try again later. */
  private async postpone(entry: Entry, error: unknown): Promise<void> {
    const lastError = `prepare: ${describeError(error).message}`.slice(0, LIMITS.comment);
    this.deps.logger.warn({ key: entry.key, lastError }, "could not prepare a message");
    if (entry.attempts + 1 >= this.deps.config.maxAttempts) {
      await this.finish(entry, { status: "undeliverable", lastError, attempts: entry.attempts + 1 }, "undeliverable");
      await this.tellSecretariat(entry, lastError);
      return;
    }
    const notBefore = new Date(this.deps.clock.now().getTime() + this.backoffMs(entry.attempts + 1)).toISOString();
    await this.finish(entry, { notBefore, lastError, attempts: entry.attempts + 1 }, "retried");
  }

  private async finish(entry: Entry, changes: Partial<OutboxEntryFields>, counter: keyof SenderStats): Promise<void> {
    try {
      await this.deps.outbox.update(entry.id, changes, entry.eTag);
      this.stats[counter] += 1;
    } catch (error) {
      if (!isCode(error, "concurrency")) throw error;
    }
  }

  /** The secretariat hears of every message that could not be delivered (but not of its own undeliverable notices). */
  private async tellSecretariat(entry: Entry, reason: string): Promise<void> {
    const notification = entry.notification;
    if (notification.kind === "notice" && notification.topic === "undeliverable") return;
    try {
      const [secretariat, recipient] = await Promise.all([this.deps.directory.usersWithRole("Secretariat"), this.deps.directory.getUser(entry.recipientId)]);
      const name = recipient?.displayName ?? entry.recipientId;
      const text = `The ${notification.kind} message for ${name} could not be delivered in Teams: ${reason}. Reach them another way, or check that the NMIRF app can be installed for them.`;
      const requestId = "requestId" in notification ? notification.requestId : undefined;
      const now = this.deps.clock.now().toISOString();
      const entries: OutboxEntryInput[] = secretariat
        .filter((person) => person.id !== entry.recipientId)
        .map((person) => ({
          key: `notice:undeliverable:${shortKey(entry.key)}:${person.id}`.slice(0, 255),
          recipientId: person.id,
          notification: { kind: "notice", topic: "undeliverable", text: text.slice(0, LIMITS.comment), ...(requestId ? { requestId } : {}) },
          createdAt: now,
        }));
      for (const result of await this.deps.outbox.createMany(entries)) {
        if (!result.ok && result.error.code !== "conflict") throw result.error;
      }
      this.kick();
    } catch (error) {
      this.deps.logger.error({ key: entry.key, error: describeError(error) }, "could not tell the secretariat about an undeliverable message");
    }
  }
}
