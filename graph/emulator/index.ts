/**
 * The local Microsoft Graph emulator: HTTPS on 127.0.0.1, mounted at `/v1.0`, SharePoint sites,
 * lists, items, drives and `$batch` as graph-contract.md describes them, data in SQLite.
 * See docs/graph-emulator.md.
 *
 *   const emulator = await startGraphEmulator({ dataFile: ":memory:" });
 *   // trust emulator.caCertificate in your client only; call emulator.baseUrl + "/sites/…"
 *   await emulator.stop();
 */
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { EmulatorContext } from "./context";
import type { EmulatorCounters } from "./counters";
import { GraphHttpError, notFound } from "./errors";
import { FaultInjector } from "./faults";
import { addSiteUser, createSite as createSiteRow, normalizeSitePath } from "./model/lists";
import { editItemUnchecked } from "./model/items";
import { isoSeconds, secret } from "./ids";
import { resolveBehaviour, validateFaults, type EmulatorBehaviour, type FaultConfig, type GraphEmulatorOptions } from "./options";
import { EmulatorServer, type AdminHandler } from "./server";
import { Store, type SiteRow } from "./store/store";
import { selfSignedCertificate } from "./tls";
import { SubscriptionHub, type EmulatedSubscription, type LifecycleEvent } from "./subscriptions";

export type { EmulatedSubscription, LifecycleEvent, NotificationOptions } from "./subscriptions";

export type { EmulatorBehaviour, EmulatorCounters, FaultConfig, GraphEmulatorOptions };
export type { ScriptedFault, ErrorChoice } from "./options";
export { DEFAULT_BEHAVIOUR, faultsFromEnv } from "./options";

export interface EmulatedSite {
  /** The composite site id `{hostname},{site guid},{web guid}` (1.1). */
  id: string;
  /** Server-relative path, e.g. `/sites/nmirf`. */
  path: string;
  webUrl: string;
}

export interface RunningGraphEmulator {
  /** `https://localhost:PORT` */
  readonly origin: string;
  /** `https://localhost:PORT/v1.0`: give it to the Graph client as its base URL. */
  readonly baseUrl: string;
  /** Always `localhost`: list it in the Graph client's `customHosts`. */
  readonly host: string;
  readonly port: number;
  /** PEM of the self-signed certificate: the only thing a client must trust. */
  readonly caCertificate: string;
  /** The bearer token every request (and the admin endpoints) must carry. */
  readonly accessToken: string;
  /** The SharePoint tenant host in site ids and webUrls. */
  readonly hostname: string;
  /** The behaviour chosen for every unverified point. */
  readonly behaviour: EmulatorBehaviour;
  /** The site id of a server-relative path (default: the first configured site). */
  siteId(path?: string): string;
  /** A fresh, empty site (for test isolation); a unique path when none is given. */
  createSite(path?: string): EmulatedSite;
  sites(): EmulatedSite[];
  /** Adds a person to a site's User Information List; returns their lookup id (for person columns). */
  addUser(siteIdOrPath: string, user: { displayName: string; email: string }): number;
  /** Replaces the fault configuration (the RU window and the random sequence restart). */
  setFaults(config: FaultConfig): void;
  faults(): FaultConfig;
  counters(): EmulatorCounters;
  resetCounters(): void;
  /**
   * Edits an item as a person does outside Graph (Microsoft Lists after a column's choices or type
   * changed, Excel, a flow): values in the stored form (text, numbers, lookups as item ids under the
   * column's name; null clears), stored unchecked as a new version by a person of the site.
   */
  editItemAsPerson(siteIdOrPath: string, listTitle: string, itemId: string, values: Record<string, string | number | boolean | string[] | number[] | null>): void;
  /** Deletes an item as a person in Microsoft Lists does (lookups pointing to it are left as they are). */
  deleteItemAsPerson(siteIdOrPath: string, listTitle: string, itemId: string): void;
  /** The application id of the app-only token (in `lastModifiedBy.application.id` of its writes). */
  readonly appId: string;
  /**
   * A delegated token for a person (added to the site's people when they first write): what a
   * request with it writes carries `lastModifiedBy.user` = that person, as an edit in Microsoft
   * Lists, Excel or a Power Automate flow running as them does. The same person gets the same token.
   */
  tokenFor(person: { displayName: string; email: string }): string;
  /** The change notification subscriptions alive now. */
  subscriptions(): EmulatedSubscription[];
  /** Sends a lifecycle notification (`reauthorizationRequired`, `subscriptionRemoved`, `missed`) for a subscription. */
  sendLifecycleNotification(subscriptionId: string, event: LifecycleEvent): Promise<void>;
  /** Resolves once the change notifications due so far were delivered (and answered or timed out). */
  notificationsSettled(): Promise<void>;
  /** Makes every delta token issued so far for a list answer 410 (4.5.1). */
  expireDeltaTokens(listId: string): void;
  stop(): Promise<void>;
}

