/**
 * The store the command line writes to: the mechanism's SharePoint site through Microsoft Graph,
 * as the server reaches it (server/wiring/backend.ts).
 *
 * - Local mode: the Graph emulator's data in .data/. Only one process may open that SQLite
 *   file, so when a server (or `npx nmirf emulator`) is running on it the command talks to that
 *   process's emulator over HTTPS (it publishes .data/graph-emulator.json); when none runs, the
 *   command takes the file's lock and runs the emulator in-process for its duration.
 * - Tenant mode: the site of GRAPH_SITE_HOSTNAME + GRAPH_SITE_PATH (or GRAPH_SITE_ID) with the
 *   app's credentials (AAD_TENANT_ID, AAD_CLIENT_ID, AAD_CLIENT_SECRET).
 *
 * `openStore` throws StoreNotConfiguredError when tenant mode is chosen but not configured, so
 * that a dry run still works; any other failure (sign-in, network) is its own error.
 */
import os from "node:os";
import type { Actor } from "../core/auth/policy";
import type { Clock } from "../core/ports/clock";
import type { Repositories } from "../core/ports/repository";
import { ConfigError, configFromEnvironment } from "../server/config/config";
import { environmentWithFiles } from "../server/config/env-files";
import { openBackend } from "../server/wiring/backend";

export interface OpenedStore {
  repositories: Repositories;
  /** Who the command acts as (audit entries name them). */
  actor: Actor;
  /** Defaults to the system clock. */
  clock?: Clock;
  /** Where the data is, for messages ("the local emulator", "https://contoso.sharepoint.com/sites/nmirf"). */
  description?: string;
  close(): Promise<void>;
}

export class StoreNotConfiguredError extends Error {
  readonly code = "store_not_configured" as const;
  constructor(detail = "No store is configured: the command line cannot reach the mechanism's lists (local emulator or tenant site).") {
    super(detail);
    this.name = "StoreNotConfiguredError";
  }
}

/**
 * The person running the command. The command line acts with the app's own access to the
 * site (the administrator who holds its configuration), as the secretariat and administrator.
 */
export function commandLineActor(): Actor {
  let name = "unknown";
  try {
    name = os.userInfo().username || name;
  } catch {
    // no user database (a container): keep "unknown"
  }
  return { userId: `cli:${name}`.slice(0, 128), displayName: `${name} (command line)`.slice(0, 255), roles: ["Secretariat", "Admin"], ministryIds: [] };
}

export async function openStore(env: Record<string, string | undefined> = process.env): Promise<OpenedStore> {
  let config;
  try {
    config = configFromEnvironment({ ...environmentWithFiles(env as NodeJS.ProcessEnv), SEED_DEMO: "false" });
  } catch (error) {
    if (error instanceof ConfigError) throw new StoreNotConfiguredError(`No store is configured: ${error.problems.join("; ")}. See docs/server.md.`);
    throw error;
  }
  const backend = await openBackend(config);
  return { repositories: backend.repos, actor: commandLineActor(), description: backend.description, close: () => backend.close() };
}
