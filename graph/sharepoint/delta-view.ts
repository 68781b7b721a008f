import type { z } from "zod";
import type { Stored } from "../../core/records/common";
import type { RowNeedingAttention } from "../../core/records/needs-attention";
import type { GraphClient } from "../client/graph-client";
import { failureOf, translate } from "../client/errors";
import type { GraphListItem, SharePointListRepository } from "./list-repository";

interface DeltaItem extends GraphListItem {
  deleted?: { state?: string };
}

/**
 * A list kept fresh in memory through the list items `delta` endpoint (graph-contract.md 4.5.1):
 * the first refresh reads everything, later ones only what changed, and a poll when nothing
 * changed costs one request. Used where a view is read often (the dashboard, the grid).
 */
export class ListDeltaView<Schema extends z.ZodType> {
  private readonly records = new Map<string, Stored<z.output<Schema>>>();
  /** Rows the schema refuses, kept out of `records` until a change makes them valid again. */
  private readonly refused = new Map<string, RowNeedingAttention>();
  private deltaLink?: string;

  constructor(
    private readonly client: GraphClient,
    private readonly repository: SharePointListRepository<Schema>,
  ) {}

  /** Applies what changed since the last refresh; returns how many records changed. */
  async refresh(): Promise<{ changed: number }> {
    const { path, expand } = this.repository.itemsQuery;
    let url = this.deltaLink ?? `${path}/delta?$expand=${expand}`;
    let changed = 0;
    try {
      for (;;) {
        const page = (await this.client.api(url).get()) as { value?: DeltaItem[]; "@odata.nextLink"?: string; "@odata.deltaLink"?: string };
        for (const item of page.value ?? []) {
          const id = String(item.id);
          if (item.deleted) {
            if (this.records.delete(id) || this.refused.delete(id)) changed += 1;
            continue;
          }
          const read = this.repository.readItem(item);
          if (read.ok) {
            this.records.set(id, read.record);
            this.refused.delete(id);
          } else {
            this.records.delete(id);
            this.refused.set(id, read.row);
          }
          changed += 1;
        }
        if (page["@odata.nextLink"]) url = page["@odata.nextLink"];
        else {
          this.deltaLink = page["@odata.deltaLink"];
          return { changed };
        }
      }
    } catch (error) {
      if (failureOf(error)?.status === 410 && this.deltaLink) {
        // The token expired: start again from a full read.
        this.deltaLink = undefined;
        this.records.clear();
        this.refused.clear();
        return this.refresh();
      }
      return translate(error, { entity: "List changes" });
    }
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
}
