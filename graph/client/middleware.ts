import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { Agent, fetch as undiciFetch, type Dispatcher } from "undici";
import { DEFAULT_RETRY_OPTIONS, parseRetryAfter, RETRIABLE_STATUSES, retryDelayMs, type RetryOptions } from "./retry-policy";

/**
 * The HTTP transport: undici's fetch with a dispatcher of our own. For the local emulator the
 * dispatcher trusts its self-signed certificate, for this client only; TLS checks stay on
 * everywhere else in the process.
 */
export function createDispatcher(trustedCa?: string): Dispatcher {
  return new Agent({ connect: trustedCa ? { ca: trustedCa } : {}, keepAliveTimeout: 30_000, connections: 64 });
}

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export function fetchWith(dispatcher: Dispatcher): Fetch {
  return (url, init) => undiciFetch(url, { ...(init as object), dispatcher } as Parameters<typeof undiciFetch>[1]) as unknown as Promise<Response>;
}

abstract class ChainedMiddleware implements Middleware {
  protected next?: Middleware;
  setNext(next: Middleware): void {
    this.next = next;
  }
  abstract execute(context: Context): Promise<void>;
}

/** The last link of the chain: sends the request. */
export class FetchMiddleware extends ChainedMiddleware {
  constructor(private readonly fetch: Fetch) {
    super();
  }
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === "string" ? context.request : context.request.url;
    context.response = await this.fetch(url, context.options as RequestInit);
  }
}

/**
 * Retries 429, 503 and 504 (graph-contract.md 8.1, 8.6), honouring Retry-After, with capped
 * exponential backoff and jitter otherwise. Every request of the client inherits it; nothing
 * else in the code retries or sleeps. (Upload-session chunks do not go through this chain:
 * they carry no Authorization header, see GraphClient.uploadInChunks.)
 */
export class RetryMiddleware extends ChainedMiddleware {
  private readonly options: RetryOptions;
  constructor(options: Partial<RetryOptions> = {}) {
    super();
    this.options = { ...DEFAULT_RETRY_OPTIONS, ...options };
  }

  async execute(context: Context): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      await this.next!.execute(context);
      const response = context.response;
      if (!response || !RETRIABLE_STATUSES.has(response.status) || attempt > this.options.maxRetries) return;
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
      if (retryAfter !== undefined && retryAfter > this.options.maxRetryAfterMs) return;
      await response.body?.cancel().catch(() => undefined);
      const headers = context.options?.headers as Record<string, string> | undefined;
      if (headers && typeof (headers as unknown as Headers).set !== "function") headers["Retry-Attempt"] = String(attempt);
      await this.options.sleep(retryDelayMs(attempt, retryAfter, this.options));
    }
  }
}
