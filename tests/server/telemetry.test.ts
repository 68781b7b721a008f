/**
 * The server reports through its telemetry port (a hand-written recorder here): each API call
 * by its route's pattern (never the ids in the URL) and status, and the Graph calls it made.
 */
import type { ApiCallRecord, GraphCallRecord, Telemetry } from "../../core/ports/telemetry";
import { localTestConfig } from "../../server/config/config";
import { startServer } from "../../server/main";
import { ApiClient } from "./support/api-server";

class RecordingTelemetry implements Telemetry {
  readonly api: ApiCallRecord[] = [];
  readonly graph: GraphCallRecord[] = [];
  apiCall(call: ApiCallRecord) {
    this.api.push(call);
  }
  graphCall(call: GraphCallRecord) {
    this.graph.push(call);
  }
  graphRetry() {}
  cardDelivery() {}
  reminderRun() {}
}

test("each API call is recorded by route pattern and status, with the Graph calls behind it", async () => {
  const recorder = new RecordingTelemetry();
  const server = await startServer(localTestConfig(), { background: false, telemetry: { telemetry: recorder, shutdown: async () => undefined } });
  const api = new ApiClient(server);
  try {
    const token = await api.tokenFor("secretariat");
    expect((await api.call("GET", "/api/recommendations", { token })).status).toBe(200);
    expect((await api.call("GET", "/api/requests/12345", { token })).status).toBe(404);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(recorder.api).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: "GET", route: "/api/recommendations", status: 200 }),
        expect.objectContaining({ method: "GET", route: "/api/requests/:id", status: 404 }),
      ]),
    );
    expect(recorder.api.some((call) => call.route.includes("12345"))).toBe(false);
    expect(recorder.graph.length).toBeGreaterThan(0);
    expect(recorder.graph.every((call) => !/[0-9a-f]{8}-[0-9a-f]{4}/.test(call.route))).toBe(true);
  } finally {
    await server.stop();
  }
});
