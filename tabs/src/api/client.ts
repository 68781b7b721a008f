/**
 * Calls the server's API with the signed-in person's bearer token. A refused or failed call
 * becomes an ApiProblem with the server's stable `code`; the views show it in plain words.
 */
import { ROUTES, pathOf, type BodyOf, type ParamsOf, type QueryOf, type ResponseOf, type RouteId } from "./routes";

export type ProblemCode =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "concurrency"
  | "conflict"
  | "invalid_state"
  | "needs_attention"
  | "too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "throttled"
  | "unavailable"
  | "internal"
  | "network";

export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode | string,
    message: string,
    readonly status: number,
    readonly issues: { path: string; message: string }[] = [],
    readonly requestId?: string,
    readonly current?: unknown,
  ) {
    super(message);
    this.name = "ApiProblem";
  }
}

export interface CallInput<K extends RouteId> {
  params?: ParamsOf<K>;
  query?: QueryOf<K>;
  body?: BodyOf<K>;
  signal?: AbortSignal;
}

export interface TokenSource {
  /** The bearer token to send; undefined when the call needs none. */
  token(): Promise<string | undefined>;
  /** Called once after a 401: get a new token (the local issuer's key changes at each server start). */
  refresh?(): Promise<void>;
}

export interface Api {
  call<K extends RouteId>(id: K, input?: CallInput<K>): Promise<ResponseOf<K>>;
}

function queryString(query: unknown): string {
  if (!query || typeof query !== "object") return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

async function problemOf(response: Response): Promise<ApiProblem> {
  let payload: { error?: { code?: string; message?: string; issues?: { path: string; message: string }[]; requestId?: string; current?: unknown } } = {};
  try {
    payload = (await response.json()) as typeof payload;
  } catch {
    // A proxy's HTML page or an empty body: the status says enough.
  }
  const error = payload.error ?? {};
  const code = error.code ?? (response.status === 401 ? "unauthenticated" : response.status === 403 ? "forbidden" : response.status === 404 ? "not_found" : response.status >= 500 ? "unavailable" : "internal");
  return new ApiProblem(code, error.message ?? response.statusText, response.status, error.issues ?? [], error.requestId ?? response.headers.get("x-request-id") ?? undefined, error.current);
}

export class HttpApi implements Api {
  constructor(
    private readonly tokens: TokenSource,
    private readonly baseUrl = "",
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  async call<K extends RouteId>(id: K, input: CallInput<K> = {}): Promise<ResponseOf<K>> {
    const response = await this.send(id, input);
    if (response.status === 401 && this.tokens.refresh) {
      await this.tokens.refresh();
      return this.read<K>(await this.send(id, input));
    }
    return this.read<K>(response);
  }

  private async read<K extends RouteId>(response: Response): Promise<ResponseOf<K>> {
    if (!response.ok) throw await problemOf(response);
    if (response.status === 204) return undefined as ResponseOf<K>;
    const type = response.headers.get("content-type") ?? "";
    return (type.includes("json") ? await response.json() : await response.blob()) as ResponseOf<K>;
  }

  private async send<K extends RouteId>(id: K, input: CallInput<K>): Promise<Response> {
    const [method, path] = ROUTES[id];
    const url = this.baseUrl + pathOf(path, (input.params ?? {}) as Record<string, string>) + queryString(input.query);
    const headers: Record<string, string> = { Accept: "application/json" };
    const token = await this.tokens.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (input.body instanceof Blob) {
      body = input.body;
      headers["Content-Type"] = input.body.type || "application/octet-stream";
    } else if (input.body !== undefined) {
      body = JSON.stringify(input.body);
      headers["Content-Type"] = "application/json";
    }
    try {
      return await this.fetchImpl(url, { method: method.toUpperCase(), headers, body, signal: input.signal });
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") throw error;
      throw new ApiProblem("network", error instanceof Error ? error.message : String(error), 0);
    }
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
