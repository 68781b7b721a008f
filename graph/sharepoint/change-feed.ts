import type { z } from "zod";
import type { Stored } from "../../core/records/common";
import type { RowNeedingAttention } from "../../core/records/needs-attention";
import { InMemoryChangeTokenStore, type ChangeToken, type ChangeTokenStore } from "../../core/ports/change-tokens";
import type { GraphClient } from "../client/graph-client";
import { failureOf, translate } from "../client/errors";
import type { GraphListItem, SharePointListRepository } from "./list-repository";

/** Who a Graph identity set names (graph-contract.md 4.1.2: `user`, and `application` for an app's writes). */
export interface GraphIdentitySet {
  user?: { id?: string; displayName?: string; email?: string };
  application?: { id?: string; displayName?: string };
}

interface DeltaItem extends GraphListItem {
  deleted?: { state?: string };
  lastModifiedBy?: GraphIdentitySet;
  lastModifiedDateTime?: string;
}

/** One item the list's delta returned: a record, a row that does not read as one, or a deletion. */
export interface ListChange<Fields> {
  id: string;
  deleted: boolean;
  /** The record, when the row reads as one. */
  record?: Stored<Fields>;
  /** Why the row does not read as a record (a person typed something the schema refuses). */
  problem?: string;
  /** That row with its problems column by column, as the data-quality view lists it. */
  needsAttention?: RowNeedingAttention;
  eTag?: string;
  modifiedBy?: GraphIdentitySet;
  modifiedAt?: string;
}

/** What one pull handed on. */
export interface ChangeBatch<Fields> {
  /** The list's title, e.g. `Recommendations`. */
  list: string;
  changes: ListChange<Fields>[];
  /** The whole list (first pull, or a resync after 410): what is not in it is gone. */
  full: boolean;
  /** A full read because the stored place was refused (410) or forgotten, not the very first pull. */
  resynced: boolean;
  /** When the previous pull was made (from the stored token), if there was one. */
  previousSyncAt?: string;
  /** When this pull was made. */
  syncedAt: string;
}

export type ChangeSubscriber<Fields> = (batch: ChangeBatch<Fields>) => void | Promise<void>;

export interface ChangeFeedOptions {
  /** Where the place is kept across restarts (default: this process's memory). */
  tokens?: ChangeTokenStore;
  /** Names this feed in the store, e.g. `audit` (the list's id is added). Default `view`. */
  consumer?: string;
  now?: () => Date;
}

/**
 * A list's changes, from SharePoint's list item delta (graph-contract.md 4.5.1) read from a stored
 * place: the first pull reads everything, later ones only what changed since, a refused place
 * (410) starts again from a full read. Each pull hands what changed to every subscriber, then
 * stores the new place: a subscriber that fails leaves the place where it was, so the same
 * changes come again. A row that does not read as a record is handed on with its problem, and
 * does not stop the feed.
 */
export class ListChangeFeed<Schema extends z.ZodType> {
  private readonly subscribers = new Set<ChangeSubscriber<z.output<Schema>>>();
  private readonly tokens: ChangeTokenStore;
  private readonly key: string;
  private readonly now: () => Date;
  private pulling?: Promise<ChangeBatch<z.output<Schema>>>;
  private forgetRequested = false;

  constructor(
    private readonly client: GraphClient,
    readonly repository: SharePointListRepository<Schema>,
    options: ChangeFeedOptions = {},
  ) {
    this.tokens = options.tokens ?? new InMemoryChangeTokenStore();
    this.now = options.now ?? (() => new Date());
    this.key = `${options.consumer ?? "view"}.${repository.listId}`;
  }

  get list(): string {
    return this.repository.listTitle;
  }

  /** Calls `subscriber` with every later pull's changes; returns the unsubscribe. */
  subscribe(subscriber: ChangeSubscriber<z.output<Schema>>): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** Reads what changed since the last pull and hands it on; concurrent calls share one pull. */
  pull(): Promise<ChangeBatch<z.output<Schema>>> {
    this.pulling ??= this.pullOnce().finally(() => {
      this.pulling = undefined;
    });
    return this.pulling;
  }

  /** Starts again from a full read at the next pull (a missed notification, a removed subscription). */
  async resync(): Promise<ChangeBatch<z.output<Schema>>> {
    await this.pulling?.catch(() => undefined);
    this.forgetRequested = true;
    return this.pull();
  }

