/**
 * The emulator's request and response, independent of node:http so that the same handlers
 * serve top-level requests and the requests inside a `$batch`.
 */
import { GraphHttpError } from "./errors";
import type { QueryString } from "./odata/query-options";

export interface EmulatorRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** The raw (percent-encoded) path after `/v1.0/`, without a leading slash. */
  path: string;
  query: QueryString;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Buffer;
  /** True for a request inside a `$batch`. */
  inner: boolean;
  requestId: string;
  clientRequestId: string;
}

export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  /** A JSON value (serialized with the OData JSON content type)… */
  json?: unknown;
  /** …or raw bytes with their own Content-Type header. */
  bytes?: Buffer;
}

/** The Content-Type Graph puts on JSON responses (graph-contract.md 6.3). */
export const ODATA_JSON = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

export function jsonResponse(status: number, json: unknown, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers, json };
}

export function noContent(headers: Record<string, string> = {}): EmulatorResponse {
  return { status: 204, headers };
}

export function redirect(location: string): EmulatorResponse {
  return { status: 302, headers: { Location: location } };
}

/** The request body parsed as a JSON object; a missing body is `{}`. */
export function jsonObject(request: EmulatorRequest): Record<string, unknown> {
  if (request.body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(request.body.toString("utf8"));
  } catch {
    throw new GraphHttpError(400, "invalidRequest", "Invalid request body: the JSON could not be read.");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new GraphHttpError(400, "invalidRequest", "Invalid request body: a JSON object is expected.");
  }
  return value as Record<string, unknown>;
}

export function header(request: EmulatorRequest, name: string): string | undefined {
  return request.headers[name.toLowerCase()];
}

/**
 * Refuses query options a handler does not implement, rather than ignoring them: a filter the
 * emulator silently dropped would hand back more than the caller asked for.
 */
export function refuseOptions(request: EmulatorRequest, names: string[]): void {
  for (const name of names) {
    if (request.query.has(name)) {
      throw new GraphHttpError(400, "invalidRequest", `The query option '$${name}' is not supported on this API by the Graph emulator.`, {
        innerCode: "invalidQueryOption",
      });
    }
  }
}
