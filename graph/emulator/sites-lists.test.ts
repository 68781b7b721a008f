/** Sites, lists, columns, authentication and the error envelope (graph-contract.md 1–3, 7). */
import { startGraphEmulator, type RunningGraphEmulator } from "./index";
import { testClient, type EmulatorTestClient } from "./test-client";

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

function freshSite() {
  return emulator.createSite();
}

describe("sites", () => {
  it("serves the configured site by path and by its composite id", async () => {
    const byPath = await client.call("GET", `/sites/${emulator.hostname}:/sites/nmirf`);
    expect(byPath.status).toBe(200);
    expect(byPath.json.id).toMatch(/^contoso\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect(byPath.json).toMatchObject({ name: "nmirf", webUrl: "https://contoso.sharepoint.com/sites/nmirf" });
    expect(byPath.json.id).toBe(emulator.siteId("/sites/nmirf"));
    const byId = await client.call("GET", `/sites/${byPath.json.id}`);
    expect(byId.json.webUrl).toBe(byPath.json.webUrl);
  });

  it("serves the root site as /sites/root and /sites/{hostname}", async () => {
    const root = await client.call("GET", "/sites/root");
    expect(root.status).toBe(200);
    expect(root.json.root).toEqual({});
    expect((await client.call("GET", `/sites/${emulator.hostname}`)).json.id).toBe(root.json.id);
  });

  it("switches back to the resource model after a second colon", async () => {
    const lists = await client.call("GET", `/sites/${emulator.hostname}:/sites/nmirf:/lists`);
    expect(lists.status).toBe(200);
    expect(lists.json.value.map((l: { displayName: string }) => l.displayName)).toContain("Documents");
  });

  it("answers an unknown site with 404 itemNotFound in Graph's error envelope", async () => {
    const reply = await client.call("GET", `/sites/${emulator.hostname}:/sites/nowhere`, { headers: { "client-request-id": "abc-123" } });
    expect(reply.status).toBe(404);
    expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
    expect(reply.json.error.code).toBe("itemNotFound");
    expect(reply.json.error.innerError).toEqual({
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
      "request-id": reply.headers.get("request-id"),
      "client-request-id": "abc-123",
    });
  });
});

describe("authentication", () => {
  it("refuses a request without the bearer token with 401 InvalidAuthenticationToken", async () => {
    const reply = await client.call("GET", "/sites/root", { anonymous: true });
    expect(reply.status).toBe(401);
    expect(reply.json.error.code).toBe("InvalidAuthenticationToken");
    const wrong = await client.call("GET", "/sites/root", { anonymous: true, headers: { authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
  });

  it("refuses a list creation without the token and writes nothing", async () => {
    const site = freshSite();
    const reply = await client.call("POST", `/sites/${site.id}/lists`, { anonymous: true, body: { displayName: "Sneaky" } });
    expect(reply.status).toBe(401);
    expect((await client.call("GET", `/sites/${site.id}/lists/Sneaky`)).status).toBe(404);
  });
});

describe("lists", () => {
  it("creates a generic list with 201, its Title column and the columns given", async () => {
    const site = freshSite();
    const reply = await client.call("POST", `/sites/${site.id}/lists`, {
      body: { displayName: "Books", columns: [{ name: "Author", text: {} }, { name: "PageCount", number: {} }], list: { template: "genericList" } },
    });
    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({ displayName: "Books", name: "Books", list: { template: "genericList", hidden: false } });
    expect(reply.json.id).toMatch(/^[0-9a-f-]{36}$/);
    const columns = await client.call("GET", `/sites/${site.id}/lists/${reply.json.id}/columns`);
    const names = columns.json.value.map((c: { name: string }) => c.name);
    expect(names).toEqual(expect.arrayContaining(["Title", "Author", "Author0", "PageCount"]));
    expect(columns.json.value.find((c: { name: string }) => c.name === "Title")).toMatchObject({ required: true, text: { maxLength: 255 } });
  });

  it("finds a list by id and by title", async () => {
    const site = freshSite();
    const created = await client.call("POST", `/sites/${site.id}/lists`, { body: { displayName: "Focal Points" } });
    const byTitle = await client.call("GET", `/sites/${site.id}/lists/Focal Points`);
    expect(byTitle.status).toBe(200);
    expect(byTitle.json.id).toBe(created.json.id);
    expect(byTitle.json.webUrl).toBe(`${site.webUrl}/Lists/Focal%20Points`);
  });

  it("refuses a 'name' (2.4), a bad template and a missing displayName, creating nothing", async () => {
    const site = freshSite();
    const before = (await client.call("GET", `/sites/${site.id}/lists`)).json.value.length;
    const named = await client.call("POST", `/sites/${site.id}/lists`, { body: { name: "Books", displayName: "Books" } });
    expect(named.status).toBe(400);
    expect(named.json.error).toMatchObject({ code: "invalidRequest", message: expect.stringContaining("Instead, provide 'displayName'") });
    const template = await client.call("POST", `/sites/${site.id}/lists`, { body: { displayName: "Books", list: { template: "generic" } } });
    expect(template.status).toBe(400);
    expect(template.json.error.message).toBe("One of the provided arguments is not acceptable.");
    expect((await client.call("POST", `/sites/${site.id}/lists`, { body: {} })).status).toBe(400);
    expect((await client.call("GET", `/sites/${site.id}/lists`)).json.value).toHaveLength(before);
  });

  it("refuses a duplicate title with the default 409 nameAlreadyExists and SharePoint's message", async () => {
    const site = freshSite();
    expect((await client.call("POST", `/sites/${site.id}/lists`, { body: { displayName: "Reports" } })).status).toBe(201);
    const again = await client.call("POST", `/sites/${site.id}/lists`, { body: { displayName: "reports" } });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: "nameAlreadyExists", message: expect.stringContaining("with the specified title already exists") });
    const reports = (await client.call("GET", `/sites/${site.id}/lists`)).json.value.filter((l: { displayName: string }) => /reports/i.test(l.displayName));
    expect(reports).toHaveLength(1);
  });

  it("filters lists by displayName and refuses a filter it cannot honour rather than ignoring it", async () => {
    const site = freshSite();
    await client.call("POST", `/sites/${site.id}/lists`, { body: { displayName: "Women's Affairs" } });
    await client.call("POST", `/sites/${site.id}/lists`, { body: { displayName: "Other" } });
    const found = await client.call("GET", `/sites/${site.id}/lists?$filter=displayName eq 'Women''s Affairs'&$select=id,displayName`);
    expect(found.json.value).toEqual([{ "@odata.etag": expect.any(String), id: expect.any(String), displayName: "Women's Affairs" }]);
    const unsupported = await client.call("GET", `/sites/${site.id}/lists?$filter=startswith(displayName,'W')`);
    expect(unsupported.status).toBe(400);
    expect((await client.call("GET", `/sites/${site.id}/lists?$top=1`)).status).toBe(400);
  });

  it("hides the system User Information List unless system is selected", async () => {
    const site = freshSite();
    const plain = await client.call("GET", `/sites/${site.id}/lists`);
    expect(plain.json.value.map((l: { displayName: string }) => l.displayName)).not.toContain("User Information List");
    const withSystem = await client.call("GET", `/sites/${site.id}/lists?$select=id,displayName,system`);
    expect(withSystem.json.value.map((l: { displayName: string }) => l.displayName)).toContain("User Information List");
  });
});

describe("columns", () => {
  async function newList(siteId: string, columns: unknown[] = []) {
    const reply = await client.call("POST", `/sites/${siteId}/lists`, { body: { displayName: `List ${Math.random()}`, columns } });
    expect(reply.status).toBe(201);
    return reply.json.id as string;
  }

  it("creates every column type the product uses with 201 and returns their facets", async () => {
    const site = freshSite();
    const target = await newList(site.id);
    const listId = await newList(site.id);
    const definitions = [
      { name: "Notes", text: { allowMultipleLines: true } },
      { name: "Score", number: { decimalPlaces: "none", minimum: 0 } },
      { name: "Due", dateTime: { format: "dateOnly" }, indexed: true },
      { name: "Active", boolean: {} },
      { name: "Status", choice: { choices: ["open", "closed"] }, indexed: true },
      { name: "Themes", choice: { choices: ["a", "b"], displayAs: "checkBoxes" } },
      { name: "Ministry", lookup: { listId: target, columnName: "Title" }, indexed: true },
      { name: "Ministries", lookup: { listId: target, columnName: "Title", allowMultipleValues: true } },
      { name: "Owner", personOrGroup: {} },
      { name: "Key", text: {}, indexed: true, enforceUniqueValues: true, required: true },
      { name: "Secret", text: {}, hidden: true },
    ];
    for (const definition of definitions) {
      const reply = await client.call("POST", `/sites/${site.id}/lists/${listId}/columns`, { body: definition });
      expect(reply.status).toBe(201);
      expect(reply.json.name).toBe(definition.name);
    }
    const columns = (await client.call("GET", `/sites/${site.id}/lists/${listId}/columns`)).json.value as Record<string, unknown>[];
    const byName = (name: string) => columns.find((c) => c.name === name);
    expect(byName("Notes")).toMatchObject({ text: { allowMultipleLines: true } });
    expect(byName("Due")).toMatchObject({ indexed: true, dateTime: { format: "dateOnly" } });
    expect(byName("Ministry")).toMatchObject({ indexed: true, lookup: { listId: target, columnName: "Title", allowMultipleValues: false } });
    expect(byName("Key")).toMatchObject({ indexed: true, enforceUniqueValues: true, required: true });
    expect(byName("Secret")).toBeUndefined();
    const withHidden = (await client.call("GET", `/sites/${site.id}/lists/${listId}/columns?$select=name,hidden`)).json.value;
    expect(withHidden).toContainEqual({ name: "Secret", hidden: true });
  });

  it("encodes spaces in internal names as _x0020_", async () => {
    const site = freshSite();
    const listId = await newList(site.id);
    const reply = await client.call("POST", `/sites/${site.id}/lists/${listId}/columns`, { body: { name: "Due Date", dateTime: {} } });
    expect(reply.json).toMatchObject({ name: "Due_x0020_Date", displayName: "Due Date" });
  });

  it("refuses a duplicate column, a column without a type and a unique column without an index", async () => {
    const site = freshSite();
    const listId = await newList(site.id, [{ name: "Code", text: {} }]);
    const duplicate = await client.call("POST", `/sites/${site.id}/lists/${listId}/columns`, { body: { name: "code", number: {} } });
    expect(duplicate.status).toBe(400);
    const untyped = await client.call("POST", `/sites/${site.id}/lists/${listId}/columns`, { body: { name: "Nothing" } });
    expect(untyped.status).toBe(400);
    const unique = await client.call("POST", `/sites/${site.id}/lists/${listId}/columns`, { body: { name: "Ref", text: {}, enforceUniqueValues: true } });
    expect(unique.status).toBe(400);
    expect(unique.json.error.message).toContain("must be indexed");
    const names = (await client.call("GET", `/sites/${site.id}/lists/${listId}/columns`)).json.value.map((c: { name: string }) => c.name);
    expect(names.filter((n: string) => ["Nothing", "Ref"].includes(n) || n.toLowerCase() === "code")).toEqual(["Code"]);
  });

  it("indexes an existing column with PATCH", async () => {
    const site = freshSite();
    const listId = await newList(site.id, [{ name: "Code", text: {} }]);
    const columns = (await client.call("GET", `/sites/${site.id}/lists/${listId}/columns`)).json.value;
    const code = columns.find((c: { name: string }) => c.name === "Code");
    const patched = await client.call("PATCH", `/sites/${site.id}/lists/${listId}/columns/${code.id}`, { body: { indexed: true } });
    expect(patched.status).toBe(200);
    expect(patched.json.indexed).toBe(true);
    const filtered = await client.call("GET", `/sites/${site.id}/lists/${listId}/items?$filter=fields/Code eq 'x'`);
    expect(filtered.status).toBe(200);
  });
});

describe("unknown paths and methods", () => {
  it("answers an unknown segment with 400 BadRequest and a wrong method with 405", async () => {
    const unknown = await client.call("GET", "/nothing/here");
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe("BadRequest");
    const method = await client.call("DELETE", `/sites/${emulator.siteId()}`);
    expect(method.status).toBe(405);
  });
});
