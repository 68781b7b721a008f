/** What every handler receives: the store, the chosen behaviour and the URLs to hand out. */
import type { EmulatorBehaviour } from "./options";
import type { ColumnDefinition } from "./model/columns";
import type { ListRow, SiteRow, Store } from "./store/store";

export interface EmulatorContext {
  store: Store;
  behaviour: EmulatorBehaviour;
  /** The SharePoint tenant host (site ids, webUrls). */
  hostname: string;
  /** `https://localhost:PORT/v1.0`: the root of every URL the emulator hands out. */
  baseUrl: string;
  /** Signs download URLs. */
  downloadSecret: string;
  now(): number;
  /** The app-only caller's application id, in `lastModifiedBy.application` of what it writes (4.1.2). */
  appId: string;
  /**
   * Who the request being served acts as: a person signed in to SharePoint (a delegated token
   * from `tokenFor`, as Microsoft Lists, Excel or a Power Automate flow edit as that person), or
   * the app (undefined). Set by the server around each request (handlers run synchronously).
   */
  actingAs?: { displayName: string; email: string };
}

/** A list with its site and columns, as most handlers need them together. */
export interface ListScope {
  site: SiteRow;
  list: ListRow;
  columns: ColumnDefinition[];
}

/** The id SharePoint gives the app-only caller ("SharePoint App") in the User Information List. */
export const APP_USER_ID = 1073741822;
export const USER_INFORMATION_LIST = "User Information List";
