/**
 * Telemetry as the configuration asks (NMIRF_TELEMETRY, docs/server.md):
 * - `azure-monitor` (tenant mode, with APPLICATIONINSIGHTS_CONNECTION_STRING): Microsoft's
 *   Azure Monitor OpenTelemetry distribution sends the traces, metrics and the automatic HTTP
 *   spans to the Application Insights of infra/azure.bicep. Loaded only then.
 * - `console`: spans and metrics printed on standard output (a local look).
 * - `off` (the default locally): nothing.
 */
import { metrics, trace } from "@opentelemetry/api";
import type { Telemetry } from "../../core/ports/telemetry";
import { NO_TELEMETRY } from "../../core/ports/telemetry";
import type { ServerConfig } from "../config/config";
import type * as AzureMonitorModule from "@azure/monitor-opentelemetry";
import type * as MetricsSdk from "@opentelemetry/sdk-metrics";
import type * as TracingSdk from "@opentelemetry/sdk-trace-base";
import { openTelemetryPort } from "./open-telemetry";

export interface RunningTelemetry {
  telemetry: Telemetry;
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

const SERVICE = "nmirf";

export function createTelemetry(config: ServerConfig): RunningTelemetry {
  const base = { "service.instance.id": config.instanceId, "nmirf.mode": config.mode };
  switch (config.telemetry.exporter) {
    case "off":
      return { telemetry: NO_TELEMETRY, shutdown: async () => undefined };
    case "azure-monitor": {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded in tenant mode only: it brings the whole OpenTelemetry SDK and its instrumentations
      const azure = require("@azure/monitor-opentelemetry") as typeof AzureMonitorModule;
      azure.useAzureMonitor({
        azureMonitorExporterOptions: { connectionString: config.telemetry.connectionString },
        // The records this product cares about come through the port; of the automatic ones, the HTTP server's.
        instrumentationOptions: { http: { enabled: true }, azureSdk: { enabled: false }, mongoDb: { enabled: false }, mySql: { enabled: false }, postgreSql: { enabled: false }, redis: { enabled: false }, redis4: { enabled: false } },
        enableLiveMetrics: false,
      });
      return { telemetry: openTelemetryPort(trace.getTracer(SERVICE), metrics.getMeter(SERVICE), base), shutdown: () => azure.shutdownAzureMonitor() };
    }
    case "console": {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK's console exporters, only when asked for
      const tracing = require("@opentelemetry/sdk-trace-base") as typeof TracingSdk;
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
      const metering = require("@opentelemetry/sdk-metrics") as typeof MetricsSdk;
      const tracerProvider = new tracing.BasicTracerProvider({ spanProcessors: [new tracing.BatchSpanProcessor(new tracing.ConsoleSpanExporter())] });
      const meterProvider = new metering.MeterProvider({ readers: [new metering.PeriodicExportingMetricReader({ exporter: new metering.ConsoleMetricExporter(), exportIntervalMillis: 60_000 })] });
      return {
        telemetry: openTelemetryPort(tracerProvider.getTracer(SERVICE), meterProvider.getMeter(SERVICE), base),
        shutdown: async () => {
          await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
        },
      };
    }
  }
}
