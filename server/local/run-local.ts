/**
 * The whole product on one machine (`npm start`): the server in local mode (the Graph emulator
 * with data kept in .data/, the demo data seeded once, the API, the bot, the built tab, the local
 * sign-in) and one Microsoft 365 Agents Playground per persona to chat with the bot as them.
 */
import { createServer } from "node:net";
import path from "node:path";
import type { Logger } from "pino";
import type { Clock } from "../../core/ports/clock";
import type { ServerConfig } from "../config/config";
import { DEMO_PERSONAS, type Persona } from "../../demo/personas";
import { startServer, type RunningServer } from "../main";
import { RunningPlayground } from "./playground";
import { PlaygroundInstaller } from "./playground-installer";
import { startAzurite } from "./azurite";

/** The personas who get a Playground by default: a ministry's technical focal point, and the chair. */
export const DEFAULT_PLAYGROUND_PERSONAS: readonly Persona[] = [
  DEMO_PERSONAS.find((p) => p.focalPoint?.ministry === "Ministry of Justice" && p.focalPoint.role === "technical")!,
  DEMO_PERSONAS.find((p) => p.roles.includes("Chair"))!,
];

export interface LocalRunOptions {
  config: ServerConfig;
  /** Who gets a Playground; none to run without them. */
  personas?: readonly Persona[];
  /** The first Playground's port (the others follow); 0 picks free ports. Default 56150, or free ports when taken. */
  playgroundPort?: number;
  clock?: Clock;
  logger?: Logger;
  /** Start Azurite for the Storage account (default true, unless the configuration names one). */
  azurite?: boolean;
}

export interface LocalRun {
  server: RunningServer;
  playgrounds: RunningPlayground[];
  /** What to open, in words and addresses. */
  addresses(): string[];
  stop(): Promise<void>;
}

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

export async function runLocal(options: LocalRunOptions): Promise<LocalRun> {
  const { config } = options;
  if (config.mode !== "local") throw new Error("runLocal runs local mode only");
  const personas = options.personas ?? DEFAULT_PLAYGROUND_PERSONAS;
  const installer = new PlaygroundInstaller();
  // Azurite stands in for the Storage account (the leader's lease, the import previews, the outbox's receipts), as the emulator does for SharePoint.
  const azurite = config.storage || options.azurite === false ? undefined : await startAzurite({ location: path.join(config.dataDir, "azurite") });
  const withStorage: ServerConfig = azurite ? { ...config, storage: { connectionString: azurite.connectionString } } : config;
  // The bot's sender waits until the Playgrounds are up: their personas can then be reached.
  const server = await startServer(withStorage, { background: false, installer, clock: options.clock, logger: options.logger }).catch(async (error: unknown) => {
    await azurite?.stop();
    throw error;
  });
  const playgrounds: RunningPlayground[] = [];
  try {
    const firstPort = options.playgroundPort ?? 56150;
    for (const [index, persona] of personas.entries()) {
      const wanted = firstPort === 0 ? 0 : firstPort + index;
      const port = wanted !== 0 && (await isFree(wanted)) ? wanted : 0;
      const playground = await RunningPlayground.start(
        { id: persona.id, name: persona.displayName, email: persona.email },
        { botEndpoint: `${server.url}/api/messages`, port, directory: path.join(config.dataDir, "playground", persona.id) },
      );
      playgrounds.push(playground);
      installer.register(playground);
      // Local mode's stand-in for a channel's token: the bot takes activities only from the connectors started here.
      server.bot.trustConnector(playground.serviceUrl);
    }
    // Each start of a Playground is a new Bot Connector: installing tells the bot where the chat is now.
    for (const playground of playgrounds) await playground.install();
    server.startBackground();
  } catch (error) {
    await Promise.all(playgrounds.map((p) => p.stop()));
    await server.stop();
    await azurite?.stop();
    throw error;
  }

  return {
    server,
    playgrounds,
    addresses() {
      const lines = [
        `The tab:        ${server.url}/  (sign in as any persona: secretariat, chair, a focal point, an observer)`,
        ...DEMO_PERSONAS.filter((p) => p.roles.length || p.focalPoint?.role === "technical")
          .slice(0, 8)
          .map((p) => `  as ${p.displayName.padEnd(22)} ${server.url}/?persona=${p.id}  (${p.description})`),
        `The bot, in the Agents Playground (a chat as each persona):`,
        ...playgrounds.map((p) => `  ${p.persona.name.padEnd(25)} ${p.url}`),
        `The API:        ${server.url}/api/openapi.json`,
        ...(azurite ? [`Storage:        Azurite at ${azurite.blobEndpoint} (the leader's lease, the import previews, the outbox's receipts)`] : []),
        `Data:           ${config.dataDir} (kept across restarts; delete it to start afresh)`,
      ];
      return lines;
    },
    async stop() {
      await server.stop();
      await Promise.all(playgrounds.map((p) => p.stop()));
      await azurite?.stop();
    },
  };
}
