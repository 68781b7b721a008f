import path from "node:path";
import { faultsFromEnv, startGraphEmulator, type FaultConfig } from "../../graph/emulator";
import { removeConnection, writeConnection } from "../../graph/emulator/connection";
import { type Command, parseCommandArgs, USAGE_EXIT_CODE, usageProblem } from "../command";

const USAGE = `nmirf emulator [--port <n>] [--data <file.sqlite> | --memory] [--site <path>]... [--token <token>]

Runs the local Microsoft Graph emulator (HTTPS on 127.0.0.1, mounted at /v1.0) in the
foreground until Ctrl-C. Data goes to --data (default .data/graph.sqlite, kept across
restarts) or stays in memory with --memory. Prints the base URL and the bearer token, and
writes the certificate to trust and a connection file (graph-emulator.json) next to the data.
--site (repeatable) names the sites to create when missing (default /sites/nmirf). Use a fixed
--port when clients keep deltaLinks or uploadUrls across restarts: they carry the port.

Environment: GRAPH_EMULATOR_PORT, GRAPH_EMULATOR_DATA, GRAPH_EMULATOR_TOKEN, and fault
injection with GRAPH_EMULATOR_THROTTLE_RATE, GRAPH_EMULATOR_UNAVAILABLE_RATE,
GRAPH_EMULATOR_RETRY_AFTER, GRAPH_EMULATOR_LATENCY_MS, GRAPH_EMULATOR_RU_PER_MINUTE,
GRAPH_EMULATOR_SEED (see docs/graph-emulator.md).`;

/** `nmirf emulator`: the Graph emulator in the foreground, for local runs and benchmarks. */
export const emulatorCommand: Command = {
  name: "emulator",
  summary: "run the local Microsoft Graph emulator (HTTPS, SQLite) until Ctrl-C",
  usage: USAGE,
  async run(args) {
    const parsed = parseCommandArgs(
      args,
      {
        port: { type: "string" },
        data: { type: "string" },
        memory: { type: "boolean" },
        site: { type: "string", multiple: true },
        token: { type: "string" },
      },
      USAGE,
    );
    if (!parsed) return USAGE_EXIT_CODE;
    const options = parsed.values;
    const env = process.env;
    const portText = options.port ?? env.GRAPH_EMULATOR_PORT ?? "0";
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      return usageProblem(`The port must be a number from 0 to 65535 (got '${portText}').`, USAGE);
    }
    if (options.memory && options.data) {
      return usageProblem("Choose --data or --memory, not both.", USAGE);
    }
    const dataFile = options.memory ? ":memory:" : (options.data ?? env.GRAPH_EMULATOR_DATA ?? path.join(".data", "graph.sqlite"));
    const directory = dataFile === ":memory:" ? ".data" : path.dirname(dataFile);

    let faults: FaultConfig;
    try {
      faults = faultsFromEnv(env);
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      return 2;
    }
    const token = options.token ?? env.GRAPH_EMULATOR_TOKEN;
    const emulator = await startGraphEmulator({
      port,
      dataFile,
      faults,
      ...(options.site ? { sites: options.site } : {}),
      ...(token ? { accessToken: token } : {}),
    });
    const connection = await writeConnection(emulator, directory);
    console.log(`Graph emulator: ${emulator.baseUrl}`);
    console.log(`  bearer token:  ${emulator.accessToken}`);
    console.log(`  certificate:   ${connection.caFile} (trust it in your client only)`);
    console.log(`  connection:    ${connection.file}`);
    console.log(`  data:          ${dataFile === ":memory:" ? "in memory (lost on exit)" : path.resolve(dataFile)}`);
    console.log(`  sites:         ${emulator.sites().map((s) => `${s.path} (${s.id})`).join(", ")}`);
    if (Object.keys(faults).length > 0) console.log(`  faults:        ${JSON.stringify(faults)}`);
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
    removeConnection(connection.file);
    await emulator.stop();
    console.log("Graph emulator stopped.");
    return 0;
  },
};
