import { StaticTokenProvider } from "../../graph/client/auth";
import { createGraphClient, type GraphClient } from "../../graph/client/graph-client";
import type { RetryOptions } from "../../graph/client/retry-policy";
import { startGraphEmulator, type GraphEmulatorOptions, type RunningGraphEmulator } from "../../graph/emulator";
import { openSharePointStore, type SharePointStore } from "../../graph/sharepoint/open-store";

/** Fast retries for tests: the emulator's Retry-After of 0 s, and short backoffs. */
export const FAST_RETRIES: Partial<RetryOptions> = { baseDelayMs: 5, maxDelayMs: 50, maxRetries: 12 };

export interface EmulatedSite {
  emulator: RunningGraphEmulator;
  client: GraphClient;
  siteId: string;
  /** The site opened and provisioned as the product opens it. */
  open(): Promise<SharePointStore>;
  stop(): Promise<void>;
}

/** Someone who edits the lists in SharePoint (Microsoft Lists, Excel), not through the app. */
export interface SharePointPerson {
  displayName: string;
  email: string;
}

/**
 * A Graph client acting as a person (the emulator's delegated token for them): what it writes
 * carries `lastModifiedBy.user` = that person, as an edit made in Microsoft Lists does.
 */
export function clientActingAs(emulator: RunningGraphEmulator, person: SharePointPerson): GraphClient {
  return createGraphClient({ endpoint: emulator.origin, auth: new StaticTokenProvider(emulator.tokenFor(person)), trustedCa: emulator.caCertificate, retry: FAST_RETRIES });
}

/** An emulator with a fresh site and a Graph client that trusts it, as tests need them. */
export async function startEmulatedSite(options: GraphEmulatorOptions & { retry?: Partial<RetryOptions> } = {}): Promise<EmulatedSite> {
  const { retry, ...emulatorOptions } = options;
  const emulator = await startGraphEmulator(emulatorOptions);
  const client = createGraphClient({ endpoint: emulator.origin, auth: new StaticTokenProvider(emulator.accessToken), trustedCa: emulator.caCertificate, retry: { ...FAST_RETRIES, ...retry } });
  const site = emulator.createSite();
  return {
    emulator,
    client,
    siteId: site.id,
    open: () => openSharePointStore(client, { id: site.id }, { provision: true }),
    async stop() {
      await client.close();
      await emulator.stop();
    },
  };
}
