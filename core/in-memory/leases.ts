import type { Clock } from "../ports/clock";
import type { LeaderLease } from "../ports/leadership";

/** Leases in memory, shared by the holders made from one table: Azure's blob lease, on a clock the test moves. */
export class InMemoryLeases {
  private holder: string | undefined;
  private expiresAt = 0;

  constructor(private readonly clock: Clock) {}

  lease(holder: string, durationMs: number): LeaderLease {
    const now = () => this.clock.now().getTime();
    const heldByOther = () => this.holder !== undefined && this.holder !== holder && this.expiresAt > now();
    return {
      durationMs,
      acquire: async () => {
        if (heldByOther()) return false;
        this.holder = holder;
        this.expiresAt = now() + durationMs;
        return true;
      },
      renew: async () => {
        if (this.holder !== holder || heldByOther()) return false;
        // As Azure's: a holder may renew its own expired lease as long as nobody took it since.
        this.expiresAt = now() + durationMs;
        return true;
      },
      release: async () => {
        if (this.holder === holder) this.holder = undefined;
      },
    };
  }

  /** Who holds it now, if anyone (tests). */
  currentHolder(): string | undefined {
    return this.holder !== undefined && this.expiresAt > this.clock.now().getTime() ? this.holder : undefined;
  }
}
