/**
 * When to retry a throttled or failing Graph request, and how long to wait: the one place
 * that decides (the client's middleware and the $batch executor both ask it).
 */
export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff when the service gives no Retry-After. */
  baseDelayMs: number;
  /** Cap of one wait. A longer Retry-After is still honoured, up to maxRetryAfterMs. */
  maxDelayMs: number;
  /** The longest Retry-After we are willing to honour; beyond it the request fails as throttled. */
  maxRetryAfterMs: number;
  /** 0..1, for tests. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxRetries: 8,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 180_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** SharePoint and Graph ask us to come back later with these (8.1, 8.6 of graph-contract.md). */
export const RETRIABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/** Parses Retry-After: delay-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait before retry number `attempt` (1-based). Retry-After is honoured (never shorter),
 * with a little jitter so that clients throttled together do not come back together; without
 * it, capped exponential backoff with jitter.
 */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, options: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "random">): number {
  if (retryAfterMs !== undefined) {
    const jitter = Math.min(1000, 50 + retryAfterMs * 0.1) * options.random();
    return Math.round(retryAfterMs + jitter);
  }
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * options.random());
}
