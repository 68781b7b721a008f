import path from "node:path";
import type * as RunLocalModule from "../../server/local/run-local";
import type * as TabBuildModule from "../../server/local/tab-build";
import { createLogger, startServer } from "../../server/main";
import { type Command, parseCommandArgs, USAGE_EXIT_CODE } from "../command";
import { readConfigOrExplain } from "../config-from-cli";

const USAGE = `nmirf start [--port <n>] [--playground-port <n>] [--no-playground] [--tenant]

Starts the NMIRF add-in.

Local mode (the default, what \`npm start\` runs): builds the tab when its sources changed, then
runs in one process tree the Graph emulator (data in .data/, kept across restarts), the server
(API, the bot's /api/messages, the tab, the local sign-in on loopback) with the demo data seeded
once, and Microsoft's Agents Playground for a ministry's focal point and for the chair (a chat
with the bot as each; --no-playground leaves them out). It prints the addresses to open.

--tenant starts in tenant mode (Entra ID sign-in, the tenant's SharePoint site, the tab built
beforehand with npm run build); its settings come from the environment or
env/.env.{NMIRF_ENV}[.user] (see docs/server.md). Ctrl-C stops everything cleanly.`;

function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

export const startCommand: Command = {
  name: "start",
  summary: "run the product: locally (emulator, server, bot, tab, Agents Playground) or in tenant mode",
  usage: USAGE,
  async run(args) {
    const parsed = parseCommandArgs(args, { port: { type: "string" }, "playground-port": { type: "string" }, "no-playground": { type: "boolean" }, tenant: { type: "boolean" } }, USAGE);
    if (!parsed) return USAGE_EXIT_CODE;
    const values = parsed.values;
    const config = readConfigOrExplain({ ...(values.port !== undefined ? { PORT: values.port } : {}), ...(values.tenant ? { NMIRF_MODE: "tenant" } : {}) });
    if (!config) return 2;

    if (config.mode === "tenant") {
      const server = await startServer(config);
      console.log(`NMIRF server (tenant mode): ${server.url}`);
      console.log("Press Ctrl-C to stop.");
      await untilStopped();
      await server.stop();
      return 0;
    }

    const playgroundPort = values["playground-port"] === undefined ? undefined : Number(values["playground-port"]);
    if (playgroundPort !== undefined && !(Number.isInteger(playgroundPort) && playgroundPort >= 0 && playgroundPort < 65536)) {
      console.error(`--playground-port must be a port number (got '${values["playground-port"]}')`);
      return 2;
    }
    // Local mode only: the Agents Playground and the tab's build (Vite) are development tools.
    /* eslint-disable @typescript-eslint/no-require-imports -- on demand, so that tenant mode loads neither */
    const { ensureTabBuilt } = require("../../server/local/tab-build") as typeof TabBuildModule;
    const { runLocal } = require("../../server/local/run-local") as typeof RunLocalModule;
    /* eslint-enable @typescript-eslint/no-require-imports */
    console.log("Checking the tab's build…");
    const build = ensureTabBuilt();
    if (build.built) console.log(`Built the tab in ${(build.ms / 1000).toFixed(1)} s.`);
    console.log("Starting the Graph emulator, the server and the Agents Playground…");
    const logFile = path.join(config.dataDir, "nmirf.log");
    const run = await runLocal({ config, personas: values["no-playground"] ? [] : undefined, playgroundPort, logger: createLogger(config, logFile) });
    console.log("\nThe NMIRF add-in runs locally:\n");
    for (const line of run.addresses()) console.log(line);
    console.log(`Logs:           ${logFile}`);
    console.log("\nPress Ctrl-C to stop.");
    await untilStopped();
    console.log("Stopping…");
    await run.stop();
    return 0;
  },
};
