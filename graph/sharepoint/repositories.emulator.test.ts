import { describeRepositoryContract } from "../../core/testing/repository-contract";
import { createGraphClient, type GraphClient } from "../client/graph-client";
import { StaticTokenProvider } from "../client/auth";
import { startGraphEmulator, type RunningGraphEmulator } from "../emulator";
import { openSharePointStore, type SharePointStore } from "./open-store";

let emulator: RunningGraphEmulator;
let client: GraphClient;
let store: SharePointStore;

describeRepositoryContract("SharePoint lists on the Graph emulator", {
  async setup() {
    emulator = await startGraphEmulator();
    client = createGraphClient({ endpoint: emulator.origin, auth: new StaticTokenProvider(emulator.accessToken), trustedCa: emulator.caCertificate });
    const site = emulator.createSite();
    store = await openSharePointStore(client, { id: site.id }, { provision: true });
    return store.repositories;
  },
  async teardown() {
    await client?.close();
    await emulator?.stop();
  },
});