function siteInfo(context: EmulatorContext, site: SiteRow): EmulatedSite {
  return { id: site.id, path: site.path, webUrl: `https://${context.hostname}${site.path === "/" ? "" : site.path}` };
}

export async function startGraphEmulator(options: GraphEmulatorOptions = {}): Promise<RunningGraphEmulator> {
  const now = options.now ?? Date.now;
  const behaviour = resolveBehaviour(options.behaviour);
  const hostname = options.hostname ?? "contoso.sharepoint.com";
  const accessToken = options.accessToken ?? secret();
  const store = new Store(options.dataFile ?? ":memory:");
  let server: Server | undefined;
  try {
    // The certificate follows the real clock: TLS checks it against the real time, not the emulated one.
    const tls = options.tls ?? (await selfSignedCertificate(Date.now()));
    const downloadSecret = store.getMeta("downloadSecret") ?? secret();
    store.setMeta("downloadSecret", downloadSecret);
    const appId = options.appId ?? "00000000-0000-0000-0000-00000000a11c";
    const context: EmulatorContext = { store, behaviour, hostname, baseUrl: "", downloadSecret, now, appId };
    const tokenFor = (person: { displayName: string; email: string }): string => {
      if (!person.displayName.trim() || !/^[^@\s]+@[^@\s]+$/.test(person.email)) throw new GraphHttpError(400, "invalidRequest", "A person needs a displayName and an email.");
      for (const [token, known] of server0.people) if (known.email.toLowerCase() === person.email.toLowerCase()) return token;
      const token = secret();
      server0.people.set(token, { displayName: person.displayName, email: person.email });
      return token;
    };
    const faults = new FaultInjector(options.faults, now);
    let sitesCreated = 0;

    const findSite = (ref: string): SiteRow => {
      const site = store.siteById(ref) ?? store.siteByPath(hostname, normalizeSitePath(ref));
      if (!site) throw notFound(`No site '${ref}'.`);
      return site;
    };
    const findItem = (ref: string, listTitle: string, itemId: string) => {
      const site = findSite(ref);
      const list = store.listByTitle(site.id, listTitle);
      if (!list) throw new Error(`No list '${listTitle}' on ${site.path}.`);
      const item = store.itemById(list.id, Number(itemId));
      if (!item) throw new Error(`No item ${itemId} in '${listTitle}'.`);
      return { site, list, item };
    };
    const createSite = (path?: string): EmulatedSite => {
      let sitePath = path;
      if (sitePath === undefined) {
        do sitePath = `/sites/test-${++sitesCreated}-${secret().slice(0, 6).toLowerCase()}`;
        while (store.siteByPath(hostname, sitePath));
      }
      return siteInfo(context, createSiteRow(context, sitePath));
    };
    const admin: AdminHandler = (method, path, body) => {
      const parts = path.split("/").filter((p) => p !== "").map(decodeURIComponent);
      const object = (body ?? {}) as Record<string, unknown>;
      const key = `${method} ${parts.map((p, i) => (i === 1 && parts[0] !== "faults" && parts[0] !== "counters" ? "*" : p)).join("/")}`;
      switch (key) {
        case "GET health":
          return { status: 200, json: { ok: true } };
        case "GET faults":
          return { status: 200, json: faults.get() };
        case "PUT faults":
          faults.set(validateFaults(object as FaultConfig));
          return { status: 200, json: faults.get() };
        case "GET counters":
          return { status: 200, json: server0.counters.snapshot() };
        case "DELETE counters":
        case "POST counters/reset":
          server0.counters.reset();
          return { status: 204 };
        case "GET sites":
          return { status: 200, json: { value: store.sites().map((s) => siteInfo(context, s)) } };
        case "POST sites":
          return { status: 201, json: createSite(typeof object.path === "string" ? object.path : undefined) };
        case "POST sites/*/users": {
          if (typeof object.displayName !== "string" || typeof object.email !== "string") {
            throw new GraphHttpError(400, "invalidRequest", "A user needs a displayName and an email.");
          }
          const id = addSiteUser(context, findSite(parts[1]!), { displayName: object.displayName, email: object.email });
          return { status: 201, json: { id: String(id) } };
        }
        case "POST tokens": {
          if (typeof object.displayName !== "string" || typeof object.email !== "string") {
            throw new GraphHttpError(400, "invalidRequest", "A person needs a displayName and an email.");
          }
          return { status: 201, json: { accessToken: tokenFor({ displayName: object.displayName, email: object.email }) } };
        }
        case "POST lists/*/expire-delta-tokens": {
          const list = store.listById(parts[1]!);
          if (!list) throw notFound("No such list.");
          store.bumpDeltaEpoch(list.id);
          return { status: 204 };
        }
        default:
          throw notFound(`No admin endpoint ${method} /_emulator${path}.`);
      }
    };
    const hub = new SubscriptionHub(context, options.notifications);
    store.onListTouched = (listId) => hub.listChanged(listId);
    const server0 = new EmulatorServer(context, accessToken, faults, admin, hub);
    server = createServer({ cert: tls.cert, key: tls.key }, server0.listener);
    const httpsServer = server;
    await new Promise<void>((resolve, reject) => {
      httpsServer.once("error", reject);
      httpsServer.listen(options.port ?? 0, "127.0.0.1", () => {
        httpsServer.off("error", reject);
        resolve();
      });
    });
    const port = (httpsServer.address() as AddressInfo).port;
    const origin = `https://localhost:${port}`;
    context.baseUrl = `${origin}/v1.0`;

    const configured = (options.sites ?? ["/sites/nmirf"]).map(normalizeSitePath);
    for (const path of ["/", ...configured]) {
      if (!store.siteByPath(hostname, path)) createSiteRow(context, path);
    }

    let stopped = false;
    return {
      origin,
      baseUrl: context.baseUrl,
      host: "localhost",
      port,
      caCertificate: tls.cert,
      accessToken,
      hostname,
      behaviour,
      siteId: (path) => findSite(path ?? configured[0] ?? "/").id,
      createSite,
      sites: () => store.sites().map((s) => siteInfo(context, s)),
      addUser: (ref, user) => addSiteUser(context, findSite(ref), user),
      setFaults: (config) => faults.set(config),
      faults: () => faults.get(),
      counters: () => server0.counters.snapshot(),
      resetCounters: () => server0.counters.reset(),
      editItemAsPerson: (ref, listTitle, itemId, values) => {
        const { site, list, item } = findItem(ref, listTitle, itemId);
        const editor = addSiteUser(context, site, { displayName: "Site Owner", email: `owner@${hostname}` });
        editItemUnchecked(context, list.id, item, values, editor);
      },
      deleteItemAsPerson: (ref, listTitle, itemId) => {
        const { list, item } = findItem(ref, listTitle, itemId);
        store.transaction(() => {
          store.deleteItem(list.id, item.id, item.content_type);
          store.touchList(list.id, isoSeconds(context.now()));
        });
      },
      appId,
      tokenFor,
      subscriptions: () => hub.list(),
      sendLifecycleNotification: (id, event) => hub.sendLifecycleNotification(id, event),
      notificationsSettled: () => hub.settled(),
      expireDeltaTokens: (listId) => {
        const list = store.listById(listId);
        if (!list) throw new Error(`No list '${listId}'.`);
        store.bumpDeltaEpoch(list.id);
      },
      stop: async () => {
        if (stopped) return;
        stopped = true;
        hub.stop();
        await new Promise<void>((resolve) => {
          httpsServer.close(() => resolve());
          httpsServer.closeAllConnections();
        });
        store.close();
      },
    };
  } catch (error) {
    server?.close();
    store.close();
    throw error;
  }
}
