/**
 * Graph's change notifications on loopback: the real server (local mode, with a clientState) and
 * the Graph emulator's subscriptions. The leader subscribes to every list through the validation
 * handshake; an edit a person makes in SharePoint is notified, answered 202, and audited without
 * waiting for the timer; a notification with a wrong clientState is refused and does nothing;
 * lifecycle notifications renew, resync and subscribe anew.
 */
import type { GraphClient } from "../../graph/client/graph-client";
import type { SharePointListRepository } from "../../graph/sharepoint/list-repository";
import { fieldKeyOf, listOfKind } from "../../graph/sharepoint/schema";
import { localTestConfig } from "../../server/config/config";
import { startServer } from "../../server/main";
import { clientActingAs } from "../support/emulated-site";
import { ApiClient } from "./support/api-server";

const CLIENT_STATE = "nmirf-test-client-state-0123456789";
const AMINA = { displayName: "Amina Diallo", email: "amina.diallo@contoso.example" };

let api: ApiClient;
let amina: GraphClient;
let secretariat: string;
let recommendationsList: string;

beforeAll(async () => {
  const base = localTestConfig();
  api = new ApiClient(await startServer({ ...base, changes: { ...base.changes, notifications: { clientState: CLIENT_STATE } } }, { background: false }));
  secretariat = (await api.tokenFor("secretariat"))!;
  amina = clientActingAs(api.server.emulator!, AMINA);
  recommendationsList = (api.repos.recommendations as unknown as SharePointListRepository<never>).listId;
  // What the timer does first: subscribe (the handshake reaches this server) and take the lists' places.
  await api.server.changes.pullAll();
}, 60_000);
afterAll(async () => {
  await amina.close();
  await api.server.stop();
});

const subscriptionOf = (listId: string) => api.server.emulator!.subscriptions().find((s) => s.resource.endsWith(`/lists/${listId}`));
const settle = async () => {
  await api.server.emulator!.notificationsSettled();
  await new Promise((resolve) => setTimeout(resolve, 20));
  await api.server.changes.settled();
};
const notify = (body: unknown) => api.call("POST", "/api/graph/notifications", { body });

test("the server answers Graph's validation handshake with the token, as text/plain", async () => {
  const response = await api.call("POST", `/api/graph/notifications?validationToken=${encodeURIComponent("Validation: Testing client application reachability")}`, { raw: "", contentType: "text/plain" });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
  expect(response.text).toBe("Validation: Testing client application reachability");
});

test("the leader subscribed to every list but the audit log, with changeType updated and the clientState", () => {
  const audit = (api.repos.audit as unknown as SharePointListRepository<never>).listId;
  const subscriptions = api.server.emulator!.subscriptions();
  expect(subscriptions.length).toBeGreaterThan(10);
  expect(subscriptions.every((s) => s.changeType === "updated" && s.clientState === CLIENT_STATE)).toBe(true);
  expect(subscriptions.some((s) => s.resource.endsWith(audit))).toBe(false);
  expect(subscriptionOf(recommendationsList)).toBeDefined();
});

test("an edit made in SharePoint is notified and audited at once, naming the person, without the timer", async () => {
  const [target] = (await api.repos.recommendations.query({ top: 1 })).items;
  const cluster = fieldKeyOf(listOfKind("recommendations").columns.find((c) => c.field === "cluster")!);
  await amina.api(`/sites/${api.server.emulator!.siteId()}/lists/${recommendationsList}/items/${target!.id}/fields`).patch({ [cluster]: "Notified from Lists" });
  await settle();
  const audit = await api.call<{ items: { actorName: string; changes: { field: string; to?: unknown }[] }[] }>("GET", `/api/audit?entityId=${target!.id}&action=record.changedInSharePoint`, { token: secretariat });
  expect(audit.body.items).toHaveLength(1);
  expect(audit.body.items[0]).toMatchObject({ actorName: "Amina Diallo", changes: [{ field: "cluster", to: "Notified from Lists" }] });
});

test("a notification is answered 202; one with a wrong clientState is refused with 403 and reads nothing; a body that is no notification is 400", async () => {
  const subscription = subscriptionOf(recommendationsList)!;
  const notification = { subscriptionId: subscription.id, changeType: "updated", resource: subscription.resource, tenantId: "t", subscriptionExpirationDateTime: subscription.expirationDateTime };
  expect((await notify({ value: [{ ...notification, clientState: CLIENT_STATE }] })).status).toBe(202);
  await settle();

  api.server.emulator!.resetCounters();
  const refused = await notify({ value: [{ ...notification, clientState: "not-the-secret-at-all-0000" }] });
  expect(refused.status).toBe(403);
  expect((await notify({ value: [{ ...notification }] })).status).toBe(403);
  await settle();
  expect(api.server.emulator!.counters().requests).toBe(0);

  expect((await notify({ value: "nothing" })).status).toBe(400);
  expect((await notify({ value: [] })).status).toBe(400);
});

test("lifecycle notifications: reauthorizationRequired renews, missed reads the list again without auditing it, subscriptionRemoved subscribes anew", async () => {
  const emulator = api.server.emulator!;
  const before = subscriptionOf(recommendationsList)!;
  emulator.resetCounters();
  await emulator.sendLifecycleNotification(before.id, "reauthorizationRequired");
  await settle();
  expect(emulator.counters().byKind["subscriptions.patch"]).toBe(1);
  expect(Date.parse(subscriptionOf(recommendationsList)!.expirationDateTime)).toBeGreaterThanOrEqual(Date.parse(before.expirationDateTime));

  const audited = async () => (await api.call<{ items: unknown[] }>("GET", "/api/audit?action=record.changedInSharePoint&pageSize=200", { token: secretariat })).body.items.length;
  const auditedBefore = await audited();
  emulator.resetCounters();
  await emulator.sendLifecycleNotification(before.id, "missed");
  await settle();
  // Both of the list's feeds (the grid's and the leader's audit) read it whole again.
  expect(emulator.counters().byKind.delta).toBeGreaterThanOrEqual(2);
  expect(await audited()).toBe(auditedBefore);

  await emulator.sendLifecycleNotification(before.id, "subscriptionRemoved");
  await settle();
  const renewed = subscriptionOf(recommendationsList);
  expect(renewed).toBeDefined();
  expect(renewed!.id).not.toBe(before.id);
});
