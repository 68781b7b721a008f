import type { Clock } from "../../core/ports/clock";
import type { Directory } from "../../core/ports/directory";
import { DeliveryError, type DeliveryReceipt, type Messenger } from "../../core/ports/messenger";
import { findOne } from "../../core/ports/repository";
import { LIMITS } from "../../core/records/common";
import type { BotConfig } from "../config";
import { describeError, type BotLogger } from "../logger";
import { isTwoStep, type Prepared } from "../messenger/teams-messenger";
import { AbandonedClaims } from "./abandoned-claims";
import { Claims, type Entry, type OutboxRepository } from "./claims";
import { DueEntries } from "./due-entries";
import { tellSecretariatUndeliverable } from "./notices";
import { backoffMs, givesUp, retryDelayMs } from "./pacing";
import { RateLimiter } from "./rate-limiter";
import type { ReceiptLog } from "./receipt-log";
import { emptyStats, type SenderStats } from "./stats";

export type { SenderStats } from "./stats";

/** What became of an entry, for whoever keeps records that follow it (a request is `sent` once its card is). */
export type SettledOutcome = { kind: "sent"; at: string } | { kind: "undeliverable"; reason: UndeliverableCause; detail: string };
/** Why the outbox gave up an entry: the connector's reason, or its card could not be prepared. */
export type UndeliverableCause = DeliveryError["reason"] | "prepare";

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
  /** Told when an entry is sent or given up (after the outbox recorded it); a failure here is logged, the outbox stays right. */
  onSettled?: (entry: Entry, outcome: SettledOutcome) => Promise<void>;
  /** Leader hook (server/leadership): with several instances, only the leader takes over abandoned claims. Absent: always. */
  isLeader?: () => boolean;
}

const WAIT_FOR_ORIGINAL_MS = 2_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** This instance's share of the app's send rate: the configured rate split evenly among the instances that send. */
export function instanceRatePerSecond(config: { globalRatePerSecond: number; sendingInstances: number }): number {
  return config.globalRatePerSecond / config.sendingInstances;
}

/**
 * This instance's share of Teams' limit for one conversation (7 messages a second to one person):
 * split as the app's rate is, at least one a second, so that together the instances stay within
 * it however they share a person's cards (more instances than the limit may reach one each).
 */
export function instancePerConversationPerSecond(config: { perConversationPerSecond: number; sendingInstances: number }): number {
  return Math.max(1, Math.floor(config.perConversationPerSecond / config.sendingInstances));
}

/**
 * Sends the outbox: every proactive message is an entry with an idempotency key; this loop
 * reads the due entries (due-entries.ts), claims each one (claims.ts), sends it within Teams'
 * limits (rate-limiter.ts), and records it sent with the activity id, or schedules a retry
 * (pacing.ts), or marks it undeliverable and tells the secretariat (notices.ts). Claims a dead
 * sender left are settled or released by abandoned-claims.ts.
 *
 * Exactly-once in effect: an entry is sent only by the sender that claimed it, and its `sent`
 * record is written the moment the connector accepts it, after a local receipt (receipt-log.ts).
 * A sender killed between the connector's answer and the outbox write leaves the entry
 * "sending"; its successor settles it from the receipt without sending again. The window left
 * is the connector's answer still in transit when the process dies: such an entry is sent
 * again after the claim's lease. See docs/bot.md.
 */
export class OutboxSender {
  readonly stats: SenderStats = emptyStats();
  private readonly limiter: RateLimiter;
  private readonly random: () => number;
  private readonly inFlight = new Set<string>();
  private readonly claims: Claims;
  private readonly due: DueEntries;
  private readonly abandoned: AbandonedClaims;
  private running = false;
  private accepting = true;
  private loop: Promise<void> | undefined;
  private passChain: Promise<unknown> = Promise.resolve();
  private wake: (() => void) | undefined;
  private kicked = false;

