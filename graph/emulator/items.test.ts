/** List items: shapes, writes, eTags, versions, queries and paging (graph-contract.md 4). */
import { startGraphEmulator, type RunningGraphEmulator } from "./index";
import { testClient, type EmulatorTestClient } from "./test-client";

let emulator: RunningGraphEmulator;
let client: EmulatorTestClient;

const PREFER = { prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" };

beforeAll(async () => {
  emulator = await startGraphEmulator({ behaviour: { listViewThreshold: 30, siteTimeZone: "Europe/Paris" } });
  client = testClient(emulator);
});

afterAll(async () => {
  await client.close();
  await emulator.stop();
});

interface Fixture {
  siteId: string;
  listId: string;
  ministriesId: string;
  base: string;
}

/** A fresh site with a Ministries list and a Requests list looking it up. */
async function fixture(): Promise<Fixture> {
  const site = emulator.createSite();
  const ministries = await client.call("POST", `/sites/${site.id}/lists`, {
    body: { displayName: "Ministries", columns: [{ name: "Code", text: {}, indexed: true, enforceUniqueValues: true }] },
  });
  const requests = await client.call("POST", `/sites/${site.id}/lists`, {
    body: {
      displayName: "Requests",
      columns: [
        { name: "Key", text: {}, indexed: true, enforceUniqueValues: true },
        { name: "Status", choice: { choices: ["open", "answered", "closed"] }, indexed: true },
        { name: "Priority", number: {}, indexed: true },
        { name: "Due", dateTime: { format: "dateOnly" }, indexed: true },
        { name: "Notes", text: { allowMultipleLines: true } },
        { name: "Urgent", boolean: {} },
        { name: "Themes", choice: { choices: ["health", "education", "justice"], displayAs: "checkBoxes" } },
        { name: "Ministry", lookup: { listId: ministries.json.id, columnName: "Title" }, indexed: true },
        { name: "Supporting", lookup: { listId: ministries.json.id, columnName: "Title", allowMultipleValues: true } },
        { name: "Owner", personOrGroup: {} },
      ],
    },
  });
  expect(requests.status).toBe(201);
  return { siteId: site.id, listId: requests.json.id, ministriesId: ministries.json.id, base: `/sites/${site.id}/lists/${requests.json.id}` };
}

async function addMinistry(f: Fixture, title: string, code: string): Promise<string> {
  const reply = await client.call("POST", `/sites/${f.siteId}/lists/${f.ministriesId}/items`, { body: { fields: { Title: title, Code: code } } });
  expect(reply.status).toBe(201);
  return reply.json.id;
}

async function addRequest(f: Fixture, fields: Record<string, unknown>) {
  const reply = await client.call("POST", `${f.base}/items`, { body: { fields } });
  expect(reply.status).toBe(201);
  return reply.json;
}

async function itemCount(f: Fixture): Promise<number> {
  let count = 0;
  let url: string | undefined = `${f.base}/items?$top=5000`;
  while (url) {
    const page: Awaited<ReturnType<EmulatorTestClient["call"]>> = await client.call("GET", url);
    count += page.json.value.length;
    url = page.json["@odata.nextLink"];
  }
  return count;
}

describe("creating and reading items", () => {
  it("answers 201 with the item, its eTag and its fields with the system fields (4.1.2, 4.1.3, 4.3.2)", async () => {
    const f = await fixture();
    const item = await addRequest(f, { Title: "Q1", Key: "R-1", Status: "open", Priority: 2, id: "999" });
    expect(item.id).toBe("1");
    expect(item.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(item["@odata.etag"]).toBe(item.eTag);
    expect(item.webUrl).toMatch(/\/Lists\/Requests\/1_\.000$/);
    expect(item.parentReference).toEqual({ id: f.listId, siteId: f.siteId });
    expect(item.contentType).toEqual({ id: expect.stringMatching(/^0x0100/), name: "Item" });
    expect(item["fields@odata.context"]).toContain("/fields/$entity");
    expect(item.fields).toMatchObject({
      "@odata.etag": item.eTag,
      Title: "Q1",
      Key: "R-1",
      Status: "open",
      Priority: 2,
      id: "1",
      ContentType: "Item",
      _UIVersionString: "1.0",
      Attachments: false,
      LinkTitle: "Q1",
      AuthorLookupId: expect.stringMatching(/^\d+$/),
    });
    expect(item.fields.Created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(item.fields.Notes).toBeUndefined();
  });

  it("lists items without fields unless fields are expanded, and selects fields and properties", async () => {
    const f = await fixture();
    await addRequest(f, { Title: "Q1", Key: "R-1", Status: "open" });
    const bare = await client.call("GET", `${f.base}/items`);
    expect(bare.json.value[0].fields).toBeUndefined();
    const selected = await client.call("GET", `${f.base}/items?$select=id,eTag&$expand=fields($select=Key,Status)`);
    expect(selected.json.value[0]).toEqual({
      "@odata.etag": expect.any(String),
      id: "1",
      eTag: expect.any(String),
      "fields@odata.context": expect.any(String),
      fields: { "@odata.etag": expect.any(String), Key: "R-1", Status: "open" },
    });
    const single = await client.call("GET", `${f.base}/items/1?expand=fields(select=Title)`);
    expect(single.json.fields).toEqual({ "@odata.etag": expect.any(String), Title: "Q1" });
  });

  it("refuses an unknown field, a missing required field and a bad value, writing nothing (4.3.6)", async () => {
    const f = await fixture();
    const unknown = await client.call("POST", `${f.base}/items`, { body: { fields: { Title: "x", Colour: "red" } } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ code: "invalidRequest", message: "Field 'Colour' is not recognized" });
    const missing = await client.call("POST", `${f.base}/items`, { body: { fields: { Key: "R-9" } } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toContain("'Title'");
    const badChoice = await client.call("POST", `${f.base}/items`, { body: { fields: { Title: "x", Status: "maybe" } } });
    expect(badChoice.status).toBe(400);
    const badNumber = await client.call("POST", `${f.base}/items`, { body: { fields: { Title: "x", Priority: "high" } } });
    expect(badNumber.status).toBe(400);
    const tooLong = await client.call("POST", `${f.base}/items`, { body: { fields: { Title: "x".repeat(256) } } });
    expect(tooLong.status).toBe(400);
    const readOnly = await client.call("POST", `${f.base}/items`, { body: { fields: { Title: "x", ContentTypeId: "0x01" } } });
    expect(readOnly.status).toBe(403);
    expect(readOnly.json.error.message).toBe("Field 'ContentTypeId' is read-only");
    expect(await itemCount(f)).toBe(0);
  });

  it("refuses a duplicate value in a unique column with 409 and keeps one item (case-insensitive)", async () => {
    const f = await fixture();
    await addRequest(f, { Title: "Q1", Key: "R-1" });
    const duplicate = await client.call("POST", `${f.base}/items`, { body: { fields: { Title: "Q2", Key: "r-1" } } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error).toMatchObject({ code: "nameAlreadyExists", message: expect.stringContaining("[Key]") });
    expect(await itemCount(f)).toBe(1);
  });

  it("stores a date-only value at midnight in the site's time zone, read back in UTC (4.1.6)", async () => {
    const f = await fixture();
    const winter = await addRequest(f, { Title: "W", Due: "2025-01-15" });
    const summer = await addRequest(f, { Title: "S", Due: "2025-07-15T00:00:00Z" });
    expect(winter.fields.Due).toBe("2025-01-14T23:00:00Z");
    expect(summer.fields.Due).toBe("2025-07-14T22:00:00Z");
  });
});

describe("lookups, people and multi-value fields (4.2)", () => {
  it("writes a lookup as {Name}LookupId and reads it back that way; selecting the name gives the value", async () => {
    const f = await fixture();
    const justice = await addMinistry(f, "Justice", "JUS");
    const health = await addMinistry(f, "Health", "HEA");
    const item = await addRequest(f, { Title: "Q1", MinistryLookupId: justice });
    expect(item.fields.MinistryLookupId).toBe(justice);
    expect(item.fields.Ministry).toBeUndefined();
    const selected = await client.call("GET", `${f.base}/items/${item.id}?$expand=fields($select=Ministry,MinistryLookupId)`);
    expect(selected.json.fields.Ministry).toEqual({ LookupId: Number(justice), LookupValue: "Justice" });
    expect(selected.json.fields.MinistryLookupId).toBe(justice);
    const byName = await client.call("POST", `${f.base}/items`, { body: { fields: { Title: "Q2", Ministry: health } } });
    expect(byName.status).toBe(400);
  });

  it("needs the Collection annotation for a multi lookup and a multi choice (4.2.4, 4.2.7)", async () => {
    const f = await fixture();
    const a = await addMinistry(f, "Justice", "JUS");
    const b = await addMinistry(f, "Health", "HEA");
    const bareLookup = await client.call("POST", `${f.base}/items`, { body: { fields: { Title: "x", SupportingLookupId: [a, b] } } });
    expect(bareLookup.status).toBe(400);
    expect(bareLookup.json.error.message).toContain("A value without a type name was found");
    const bareChoice = await client.call("POST", `${f.base}/items`, { body: { fields: { Title: "x", Themes: ["health"] } } });
    expect(bareChoice.status).toBe(400);
    expect(bareChoice.json.error).toMatchObject({ code: "invalidRequest", message: "Invalid request" });
    const stringChoice = await client.call("POST", `${f.base}/items`, { body: { fields: { Title: "x", Themes: "health" } } });
    expect(stringChoice.status).toBe(500);
    expect(stringChoice.json.error.code).toBe("generalException");
    expect(await itemCount(f)).toBe(0);

    const item = await addRequest(f, {
      Title: "ok",
      "SupportingLookupId@odata.type": "Collection(Edm.String)",
      SupportingLookupId: [a, b],
      "Themes@odata.type": "Collection(Edm.String)",
      Themes: ["health", "justice"],
    });
    expect(item.fields.SupportingLookupId).toEqual([a, b]);
    expect(item.fields.Themes).toEqual(["health", "justice"]);
    const selected = await client.call("GET", `${f.base}/items/${item.id}?$expand=fields($select=Supporting)`);
    expect(selected.json.fields.Supporting).toEqual([
      { LookupId: Number(a), LookupValue: "Justice" },
      { LookupId: Number(b), LookupValue: "Health" },
    ]);
  });

  it("resolves a person field against the site's User Information List", async () => {
    const f = await fixture();
    const userId = emulator.addUser(f.siteId, { displayName: "Amina Diallo", email: "amina@example.org" });
    const item = await addRequest(f, { Title: "Q1", OwnerLookupId: String(userId) });
    expect(item.fields.OwnerLookupId).toBe(String(userId));
    const selected = await client.call("GET", `${f.base}/items/${item.id}?$expand=fields($select=Owner)`);
    expect(selected.json.fields.Owner).toEqual({ LookupId: userId, LookupValue: "Amina Diallo", Email: "amina@example.org" });
  });
});

describe("updates, eTags and versions (4.3, 4.5)", () => {
  it("answers 412 to a stale If-Match and leaves the item unchanged (4.3.4)", async () => {
    const f = await fixture();
    const item = await addRequest(f, { Title: "Q1", Status: "open" });
    const first = await client.call("PATCH", `${f.base}/items/${item.id}/fields`, { body: { Status: "answered" }, headers: { "if-match": item.eTag } });
    expect(first.status).toBe(200);
    expect(first.json.Status).toBe("answered");
    const stale = await client.call("PATCH", `${f.base}/items/${item.id}/fields`, { body: { Status: "closed" }, headers: { "if-match": item.eTag } });
    expect(stale.status).toBe(412);
    expect(stale.json.error.code).toBe("resourceModified");
    const current = await client.call("GET", `${f.base}/items/${item.id}?$expand=fields`);
    expect(current.json.fields.Status).toBe("answered");
    expect(current.json.eTag).toMatch(/,2"$/);
    const staleDelete = await client.call("DELETE", `${f.base}/items/${item.id}`, { headers: { "if-match": item.eTag } });
    expect(staleDelete.status).toBe(412);
    expect((await client.call("GET", `${f.base}/items/${item.id}`)).status).toBe(200);
  });

  it("accepts If-Match: * and refuses an unquoted eTag", async () => {
    const f = await fixture();
    const item = await addRequest(f, { Title: "Q1" });
    expect((await client.call("PATCH", `${f.base}/items/${item.id}/fields`, { body: { Title: "Q1b" }, headers: { "if-match": "*" } })).status).toBe(200);
    const unquoted = await client.call("PATCH", `${f.base}/items/${item.id}/fields`, { body: { Title: "Q1c" }, headers: { "if-match": item.eTag.replace(/"/g, "") } });
    expect(unquoted.status).toBe(400);
  });

  it("makes every PATCH a new version, listed newest first (4.5.2, 4.5.3)", async () => {
    const f = await fixture();
    const item = await addRequest(f, { Title: "v1" });
    await client.call("PATCH", `${f.base}/items/${item.id}/fields`, { body: { Title: "v2" } });
    await client.call("PATCH", `${f.base}/items/${item.id}/fields`, { body: { Title: "v2" } });
    const versions = await client.call("GET", `${f.base}/items/${item.id}/versions`);
    expect(versions.json.value.map((v: { id: string }) => v.id)).toEqual(["3.0", "2.0", "1.0"]);
    const first = await client.call("GET", `${f.base}/items/${item.id}/versions/1.0/fields`);
    expect(first.json.Title).toBe("v1");
    const fields = await client.call("GET", `${f.base}/items/${item.id}/fields`);
    expect(fields.json._UIVersionString).toBe("3.0");
  });

  it("PATCH on the item takes fields and clears a value with null; DELETE answers 204", async () => {
    const f = await fixture();
    const item = await addRequest(f, { Title: "Q1", Notes: "long text" });
    const patched = await client.call("PATCH", `${f.base}/items/${item.id}`, { body: { fields: { Notes: null } } });
    expect(patched.status).toBe(200);
    expect(patched.json.fields.Notes).toBeUndefined();
    expect((await client.call("DELETE", `${f.base}/items/${item.id}`)).status).toBe(204);
    expect((await client.call("GET", `${f.base}/items/${item.id}`)).status).toBe(404);
  });
});

describe("queries (4.4)", () => {
  it("parses escaped quotes: 'Women''s Affairs' finds Women's Affairs", async () => {
    const f = await fixture();
    await addRequest(f, { Title: "Women's Affairs", Key: "Women's Affairs" });
    await addRequest(f, { Title: "Other", Key: "Women" });
    const reply = await client.call("GET", `${f.base}/items?$expand=fields&$filter=fields/Key eq 'Women''s Affairs'`);
    expect(reply.status).toBe(200);
    expect(reply.json.value.map((i: { fields: { Key: string } }) => i.fields.Key)).toEqual(["Women's Affairs"]);
  });

  it("refuses a non-indexed filter or sort without the Prefer header, with the exact message (4.4.2)", async () => {
    const f = await fixture();
    await addRequest(f, { Title: "A", Notes: "n" });
    const filter = await client.call("GET", `${f.base}/items?$filter=fields/Title eq 'A'`);
    expect(filter.status).toBe(400);
    expect(filter.json.error).toEqual(
      expect.objectContaining({
        code: "invalidRequest",
        message:
          "Field 'Title' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
      }),
    );
    const sort = await client.call("GET", `${f.base}/items?$orderby=fields/Title`);
    expect(sort.status).toBe(400);
    const allowed = await client.call("GET", `${f.base}/items?$filter=fields/Title eq 'A'`, { headers: PREFER });
    expect(allowed.status).toBe(200);
    expect(allowed.json.value).toHaveLength(1);
  });

  it("supports eq, ne, lt, gt, le, ge, startswith, and/or, null, booleans and lookup ids", async () => {
    const f = await fixture();
    const justice = await addMinistry(f, "Justice", "JUS");
    await addRequest(f, { Title: "a", Key: "K-1", Status: "open", Priority: 1, Urgent: true, MinistryLookupId: justice });
    await addRequest(f, { Title: "b", Key: "K-2", Status: "open", Priority: 2 });
    await addRequest(f, { Title: "c", Key: "X-3", Status: "closed", Priority: 3 });
    const keys = async (filter: string, headers: Record<string, string> = {}) => {
      const reply = await client.call("GET", `${f.base}/items?$expand=fields($select=Key)&$filter=${encodeURIComponent(filter)}`, { headers });
      expect(reply.status).toBe(200);
      return reply.json.value.map((i: { fields: { Key: string } }) => i.fields.Key);
    };
    expect(await keys("fields/Status eq 'open'")).toEqual(["K-1", "K-2"]);
    expect(await keys("fields/Status ne 'open'")).toEqual(["X-3"]);
    expect(await keys("fields/Priority lt 2")).toEqual(["K-1"]);
    expect(await keys("fields/Priority gt 2")).toEqual(["X-3"]);
    expect(await keys("fields/Priority le 2")).toEqual(["K-1", "K-2"]);
    expect(await keys("fields/Priority ge 2")).toEqual(["K-2", "X-3"]);
    expect(await keys("startswith(fields/Key,'K-')")).toEqual(["K-1", "K-2"]);
    expect(await keys("fields/Status eq 'open' and fields/Priority ge 2")).toEqual(["K-2"]);
    expect(await keys("fields/Priority eq 1 or fields/Priority eq 3")).toEqual(["K-1", "X-3"]);
    expect(await keys("fields/Due eq null")).toEqual(["K-1", "K-2", "X-3"]);
    expect(await keys(`fields/MinistryLookupId eq ${justice}`)).toEqual(["K-1"]);
    expect(await keys("fields/Urgent eq 1", PREFER)).toEqual(["K-1"]);
    expect(await keys("fields/Urgent eq false", PREFER)).toEqual(["K-2", "X-3"]);
    expect(await keys("fields/STATUS eq 'OPEN'")).toEqual(["K-1", "K-2"]);
  });

  it("refuses contains() by default, a malformed filter and $count (4.4.1, 4.4.6)", async () => {
    const f = await fixture();
    const contains = await client.call("GET", `${f.base}/items?$filter=contains(fields/Key,'x')`);
    expect(contains.status).toBe(400);
    const malformed = await client.call("GET", `${f.base}/items?$filter=fields/Key eq`);
    expect(malformed.status).toBe(400);
    const count = await client.call("GET", `${f.base}/items?$count=true`);
    expect(count.status).toBe(400);
    expect(count.json.error.message).toBe("$count is not supported on this API. Only URLs returned by the API can be used to page.");
    expect((await client.call("GET", `${f.base}/items/$count`)).status).toBe(404);
  });

  it("sorts with $orderby on an indexed column, nulls first ascending", async () => {
    const f = await fixture();
    await addRequest(f, { Title: "a", Priority: 2 });
    await addRequest(f, { Title: "b" });
    await addRequest(f, { Title: "c", Priority: 1 });
    const asc = await client.call("GET", `${f.base}/items?$expand=fields&$orderby=fields/Priority`);
    expect(asc.json.value.map((i: { fields: { Title: string } }) => i.fields.Title)).toEqual(["b", "c", "a"]);
    const desc = await client.call("GET", `${f.base}/items?$expand=fields&$orderby=fields/Priority desc`);
    expect(desc.json.value.map((i: { fields: { Title: string } }) => i.fields.Title)).toEqual(["a", "c", "b"]);
  });
});

describe("paging (4.4.4)", () => {
  it("pages across 3 pages following the nextLink verbatim, which repeats the query options", async () => {
    const f = await fixture();
    for (let i = 1; i <= 7; i++) await addRequest(f, { Title: `t${i}`, Key: `K-${i}`, Status: "open" });
    const seen: string[] = [];
    let url: string | undefined = `${f.base}/items?$expand=fields($select=Key)&$filter=fields/Status eq 'open'&$top=3`;
    let pages = 0;
    while (url) {
      const page: Awaited<ReturnType<EmulatorTestClient["call"]>> = await client.call("GET", url);
      expect(page.status).toBe(200);
      pages++;
      seen.push(...page.json.value.map((i: { fields: { Key: string } }) => i.fields.Key));
      url = page.json["@odata.nextLink"];
      if (url) {
        expect(url.startsWith(`${emulator.baseUrl}/sites/`)).toBe(true);
        expect(url).toContain("$top=3");
        expect(url).toContain("$filter=");
        const token = decodeURIComponent(/\$skiptoken=([^&]+)/.exec(url)![1]!);
        expect(Buffer.from(token, "base64").toString()).toMatch(/^Paged=TRUE&p_ID=\d+$/);
      }
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(["K-1", "K-2", "K-3", "K-4", "K-5", "K-6", "K-7"]);
  });

  it("pages a sorted query without losing or repeating items", async () => {
    const f = await fixture();
    const priorities = [3, 1, 2, 3, 1, 2, 3];
    for (const [i, priority] of priorities.entries()) await addRequest(f, { Title: `t${i}`, Priority: priority });
    await addRequest(f, { Title: "none" });
    const titles: string[] = [];
    let url: string | undefined = `${f.base}/items?$expand=fields&$orderby=fields/Priority desc&$top=2`;
    while (url) {
      const page: Awaited<ReturnType<EmulatorTestClient["call"]>> = await client.call("GET", url);
      titles.push(...page.json.value.map((i: { fields: { Title: string } }) => i.fields.Title));
      url = page.json["@odata.nextLink"];
    }
    expect(titles).toEqual(["t0", "t3", "t6", "t2", "t5", "t1", "t4", "none"]);
  });

  it("needs the Prefer header again on the nextLink of a non-indexed query (the default choice)", async () => {
    const f = await fixture();
    for (let i = 1; i <= 3; i++) await addRequest(f, { Title: `t${i}` });
    const first = await client.call("GET", `${f.base}/items?$filter=startswith(fields/Title,'t')&$top=2`, { headers: PREFER });
    const next = first.json["@odata.nextLink"] as string;
    expect((await client.call("GET", next)).status).toBe(400);
    expect((await client.call("GET", next, { headers: PREFER })).status).toBe(200);
  });
});

describe("the list view threshold (4.4.3)", () => {
  it("fails a non-indexed query on a list over the threshold, unless an indexed condition narrows it", async () => {
    // This emulator runs with a threshold of 30 to keep the test small; the default is 5,000.
    const f = await fixture();
    const batch = (start: number) => ({
      requests: Array.from({ length: 20 }, (_, i) => ({
        id: String(i + 1),
        method: "POST",
        url: `${f.base}/items`.replace(/^\//, ""),
        headers: { "content-type": "application/json" },
        body: { fields: { Title: `t${start + i}`, Status: start + i < 35 ? "open" : "closed" } },
      })),
    });
    for (const start of [0, 20]) expect((await client.call("POST", "/$batch", { body: batch(start) })).status).toBe(200);
    const scan = await client.call("GET", `${f.base}/items?$filter=fields/Title eq 't1'`, { headers: PREFER });
    expect(scan.status).toBe(429);
    expect(scan.json.error.message).toContain("list view threshold");
    const narrowed = await client.call("GET", `${f.base}/items?$filter=fields/Status eq 'closed' and fields/Title eq 't36'`, { headers: PREFER });
    expect(narrowed.status).toBe(200);
    expect(narrowed.json.value).toHaveLength(1);
    const indexedOnly = await client.call("GET", `${f.base}/items?$filter=fields/Status eq 'open'&$top=100`);
    expect(indexedOnly.status).toBe(200);
    expect(indexedOnly.json.value).toHaveLength(35);
  });
});
