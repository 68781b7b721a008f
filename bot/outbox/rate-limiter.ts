/**
 * Teams' limits for proactive messages: a global rate (messages per second across every
 * conversation, spaced evenly) and a per-conversation window (at most N messages in any second).
 * `acquire` reserves the earliest slot both allow and waits for it; reservations are served in
 * the order they were asked for.
 */
export interface RateLimiterOptions {
  globalPerSecond: number;
  perKeyPerSecond: number;
  /** Monotonic milliseconds. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const WINDOW_MS = 1_000;

export class RateLimiter {
  private nextGlobalAt = 0;
  private readonly windows = new Map<string, number[]>();
  private readonly interval: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private lastPrune = 0;

  constructor(private readonly options: RateLimiterOptions) {
    this.interval = 1_000 / options.globalPerSecond;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The instant (in `now()` terms) reserved for the next message to `key`. */
  reserve(key: string): number {
    const now = this.now();
    const window = (this.windows.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    const perKeyEarliest = window.length >= this.options.perKeyPerSecond ? window[window.length - this.options.perKeyPerSecond]! + WINDOW_MS : now;
    const at = Math.max(now, this.nextGlobalAt, perKeyEarliest);
    this.nextGlobalAt = at + this.interval;
    window.push(at);
    this.windows.set(key, window);
    this.prune(now);
    return at;
  }

  async acquire(key: string): Promise<void> {
    const at = this.reserve(key);
    const wait = at - this.now();
    if (wait > 0) await this.sleep(wait);
  }

  private prune(now: number): void {
    if (now - this.lastPrune < 10 * WINDOW_MS) return;
    this.lastPrune = now;
    for (const [key, window] of this.windows) if (!window.some((at) => at > now - WINDOW_MS)) this.windows.delete(key);
  }
}
