import { startGraphEmulator, type RunningGraphEmulator } from "./index";
import { testClient, type EmulatorTestClient } from "./test-client";

let emulator: RunningGraphEmulator;
let client: EmulatorTestClient;
let base: string;

beforeAll(async () => {
  emulator = await startGraphEmulator({ appId: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee" });
  client = testClient(emulator);
  const site = emulator.createSite();
  const list = await client.call("POST", `/sites/${site.id}/lists`, { body: { displayName: "Notes", columns: [{ name: "Body", text: {} }], list: { template: "genericList" } } });
  base = `/sites/${site.id}/lists/${list.json.id}`;
});
afterAll(async () => {
  await client.close();
  await emulator.stop();
});

const asPerson = (token: string) => ({ anonymous: true, headers: { authorization: `Bearer ${token}` } });

test("what the app writes names the application; what a person writes with their token names them, in the item and its versions", async () => {
  const created = await client.call("POST", `${base}/items`, { body: { fields: { Title: "by the app" } } });
  expect(created.json.lastModifiedBy).toEqual({ application: { id: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", displayName: "Microsoft Graph" }, user: { displayName: "SharePoint App" } });

  const token = emulator.tokenFor({ displayName: "Amina Diallo", email: "amina@contoso.example" });
  expect(emulator.tokenFor({ displayName: "Amina Diallo", email: "AMINA@contoso.example" })).toBe(token);
  const patched = await client.call("PATCH", `${base}/items/${created.json.id}/fields`, { body: { Body: "typed in Lists" }, ...asPerson(token) });
  expect(patched.status).toBe(200);
  const item = await client.call("GET", `${base}/items/${created.json.id}`);
  expect(item.json.lastModifiedBy.user).toMatchObject({ displayName: "Amina Diallo", email: "amina@contoso.example", id: expect.any(String) });
  expect(item.json.lastModifiedBy.application).toBeUndefined();
  expect(item.json.createdBy.application).toBeDefined();
  const versions = await client.call("GET", `${base}/items/${created.json.id}/versions`);
  expect(versions.json.value.map((v: { id: string; lastModifiedBy: { user: { displayName: string } } }) => [v.id, v.lastModifiedBy.user.displayName])).toEqual([
    ["2.0", "Amina Diallo"],
    ["1.0", "SharePoint App"],
  ]);
  expect((await client.call("GET", `${base}/items`, { anonymous: true, headers: { authorization: "Bearer not-a-token" } })).status).toBe(401);
});

test("a subscription needs an HTTPS notification URL, a list resource and changeType updated, and refuses what it cannot validate", async () => {
  const resource = base.slice(1);
  const expirationDateTime = new Date(Date.now() + 60 * 60_000).toISOString();
  const http = await client.call("POST", "/subscriptions", { body: { changeType: "updated", notificationUrl: "http://127.0.0.1:9/hook", resource, expirationDateTime, clientState: "s" } });
  expect(http.status).toBe(400);
  expect(http.json.error.message).toMatch(/HTTPS/);
  const created = await client.call("POST", "/subscriptions", { body: { changeType: "created", notificationUrl: "https://127.0.0.1:9/hook", resource, expirationDateTime } });
  expect(created.json.error.message).toMatch(/only 'updated'/);
  const tooLong = await client.call("POST", "/subscriptions", { body: { changeType: "updated", notificationUrl: "https://127.0.0.1:9/hook", resource, expirationDateTime: new Date(Date.now() + 31 * 24 * 60 * 60_000).toISOString() } });
  expect(tooLong.json.error.message).toMatch(/42300 minutes/);
  const unreachable = await client.call("POST", "/subscriptions", { body: { changeType: "updated", notificationUrl: "https://127.0.0.1:9/hook", resource, expirationDateTime } });
  expect(unreachable.status).toBe(400);
  expect(unreachable.json.error.message).toMatch(/validation request failed/);
  const notAList = await client.call("POST", "/subscriptions", { body: { changeType: "updated", notificationUrl: "https://127.0.0.1:9/hook", resource: "sites/nowhere/lists/none", expirationDateTime } });
  expect(notAList.status).toBe(404);
  expect(emulator.subscriptions()).toEqual([]);
  expect((await client.call("PATCH", "/subscriptions/unknown", { body: { expirationDateTime } })).status).toBe(404);
});
