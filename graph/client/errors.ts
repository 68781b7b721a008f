import {
  ConcurrencyError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ThrottledError,
  UnauthenticatedError,
  UnavailableError,
  ValidationError,
  isDomainError,
  type DomainError,
} from "../../core/errors";

/** What a failed Graph call looked like: an HTTP status and the error envelope's code and message. */
export interface GraphFailure {
  status: number;
  code?: string;
  message?: string;
  retryAfterMs?: number;
}

export interface ErrorSubject {
  entity: string;
  id?: string;
}

/** Reads status, code and message from what the Graph SDK throws (GraphError) or from a $batch response. */
export function failureOf(error: unknown): GraphFailure | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { statusCode?: unknown; status?: unknown; code?: unknown; message?: unknown; body?: unknown };
  const status = typeof e.statusCode === "number" ? e.statusCode : typeof e.status === "number" ? e.status : undefined;
  if (status === undefined || status < 400) return undefined;
  return { status, code: typeof e.code === "string" ? e.code : undefined, message: typeof e.message === "string" ? e.message : undefined };
}

/**
 * Translates a Graph failure into core's typed errors (STYLE.md habit 3): 404 → NotFound,
 * 412 → Concurrency, 403 → Forbidden, 409 on a unique value → Conflict, 429/503 left after
 * every retry → Throttled/Unavailable.
 */
export function toDomainError(failure: GraphFailure, subject: ErrorSubject): DomainError {
  const detail = failure.message ? `: ${failure.message}` : "";
  switch (failure.status) {
    case 400:
    case 422:
      return new ValidationError(`Microsoft Graph refused the request for ${subject.entity}${detail}`);
    case 401:
      return new UnauthenticatedError(`Microsoft Graph did not accept our credentials${detail}`);
    case 403:
      return new ForbiddenError(`Microsoft Graph denied access to ${subject.entity}${detail}`);
    case 404:
    case 410:
      return new NotFoundError(subject.entity, subject.id ?? "(unknown)");
    case 409:
      return failure.code === "resourceModified"
        ? new ConcurrencyError(subject.entity, subject.id ?? "(unknown)")
        : new ConflictError(`${subject.entity} conflicts with an existing one${detail}`, subject.entity);
    case 412:
      return new ConcurrencyError(subject.entity, subject.id ?? "(unknown)");
    case 429:
      return new ThrottledError(`SharePoint kept throttling requests for ${subject.entity}; try again later`, failure.retryAfterMs);
    default:
      return new UnavailableError(`Microsoft Graph failed (${failure.status}${failure.code ? ` ${failure.code}` : ""}) for ${subject.entity}${detail}`);
  }
}

/** Rethrows anything from a Graph call as a core error (domain errors pass through). */
export function translate(error: unknown, subject: ErrorSubject): never {
  if (isDomainError(error)) throw error;
  const failure = failureOf(error);
  if (failure) throw toDomainError(failure, subject);
  throw error;
}
