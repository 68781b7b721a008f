/** What depends on time, with a fake clock: the resource-unit window, upload sessions, delta tokens. */
import { startGraphEmulator, type RunningGraphEmulator } from "./index";
import { testClient, type EmulatorTestClient } from "./test-client";

let now = Date.UTC(2026, 0, 5, 9, 0, 0);
let emulator: RunningGraphEmulator;
let client: EmulatorTestClient;

beforeAll(async () => {
  emulator = await startGraphEmulator({ now: () => now });
  client = testClient(emulator);
});

afterEach(() => emulator.setFaults({}));

afterAll(async () => {
  await client.close();
  await emulator.stop();
});

async function newList(): Promise<string> {
  const site = emulator.createSite();
  const list = await client.call("POST", `/sites/${site.id}/lists`, { body: { displayName: "Outbox" } });
  return `/sites/${site.id}/lists/${list.json.id}`;
}

describe("with the clock moving", () => {
  it("frees the resource-unit budget when the minute has passed, as Retry-After said", async () => {
    const base = await newList();
    emulator.setFaults({ resourceUnitsPerMinute: 4 });
    expect((await client.call("POST", `${base}/items`, { body: { fields: { Title: "a" } } })).status).toBe(201);
    now += 20_000;
    expect((await client.call("POST", `${base}/items`, { body: { fields: { Title: "b" } } })).status).toBe(201);
    const refused = await client.call("POST", `${base}/items`, { body: { fields: { Title: "c" } } });
    expect(refused.status).toBe(429);
    // The first write leaves the window 40 s after the second was made.
    expect(refused.headers.get("retry-after")).toBe("40");
    now += 40_000;
    expect((await client.call("POST", `${base}/items`, { body: { fields: { Title: "c" } } })).status).toBe(201);
  });

  it("expires an idle upload session after 15 minutes, and each chunk renews it", async () => {
    const site = emulator.createSite();
    const drive = `/sites/${site.id}/drive`;
    const session = await client.call("POST", `${drive}/root:/slow.bin:/createUploadSession`, { body: {} });
    const url = session.json.uploadUrl as string;
    const content = Buffer.alloc(320 * 1024 * 2, 1);
    now += 14 * 60_000;
    const first = await client.call("PUT", url, { anonymous: true, bytes: content.subarray(0, 320 * 1024), headers: { "content-range": `bytes 0-${320 * 1024 - 1}/${content.length}` } });
    expect(first.status).toBe(202);
    expect(Date.parse(first.json.expirationDateTime)).toBe(now + 15 * 60_000);
    now += 16 * 60_000;
    const late = await client.call("PUT", url, { anonymous: true, bytes: content.subarray(320 * 1024), headers: { "content-range": `bytes ${320 * 1024}-${content.length - 1}/${content.length}` } });
    expect(late.status).toBe(404);
    expect(late.json.error.innerError.code).toBe("uploadSessionNotFound");
    expect((await client.call("GET", `${drive}/root:/slow.bin`)).status).toBe(404);
  });

  it("answers 410 to a delta token older than 30 days", async () => {
    const base = await newList();
    const sync = await client.call("GET", `${base}/items/delta`);
    const deltaLink = sync.json["@odata.deltaLink"] as string;
    now += 29 * 24 * 3600_000;
    const fresh = await client.call("GET", deltaLink);
    expect(fresh.status).toBe(200);
    now += 2 * 24 * 3600_000;
    expect((await client.call("GET", deltaLink)).status).toBe(410);
    expect((await client.call("GET", fresh.json["@odata.deltaLink"])).status).toBe(200);
  });
});
