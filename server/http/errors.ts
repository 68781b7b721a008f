/**
 * The edge where errors become HTTP answers: core's typed errors, body-parser's refusals and
 * anything unexpected. The answer never carries a stack trace; an unexpected error is logged
 * with the request id and answered 500 "internal".
 */
import type { ApiError, ApiErrorCode } from "../../core/api/common";
import { ConcurrencyError, isDomainError, ThrottledError, ValidationError, type FieldIssue } from "../../core/errors";
import { NeedsAttentionError } from "../../core/records/needs-attention";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: { issues?: FieldIssue[]; current?: unknown; retryAfterSeconds?: number; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

const DOMAIN_STATUS: Record<string, { status: number; code: ApiErrorCode }> = {
  validation: { status: 400, code: "validation" },
  forbidden: { status: 403, code: "forbidden" },
  not_found: { status: 404, code: "not_found" },
  concurrency: { status: 412, code: "concurrency" },
  conflict: { status: 409, code: "conflict" },
  invalid_state: { status: 409, code: "invalid_state" },
  // The stored row is at fault, not the request: 409 (the resource's current state), never a 400.
  needs_attention: { status: 409, code: "needs_attention" },
  throttled: { status: 503, code: "throttled" },
  unavailable: { status: 503, code: "unavailable" },
};

/** body-parser and raw-body errors carry a `type` and a `status`. */
interface ParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
  limit?: number;
}

export function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (isDomainError(error)) {
    const mapped = DOMAIN_STATUS[error.code] ?? { status: 500, code: "internal" as const };
    if (error instanceof ValidationError) return new HttpError(400, "validation", error.message, { issues: error.issues });
    if (error instanceof NeedsAttentionError) {
      return new HttpError(409, "needs_attention", error.message, { issues: error.row.problems.map((p) => ({ path: p.field, message: `${p.column}: ${p.message}` })) });
    }
    if (error instanceof ConcurrencyError) return new HttpError(412, "concurrency", error.message, { current: error.current });
    if (error instanceof ThrottledError) {
      return new HttpError(503, "throttled", "SharePoint is busy; try again in a moment", { retryAfterSeconds: Math.max(1, Math.ceil((error.retryAfterMs ?? 5000) / 1000)) });
    }
    if (error.code === "unavailable") return new HttpError(503, "unavailable", "a service the mechanism depends on did not answer; try again in a moment", { retryAfterSeconds: 5 });
    if (error.code === "unauthenticated") {
      // The caller's own token is checked (and answered 401) before any use case runs, so an
      // UnauthenticatedError here is Graph refusing the server's credentials.
      return new HttpError(503, "unavailable", "the server could not sign in to Microsoft Graph; tell the administrator", { retryAfterSeconds: 30 });
    }
    if (error.code === "forbidden" && /Microsoft Graph denied/.test(error.message)) {
      return new HttpError(503, "unavailable", "the server is not allowed to reach the mechanism's site; tell the administrator (Sites.Selected)", { retryAfterSeconds: 30 });
    }
    return new HttpError(mapped.status, mapped.code, error.message);
  }
  const parser = error as ParserError;
  if (typeof parser === "object" && parser !== null && typeof parser.type === "string") {
    switch (parser.type) {
      case "entity.too.large":
        return new HttpError(413, "too_large", `the body is larger than the ${describeBytes(parser.limit)} this route accepts`);
      case "entity.parse.failed":
        return new HttpError(400, "validation", "the body is not valid JSON", { issues: [{ path: "body", message: "not valid JSON" }] });
      case "encoding.unsupported":
      case "charset.unsupported":
        return new HttpError(415, "unsupported_media_type", "the body's encoding is not supported: send UTF-8");
      case "request.aborted":
        return new HttpError(400, "validation", "the request was aborted while its body was read");
      case "request.size.invalid":
        return new HttpError(400, "validation", "the body's length does not match its Content-Length");
      case "stream.encoding.set":
      case "stream.not.readable":
        return undefined;
    }
  }
  return undefined;
}

export function errorBody(error: HttpError, requestId: string | undefined): ApiError {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.extra.issues?.length ? { issues: error.extra.issues } : {}),
      ...(error.extra.current !== undefined ? { current: error.extra.current } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
}

export function describeBytes(bytes: number | undefined): string {
  if (!bytes) return "size";
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
