/**
 * Opens the mechanism's data: the SharePoint site through Microsoft Graph, the same adapters in
 * both modes. Tenant mode reaches graph.microsoft.com with the app's credentials (app-only,
 * Sites.Selected on the site). Local mode reaches the Graph emulator:
 *
 * - with an in-memory data file (tests), an emulator of its own, nothing on disk;
 * - otherwise the emulator that owns the data file (`.data/graph.sqlite`): only one process may
 *   open the SQLite file. A running owner (`npx nmirf emulator`, a running server, a CLI command)
 *   publishes `graph-emulator.json` next to it (its origin, token and certificate); whoever comes
 *   next connects to that emulator instead of opening the file. With no live owner, this process
 *   takes the file's lock (`graph.sqlite.lock`, created exclusively, with its pid), starts the
 *   emulator in-process and publishes the connection until it closes.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DocumentStore } from "../../core/ports/document-store";
import type { Repositories } from "../../core/ports/repository";
import type { RecommendationFields } from "../../core/recommendations/recommendation";
import type { RequestFields } from "../../core/requests/request";
import { ClientCredentialsProvider, StaticTokenProvider } from "../../graph/client/auth";
import { createGraphClient, type GraphClient } from "../../graph/client/graph-client";
import type { GraphTelemetry } from "../../graph/client/middleware";
import { CONNECTION_FILE, readConnection, removeConnection, writeConnection } from "../../graph/emulator/connection";
import type * as GraphEmulatorModule from "../../graph/emulator";
import type { RunningGraphEmulator } from "../../graph/emulator";
import type { SharePointListRepository } from "../../graph/sharepoint/list-repository";
import { openSharePointStore } from "../../graph/sharepoint/open-store";
import { describeProvisionReport, type ProvisionReport } from "../../graph/sharepoint/provision";
import type { ServerConfig } from "../config/config";
import { DeltaRecordsView, type RecordsView } from "../api/records-view";
import type { ListChangeFeed } from "../../graph/sharepoint/change-feed";

export interface Backend {
  repos: Repositories;
  documents: DocumentStore;
  client: GraphClient;
  siteId: string;
  views: { recommendations: RecordsView<RecommendationFields>; requests: RecordsView<RequestFields> };
  /** The change feeds the views follow (a notification or the timer pulls them). */
  viewFeeds: ListChangeFeed<never>[];
  /** Where the data is, for messages. */
  description: string;
  provisioned?: ProvisionReport;
  /** The emulator this process runs (local mode), if it runs one. */
  emulator?: RunningGraphEmulator;
  close(): Promise<void>;
}

export interface OpenBackendOptions {
  /** Create what is missing on the site (lists, columns, indexes). Local mode always does. */
  provision?: boolean;
  /** Where each Graph call and retry is reported. */
  telemetry?: GraphTelemetry;
}

export async function openBackend(config: ServerConfig, options: OpenBackendOptions = {}): Promise<Backend> {
  return config.mode === "local" ? openLocal(config, options) : openTenant(config, options);
}

async function openTenant(config: ServerConfig, options: OpenBackendOptions): Promise<Backend> {
  const credentials = config.graph.credentials!;
  const standIn = config.testEndpoints?.graph;
  const client = standIn
    ? createGraphClient({ endpoint: standIn.endpoint, auth: new StaticTokenProvider(standIn.token), trustedCa: standIn.caFile ? readFileSync(standIn.caFile, "utf8") : undefined, telemetry: options.telemetry })
    : createGraphClient({ endpoint: config.graph.endpoint, auth: new ClientCredentialsProvider(credentials), telemetry: options.telemetry });
  try {
    const store = await openSharePointStore(client, config.graph.site, { provision: options.provision ?? false });
    const where = "id" in config.graph.site ? `site ${config.graph.site.id}` : `https://${config.graph.site.hostname}${config.graph.site.path}`;
    return assemble(client, store, where, async () => client.close());
  } catch (error) {
    await client.close();
    throw error;
  }
}

