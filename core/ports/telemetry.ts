/**
 * What the product tells its operators happened, for traces and metrics (OpenTelemetry, to
 * Application Insights in a tenant): the adapters report through this port, built once at the
 * wiring point (server/main.ts), and know nothing of the SDK behind it. Core itself reports
 * nothing: it returns what it did, and its callers report it.
 */

export interface ApiCallRecord {
  method: string;
  /** The route's pattern, e.g. /api/requests/:id (never the ids themselves). */
  route: string;
  status: number;
  durationMs: number;
}

export interface GraphCallRecord {
  method: string;
  /** The path with its ids replaced, e.g. /sites/{id}/lists/{id}/items. */
  route: string;
  /** The last answer's status; 0 when no answer came (network failure). */
  status: number;
  durationMs: number;
  /** Tries made, 1 when the first answer was final. */
  attempts: number;
}

export interface GraphRetryRecord {
  method: string;
  route: string;
  /** What Graph answered (429, 503, 504, or 5xx inside a $batch). */
  status: number;
  /** How long the client waits before trying again (Retry-After honoured). */
  delayMs: number;
}

export interface CardDeliveryRecord {
  outcome: "sent" | "updated" | "failed";
  /** For a failure: why (throttled, transient, unreachable, permanent). */
  reason?: string;
  durationMs: number;
}

export interface ReminderRunRecord {
  outcome: "done" | "failed";
  durationMs: number;
  reminders: number;
  escalations: number;
  digests: number;
}

export interface Telemetry {
  apiCall(call: ApiCallRecord): void;
  graphCall(call: GraphCallRecord): void;
  graphRetry(retry: GraphRetryRecord): void;
  cardDelivery(delivery: CardDeliveryRecord): void;
  reminderRun(run: ReminderRunRecord): void;
}

/** Telemetry turned off: every record is dropped. */
export const NO_TELEMETRY: Telemetry = {
  apiCall: () => undefined,
  graphCall: () => undefined,
  graphRetry: () => undefined,
  cardDelivery: () => undefined,
  reminderRun: () => undefined,
};
