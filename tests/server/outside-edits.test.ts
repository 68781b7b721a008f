/**
 * An edit made in SharePoint as a person would in Microsoft Lists, through the real server on a
 * Graph emulator that keeps its data on disk: the grid and the dashboard show it, the audit log
 * names the person once, a restart does not audit it again, and a refused delta place (410)
 * resyncs without auditing every row.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { GraphClient } from "../../graph/client/graph-client";
import { fieldKeyOf, listOfKind } from "../../graph/sharepoint/schema";
import type { SharePointListRepository } from "../../graph/sharepoint/list-repository";
import { localTestConfig, type ServerConfig } from "../../server/config/config";
import { startServer } from "../../server/main";
import { clientActingAs } from "../support/emulated-site";
import { ApiClient } from "./support/api-server";

const AMINA = { displayName: "Amina Diallo", email: "amina.diallo@contoso.example" };
const column = (field: string) => fieldKeyOf(listOfKind("recommendations").columns.find((c) => c.field === field)!);

interface AuditPage {
  items: { actorName: string; actorId: string; at: string; action: string; summary: string; changes: { field: string; from?: unknown; to?: unknown }[] }[];
}

let dataDir: string;
let config: ServerConfig;
const opened: ApiClient[] = [];
const clients: GraphClient[] = [];

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "nmirf-outside-"));
  const base = localTestConfig();
  config = { ...base, dataDir, graph: { ...base.graph, emulatorDataFile: path.join(dataDir, "graph.sqlite") } };
}, 120_000);
afterAll(async () => {
  for (const client of clients) await client.close();
  for (const api of opened) await api.server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

async function start(): Promise<ApiClient> {
  const api = new ApiClient(await startServer(config, { background: false }));
  opened.push(api);
  return api;
}

async function stop(api: ApiClient): Promise<void> {
  await api.server.stop();
  opened.splice(opened.indexOf(api), 1);
}

/** Amina's edit of a recommendation's fields, in SharePoint. */
async function editInLists(api: ApiClient, id: string, fields: Record<string, unknown>): Promise<void> {
  const amina = clientActingAs(api.server.emulator!, AMINA);
  clients.push(amina);
  const repository = api.repos.recommendations as unknown as SharePointListRepository<never>;
  await amina.api(`${repository.itemsQuery.path}/${id}/fields`).patch(fields);
}

async function auditOf(api: ApiClient, token: string, id: string): Promise<AuditPage["items"]> {
  const page = await api.call<AuditPage>("GET", `/api/audit?entity=recommendations&entityId=${id}&action=record.changedInSharePoint`, { token });
  expect(page.status).toBe(200);
  return page.body.items;
}

test("an edit made in Microsoft Lists reaches the grid and the dashboard, and is audited once, naming the person, across a restart and a resync", async () => {
  let api = await start();
  let secretariat = (await api.tokenFor("secretariat"))!;
  await api.server.changes.pullAll();

  const grid = await api.call<{ items: { id: string; cluster?: string; status: string }[] }>("GET", "/api/recommendations?pageSize=200", { token: secretariat });
  const target = grid.body.items.find((r) => r.status !== "implemented")!;
  const before = await api.call<{ recommendations: { byStatus: Record<string, number> } }>("GET", "/api/dashboard", { token: secretariat });

  await editInLists(api, target.id, { [column("cluster")]: "Edited in Lists", [column("status")]: "Implemented" });

  const after = await api.call<{ items: { id: string; cluster?: string; status: string }[] }>("GET", "/api/recommendations?pageSize=200", { token: secretariat });
  expect(after.body.items.find((r) => r.id === target.id)).toMatchObject({ cluster: "Edited in Lists", status: "implemented" });
  const dashboard = await api.call<{ recommendations: { byStatus: Record<string, number> } }>("GET", "/api/dashboard", { token: secretariat });
  expect(dashboard.body.recommendations.byStatus.implemented).toBe((before.body.recommendations.byStatus.implemented ?? 0) + 1);

  await api.server.changes.pullAll();
  const audited = await auditOf(api, secretariat, target.id);
  expect(audited).toHaveLength(1);
  expect(audited[0]).toMatchObject({ actorName: "Amina Diallo", actorId: `sharepoint:${AMINA.email}`, summary: expect.stringMatching(/^Changed in SharePoint by Amina Diallo/) });
  expect(audited[0]!.changes).toEqual(expect.arrayContaining([{ field: "cluster", from: target.cluster, to: "Edited in Lists" }, { field: "status", from: target.status, to: "implemented" }]));
  await api.server.changes.pullAll();
  expect(await auditOf(api, secretariat, target.id)).toHaveLength(1);

  // A restart: the leader's place was stored, the edit is not audited again.
  await stop(api);
  api = await start();
  secretariat = (await api.tokenFor("secretariat"))!;
  await api.server.changes.pullAll();
  expect(await auditOf(api, secretariat, target.id)).toHaveLength(1);

  // SharePoint forgets the place (410): the list is read again; only the new edit is audited, no other row.
  const repository = api.repos.recommendations as unknown as SharePointListRepository<never>;
  api.server.emulator!.expireDeltaTokens(repository.listId);
  await editInLists(api, target.id, { [column("cluster")]: "Edited again" });
  await api.server.changes.pullAll();
  const again = await auditOf(api, secretariat, target.id);
  expect(again).toHaveLength(2);
  expect(again.find((e) => e.changes.some((c) => c.to === "Edited again"))).toMatchObject({ actorName: "Amina Diallo" });
  const everyOutsideEdit = await api.call<AuditPage>("GET", "/api/audit?action=record.changedInSharePoint&pageSize=200", { token: secretariat });
  expect(everyOutsideEdit.body.items).toHaveLength(2);
}, 120_000);
