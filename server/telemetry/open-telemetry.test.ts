/**
 * The telemetry port on OpenTelemetry, with in-memory exporters: a Graph call that Graph
 * throttles once is one call of two tries, one retry and one throttling, under the API call's
 * span when there is one; cards and reminder runs are counted by outcome.
 */
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader, type ResourceMetrics } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { StaticTokenProvider } from "../../graph/client/auth";
import { createGraphClient } from "../../graph/client/graph-client";
import { startGraphEmulator, type RunningGraphEmulator } from "../../graph/emulator";
import { METRICS, openTelemetryPort } from "./open-telemetry";

let emulator: RunningGraphEmulator;
beforeAll(async () => {
  emulator = await startGraphEmulator({ dataFile: ":memory:" });
});
afterAll(async () => {
  await emulator.stop();
});

function inMemoryTelemetry() {
  const spans = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  // Read on demand (forceFlush), never on a timer: no timing in the assertions.
  const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
  const meterProvider = new MeterProvider({ readers: [reader] });
  const telemetry = openTelemetryPort(tracerProvider.getTracer("test"), meterProvider.getMeter("test"), { "service.instance.id": "test" });
  const sum = async (name: string, where: Record<string, unknown> = {}) => {
    await reader.forceFlush();
    const all: ResourceMetrics[] = metricExporter.getMetrics();
    const latest = all.at(-1);
    const metric = latest?.scopeMetrics.flatMap((s) => s.metrics).find((m) => m.descriptor.name === name);
    return (metric?.dataPoints ?? []).filter((p) => Object.entries(where).every(([k, v]) => p.attributes[k] === v)).reduce((total, p) => total + Number(p.value), 0);
  };
  return { telemetry, spans, sum, shutdown: () => Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]) };
}

describe("telemetry on OpenTelemetry", () => {
  test("a Graph call throttled once is recorded as one call of two tries, one retry and one throttling", async () => {
    const { telemetry, spans, sum, shutdown } = inMemoryTelemetry();
    const client = createGraphClient({ endpoint: emulator.origin, auth: new StaticTokenProvider(emulator.accessToken), trustedCa: emulator.caCertificate, telemetry, retry: { sleep: async () => undefined } });
    try {
      emulator.setFaults({ script: [{ status: 429, retryAfterSeconds: 1, times: 1 }] });
      await client.api(`/sites/${emulator.siteId()}`).get();
      emulator.setFaults({});

      expect(await sum(METRICS.graphRetries, { "http.response.status_code": 429 })).toBe(1);
      expect(await sum(METRICS.graphThrottled)).toBe(1);
      expect(await sum(METRICS.graphCalls, { "http.response.status_code": 200, "nmirf.graph.route": "/v1.0/sites/{id}" })).toBe(1);
      const call = spans.getFinishedSpans().find((s) => s.name === "Graph GET /v1.0/sites/{id}");
      expect(call?.attributes).toMatchObject({ "nmirf.graph.attempts": 2, "http.response.status_code": 200 });
      expect(spans.getFinishedSpans().find((s) => s.name === "Graph retry")?.attributes).toMatchObject({ "http.response.status_code": 429 });
    } finally {
      await client.close();
      await shutdown();
    }
  });

  test("API calls by route, cards by outcome and reminder runs are counted; failures are error spans", async () => {
    const { telemetry, spans, sum, shutdown } = inMemoryTelemetry();
    telemetry.apiCall({ method: "GET", route: "/api/requests/:id", status: 200, durationMs: 12 });
    telemetry.apiCall({ method: "GET", route: "/api/requests/:id", status: 500, durationMs: 30 });
    telemetry.cardDelivery({ outcome: "sent", durationMs: 80 });
    telemetry.cardDelivery({ outcome: "failed", reason: "unreachable", durationMs: 5 });
    telemetry.reminderRun({ outcome: "done", durationMs: 200, reminders: 3, escalations: 1, digests: 0 });
    expect(await sum(METRICS.apiCalls, { "http.route": "/api/requests/:id" })).toBe(2);
    expect(await sum(METRICS.cards, { "nmirf.card.outcome": "failed", "nmirf.card.failure": "unreachable" })).toBe(1);
    expect(await sum(METRICS.remindersQueued, { "nmirf.reminders.kind": "reminder" })).toBe(3);
    expect(await sum(METRICS.reminderRuns, { "nmirf.reminders.outcome": "done" })).toBe(1);
    const failedCard = spans.getFinishedSpans().find((s) => s.name === "card failed");
    expect(failedCard?.status.code).toBe(2); // SpanStatusCode.ERROR
    await shutdown();
  });
});
