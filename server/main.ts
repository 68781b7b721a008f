/**
 * The composition root (DESIGN.md): reads nothing itself, receives the configuration, and wires
 * core with the Graph adapters, the bot and the draft renderer; serves the API, /api/messages,
 * the local sign-in (local mode) and the built tab.
 *
 *   const server = await startServer(configFromEnvironment(environmentWithFiles()));
 *   console.log(server.url); … await server.stop();
 */
import { mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pino, { type Logger } from "pino";
import type { AppInstaller } from "../core/ports/app-installer";
import { systemClock, type Clock } from "../core/ports/clock";
import type { Directory } from "../core/ports/directory";
import type { DocumentStore } from "../core/ports/document-store";
import type { Repositories } from "../core/ports/repository";
import { StaticDirectory } from "../core/in-memory/fakes";
import type { UseCaseDeps } from "../core/ports/use-case-deps";
import { createBot, type Bot } from "../bot/create-bot";
import { fileHostsFor } from "../bot/files/download";
import { DocxDraftRenderer, LibreOfficePdfConverter, readCustomProperties, TEMPLATE_MAX_BYTES, validateTemplate } from "../drafts";
import { GraphAppInstaller } from "../graph/entra/app-installer";
import { GraphDirectory } from "../graph/entra/directory";
import type { RunningGraphEmulator } from "../graph/emulator";
import { readImportFile, readImportTable } from "../importers";
import { profileTable } from "../core/import";
import { ActorResolver } from "./auth/actors";
import { LocalIssuer } from "./auth/local-issuer";
import { TokenValidator } from "./auth/token-validator";
import type { ServerConfig } from "./config/config";
import { DEMO_PERSONAS } from "../demo/personas";
import { seedDemo } from "../demo/seed";
import { ImportSessions } from "./api/import-sessions";
import { InMemoryImportSessionStore } from "../core/in-memory/import-session-store";
import { SOLE_INSTANCE } from "../core/ports/leadership";
import { openAzureStorage, type AzureStorage } from "../storage/azure-storage";
import { ConfigError } from "./config/config";
import { graphCheck, leaderCheck, Readiness, stateCheck, storageCheck, type ReadinessCheck } from "./http/readiness";
import { LeaderElection } from "./leadership/leader-election";
import { createTelemetry, type RunningTelemetry } from "./telemetry/create-telemetry";
import type { ApiServices } from "./api/services";
import { createApp } from "./http/app";
import { openBackend } from "./wiring/backend";
import { OperationsRecovery } from "./wiring/operations-recovery";
import { ChangeTracking } from "./wiring/change-tracking";
import { ChangeNotifications } from "./wiring/change-notifications";
import { graphNotificationRoute, NOTIFICATIONS_PATH } from "./http/graph-notifications";
import { ListSubscriptions } from "../graph/sharepoint/list-subscriptions";
import type { SharePointListRepository } from "../graph/sharepoint/list-repository";
import { InMemoryChangeTokenStore, type ChangeTokenStore } from "../core/ports/change-tokens";
import { FileChangeTokenStore } from "../storage/file-change-token-store";
import { packageVersion } from "./runtime/version";

export interface StartOptions {
  /** Start the bot's outbox sender and reminder scheduler (default true; API tests turn them off to read the store back undisturbed). */
  background?: boolean;
  clock?: Clock;
  logger?: Logger;
  /** How the bot gets the app installed for someone it cannot reach yet (local mode: the Agents Playground's personas). */
  installer?: AppInstaller;
  /** How long a started operation may go without progress before it is finished by someone else (tests shorten it). */
  operationLeaseMs?: number;
  /** Telemetry made by the caller (tests: in-memory exporters); otherwise as the configuration says. */
  telemetry?: RunningTelemetry;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:3978 */
  url: string;
  port: number;
  config: ServerConfig;
  /** The repositories behind the API (tests read the store back through them). */
  repos: Repositories;
  /** The document libraries behind the API (tests put files there as a person in SharePoint would). */
  documents: DocumentStore;
  /** Local mode: the emulator this process runs, when it runs one. */
  emulator?: RunningGraphEmulator;
  /** Changes made outside the app: `pullAll` reads them now (what the timer and the notifications do). */
  changes: { pullAll(): Promise<void>; settled(): Promise<void> };
  /** Whether this instance leads (the reminder run, the outbox recovery). */
  leadership: { isLeader(): boolean };
  bot: Bot;
  logger: Logger;
  /** Reads the lists the grid and the dashboard show, so that the first person to open them does not wait for it. */
  warmUp(): Promise<void>;
  /** Starts what `background: false` left off: the leader election, the bot's sender and scheduler, the warm-up. */
  startBackground(): void;
  /** Stops taking requests, lets those in flight and the outbox's sends in flight finish, then closes everything. */
  stop(): Promise<void>;
}


/** Structured logs (pino): to standard output, or to a file (the local run keeps the console for people). */
export function createLogger(config: ServerConfig, file?: string): Logger {
  const options = {
    level: config.logLevel,
    base: { service: "nmirf", mode: config.mode },
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", "*.accessToken", "*.password", "*.clientSecret"], censor: "[redacted]" },
  };
  return file ? pino(options, pino.destination({ dest: file, mkdir: true, sync: false })) : pino(options);
}

/** Local mode's people: the demo personas and their app roles. */
function localDirectory(): Directory {
  return new StaticDirectory(DEMO_PERSONAS.map((p) => ({ id: p.id, displayName: p.displayName, email: p.email, roles: p.roles })));
}

/** Without an installer (no Agents Playground), local mode reaches only people who opened a chat with the bot: there is no app catalog to install from. */
const localInstaller: AppInstaller = { installForUser: async () => "impossible" };

/** Where the leader's change feeds keep their place: the Storage account, a folder next to a store that outlives the process, or memory. */
function changeTokenStore(config: ServerConfig, storage: AzureStorage | undefined): ChangeTokenStore {
  if (storage) return storage.changeTokens;
  if (config.graph.emulatorDataFile === ":memory:") return new InMemoryChangeTokenStore();
  return new FileChangeTokenStore(path.join(config.dataDir, "change-feed"));
}

/** Where the outbox notes accepted sends: next to a store that outlives the process (none for an in-memory emulator). */
function receiptLogPath(config: ServerConfig): string | undefined {
  if (config.graph.emulatorDataFile === ":memory:") return undefined;
  mkdirSync(config.dataDir, { recursive: true });
  return path.join(config.dataDir, "outbox-receipts.log");
}

export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const startedAt = Date.now();
  let state: "starting" | "ok" | "stopping" = "starting";
  const background = options.background ?? config.background;
  if (config.mode === "tenant" && !config.storage) {
    throw new ConfigError(["AZURE_STORAGE_CONNECTION_STRING: required to run the server in tenant mode (its instances share the leader's lease and the import previews there; infra/azure.bicep sets it)"]);
  }
  if (config.testEndpoints) logger.warn({ testEndpoints: { graph: config.testEndpoints.graph?.endpoint, jwks: config.testEndpoints.jwksUrl } }, "tenant mode against test stand-ins (NMIRF_TEST_*): never in a deployment");

  const telemetry = options.telemetry ?? createTelemetry(config);
  const storage: AzureStorage | undefined = config.storage ? openAzureStorage(config.storage.connectionString) : undefined;
  const backend = await openBackend(config, { telemetry: telemetry.telemetry }).catch(async (error: unknown) => {
    await telemetry.shutdown().catch(() => undefined);
    throw error;
  });
  // One leader across the instances runs the reminders and the outbox recovery; a process without a Storage account is the only instance.
  const election = storage ? new LeaderElection({ lease: storage.leaderLease(config.instanceId, config.leader.leaseSeconds), logger: logger.child({ component: "leader" }) }) : undefined;
  let server: Server | undefined;
  try {
    logger.info({ store: backend.description }, "opened the mechanism's site");
    const directory: Directory =
      config.mode === "local" ? localDirectory() : new GraphDirectory(backend.client, { clientId: config.signIn.clientId });
    const installer: AppInstaller =
      options.installer ?? (config.mode === "local" || !config.bot.teamsAppCatalogId ? localInstaller : new GraphAppInstaller(backend.client, config.bot.teamsAppCatalogId));
    const deps: UseCaseDeps = { repos: backend.repos, clock, directory, documents: backend.documents, renderer: new DocxDraftRenderer(), rules: config.rules, views: backend.views };

    if (config.seedDemo) {
      const seeded = await seedDemo(deps, { timeZone: config.timeZone });
      if (seeded.seeded) logger.info(seeded, "seeded the demo data");
      for (const warning of seeded.warnings) logger.warn(warning);
    }

    // Listen first: the local issuer's address (and so its tokens' issuer) is the server's own.
    // Until the app is wired (a moment after listening), every call is answered 503 "starting".
    let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
      res.writeHead(503, { "content-type": "application/json", "retry-after": "1" });
      res.end(JSON.stringify({ status: "starting", mode: config.mode, uptimeSeconds: 0 }));
    };
    const listening = createServer((req, res) => handle(req, res));
    // When the last call (a load balancer's probes aside) arrived: a stopping instance waits for the calls to stop.
    let lastCallAt = 0;
    listening.on("request", (req: { url?: string }) => {
      const path = (req.url ?? "").split("?")[0];
      if (path !== "/readyz" && path !== "/healthz") lastCallAt = Date.now();
    });
    server = listening;
    listening.requestTimeout = 120_000;
    listening.headersTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      listening.once("error", reject);
      listening.listen(config.port, config.host, () => {
        listening.off("error", reject);
        resolve();
      });
    });
    const port = (listening.address() as AddressInfo).port;
    const hostForUrl = config.host.includes(":") ? `[${config.host}]` : config.host === "0.0.0.0" ? "127.0.0.1" : config.host;
    const url = `http://${hostForUrl}:${port}`;

    let signIn = config.signIn;
    let localSignIn: ApiServices["localSignIn"];
    if (config.mode === "local") {
      const issuer = await LocalIssuer.create({ issuer: `${url}/local-auth`, audience: config.signIn.audiences[0]!, tenantId: config.signIn.tenantId });
      signIn = { ...signIn, issuers: [issuer.issuer], jwksUrl: `${url}/local-auth/.well-known/jwks.json` };
      localSignIn = { issuer, personas: DEMO_PERSONAS };
    }
    const tokens = new TokenValidator({ jwksUrl: signIn.jwksUrl!, issuers: signIn.issuers, audiences: signIn.audiences, tenants: signIn.tenants });

    const bot = createBot({
      repos: backend.repos,
      clock,
      directory,
      documents: backend.documents,
      installer,
      rules: config.rules,
      // Local mode has no SharePoint: the approval card's Open in Word opens the local stand-in for Word.
      draftLink: config.mode === "local" ? (draft) => `${url}/word/local.html?draftId=${encodeURIComponent(draft.id)}` : undefined,
      config: {
        appId: config.bot.id,
        appPassword: config.bot.password,
        ...(config.mode === "tenant" ? { tenantId: config.signIn.tenantId } : {}),
        timeZone: config.timeZone,
        // Files sent in the chat come only from the tenant's SharePoint and OneDrive hosts and Teams' own (no loopback, also in local mode).
        files: { allowedHosts: fileHostsFor("id" in config.graph.site ? config.graph.site.id.split(",")[0] : config.graph.site.hostname, config.bot.fileHosts) },
        // The moment the connector accepts a message it is noted, before SharePoint is told: a
        // crash in between cannot make a sender send it again (docs/bot.md). With a Storage account
        // the receipts are blobs every instance reads; without one, a file next to the data.
        // Teams' send rate is the app's, not an instance's: each takes its share (docs/deploy.md).
        // A claim outlives any send: a send gives up (its timeout, plus the sender's 5 s margin) well before another instance may take the card over.
        outbox: {
          receiptLogPath: storage ? undefined : receiptLogPath(config),
          sendingInstances: config.sendingInstances,
          globalRatePerSecond: config.outbox.ratePerSecond,
          claimLeaseMs: config.outbox.claimLeaseSeconds * 1000,
          sendTimeoutMs: Math.min(30_000, (config.outbox.claimLeaseSeconds * 1000) / 3),
        },
      },
      logger: logger.child({ component: "bot" }),
      leadership: election ?? SOLE_INSTANCE,
      receipts: storage?.receipts,
      telemetry: telemetry.telemetry,
    });

    // Looked for once, now: /api/me says whether drafts come as PDF, and should not wait for soffice --version.
    const pdf = new LibreOfficePdfConverter(config.pdf);
    void pdf.available();
    const services: ApiServices = {
      deps,
      actors: new ActorResolver(deps),
      imports: new ImportSessions(storage?.importSessions ?? new InMemoryImportSessionStore(), () => clock.now()),
      readImport: (bytes, o) => readImportFile(bytes, { fileName: o.fileName, format: o.format, mechanism: o.mechanism as never, documentSymbol: o.documentSymbol, session: o.session, mapping: o.mapping, limits: { maxFileBytes: o.maxFileBytes } }),
      readImportTable: async (bytes, o) => {
        const read = await readImportTable(bytes, { fileName: o.fileName, sheet: o.sheet, headerRow: o.headerRow, limits: { maxFileBytes: o.maxFileBytes } });
        return read && { ...profileTable(read.table), headerRow: read.headerRow, warnings: read.warnings, ...(read.sheet ? { sheet: read.sheet, sheets: read.sheets } : {}) };
      },
      checkTemplate: async (bytes) => {
        const check = await validateTemplate(bytes);
        return { placeholders: [...check.placeholders], notes: check.notes };
      },
      templateMaxBytes: TEMPLATE_MAX_BYTES,
      readDocumentProperties: readCustomProperties,
      pdf,
      config: { ...config, signIn },
      version: packageVersion(),
      localSignIn,
    };
    const checks: ReadinessCheck[] = [stateCheck(() => state), graphCheck(() => backend.client.api(`/sites/${backend.siteId}`).select("id").get())];
    if (storage) checks.push(storageCheck(() => storage.check()));
    let backgroundStarted = false;
    // An instance without background work (a staging slot) takes no part in the election: nothing to wait for.
    if (election) checks.push(leaderCheck(() => (backgroundStarted ? election.status() : { role: "none" })));
    // Graph's change notifications pull the feeds at once; the leader subscribes to each list (docs/graph.md).
    const notifications = config.changes.notifications;
    const listIds = Object.values(backend.repos).map((repository) => (repository as unknown as SharePointListRepository<never>).listId).filter((id) => id !== (backend.repos.audit as unknown as SharePointListRepository<never>).listId);
    const notificationUrl = notifications ? (notifications.url ?? `${url}${NOTIFICATIONS_PATH}`) : undefined;
    const subscriptions = notifications
      ? new ListSubscriptions(backend.client, { siteId: backend.siteId, listIds, notificationUrl: notificationUrl!, lifecycleNotificationUrl: notificationUrl!, clientState: notifications.clientState, now: () => clock.now() })
      : undefined;
    const changes = new ChangeTracking({
      client: backend.client,
      repos: backend.repos,
      tokens: changeTokenStore(config, storage),
      ownAppIds: [...new Set([config.signIn.clientId, ...(config.graph.credentials ? [config.graph.credentials.clientId] : [])])],
      viewFeeds: backend.viewFeeds,
      leadership: election ?? SOLE_INSTANCE,
      intervalMs: config.changes.pollSeconds * 1000,
      logger: logger.child({ component: "changes" }),
      subscriptions,
      onChanged: (list) => {
        if (list === "focalPoints") services.actors.forget();
      },
    });
    const changeNotifications = subscriptions ? new ChangeNotifications({ tracking: changes, subscriptions, leadership: election ?? SOLE_INSTANCE, logger: logger.child({ component: "notifications" }) }) : undefined;
    const app = createApp({
      services,
      tokens,
      logger,
      readiness: new Readiness(checks),
      telemetry: telemetry.telemetry,
      botHandler: (req, res) => bot.handleMessages(req, res),
      graphNotifications:
        notifications && changeNotifications
          ? graphNotificationRoute({
              clientState: notifications.clientState,
              bodyLimitBytes: config.limits.bodyBytes,
              onNotifications: (received) => changeNotifications.handle(received),
              onRefused: (reason) => logger.warn({ reason }, "refused a change notification: its clientState is not ours"),
              onFailed: (error) => logger.warn({ error: error instanceof Error ? error.message : String(error) }, "could not act on a change notification; the timer reads the changes"),
            })
          : undefined,
      afterWrite: () => bot.sender.kick(),
      state: () => state,
      startedAt,
    });
    handle = app;

    const warmUp = async () => {
      const started = Date.now();
      await Promise.all([backend.views.recommendations.all(), backend.views.requests.all()]).then(
        () => logger.info({ ms: Date.now() - started }, "read the recommendations and requests for the grid and the dashboard"),
        (error: unknown) => logger.warn({ error: error instanceof Error ? error.message : String(error) }, "could not read the lists ahead of the first visitor"),
      );
    };
    const recovery = new OperationsRecovery(deps, { logger: logger.child({ component: "recovery" }), onQueued: () => bot.sender.kick(), leaseMs: options.operationLeaseMs, leadership: election ?? SOLE_INSTANCE });
    const startBackground = () => {
      backgroundStarted = true;
      election?.start();
      bot.start();
      recovery.start();
      changes.start();
      void warmUp();
    };
    if (background) startBackground();
    state = "ok";
    logger.info({ url, mode: config.mode }, "the NMIRF server is listening");

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        state = "stopping";
        logger.info("stopping: finishing the requests and sends in flight");
        // Still answering while /readyz says 503, so that a probing load balancer stops sending
        // calls here before the port closes (a call it sent to a closing port would be reset):
        // the drain, then as long as calls still arrive (a busy balancer probes late), until none
        // came for half a drain, at most ten drains in all.
        if (config.shutdownDrainMs > 0) {
          const drainStarted = Date.now();
          const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
          await sleep(config.shutdownDrainMs);
          const quietMs = Math.max(100, config.shutdownDrainMs / 2);
          while (Date.now() - lastCallAt < quietMs && Date.now() - drainStarted < config.shutdownDrainMs * 10) await sleep(50);
        }
        const closed = new Promise<void>((resolve) => listening.close(() => resolve()));
        listening.closeIdleConnections();
        const grace = new Promise<void>((resolve) => setTimeout(resolve, config.shutdownGraceMs).unref());
        await Promise.race([closed, grace]);
        listening.closeAllConnections();
        await recovery.stop();
        await changeNotifications?.settled();
        await changes.stop();
        await bot.stop();
        // After the bot: the reminder run in progress finishes as the leader, then the lease is released for another instance.
        await election?.stop();
        await backend.close();
        await telemetry.shutdown().catch((error: unknown) => logger.warn({ error: String(error) }, "the telemetry could not send its last records"));
        logger.info("stopped");
      })());

    return { url, port, config: services.config, repos: backend.repos, documents: backend.documents, emulator: backend.emulator, changes: { pullAll: () => changes.pullAll(), settled: async () => { await changeNotifications?.settled(); await changes.settled(); } }, bot, logger, leadership: election ?? SOLE_INSTANCE, warmUp, startBackground, stop };
  } catch (error) {
    server?.close();
    await election?.stop().catch(() => undefined);
    await backend.close().catch(() => undefined);
    await telemetry.shutdown().catch(() => undefined);
    throw error;
  }
}