async function openLocal(config: ServerConfig, options: OpenBackendOptions): Promise<Backend> {
  const dataFile = config.graph.emulatorDataFile ?? ":memory:";
  const site = "id" in config.graph.site ? undefined : config.graph.site;
  if (dataFile !== ":memory:") {
    const running = await connectToRunningEmulator(config, dataFile, options);
    if (running) return running;
  }
  const { startGraphEmulator } = loadGraphEmulator();
  const release = dataFile === ":memory:" ? () => undefined : takeLock(dataFile);
  let emulator: RunningGraphEmulator | undefined;
  try {
    // The emulator's app-only token stands for the app's client id, as a tenant's does (its writes are the app's own).
    emulator = await startGraphEmulator({ dataFile, port: config.graph.emulatorPort, hostname: site?.hostname, sites: site ? [site.path] : undefined, appId: config.signIn.clientId, notifications: { allowHttpLoopback: true } });
    const connectionFile = dataFile === ":memory:" ? undefined : (await writeConnection(emulator, path.dirname(dataFile))).file;
    const client = createGraphClient({ endpoint: emulator.origin, auth: new StaticTokenProvider(emulator.accessToken), trustedCa: emulator.caCertificate, telemetry: options.telemetry });
    const owned = emulator;
    const store = await openSharePointStore(client, config.graph.site, { provision: true });
    const backend = assemble(client, store, dataFile === ":memory:" ? "the local Graph emulator (in memory)" : `the local Graph emulator (${path.relative(process.cwd(), dataFile) || dataFile})`, async () => {
      await client.close();
      if (connectionFile) removeConnection(connectionFile);
      await owned.stop();
      release();
    });
    return { ...backend, emulator: owned };
  } catch (error) {
    await emulator?.stop().catch(() => undefined);
    release();
    throw error;
  }
}

/**
 * The Graph emulator and its SQLite (better-sqlite3, a native addon) and certificate maker
 * (selfsigned) are development dependencies: they are loaded here, in local mode only, so that
 * a production install (`npm ci --omit=dev`) runs tenant mode without them.
 */
function loadGraphEmulator(): typeof GraphEmulatorModule {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand: local mode only (see above)
    return require("../../graph/emulator") as typeof GraphEmulatorModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND") {
      throw new Error(`local mode runs the Graph emulator, which needs the development dependencies (npm ci, without --omit=dev): ${(error as Error).message.split("\n")[0]}. A production install runs tenant mode only (NMIRF_MODE=tenant).`);
    }
    throw error;
  }
}

/** The emulator another live process runs on the data file, if any. */
async function connectToRunningEmulator(config: ServerConfig, dataFile: string, options: OpenBackendOptions): Promise<Backend | undefined> {
  const file = path.join(path.dirname(dataFile), CONNECTION_FILE);
  if (!existsSync(file)) return undefined;
  let connection: ReturnType<typeof readConnection>;
  try {
    connection = readConnection(file);
  } catch {
    return undefined;
  }
  if (!isAlive(connection.pid)) return undefined;
  const client = createGraphClient({ endpoint: connection.origin, auth: new StaticTokenProvider(connection.accessToken), trustedCa: connection.caCertificate, retry: { maxRetries: 1 }, telemetry: options.telemetry });
  try {
    const store = await openSharePointStore(client, config.graph.site, { provision: true });
    return assemble(client, store, `the local Graph emulator at ${connection.origin} (run by process ${connection.pid})`, async () => client.close());
  } catch {
    await client.close();
    return undefined;
  }
}

function assemble(client: GraphClient, store: Awaited<ReturnType<typeof openSharePointStore>>, description: string, close: () => Promise<void>): Backend {
  const repos = store.repositories;
  const recommendations = new DeltaRecordsView(client, repos.recommendations as unknown as SharePointListRepository<never>);
  const requests = new DeltaRecordsView(client, repos.requests as unknown as SharePointListRepository<never>);
  return {
    repos,
    documents: store.documents,
    client,
    siteId: store.siteId,
    views: {
      recommendations: recommendations as unknown as RecordsView<RecommendationFields>,
      requests: requests as unknown as RecordsView<RequestFields>,
    },
    viewFeeds: [recommendations.feed, requests.feed],
    description,
    provisioned: store.provisioned,
    close,
  };
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the data file's lock (exclusive create); a lock whose process is gone is taken over. Returns the release. */
function takeLock(dataFile: string): () => void {
  mkdirSync(path.dirname(dataFile), { recursive: true });
  const lock = `${dataFile}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx", mode: 0o600 });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lock, "utf8").trim());
      if (isAlive(holder)) {
        throw new Error(`${dataFile} is in use by process ${holder}, and it publishes no emulator to connect to. Stop it, or remove ${lock} if that process is not ours.`);
      }
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`could not lock ${dataFile}`);
}

export { describeProvisionReport };
