/** GET …/items/delta (graph-contract.md 4.5.1). */
import { startGraphEmulator, type RunningGraphEmulator } from "./index";
import { testClient, type EmulatorTestClient, type Json, type Reply } from "./test-client";

let emulator: RunningGraphEmulator;
let client: EmulatorTestClient;

beforeAll(async () => {
  emulator = await startGraphEmulator();
  client = testClient(emulator);
});

afterAll(async () => {
  await client.close();
  await emulator.stop();
});

async function newList(): Promise<string> {
  const site = emulator.createSite();
  const list = await client.call("POST", `/sites/${site.id}/lists`, { body: { displayName: "Requests" } });
  return `/sites/${site.id}/lists/${list.json.id}`;
}

async function add(base: string, title: string): Promise<string> {
  const reply = await client.call("POST", `${base}/items`, { body: { fields: { Title: title } } });
  expect(reply.status).toBe(201);
  return reply.json.id;
}

/** Follows nextLinks to the deltaLink; returns the items seen and the deltaLink. */
async function sync(url: string): Promise<{ items: Json[]; deltaLink: string; pages: number }> {
  const items: Json[] = [];
  let next: string = url;
  let pages = 0;
  for (;;) {
    const page: Reply = await client.call("GET", next);
    expect(page.status).toBe(200);
    pages++;
    items.push(...page.json.value);
    if (page.json["@odata.deltaLink"]) return { items, deltaLink: page.json["@odata.deltaLink"], pages };
    expect(page.json["@odata.nextLink"]).toBeDefined();
    next = page.json["@odata.nextLink"];
  }
}

describe("list item delta", () => {
  it("pages a first sync with nextLinks and ends with a deltaLink carrying a token", async () => {
    const base = await newList();
    for (let i = 1; i <= 5; i++) await add(base, `t${i}`);
    const first = await sync(`${base}/items/delta?$expand=fields($select=Title)&$top=2`);
    expect(first.pages).toBe(3);
    expect(first.items.map((i) => i.fields.Title)).toEqual(["t1", "t2", "t3", "t4", "t5"]);
    expect(first.deltaLink).toMatch(new RegExp(`^${emulator.baseUrl.replace(/\./g, "\\.")}/sites/.+/items/delta\\?token=`));
  });

  it("reports changes and deletions since a deltaLink", async () => {
    const base = await newList();
    const a = await add(base, "a");
    const b = await add(base, "b");
    const { deltaLink } = await sync(`${base}/items/delta?$expand=fields`);
    await client.call("PATCH", `${base}/items/${a}/fields`, { body: { Title: "a2" } });
    await client.call("DELETE", `${base}/items/${b}`);
    const c = await add(base, "c");
    const changes = await sync(deltaLink);
    expect(changes.items).toEqual([
      expect.objectContaining({ id: a, fields: expect.objectContaining({ Title: "a2" }) }),
      expect.objectContaining({ id: b, deleted: { state: "deleted" }, parentReference: { siteId: expect.any(String) } }),
      expect.objectContaining({ id: c }),
    ]);
  });

  it("costs exactly one request for an unchanged poll, which returns no items and a new deltaLink", async () => {
    const base = await newList();
    await add(base, "a");
    const { deltaLink } = await sync(`${base}/items/delta`);
    emulator.resetCounters();
    const poll = await client.call("GET", deltaLink);
    expect(poll.status).toBe(200);
    expect(poll.json.value).toEqual([]);
    expect(poll.json["@odata.deltaLink"]).toMatch(/items\/delta\?token=/);
    expect(poll.json["@odata.nextLink"]).toBeUndefined();
    expect(emulator.counters()).toMatchObject({ requests: 1, byKind: { delta: 1 }, resourceUnits: 1 });
  });

  it("answers token=latest with no items and a deltaLink that sees only later changes", async () => {
    const base = await newList();
    await add(base, "old");
    const latest = await client.call("GET", `${base}/items/delta?token=latest`);
    expect(latest.json.value).toEqual([]);
    await add(base, "new");
    const changes = await sync(latest.json["@odata.deltaLink"]);
    expect(changes.items).toHaveLength(1);
    expect(changes.items[0].id).toBe("2");
  });

  it("answers 410 with a Location to start over for an unknown or expired token", async () => {
    const base = await newList();
    const garbage = await client.call("GET", `${base}/items/delta?token=not-a-token`);
    expect(garbage.status).toBe(410);
    expect(garbage.json.error.code).toBe("resyncChangesApplyDifferences");
    expect(garbage.headers.get("location")).toBe(`${emulator.baseUrl}${base}/items/delta`);
    const { deltaLink } = await sync(`${base}/items/delta`);
    emulator.expireDeltaTokens(base.split("/").pop()!);
    expect((await client.call("GET", deltaLink)).status).toBe(410);
    const restarted = await sync(garbage.headers.get("location")!);
    expect((await client.call("GET", restarted.deltaLink)).status).toBe(200);
  });
});
