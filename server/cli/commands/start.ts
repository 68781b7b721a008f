import { parseArgs } from "node:util";
import { startServer } from "../../main";
import type { Command } from "../command";
import { readConfigOrExplain } from "../config-from-cli";

const USAGE = `nmirf start [--port <n>] [--tenant]

Starts the NMIRF server: the API for the tab, the bot's /api/messages and the built tab.
Local mode (the default) also runs the Graph emulator (data in .data/, kept across restarts),
seeds the demo data once and serves the local sign-in on loopback. --tenant starts in tenant
mode (Entra ID sign-in, the tenant's SharePoint site); its settings come from the environment
or env/.env.{NMIRF_ENV}[.user] (see docs/server.md). Ctrl-C stops it gracefully.`;

export const startCommand: Command = {
  name: "start",
  summary: "start the server (local mode: with the Graph emulator, demo data and local sign-in)",
  usage: USAGE,
  async run(args) {
    let values;
    try {
      ({ values } = parseArgs({ args, options: { port: { type: "string" }, tenant: { type: "boolean" } }, strict: true, allowPositionals: false }));
    } catch (error) {
      console.error(`${error instanceof Error ? error.message : String(error)}\n\nUsage: ${USAGE}`);
      return 2;
    }
    const config = readConfigOrExplain({ ...(values.port !== undefined ? { PORT: values.port } : {}), ...(values.tenant ? { NMIRF_MODE: "tenant" } : {}) });
    if (!config) return 2;
    const server = await startServer(config);
    console.log(`NMIRF server (${config.mode} mode): ${server.url}`);
    console.log(`  API description: ${server.url}/api/openapi.json`);
    if (config.mode === "local") console.log(`  local sign-in:   ${server.url}/local-auth/personas (POST /local-auth/token {"persona": id})`);
    console.log("Press Ctrl-C to stop.");
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolve();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    await server.stop();
    return 0;
  },
};
