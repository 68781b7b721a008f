/** $batch (graph-contract.md 6), fault injection, resource units (8) and counters. */
import { startGraphEmulator, type RunningGraphEmulator } from "./index";
import { testClient, type EmulatorTestClient, type Json } from "./test-client";

let emulator: RunningGraphEmulator;
let client: EmulatorTestClient;

beforeAll(async () => {
  emulator = await startGraphEmulator();
  client = testClient(emulator);
});

afterEach(() => emulator.setFaults({}));

afterAll(async () => {
  await client.close();
  await emulator.stop();
});

async function newList(): Promise<{ siteId: string; listId: string; path: string }> {
  const site = emulator.createSite();
  const list = await client.call("POST", `/sites/${site.id}/lists`, {
    body: { displayName: "Outbox", columns: [{ name: "Key", text: {}, indexed: true, enforceUniqueValues: true }] },
  });
  expect(list.status).toBe(201);
  return { siteId: site.id, listId: list.json.id, path: `sites/${site.id}/lists/${list.json.id}` };
}

function createRequest(path: string, id: string, key: string, extra: Record<string, unknown> = {}) {
  return { id, method: "POST", url: `/${path}/items`, headers: { "content-type": "application/json" }, body: { fields: { Title: key, Key: key } }, ...extra };
}

async function keys(path: string): Promise<string[]> {
  const reply = await client.call("GET", `/${path}/items?$expand=fields($select=Key)&$top=100`);
  return reply.json.value.map((i: { fields: { Key: string } }) => i.fields.Key);
}

describe("$batch", () => {
  it("runs up to 20 requests and answers each with its own status, headers and body", async () => {
    const { path } = await newList();
    const requests = Array.from({ length: 20 }, (_, i) => createRequest(path, String(i + 1), `K-${i + 1}`));
    requests[19] = { id: "20", method: "GET", url: `/${path}/items/999`, headers: {} } as never;
    const reply = await client.call("POST", "/$batch", { body: { requests } });
    expect(reply.status).toBe(200);
    const responses = reply.json.responses as { id: string; status: number; headers: Record<string, string>; body: Json }[];
    expect(responses).toHaveLength(20);
    const created = responses.find((r) => r.id === "1")!;
    expect(created.status).toBe(201);
    expect(created.headers["Content-Type"]).toMatch(/^application\/json/);
    expect(created.body.fields.Key).toBe("K-1");
    const missing = responses.find((r) => r.id === "20")!;
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("itemNotFound");
    expect(await keys(path)).toHaveLength(19);
  });

  it("refuses a batch of 21 requests as a whole with 400 and runs none of them (6.2)", async () => {
    const { path } = await newList();
    const requests = Array.from({ length: 21 }, (_, i) => createRequest(path, String(i + 1), `K-${i + 1}`));
    const reply = await client.call("POST", "/$batch", { body: { requests } });
    expect(reply.status).toBe(400);
    expect(reply.json.error.code).toBe("invalidRequest");
    expect(await keys(path)).toEqual([]);
  });

  it("refuses duplicate ids and unknown dependencies as a whole (6.1)", async () => {
    const { path } = await newList();
    const duplicate = await client.call("POST", "/$batch", { body: { requests: [createRequest(path, "a", "K-1"), createRequest(path, "A", "K-2")] } });
    expect(duplicate.status).toBe(400);
    const unknown = await client.call("POST", "/$batch", { body: { requests: [createRequest(path, "1", "K-1", { dependsOn: ["9"] })] } });
    expect(unknown.status).toBe(400);
    expect(await keys(path)).toEqual([]);
  });

  it("answers 424 to the dependents of a failed request (6.4)", async () => {
    const { path } = await newList();
    await client.call("POST", `/${path}/items`, { body: { fields: { Title: "taken", Key: "K-1" } } });
    const requests = [
      createRequest(path, "1", "K-1"),
      createRequest(path, "2", "K-2", { dependsOn: ["1"] }),
      createRequest(path, "3", "K-3", { dependsOn: ["2"] }),
      createRequest(path, "4", "K-4"),
    ];
    const reply = await client.call("POST", "/$batch", { body: { requests } });
    const status = Object.fromEntries(reply.json.responses.map((r: { id: string; status: number }) => [r.id, r.status]));
    expect(status).toEqual({ "1": 409, "2": 424, "3": 424, "4": 201 });
    expect((await keys(path)).sort()).toEqual(["K-1", "K-4"]);
  });

  it("refuses an inner request with a body but no Content-Type, and runs the others", async () => {
    const { path } = await newList();
    const requests = [{ id: "1", method: "POST", url: `/${path}/items`, body: { fields: { Title: "x", Key: "K-1" } } }, createRequest(path, "2", "K-2")];
    const reply = await client.call("POST", "/$batch", { body: { requests } });
    const status = Object.fromEntries(reply.json.responses.map((r: { id: string; status: number }) => [r.id, r.status]));
    expect(status).toEqual({ "1": 400, "2": 201 });
  });

  it("answers an injected 429 inside a 200 batch, with its own Retry-After, and writes nothing for it (6.5)", async () => {
    const { path } = await newList();
    emulator.setFaults({ script: [{ status: 429, kind: "list-items.create", retryAfterSeconds: 7 }] });
    const reply = await client.call("POST", "/$batch", { body: { requests: [createRequest(path, "1", "K-1"), createRequest(path, "2", "K-2")] } });
    expect(reply.status).toBe(200);
    const [first, second] = reply.json.responses;
    expect(first).toMatchObject({ id: "1", status: 429, headers: { "Retry-After": "7" }, body: { error: { code: "activityLimitReached" } } });
    expect(second.status).toBe(201);
    expect(await keys(path)).toEqual(["K-2"]);
  });
});

