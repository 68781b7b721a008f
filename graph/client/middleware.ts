import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { Agent, fetch as undiciFetch, type Dispatcher } from "undici";
import type { Telemetry } from "../../core/ports/telemetry";
import { DEFAULT_RETRY_OPTIONS, parseRetryAfter, RETRIABLE_STATUSES, retryDelayMs, type RetryOptions } from "./retry-policy";

export type GraphTelemetry = Pick<Telemetry, "graphCall" | "graphRetry">;

/** Graph's resource collections whose next path segment is an id (or a key) and not a route. */
const ID_AFTER = new Set(["sites", "lists", "items", "drives", "users", "columns", "versions", "permissions", "installedApps", "teamsApps", "contentTypes", "children", "root:", "groups", "appRoleAssignedTo", "servicePrincipals"]);

/** A request's path without its ids, e.g. /v1.0/sites/{id}/lists/{id}/items: a metric dimension that stays small. */
export function graphRoute(url: string): string {
  let pathname: string;
  try {
    pathname = new URL(url, "https://graph.invalid").pathname;
  } catch {
    return "(unparsable)";
  }
  const segments = pathname.split("/");
  return segments
    .map((segment, index) => {
      if (index > 0 && ID_AFTER.has(segments[index - 1]!)) return "{id}";
      return segment.includes(":") || segment.includes(",") || segment.length > 40 ? "{id}" : segment;
    })
    .join("/")
    .slice(0, 200);
}

function urlOf(context: Context): string {
  return typeof context.request === "string" ? context.request : context.request.url;
}

function methodOf(context: Context): string {
  return (context.options?.method ?? (typeof context.request === "string" ? "GET" : context.request.method) ?? "GET").toUpperCase();
}

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
  constructor(
    options: Partial<RetryOptions> = {},
    private readonly telemetry?: GraphTelemetry,
  ) {
    super();
    this.options = { ...DEFAULT_RETRY_OPTIONS, ...options };
  }

  async execute(context: Context): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      attempts.set(context, attempt);
      await this.next!.execute(context);
      const response = context.response;
      if (!response || !RETRIABLE_STATUSES.has(response.status) || attempt > this.options.maxRetries) return;
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
      if (retryAfter !== undefined && retryAfter > this.options.maxRetryAfterMs) return;
      await response.body?.cancel().catch(() => undefined);
      const headers = context.options?.headers as Record<string, string> | undefined;
      if (headers && typeof (headers as unknown as Headers).set !== "function") headers["Retry-Attempt"] = String(attempt);
      const delayMs = retryDelayMs(attempt, retryAfter, this.options);
      this.telemetry?.graphRetry({ method: methodOf(context), route: graphRoute(urlOf(context)), status: response.status, delayMs });
      await this.options.sleep(delayMs);
    }
  }
}

/** Tries made of each request, written by the retry link, read by the telemetry link around it. */
const attempts = new WeakMap<Context, number>();

/**
 * Around the retry link: one record per Graph call (its route, final status, duration and the
 * tries it took), so that operators see Graph's throttling and slow calls.
 */
export class TelemetryMiddleware extends ChainedMiddleware {
  constructor(private readonly telemetry: GraphTelemetry) {
    super();
  }
  async execute(context: Context): Promise<void> {
    const started = performance.now();
    let status = 0;
    try {
      await this.next!.execute(context);
      status = context.response?.status ?? 0;
    } finally {
      this.telemetry.graphCall({ method: methodOf(context), route: graphRoute(urlOf(context)), status, durationMs: performance.now() - started, attempts: attempts.get(context) ?? 1 });
    }
  }
}