  private async pullOnce(): Promise<ChangeBatch<z.output<Schema>>> {
    const forced = this.forgetRequested;
    this.forgetRequested = false;
    const stored = await this.tokens.read(this.key);
    const usable = stored ? this.linkOf(stored.deltaLink) : undefined;
    const syncedAt = this.now().toISOString();
    let read: { changes: ListChange<z.output<Schema>>[]; deltaLink: string; full: boolean; resynced: boolean };
    if (usable && !forced) {
      try {
        read = { ...(await this.read(usable)), full: false, resynced: false };
      } catch (error) {
        if (failureOf(error)?.status !== 410) throw error;
        // SharePoint no longer knows the place: read the whole list again (graph-contract.md 4.5.1).
        read = { ...(await this.read(this.firstUrl())), full: true, resynced: true };
      }
    } else {
      read = { ...(await this.read(this.firstUrl())), full: true, resynced: Boolean(stored) || forced };
    }
    const batch: ChangeBatch<z.output<Schema>> = { list: this.list, changes: read.changes, full: read.full, resynced: read.resynced, previousSyncAt: stored?.syncedAt, syncedAt };
    for (const subscriber of [...this.subscribers]) await subscriber(batch);
    // Kept without the endpoint: a local emulator restarted on another port still takes it.
    const token: ChangeToken = { deltaLink: this.relative(read.deltaLink), syncedAt };
    await this.tokens.write(this.key, token);
    return batch;
  }

  private firstUrl(): string {
    const { path, expand } = this.repository.itemsQuery;
    return `${path}/delta?$expand=${expand}`;
  }

  private relative(link: string): string {
    const root = `${this.client.endpoint}/v1.0`;
    return link.startsWith(root) ? link.slice(root.length) : link;
  }

  /** Only a delta link of this very list is followed (a token file edited by hand sends no request elsewhere). */
  private linkOf(stored: string): string | undefined {
    const relative = this.relative(stored);
    return relative.startsWith(`${this.repository.itemsQuery.path}/delta?`) ? `${this.client.endpoint}/v1.0${relative}` : undefined;
  }

  private async read(first: string): Promise<{ changes: ListChange<z.output<Schema>>[]; deltaLink: string }> {
    const changes = new Map<string, ListChange<z.output<Schema>>>();
    let url = first;
    for (;;) {
      let page: { value?: DeltaItem[]; "@odata.nextLink"?: string; "@odata.deltaLink"?: string };
      try {
        page = (await this.client.api(url).get()) as typeof page;
      } catch (error) {
        if (failureOf(error)?.status === 410) throw error;
        return translate(error, { entity: `${this.list} changes` });
      }
      for (const item of page.value ?? []) {
        const change = this.changeOf(item);
        // The same item twice in one read: the later state is the one that holds.
        changes.delete(change.id);
        changes.set(change.id, change);
      }
      if (page["@odata.nextLink"]) {
        url = page["@odata.nextLink"];
        continue;
      }
      const deltaLink = page["@odata.deltaLink"];
      if (!deltaLink) throw new Error(`SharePoint's delta of the ${this.list} list ended without a deltaLink`);
      return { changes: [...changes.values()], deltaLink };
    }
  }

  private changeOf(item: DeltaItem): ListChange<z.output<Schema>> {
    const id = String(item.id);
    const about = { id, modifiedBy: item.lastModifiedBy, modifiedAt: item.lastModifiedDateTime };
    if (item.deleted) return { ...about, deleted: true };
    const eTag = item.eTag ?? (item.fields?.["@odata.etag"] as string | undefined);
    let read: ReturnType<SharePointListRepository<Schema>["readItem"]>;
    try {
      read = this.repository.readItem(item);
    } catch (error) {
      // Not an item at all (no id, fields of the wrong shape): said, and the feed goes on.
      return { ...about, deleted: false, eTag, problem: error instanceof Error ? error.message : String(error) };
    }
    if (read.ok) return { ...about, deleted: false, eTag, record: read.record };
    return { ...about, deleted: false, eTag, problem: read.row.problems.map((p) => p.message).join("; "), needsAttention: read.row };
  }
}
