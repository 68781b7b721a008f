/**
 * The shared repository suite against a real Microsoft 365 tenant: `npm run test:live` with
 * GRAPH_LIVE_TENANT_ID, GRAPH_LIVE_CLIENT_ID, GRAPH_LIVE_CLIENT_SECRET and GRAPH_LIVE_SITE
 * (`contoso.sharepoint.com:/sites/nmirf-test`) set. It provisions the lists on that site (use a
 * test site: records are never deleted). See docs/graph.md.
 */
import { describeRepositoryContract } from "../../core/testing/repository-contract";
import { ClientCredentialsProvider } from "../client/auth";
import { createGraphClient, type GraphClient } from "../client/graph-client";
import { openSharePointStore, type SharePointStore } from "./open-store";

const env = process.env;
const missing = ["GRAPH_LIVE_TENANT_ID", "GRAPH_LIVE_CLIENT_ID", "GRAPH_LIVE_CLIENT_SECRET", "GRAPH_LIVE_SITE"].filter((name) => !env[name]);
if (missing.length) throw new Error(`npm run test:live needs ${missing.join(", ")} (see docs/graph.md)`);

let client: GraphClient;
let store: SharePointStore;

describeRepositoryContract("SharePoint lists on a real tenant", {
  async setup() {
    client = createGraphClient({
      auth: new ClientCredentialsProvider({ tenantId: env.GRAPH_LIVE_TENANT_ID!, clientId: env.GRAPH_LIVE_CLIENT_ID!, clientSecret: env.GRAPH_LIVE_CLIENT_SECRET! }),
    });
    const [hostname, path] = env.GRAPH_LIVE_SITE!.split(":");
    store = await openSharePointStore(client, { hostname: hostname!, path: path ?? "/" }, { provision: true });
    return store.repositories;
  },
  async teardown() {
    await client?.close();
  },
});
