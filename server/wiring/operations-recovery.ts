/**
 * Finishes what a crash interrupted: operations left `started` past their lease (an ask's cards
 * and audit entries), and requests whose card was settled while nobody recorded it on the
 * request. Runs once at start-up, then every half lease; the outbox is kicked when it queued
 * anything. With several instances only the leader looks (at once when it becomes the leader,
 * then on the timer); were two to look, operations are claimed with their eTag, so each is
 * finished once.
 */
import type { Logger } from "pino";
import { OPERATION_LEASE_MS } from "../../core/operations/journal";
import { recoverOperations } from "../../core/operations/recover";
import { reconcileQueuedRequests } from "../../core/requests/record-delivery";
import type { UseCaseDeps } from "../../core/ports/use-case-deps";
import { SOLE_INSTANCE, type Leadership } from "../../core/ports/leadership";

export class OperationsRecovery {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly deps: Pick<UseCaseDeps, "repos" | "clock">,
    private readonly options: { logger: Logger; onQueued: () => void; leaseMs?: number; leadership?: Leadership },
  ) {}

  private get leaseMs(): number {
    return this.options.leaseMs ?? OPERATION_LEASE_MS;
  }

  private get leadership(): Leadership {
    return this.options.leadership ?? SOLE_INSTANCE;
  }

  start(): void {
    if (this.timer) return;
    this.unsubscribe = this.leadership.onChange((leader) => {
      if (leader) void this.runOnce();
    });
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), Math.max(1_000, this.leaseMs / 2));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.running;
  }

  /** One look, on the leader only; concurrent calls share it. */
  runOnce(): Promise<void> {
    if (!this.leadership.isLeader()) return Promise.resolve();
    this.running ??= this.look().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async look(): Promise<void> {
    try {
      const run = await recoverOperations(this.deps, { leaseMs: this.leaseMs });
      const reconciled = await reconcileQueuedRequests(this.deps);
      if (run.finished.length) {
        this.options.logger.warn({ finished: run.finished }, "finished operations a stopped process had left half done");
        this.options.onQueued();
      }
      if (reconciled) this.options.logger.info({ reconciled }, "brought queued requests in line with their cards");
    } catch (error) {
      this.options.logger.error({ error: error instanceof Error ? error.message : String(error) }, "could not look for interrupted operations");
    }
  }
}
