/**
 * The store the command line writes to: the local Graph emulator in local mode, the tenant's
 * SharePoint site in tenant mode. The wiring does not exist yet; it lands with the server's
 * configuration. Until then `openStore` throws StoreNotConfiguredError, which commands that can
 * work without a store (e.g. `nmirf import --dry-run`) recognize.
 *
 * Whoever implements it: keep throwing StoreNotConfiguredError when no store is configured, so
 * that a dry run still works; any other failure (sign-in, network) should be its own error.
 */
import type { Actor } from "../../core/auth/policy";
import type { Clock } from "../../core/ports/clock";
import type { Repositories } from "../../core/ports/repository";

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
  constructor() {
    super("No store is configured yet: the command line cannot reach the mechanism's lists (local emulator or tenant site) until the server's configuration lands.");
    this.name = "StoreNotConfiguredError";
  }
}

export async function openStore(): Promise<OpenedStore> {
  throw new StoreNotConfiguredError();
}