  constructor(private readonly deps: OutboxSenderDeps) {
    this.limiter = deps.limiter ?? new RateLimiter({ globalPerSecond: instanceRatePerSecond(deps.config), perKeyPerSecond: instancePerConversationPerSecond(deps.config) });
    this.random = deps.random ?? Math.random;
    const isInFlight = (id: string) => this.inFlight.has(id);
    this.claims = new Claims(deps);
    this.due = new DueEntries({ outbox: deps.outbox, clock: deps.clock, batchSize: deps.config.batchSize }, isInFlight);
    this.abandoned = new AbandonedClaims({ ...deps, leaseMs: deps.config.claimLeaseMs, stats: this.stats }, isInFlight);
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
    if (!this.deps.isLeader || this.deps.isLeader()) await this.abandoned.recover();
    const due = await this.due.read();
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
    const times = [this.due.nextAt, this.abandoned.expiresAt].filter((t): t is number => t !== undefined);
    return times.length ? Math.min(...times) : undefined;
  }

  private async processEntry(entry: Entry): Promise<void> {
    this.inFlight.add(entry.id);
    try {
      await this.sendEntry(entry);
    } catch (error) {
      // A store that failed us (not the connector): the entry stays as it is, and is tried again after a pause.
      this.due.coolDown(entry.id);
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
        if (await this.claims.write(entry, { status: "cancelled", lastError: prepared.reason.slice(0, LIMITS.comment) })) this.stats.cancelled += 1;
        return;
      }
    }

    const previous = await this.previousMessage(entry);
    if (previous === "wait") return;

    // The claim first, then a slot of the rate: with several instances on one outbox, a message
    // another instance claimed costs this one nothing of the app's share of Teams' rate.
    let claimed = await this.claims.claim(entry);
    if (!claimed) return;
    await this.limiter.acquire(entry.recipientId);
    // A sender that stops meanwhile still sends what it claimed (a graceful stop finishes the sends in flight).
    if (this.outlivesHalfItsLease(claimed)) {
      // Waited so long that the leader might soon give it to another sender: the claim starts its
      // lease again (refused if the leader already did), rather than going back to pending, which
      // on a busy store would hand the same cards back and forth without sending them.
      claimed = await this.claims.renew(claimed);
      if (!claimed) return;
    }

