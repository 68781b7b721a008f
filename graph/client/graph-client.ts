import { AuthenticationHandler, Client, RedirectHandler, TelemetryHandler, type AuthenticationProvider } from "@microsoft/microsoft-graph-client";
import type { Dispatcher } from "undici";
import { createDispatcher, fetchWith, FetchMiddleware, graphRoute, RetryMiddleware, TelemetryMiddleware, type Fetch, type GraphTelemetry } from "./middleware";
import { DEFAULT_RETRY_OPTIONS, parseRetryAfter, retryDelayMs, type RetryOptions } from "./retry-policy";

export const MICROSOFT_GRAPH = "https://graph.microsoft.com";
/** JSON $batch takes at most 20 requests (graph-contract.md 6.2). */
export const MAX_BATCH_SIZE = 20;

export interface GraphClientOptions {
  /** `https://graph.microsoft.com` (default) or the local emulator's origin, e.g. `https://localhost:8443`. */
  endpoint?: string;
  auth: AuthenticationProvider;
  /** PEM certificate to trust for this client only: the emulator's self-signed one. */
  trustedCa?: string;
  retry?: Partial<RetryOptions>;
  /** SharePoint gives decorated traffic priority (8.5). */
  userAgent?: string;
  /** Batches sent at once by `batch()`. */
  batchConcurrency?: number;
  /** Where each call, its retries and Graph's throttling are reported. */
  telemetry?: GraphTelemetry;
}

export interface BatchRequest {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Relative to the version, e.g. `/sites/{id}/lists/{id}/items`. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface RawBatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * Microsoft Graph, built once per process with its middleware (authentication, retry on
 * throttling, redirects, telemetry, our TLS-aware transport). Repositories and the document
 * store use it; they contain no retry loops and no sleeps of their own.
 */
export class GraphClient {
  readonly sdk: Client;
  /** Plain HTTPS with the same trust, without Graph's Authorization header (upload session chunks). */
  readonly rawFetch: Fetch;
  readonly endpoint: string;
  private readonly retry: RetryOptions;
  private readonly dispatcher: Dispatcher;
  private readonly batchConcurrency: number;
  private readonly telemetry?: GraphTelemetry;

  constructor(options: GraphClientOptions) {
    this.endpoint = (options.endpoint ?? MICROSOFT_GRAPH).replace(/\/+$/, "");
    this.retry = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
    this.dispatcher = createDispatcher(options.trustedCa);
    this.rawFetch = fetchWith(this.dispatcher);
    this.batchConcurrency = options.batchConcurrency ?? 4;

    const host = new URL(this.endpoint).hostname;
    this.telemetry = options.telemetry;
    const chain = [
      ...(options.telemetry ? [new TelemetryMiddleware(options.telemetry)] : []),
      new AuthenticationHandler(options.auth),
      new RetryMiddleware(this.retry, options.telemetry),
      new RedirectHandler(),
      new TelemetryHandler(),
      new FetchMiddleware(this.rawFetch),
    ];
    const customHosts = host === new URL(MICROSOFT_GRAPH).hostname ? undefined : new Set([host]);
    this.sdk = Client.initWithMiddleware({ middleware: chain, baseUrl: this.endpoint, defaultVersion: "v1.0", customHosts });
    if (options.userAgent) this.userAgent = options.userAgent;
  }

  private userAgent = "NONISV|NMIRF|NMIRF-addin/0.1";

  /** A request builder on a path relative to the version, or on an absolute nextLink. */
  api(path: string) {
    return this.sdk.api(path).header("User-Agent", this.userAgent);
  }

  /** Every page of a collection, following `@odata.nextLink` with the same headers (e.g. Prefer). */
  async *pages<Item>(path: string, headers: Record<string, string> = {}): AsyncGenerator<{ value: Item[]; deltaLink?: string }> {
    let next: string | undefined = path;
    while (next) {
      const page = (await this.api(next).headers(headers).get()) as { value?: Item[]; "@odata.nextLink"?: string; "@odata.deltaLink"?: string };
      yield { value: page.value ?? [], deltaLink: page["@odata.deltaLink"] };
      next = page["@odata.nextLink"];
    }
  }

