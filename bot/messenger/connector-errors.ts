import { DeliveryError } from "../../core/ports/messenger";

/** What went wrong with a call to the Bot Connector, in the terms the outbox acts on. */
export type ConnectorFailure =
  | { kind: "throttled"; retryAfterMs?: number; status: number }
  | { kind: "transient"; retryAfterMs?: number; status?: number; detail: string }
  /** 403 BotNotInConversationRoster (the app was removed) or 404 (the conversation is unknown). */
  | { kind: "not-in-roster"; status: number; detail: string }
  | { kind: "unreachable"; status: number; detail: string }
  | { kind: "permanent"; status: number; detail: string };

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get?(name: string): string | undefined | null } | Record<string, string>; bodyAsText?: string | null };
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now (capped at an hour). */
export function parseRetryAfter(value: string | undefined | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 3_600_000);
  const date = Date.parse(value);
  if (Number.isFinite(date)) return Math.min(Math.max(0, date - now), 3_600_000);
  return undefined;
}

function header(error: RestErrorLike, name: string): string | undefined {
  const headers = error.response?.headers;
  if (!headers) return undefined;
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(name: string): string | undefined | null }).get(name) ?? undefined;
  const record = headers as Record<string, string>;
  return record[name] ?? record[name.toLowerCase()];
}

function errorCode(error: RestErrorLike): string {
  const body = error.response?.bodyAsText;
  if (body) {
    try {
      const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
      if (typeof parsed.error?.code === "string") return `${parsed.error.code}${typeof parsed.error.message === "string" ? `: ${parsed.error.message}` : ""}`;
    } catch {
      // not JSON
    }
    return body.slice(0, 200);
  }
  return error.message?.slice(0, 200) ?? "";
}

/** Classifies an error thrown by the connector client (a RestError) or by the network. */
export function classifyConnectorError(raw: unknown): ConnectorFailure {
  const error = (raw ?? {}) as RestErrorLike;
  const status = typeof error.statusCode === "number" ? error.statusCode : undefined;
  const detail = errorCode(error);
  const retryAfterMs = parseRetryAfter(header(error, "retry-after"));
  if (status === undefined) return { kind: "transient", detail: detail || "the connector could not be reached" };
  if (status === 429) return { kind: "throttled", retryAfterMs, status };
  if (status === 412 || status === 408 || status === 500 || status === 502 || status === 503 || status === 504) return { kind: "transient", retryAfterMs, status, detail };
  if (status === 403 && /BotNotInConversationRoster/i.test(detail)) return { kind: "not-in-roster", status, detail };
  if (status === 404) return { kind: "not-in-roster", status, detail };
  if (status === 401) return { kind: "transient", status, detail: `the connector refused the bot's credentials: ${detail}` };
  if (status === 403) return { kind: "unreachable", status, detail };
  return { kind: "permanent", status, detail };
}

export function toDeliveryError(failure: ConnectorFailure): DeliveryError {
  switch (failure.kind) {
    case "throttled":
      return new DeliveryError("throttled", `the connector answered ${failure.status}: slow down`, failure.retryAfterMs);
    case "transient":
      return new DeliveryError("transient", `${failure.status ? `HTTP ${failure.status}: ` : ""}${failure.detail}`, failure.retryAfterMs);
    case "not-in-roster":
    case "unreachable":
      return new DeliveryError("unreachable", `HTTP ${failure.status}: ${failure.detail}`);
    case "permanent":
      return new DeliveryError("permanent", `HTTP ${failure.status}: ${failure.detail}`);
  }
}
