/**
 * The composition root (DESIGN.md): reads nothing itself, receives the configuration, and wires
 * core with the Graph adapters, the bot and the draft renderer; serves the API, /api/messages,
 * the local sign-in (local mode) and the built tab.
 *
 *   const server = await startServer(configFromEnvironment(environmentWithFiles()));
 *   console.log(server.url); … await server.stop();
 */
import { mkdirSync, readFileSync } from "node:fs";
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
import { DocxDraftRenderer, TEMPLATE_MAX_BYTES, validateTemplate } from "../drafts";
import { GraphAppInstaller } from "../graph/entra/app-installer";
import { GraphDirectory } from "../graph/entra/directory";
import type { RunningGraphEmulator } from "../graph/emulator";
import { readImportFile } from "../importers";
import { ActorResolver } from "./auth/actors";
import { LocalIssuer } from "./auth/local-issuer";
import { TokenValidator } from "./auth/token-validator";
import type { ServerConfig } from "./config/config";
import { DEMO_PERSONAS } from "../demo/personas";
import { seedDemo } from "../demo/seed";
import { ImportSessions } from "./api/import-sessions";
import type { ApiServices } from "./api/services";
import { createApp } from "./http/app";
import { openBackend } from "./wiring/backend";
import { OperationsRecovery } from "./wiring/operations-recovery";

export interface StartOptions {
  /** Start the bot's outbox sender and reminder scheduler (default true; API tests turn them off to read the store back undisturbed). */
  background?: boolean;
  clock?: Clock;
  logger?: Logger;
  /** How the bot gets the app installed for someone it cannot reach yet (local mode: the Agents Playground's personas). */
  installer?: AppInstaller;
  /** How long a started operation may go without progress before it is finished by someone else (tests shorten it). */
  operationLeaseMs?: number;
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
  bot: Bot;
  logger: Logger;
  /** Reads the lists the grid and the dashboard show, so that the first person to open them does not wait for it. */
  warmUp(): Promise<void>;
  /** Stops taking requests, lets those in flight and the outbox's sends in flight finish, then closes everything. */
  stop(): Promise<void>;
}

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
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

  const backend = await openBackend(config);
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
      config: {
        appId: config.bot.id,
        appPassword: config.bot.password,
        ...(config.mode === "tenant" ? { tenantId: config.signIn.tenantId } : {}),
        timeZone: config.timeZone,
        // Files sent in the chat come only from the tenant's SharePoint and OneDrive hosts and Teams' own (no loopback, also in local mode).
        files: { allowedHosts: fileHostsFor("id" in config.graph.site ? config.graph.site.id.split(",")[0] : config.graph.site.hostname, config.bot.fileHosts) },
        // The moment the connector accepts a message it is noted here, before SharePoint is told:
        // a crash in between cannot make the restarted sender send it again (docs/bot.md).
        outbox: { receiptLogPath: receiptLogPath(config) },
      },
      logger: logger.child({ component: "bot" }),
    });

    const services: ApiServices = {
      deps,
      actors: new ActorResolver(deps),
      imports: new ImportSessions(() => clock.now()),
      readImport: (bytes, o) => readImportFile(bytes, { fileName: o.fileName, format: o.format, mechanism: o.mechanism as never, documentSymbol: o.documentSymbol, session: o.session, mapping: o.mapping, limits: { maxFileBytes: o.maxFileBytes } }),
      checkTemplate: async (bytes) => {
        const check = await validateTemplate(bytes);
        return { placeholders: [...check.placeholders], notes: check.notes };
      },
      templateMaxBytes: TEMPLATE_MAX_BYTES,
      config: { ...config, signIn },
      version: packageVersion(),
      localSignIn,
    };
    const app = createApp({
      services,
      tokens,
      logger,
      botHandler: (req, res) => bot.handleMessages(req, res),
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
    const recovery = new OperationsRecovery(deps, { logger: logger.child({ component: "recovery" }), onQueued: () => bot.sender.kick(), leaseMs: options.operationLeaseMs });
    if (options.background ?? true) {
      bot.start();
      recovery.start();
      void warmUp();
    }
    state = "ok";
    logger.info({ url, mode: config.mode }, "the NMIRF server is listening");

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        state = "stopping";
        logger.info("stopping: finishing the requests and sends in flight");
        const closed = new Promise<void>((resolve) => listening.close(() => resolve()));
        listening.closeIdleConnections();
        const grace = new Promise<void>((resolve) => setTimeout(resolve, config.shutdownGraceMs).unref());
        await Promise.race([closed, grace]);
        listening.closeAllConnections();
        await recovery.stop();
        await bot.stop();
        await backend.close();
        logger.info("stopped");
      })());

    return { url, port, config: services.config, repos: backend.repos, documents: backend.documents, emulator: backend.emulator, bot, logger, warmUp, stop };
  } catch (error) {
    server?.close();
    await backend.close().catch(() => undefined);
    throw error;
  }
}
