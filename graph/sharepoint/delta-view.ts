import type { z } from "zod";
import type { Stored } from "../../core/records/common";
import type { RowNeedingAttention } from "../../core/records/needs-attention";
import type { GraphClient } from "../client/graph-client";
import { ListChangeFeed, type ChangeBatch } from "./change-feed";
import type { SharePointListRepository } from "./list-repository";

/**
 * A list kept fresh in memory from its change feed (change-feed.ts): the first refresh reads
 * everything, later ones only what changed, and a poll when nothing changed costs one request.
 * Used where a view is read often (the dashboard, the grid). A row that does not read as a record
 * is left out until it does; whoever else pulls the same feed (a notification, the timer) keeps
 * the view fresh too.
 */
export class ListDeltaView<Schema extends z.ZodType> {
  private readonly records = new Map<string, Stored<z.output<Schema>>>();
  /** Rows the schema refuses, kept out of `records` until a change makes them valid again. */
  private readonly refused = new Map<string, RowNeedingAttention>();
  private applied = 0;
  readonly feed: ListChangeFeed<Schema>;

  constructor(client: GraphClient, repository: SharePointListRepository<Schema>, feed?: ListChangeFeed<Schema>) {
    this.feed = feed ?? new ListChangeFeed(client, repository);
    this.feed.subscribe((batch) => this.apply(batch));
  }

  /** Applies what changed since the last pull; returns how many records changed. */
  async refresh(): Promise<{ changed: number }> {
    const before = this.applied;
    await this.feed.pull();
    return { changed: this.applied - before };
  }

  all(): Stored<z.output<Schema>>[] {
    return [...this.records.values()].sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** The rows kept out because their schema refuses them, by id. */
  needingAttention(): RowNeedingAttention[] {
    return [...this.refused.values()].sort((a, b) => Number(a.id) - Number(b.id));
  }

  get(id: string): Stored<z.output<Schema>> | undefined {
    return this.records.get(id);
  }

  private apply(batch: ChangeBatch<z.output<Schema>>): void {
    if (batch.full) {
      const kept = new Set(batch.changes.filter((c) => c.record).map((c) => c.id));
      for (const id of this.records.keys()) if (!kept.has(id)) this.records.delete(id);
      this.refused.clear();
    }
    for (const change of batch.changes) {
      if (change.needsAttention) this.refused.set(change.id, change.needsAttention);
      else this.refused.delete(change.id);
      if (change.record) {
        this.records.set(change.id, change.record);
        this.applied += 1;
      } else if (this.records.delete(change.id)) {
        this.applied += 1;
      }
    }
  }
}
