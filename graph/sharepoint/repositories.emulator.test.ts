import { describeRepositoryContract } from "../../core/testing/repository-contract";
import { createGraphClient, type GraphClient } from "../client/graph-client";
import { StaticTokenProvider } from "../client/auth";
import { startGraphEmulator, type RunningGraphEmulator } from "../emulator";
import { openSharePointStore, type SharePointStore } from "./open-store";
import { fieldKeyOf, SITE_SCHEMA } from "./schema";

let emulator: RunningGraphEmulator;
let client: GraphClient;
let store: SharePointStore;
let siteId: string;

describeRepositoryContract("SharePoint lists on the Graph emulator", {
  async setup() {
    emulator = await startGraphEmulator();
    client = createGraphClient({ endpoint: emulator.origin, auth: new StaticTokenProvider(emulator.accessToken), trustedCa: emulator.caCertificate });
    const site = emulator.createSite();
    siteId = site.id;
    store = await openSharePointStore(client, { id: site.id }, { provision: true });
    return store.repositories;
  },
  async editAsPerson(name, id, values) {
    const list = SITE_SCHEMA.find((l) => l.kind === name)!;
    const stored = Object.fromEntries(
      Object.entries(values).map(([field, value]) => {
        const column = list.columns.find((c) => c.field === field)!;
        // The emulator keeps a lookup as the target's id under the column's own name.
        return column.kind.type === "lookup" ? [column.name, value === null ? null : Number(value)] : [fieldKeyOf(column), value];
      }),
    );
    emulator.editItemAsPerson(siteId, list.title, id, stored);
  },
  async injectFault(fault) {
    emulator.setFaults({ script: [fault === "concurrent-change" ? { status: 409, kind: "list-items.update" } : { status: 403 }] });
  },
  async teardown() {
    await client?.close();
    await emulator?.stop();
  },
});