describe("fault injection", () => {
  it("answers a share of requests 429 or 503 with Retry-After, reproducibly from the seed", async () => {
    const siteId = emulator.siteId();
    const run = async () => {
      emulator.setFaults({ throttleRate: 0.3, unavailableRate: 0.2, retryAfterSeconds: 0, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const reply = await client.call("GET", `/sites/${siteId}`);
        statuses.push(reply.status);
        if (reply.status !== 200) expect(reply.headers.get("retry-after")).toBe("0");
      }
      return statuses;
    };
    const first = await run();
    expect(first).toContain(429);
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it("throttles over the resource-unit budget with Retry-After and RateLimit headers (8.2–8.4)", async () => {
    const { path } = await newList();
    emulator.setFaults({ resourceUnitsPerMinute: 10 });
    const statuses: number[] = [];
    let warned: Headers | undefined;
    let throttled: Awaited<ReturnType<EmulatorTestClient["call"]>> | undefined;
    for (let i = 1; i <= 6; i++) {
      const reply = await client.call("POST", `/${path}/items`, { body: { fields: { Title: "t", Key: `K-${i}` } } });
      statuses.push(reply.status);
      if (reply.status === 201 && reply.headers.get("ratelimit-limit")) warned = reply.headers;
      if (reply.status === 429) throttled ??= reply;
    }
    // Creates cost 2 resource units each: five fit in 10, the sixth does not.
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect(warned?.get("ratelimit-limit")).toBe("10");
    expect(warned?.get("ratelimit-remaining")).toBe("0");
    expect(Number(throttled!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(throttled!.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(throttled!.headers.get("ratelimit-remaining")).toBe("0");
    emulator.setFaults({});
    expect(await keys(path)).toHaveLength(5);
  });

  it("charges resource units per request inside a batch", async () => {
    const { path } = await newList();
    emulator.setFaults({ resourceUnitsPerMinute: 7 });
    const requests = Array.from({ length: 5 }, (_, i) => createRequest(path, String(i + 1), `K-${i + 1}`));
    const reply = await client.call("POST", "/$batch", { body: { requests } });
    expect(reply.status).toBe(200);
    expect(reply.json.responses.map((r: { status: number }) => r.status)).toEqual([201, 201, 201, 429, 429]);
  });

  it("is driven over HTTP by the admin endpoints, which are never faulted", async () => {
    const admin = (method: string, path: string, body?: unknown) => client.call(method, `${emulator.origin}/_emulator${path}`, body === undefined ? {} : { body });
    expect((await admin("PUT", "/faults", { throttleRate: 1, retryAfterSeconds: 0 })).status).toBe(200);
    expect((await admin("GET", "/faults")).json).toMatchObject({ throttleRate: 1 });
    expect((await client.call("GET", "/sites/root")).status).toBe(429);
    expect((await admin("GET", "/counters")).status).toBe(200);
    expect((await admin("PUT", "/faults", {})).status).toBe(200);
    expect((await client.call("GET", "/sites/root")).status).toBe(200);
    expect((await admin("PUT", "/faults", { throttleRate: 2 })).status).toBe(400);
    const site = await admin("POST", "/sites", { path: "/sites/admin-made" });
    expect(site.status).toBe(201);
    expect((await client.call("GET", `/sites/${emulator.hostname}:/sites/admin-made`)).status).toBe(200);
    const user = await admin("POST", `/sites/${encodeURIComponent(site.json.id)}/users`, { displayName: "Chair", email: "chair@example.org" });
    expect(user.json.id).toMatch(/^\d+$/);
    expect((await client.call("GET", `${emulator.origin}/_emulator/counters`, { anonymous: true })).status).toBe(401);
  });
});

describe("counters", () => {
  it("counts requests by kind, batches once, inner requests each, and throttled answers", async () => {
    const { path } = await newList();
    emulator.resetCounters();
    await client.call("GET", `/${path}/items`);
    await client.call("POST", "/$batch", { body: { requests: [createRequest(path, "1", "K-1"), createRequest(path, "2", "K-2")] } });
    emulator.setFaults({ script: [{ status: 429 }] });
    await client.call("GET", `/${path}/items`);
    const counters = emulator.counters();
    expect(counters.requests).toBe(3);
    expect(counters.byKind).toEqual({ "list-items.list": 2, batch: 1, "list-items.create": 2 });
    expect(counters.batchInner).toBe(2);
    expect(counters.throttled).toBe(1);
    expect(counters.resourceUnits).toBe(2 + 2 * 2);
    emulator.resetCounters();
    expect(emulator.counters().requests).toBe(0);
  });
});
