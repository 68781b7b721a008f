/**
 * Typed errors with a stable `code`. Adapters translate the outside world into these
 * (HTTP 404 → NotFoundError, 412 → ConcurrencyError, 403 → ForbiddenError); only the edges
 * (bot card, API response, tab message bar) turn them into words.
 */
export type ErrorCode =
  | "validation"
  | "not_found"
  | "concurrency"
  | "forbidden"
  | "unauthenticated"
  | "conflict"
  | "invalid_state"
  | "throttled"
  | "unavailable"
  /** A stored row a person left in a state its schema refuses (core/records/needs-attention.ts). */
  | "needs_attention";

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `fields.dueDate` or `rows.12.symbol`. */
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

export class ValidationError extends DomainError {
  readonly code = "validation" as const;
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

export class NotFoundError extends DomainError {
  readonly code = "not_found" as const;
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found`);
    this.name = "NotFoundError";
  }
}

/** A write carried an eTag that is no longer current: someone else changed the record first. */
export class ConcurrencyError extends DomainError {
  readonly code = "concurrency" as const;
  constructor(
    readonly entity: string,
    readonly id: string,
    /** The record as it is now, when the store could tell. */
    readonly current?: unknown,
  ) {
    super(`${entity} ${id} was changed by someone else; reload it and try again`);
    this.name = "ConcurrencyError";
  }
}

export class ForbiddenError extends DomainError {
  readonly code = "forbidden" as const;
  constructor(readonly reason: string) {
    super(reason);
    this.name = "ForbiddenError";
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = "unauthenticated" as const;
  constructor(readonly reason: string) {
    super(reason);
    this.name = "UnauthenticatedError";
  }
}

/** The record would break a uniqueness rule (e.g. a recommendation's symbol + paragraph). */
export class ConflictError extends DomainError {
  readonly code = "conflict" as const;
  constructor(
    message: string,
    readonly entity?: string,
    readonly key?: string,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

/** A transition the record's state machine refuses (e.g. answering a closed request). */
export class InvalidStateError extends DomainError {
  readonly code = "invalid_state" as const;
  constructor(
    message: string,
    readonly from?: string,
    readonly event?: string,
  ) {
    super(message);
    this.name = "InvalidStateError";
  }
}

/** The backing service kept throttling after every allowed retry. */
export class ThrottledError extends DomainError {
  readonly code = "throttled" as const;
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "ThrottledError";
  }
}

export class UnavailableError extends DomainError {
  readonly code = "unavailable" as const;
  constructor(message: string) {
    super(message);
    this.name = "UnavailableError";
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
