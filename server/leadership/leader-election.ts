/**
 * One leader among the server's instances, on a lease (core/ports/leadership.ts): every
 * instance tries to acquire it; the one that holds it renews it at a third of its duration and
 * is the leader while it does. A leader that cannot renew (the lease was taken after it
 * expired, or Storage does not answer until the lease would have run out) stops leading before
 * another can start. A stopping leader releases the lease so that another takes over at once.
 */
import type { LeaderLease, Leadership } from "../../core/ports/leadership";

export type LeaderRole = "unknown" | "leader" | "follower";

export interface LeaderElectionLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface LeaderElectionOptions {
  lease: LeaderLease;
  logger: LeaderElectionLog;
  /** The time in milliseconds (tests move it by hand). */
  now?: () => number;
  /** Run a round by timer (default true; unit tests call `round()` themselves). */
  timer?: boolean;
}

export class LeaderElection implements Leadership {
  private role: LeaderRole = "unknown";
  /** When the lease this instance holds runs out unless renewed (by this process's clock). */
  private heldUntil = 0;
  private lastError: string | undefined;
  private readonly listeners = new Set<(leader: boolean) => void>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly options: LeaderElectionOptions) {
    this.now = options.now ?? Date.now;
  }

  isLeader(): boolean {
    return this.role === "leader" && this.now() < this.heldUntil;
  }

  /** What the readiness probe says: unknown until the first round has answered. */
  status(): { role: LeaderRole; problem?: string } {
    return { role: this.role === "leader" && !this.isLeader() ? "unknown" : this.role, ...(this.lastError ? { problem: this.lastError } : {}) };
  }

  onChange(listener: (leader: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.options.timer === false || this.timer || this.stopped) return;
    const loop = () => {
      this.running = this.round().finally(() => {
        if (!this.stopped) {
          this.timer = setTimeout(loop, this.options.lease.durationMs / 3);
          this.timer.unref?.();
        }
      });
    };
    loop();
  }

  /** One round: renew what is held, or try to acquire it. */
  async round(): Promise<void> {
    if (this.stopped) return;
    const started = this.now();
    try {
      const leading = this.role === "leader" ? await this.options.lease.renew() : await this.options.lease.acquire();
      this.lastError = undefined;
      if (leading) this.heldUntil = started + this.options.lease.durationMs;
      this.become(leading ? "leader" : "follower");
    } catch (error) {
      this.lastError = `the leader's lease could not be reached: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
      this.options.logger.warn({ error: this.lastError }, "leader election: the lease did not answer");
      // A leader keeps leading only while the lease it renewed last surely has not run out.
      if (this.role === "leader" && !this.isLeader()) this.become("unknown");
      else if (this.role !== "leader") this.become("unknown");
    }
  }

  /** Stops electing; a leader releases the lease. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    const wasLeader = this.role === "leader";
    this.become("unknown");
    if (wasLeader) await this.options.lease.release().catch(() => undefined);
  }

  private become(role: LeaderRole): void {
    const was = this.role === "leader";
    this.role = role;
    const is = role === "leader";
    if (was === is) return;
    this.options.logger.info({ role }, is ? "this instance is now the leader (reminders, outbox recovery)" : "this instance is no longer the leader");
    for (const listener of this.listeners) listener(is);
  }
}
