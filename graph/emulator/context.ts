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
