/**
 * Microsoft's Azurite (the npm package `azurite`), standing in for the Azure Storage account
 * on this machine as the Graph emulator stands in for SharePoint: its Blob service on loopback,
 * on a free port, its data in a folder (.data/azurite for `npm start`), telemetry off (nothing
 * leaves the machine). It runs as a child process that ends with its parent.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";

/** Azurite's built-in development account (public, documented by Microsoft: it opens nothing but the emulator). */
const DEV_ACCOUNT = "devstoreaccount1";
const DEV_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface RunningAzurite {
  blobEndpoint: string;
  connectionString: string;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  /** Where it keeps its data. */
  location: string;
  /** 0 (default): a free port. */
  port?: number;
}

// Ends Azurite when its parent goes away (the IPC channel closes), even if the parent was killed.
const LAUNCHER = `
process.on("disconnect", () => process.exit(0));
const main = process.argv[1];
process.argv = [process.argv[0], ...process.argv.slice(1)];
require(main);
`;

const LISTENING = /successfully listens on (http:\/\/127\.0\.0\.1:(\d+))/;

export async function startAzurite(options: AzuriteOptions): Promise<RunningAzurite> {
  let main: string;
  try {
    main = require.resolve("azurite/dist/src/blob/main.js");
  } catch {
    throw new Error("Azurite (the local stand-in for Azure Storage) is a development dependency: run npm ci without --omit=dev, or set AZURE_STORAGE_CONNECTION_STRING");
  }
  mkdirSync(options.location, { recursive: true });
  const args = ["--blobHost", "127.0.0.1", "--blobPort", String(options.port ?? 0), "--location", options.location, "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose"];
  const child: ChildProcess = spawn(process.execPath, ["-e", LAUNCHER, main, ...args], { cwd: options.location, stdio: ["ignore", "pipe", "pipe", "ipc"] });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (match) {
        child.stdout!.off("data", onData);
        resolve(Number(match[2]));
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`Azurite stopped before it listened (exit ${code}):\n${output.slice(-2000)}`)));
    child.once("error", reject);
  });
  // Its output is not needed once it listens; keep reading so that its pipes never fill.
  child.stdout!.resume();
  child.stderr!.resume();
  child.unref();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  child.channel?.unref();
  const blobEndpoint = `http://127.0.0.1:${port}/${DEV_ACCOUNT}`;
  let stopping: Promise<void> | undefined;
  return {
    blobEndpoint,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=${blobEndpoint};`,
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        // Azurite closes its connections first; one held open must not keep it (and its caller) waiting.
        setTimeout(() => child.kill("SIGKILL"), 3_000).unref();
      })),
  };
}