  /**
   * Sends requests through JSON $batch, 20 at a time. A request answered 429 or 5xx inside a
   * batch is sent again alone (in the next batch), after its Retry-After. Responses come back in
   * the order of the requests; a request that kept failing keeps its last failure.
   */
  async batch(requests: BatchRequest[]): Promise<BatchResponse[]> {
    const results: BatchResponse[] = new Array(requests.length);
    const chunks: number[][] = [];
    for (let start = 0; start < requests.length; start += MAX_BATCH_SIZE) {
      chunks.push(Array.from({ length: Math.min(MAX_BATCH_SIZE, requests.length - start) }, (_, i) => start + i));
    }
    let nextChunk = 0;
    const worker = async () => {
      while (nextChunk < chunks.length) {
        const chunk = chunks[nextChunk++]!;
        await this.sendChunk(requests, chunk, results);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.batchConcurrency, chunks.length) }, worker));
    return results;
  }

  private async sendChunk(requests: BatchRequest[], indices: number[], results: BatchResponse[]): Promise<void> {
    let pending = indices;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const body = {
        requests: pending.map((index) => {
          const request = requests[index]!;
          const headers = { ...(request.body !== undefined ? { "Content-Type": "application/json" } : {}), ...request.headers };
          return { id: String(index), method: request.method, url: request.url, headers, ...(request.body !== undefined ? { body: request.body } : {}) };
        }),
      };
      const response = (await this.api("/$batch").post(body)) as { responses: RawBatchResponse[] };
      const retry: number[] = [];
      let wait = 0;
      for (const inner of response.responses) {
        const index = Number(inner.id);
        const result = { status: inner.status, headers: inner.headers ?? {}, body: inner.body };
        results[index] = result;
        if ((inner.status === 429 || inner.status >= 500) && attempt <= this.retry.maxRetries) {
          retry.push(index);
          const retryAfter = parseRetryAfter(headerValue(result.headers, "retry-after"));
          const delayMs = retryDelayMs(attempt, retryAfter, this.retry);
          wait = Math.max(wait, delayMs);
          this.telemetry?.graphRetry({ method: requests[index]!.method, route: graphRoute(requests[index]!.url), status: inner.status, delayMs });
        }
      }
      pending = retry;
      if (pending.length) await this.retry.sleep(wait);
    }
  }

  /**
   * Uploads a file through an upload session (graph-contract.md 5.5–5.7): chunks of a multiple
   * of 320 KiB, without the Authorization header (the session URL authorizes them), resuming
   * from the service's `nextExpectedRanges` after a failed or throttled chunk. Returns the
   * driveItem the last chunk completes.
   */
  async uploadInChunks(uploadUrl: string, content: Uint8Array, chunkSize = 10 * UPLOAD_CHUNK_UNIT): Promise<unknown> {
    if (chunkSize % UPLOAD_CHUNK_UNIT !== 0) throw new Error("upload chunks must be a multiple of 320 KiB");
    const total = content.byteLength;
    let offset = 0;
    for (let attempt = 1; ; ) {
      const end = Math.min(offset + chunkSize, total);
      let response: Response | undefined;
      try {
        response = await this.rawFetch(uploadUrl, {
          method: "PUT",
          headers: { "Content-Length": String(end - offset), "Content-Range": `bytes ${offset}-${end - 1}/${total}`, "Content-Type": "application/octet-stream" },
          body: content.subarray(offset, end),
        });
      } catch {
        response = undefined; // a network failure: ask the session where it stands
      }
      if (response && (response.status === 200 || response.status === 201)) return response.json();
      if (response?.status === 202) {
        const status = (await response.json()) as { nextExpectedRanges?: string[] };
        offset = nextOffset(status.nextExpectedRanges, end);
        attempt = 1;
        continue;
      }
      if (response && !(response.status === 429 || response.status >= 500 || response.status === 416)) {
        throw Object.assign(new Error(`the upload session refused a chunk (${response.status})`), { statusCode: response.status });
      }
      if (attempt > this.retry.maxRetries) throw Object.assign(new Error("the upload session kept failing"), { statusCode: response?.status ?? 503 });
      await response?.body?.cancel().catch(() => undefined);
      await this.retry.sleep(retryDelayMs(attempt, parseRetryAfter(response?.headers.get("retry-after")), this.retry));
      attempt += 1;
      const status = await this.rawFetch(uploadUrl, { method: "GET" });
      if (status.ok) offset = nextOffset(((await status.json()) as { nextExpectedRanges?: string[] }).nextExpectedRanges, offset);
      else await status.body?.cancel().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}

/** Upload-session chunks are multiples of 320 KiB (graph-contract.md 5.7). */
export const UPLOAD_CHUNK_UNIT = 320 * 1024;

function nextOffset(ranges: string[] | undefined, fallback: number): number {
  const first = ranges?.[0];
  const start = first ? Number(first.split("-")[0]) : NaN;
  return Number.isFinite(start) ? start : fallback;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  return new GraphClient(options);
}
