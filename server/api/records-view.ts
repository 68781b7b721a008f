/**
 * Read models for the views that read a whole list often (the recommendations grid, the
 * dashboard, the requests of a report). Over SharePoint they follow the list's change feed: the
 * first read loads everything, later reads fetch only what changed, and a read when nothing
 * changed costs one request. Every read pulls first, so a person sees their own writes at once;
 * a change notification or the timer pulling the same feed brings an outside edit in between.
 */
import type { z } from "zod";
import type { Stored } from "../../core/records/common";
import type { RecordsView } from "../../core/ports/read-models";
import type { RowNeedingAttention } from "../../core/records/needs-attention";
import type { GraphClient } from "../../graph/client/graph-client";
import type { ListChangeFeed } from "../../graph/sharepoint/change-feed";
import { ListDeltaView } from "../../graph/sharepoint/delta-view";
import type { SharePointListRepository } from "../../graph/sharepoint/list-repository";

export type { RecordsView };

/** Over a SharePoint list: the delta view, pulled before each read (concurrent reads share one pull). */
export class DeltaRecordsView<Schema extends z.ZodType> implements RecordsView<z.output<Schema>> {
  private readonly view: ListDeltaView<Schema>;

  constructor(client: GraphClient, repository: SharePointListRepository<Schema>, feed?: ListChangeFeed<Schema>) {
    this.view = new ListDeltaView(client, repository, feed);
  }

  /** The feed the view follows (a notification pulls it). */
  get feed(): ListChangeFeed<Schema> {
    return this.view.feed;
  }

  async all(): Promise<Stored<z.output<Schema>>[]> {
    return (await this.read()).items;
  }

  /** The records, and the rows kept out because their schema refuses them (the feed's pull is shared). */
  async read(): Promise<{ items: Stored<z.output<Schema>>[]; needsAttention: RowNeedingAttention[] }> {
    await this.view.refresh();
    return { items: this.view.all(), needsAttention: this.view.needingAttention() };
  }
}