    let receipt: DeliveryReceipt;
    try {
      receipt = await this.withTimeout(prepared && prepared.send && isTwoStep(messenger) ? messenger.send(claimed, prepared, previous) : messenger.deliver(claimed, previous));
    } catch (error) {
      await this.recordFailure(claimed, error);
      return;
    }
    // The receipt first (a file append, or a blob shared by the instances), then the outbox: see receipt-log.ts.
    try {
      await this.deps.receipts?.write({ entryId: claimed.id, claimedAt: claimed.claimedAt ?? "", activityId: receipt.activityId, conversationId: receipt.conversationId });
    } catch (error) {
      // The card went out: the outbox still records it; only a crash before that would send it twice.
      this.deps.logger.warn({ key: claimed.key, error: error instanceof Error ? error.message.split("\n")[0] : String(error) }, "the receipt of a sent message could not be written");
    }
    await this.recordSent(claimed, receipt, Boolean(previous));
  }

  private outlivesHalfItsLease(claimed: Entry): boolean {
    const claimedAt = claimed.claimedAt ? Date.parse(claimed.claimedAt) : 0;
    return this.deps.clock.now().getTime() - claimedAt > this.deps.config.claimLeaseMs / 2;
  }

  /** For an entry that updates another one's message: that message, "wait" while it is not sent yet, or none (it never went out: send a new one). */
  private async previousMessage(entry: Entry): Promise<DeliveryReceipt | "wait" | undefined> {
    if (!entry.updatesKey) return undefined;
    const original = await findOne(this.deps.outbox, "key", entry.updatesKey);
    if (original && (original.status === "pending" || original.status === "sending")) {
      await this.claims.write(entry, { notBefore: new Date(this.deps.clock.now().getTime() + WAIT_FOR_ORIGINAL_MS).toISOString() });
      return "wait";
    }
    if (original?.status === "sent" && original.activityId && original.conversationId) return { activityId: original.activityId, conversationId: original.conversationId };
    return undefined;
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    const limit = this.deps.config.sendTimeoutMs + 5_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeliveryError("transient", `no answer from the connector within ${limit} ms`)), limit);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }

  private async recordSent(claimed: Entry, receipt: DeliveryReceipt, update: boolean): Promise<void> {
    const sentAt = this.deps.clock.now().toISOString();
    const recorded = await this.claims.finish(claimed, {
      status: "sent",
      sentAt,
      activityId: receipt.activityId ? receipt.activityId.slice(0, 255) : undefined,
      conversationId: receipt.conversationId.slice(0, 512),
      notBefore: undefined,
      lastError: undefined,
    });
    if (!recorded) return;
    if (update) this.stats.updated += 1;
    else this.stats.sent += 1;
    await this.settled(claimed, { kind: "sent", at: sentAt });
  }

  private async recordFailure(claimed: Entry, error: unknown): Promise<void> {
    const delivery = error instanceof DeliveryError ? error : new DeliveryError("transient", describeError(error).message);
    const lastError = `${delivery.reason}: ${delivery.message}`.slice(0, LIMITS.comment);
    if (givesUp(this.deps.config, delivery, claimed.attempts)) {
      if (!(await this.claims.finish(claimed, { status: "undeliverable", lastError, notBefore: undefined }))) return;
      this.stats.undeliverable += 1;
      this.deps.logger.warn({ key: claimed.key, recipientId: claimed.recipientId, lastError }, "a message could not be delivered");
      await this.givenUp(claimed, delivery.reason, delivery.message);
      return;
    }
    const notBefore = new Date(this.deps.clock.now().getTime() + retryDelayMs(this.deps.config, delivery, claimed.attempts, this.random)).toISOString();
    if (!(await this.claims.finish(claimed, { status: "pending", notBefore, lastError, claimedAt: undefined }))) return;
    if (delivery.reason === "throttled") this.stats.throttled += 1;
    else this.stats.retried += 1;
    this.deps.logger.info({ key: claimed.key, attempts: claimed.attempts, notBefore, lastError }, "a message will be sent again later");
  }

  /** A failure before the claim (reading the records to render the card): try again later, a few times. */
  private async postpone(entry: Entry, error: unknown): Promise<void> {
    const lastError = `prepare: ${describeError(error).message}`.slice(0, LIMITS.comment);
    this.deps.logger.warn({ key: entry.key, lastError }, "could not prepare a message");
    if (entry.attempts + 1 >= this.deps.config.maxAttempts) {
      if (!(await this.claims.write(entry, { status: "undeliverable", lastError, attempts: entry.attempts + 1 }))) return;
      this.stats.undeliverable += 1;
      await this.givenUp(entry, "prepare", lastError);
      return;
    }
    const notBefore = new Date(this.deps.clock.now().getTime() + backoffMs(this.deps.config, entry.attempts + 1, this.random)).toISOString();
    if (await this.claims.write(entry, { notBefore, lastError, attempts: entry.attempts + 1 })) this.stats.retried += 1;
  }

  private async givenUp(entry: Entry, reason: UndeliverableCause, detail: string): Promise<void> {
    if (await tellSecretariatUndeliverable(this.deps, entry, detail)) this.kick();
    await this.settled(entry, { kind: "undeliverable", reason, detail });
  }

  private async settled(entry: Entry, outcome: SettledOutcome): Promise<void> {
    if (!this.deps.onSettled) return;
    try {
      await this.deps.onSettled(entry, outcome);
    } catch (error) {
      this.deps.logger.error({ key: entry.key, error: describeError(error) }, "could not record what became of a message on the records that follow it");
    }
  }
}
