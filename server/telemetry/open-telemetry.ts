/**
 * The Telemetry port (core/ports/telemetry.ts) on OpenTelemetry: a span and metrics for each
 * API call, Graph call (with its tries, and a counter of Graph's throttling and the retries it
 * caused), card sent or failed, and reminder run. The tracer and meter come from the exporter the
 * configuration chooses (server/telemetry/create-telemetry.ts); tests pass in-memory ones.
 */
import { SpanKind, SpanStatusCode, type Attributes, type Meter, type Tracer } from "@opentelemetry/api";
import type { Telemetry } from "../../core/ports/telemetry";

/** Metric names, for dashboards and alerts (docs/deploy.md, "What to watch"). */
export const METRICS = {
  apiCalls: "nmirf.api.calls",
  apiDuration: "nmirf.api.duration",
  graphCalls: "nmirf.graph.calls",
  graphDuration: "nmirf.graph.duration",
  graphRetries: "nmirf.graph.retries",
  graphThrottled: "nmirf.graph.throttled",
  cards: "nmirf.cards",
  reminderRuns: "nmirf.reminders.runs",
  remindersQueued: "nmirf.reminders.queued",
} as const;

const THROTTLING = new Set([429, 503, 504]);

export function openTelemetryPort(tracer: Tracer, meter: Meter, base: Attributes = {}): Telemetry {
  const apiCalls = meter.createCounter(METRICS.apiCalls, { description: "API calls answered" });
  const apiDuration = meter.createHistogram(METRICS.apiDuration, { description: "time to answer an API call", unit: "ms" });
  const graphCalls = meter.createCounter(METRICS.graphCalls, { description: "Microsoft Graph calls (each with all its tries)" });
  const graphDuration = meter.createHistogram(METRICS.graphDuration, { description: "time of a Graph call, its retries included", unit: "ms" });
  const graphRetries = meter.createCounter(METRICS.graphRetries, { description: "Graph requests tried again after a 429, 503, 504 (or a 5xx inside a $batch)" });
  const graphThrottled = meter.createCounter(METRICS.graphThrottled, { description: "Graph answers asking us to slow down (429, 503, 504)" });
  const cards = meter.createCounter(METRICS.cards, { description: "cards sent, updated or failed by the bot" });
  const reminderRuns = meter.createCounter(METRICS.reminderRuns, { description: "reminder runs (on the leader)" });
  const remindersQueued = meter.createCounter(METRICS.remindersQueued, { description: "reminders, escalations and digests queued" });

  /** A span for something that has just finished, `durationMs` long, under whatever span is active (the API call a Graph call serves). */
  const finished = (name: string, kind: SpanKind, durationMs: number, attributes: Attributes, failed: boolean) => {
    const end = Date.now();
    const span = tracer.startSpan(name, { kind, startTime: end - durationMs, attributes: { ...base, ...attributes } });
    if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(end);
  };

  return {
    apiCall({ method, route, status, durationMs }) {
      const attributes = { "http.request.method": method, "http.route": route, "http.response.status_code": status };
      apiCalls.add(1, { ...base, ...attributes });
      apiDuration.record(durationMs, { ...base, "http.request.method": method, "http.route": route });
      finished(`${method} ${route}`, SpanKind.SERVER, durationMs, attributes, status >= 500);
    },
    graphCall({ method, route, status, durationMs, attempts }) {
      const attributes = { "http.request.method": method, "nmirf.graph.route": route, "http.response.status_code": status };
      graphCalls.add(1, { ...base, ...attributes });
      graphDuration.record(durationMs, { ...base, "http.request.method": method, "nmirf.graph.route": route });
      finished(`Graph ${method} ${route}`, SpanKind.CLIENT, durationMs, { ...attributes, "nmirf.graph.attempts": attempts }, status === 0 || status >= 500);
    },
    graphRetry({ method, route, status, delayMs }) {
      const attributes = { ...base, "http.request.method": method, "nmirf.graph.route": route, "http.response.status_code": status };
      graphRetries.add(1, attributes);
      if (THROTTLING.has(status)) graphThrottled.add(1, attributes);
      tracer.startSpan("Graph retry", { attributes: { ...attributes, "nmirf.graph.retry_delay_ms": delayMs } }).end();
    },
    cardDelivery({ outcome, reason, durationMs }) {
      cards.add(1, { ...base, "nmirf.card.outcome": outcome, ...(reason ? { "nmirf.card.failure": reason } : {}) });
      finished(`card ${outcome}`, SpanKind.PRODUCER, durationMs, { "nmirf.card.outcome": outcome, ...(reason ? { "nmirf.card.failure": reason } : {}) }, outcome === "failed");
    },
    reminderRun({ outcome, durationMs, reminders, escalations, digests }) {
      reminderRuns.add(1, { ...base, "nmirf.reminders.outcome": outcome });
      for (const [kind, count] of [["reminder", reminders], ["escalation", escalations], ["digest", digests]] as const) if (count) remindersQueued.add(count, { ...base, "nmirf.reminders.kind": kind });
      finished("reminder run", SpanKind.INTERNAL, durationMs, { "nmirf.reminders.outcome": outcome, "nmirf.reminders.reminders": reminders, "nmirf.reminders.escalations": escalations, "nmirf.reminders.digests": digests }, outcome === "failed");
    },
  };
}
