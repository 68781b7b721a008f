/**
 * How another process finds a running emulator: `npx nmirf emulator` writes the CA certificate
 * and a small JSON file (base URL, token, where the certificate is) next to its data file.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { RunningGraphEmulator } from "./index";

export interface EmulatorConnection {
  baseUrl: string;
  origin: string;
  host: string;
  port: number;
  accessToken: string;
  /** The tenant host in site ids (e.g. contoso.sharepoint.com). */
  hostname: string;
  /** Path of the PEM certificate a client must trust. */
  caFile: string;
  /** The id of the first configured site. */
  siteId: string;
  pid: number;
}

export const CONNECTION_FILE = "graph-emulator.json";
export const CA_FILE = "graph-emulator-ca.pem";

/** Writes `graph-emulator-ca.pem` and `graph-emulator.json` into a directory; returns the connection. */
export async function writeConnection(emulator: RunningGraphEmulator, directory: string): Promise<EmulatorConnection & { file: string }> {
  await mkdir(directory, { recursive: true });
  const caFile = path.resolve(directory, CA_FILE);
  writeFileSync(caFile, emulator.caCertificate);
  const connection: EmulatorConnection = {
    baseUrl: emulator.baseUrl,
    origin: emulator.origin,
    host: emulator.host,
    port: emulator.port,
    accessToken: emulator.accessToken,
    hostname: emulator.hostname,
    caFile,
    siteId: emulator.siteId(),
    pid: process.pid,
  };
  const file = path.resolve(directory, CONNECTION_FILE);
  // Only the owner may read the token.
  writeFileSync(file, `${JSON.stringify(connection, null, 2)}\n`, { mode: 0o600 });
  return { ...connection, file };
}

export function readConnection(file: string): EmulatorConnection & { caCertificate: string } {
  const connection = JSON.parse(readFileSync(file, "utf8")) as EmulatorConnection;
  return { ...connection, caCertificate: readFileSync(connection.caFile, "utf8") };
}

export function removeConnection(file: string): void {
  rmSync(file, { force: true });
}
