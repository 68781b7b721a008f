/**
 * Read models for the views that read a whole list often (the recommendations grid, the
 * dashboard, the requests of a report). Over SharePoint they follow the list's delta: the first
 * read loads everything, later reads fetch only what changed, and a read when nothing changed
 * costs one request. Every read refreshes first, so a person sees their own writes at once.
 */
import type { z } from "zod";
import type { Stored } from "../../core/records/common";
import type { RecordsView } from "../../core/ports/read-models";
import type { RowNeedingAttention } from "../../core/records/needs-attention";
import type { GraphClient } from "../../graph/client/graph-client";
import { ListDeltaView } from "../../graph/sharepoint/delta-view";
import type { SharePointListRepository } from "../../graph/sharepoint/list-repository";

export type { RecordsView };

/** Over a SharePoint list: the delta view, refreshed before each read (concurrent reads share one refresh). */
export class DeltaRecordsView<Schema extends z.ZodType> implements RecordsView<z.output<Schema>> {
  private readonly view: ListDeltaView<Schema>;
  private refreshing?: Promise<unknown>;

  constructor(client: GraphClient, repository: SharePointListRepository<Schema>) {
    this.view = new ListDeltaView(client, repository);
  }

  async all(): Promise<Stored<z.output<Schema>>[]> {
    return (await this.read()).items;
  }

  async read(): Promise<{ items: Stored<z.output<Schema>>[]; needsAttention: RowNeedingAttention[] }> {
    if (!this.refreshing) {
      this.refreshing = this.view.refresh().finally(() => {
        this.refreshing = undefined;
      });
    }
    await this.refreshing;
    return { items: this.view.all(), needsAttention: this.view.needingAttention() };
  }
}
