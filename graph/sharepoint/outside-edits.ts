/**
 * Finds, in what a list's change feed hands on, the edits made by someone other than the app:
 * an item whose `lastModifiedBy` is a person (or another application), not the app's own
 * identity (graph-contract.md 4.1.2: an app-only write names `application.id`). Which fields
 * changed comes from the item's versions (4.5.2: newest first, each with who and when): each
 * outside version made since the feed's last pull is one edit, compared with the version before.
 */
import type { z } from "zod";
import { changedFields } from "../../core/audit/audit";
import type { OutsideEdit } from "../../core/audit/outside-edits";
import type { RecordName } from "../../core/records/kinds";
import type { GraphClient } from "../client/graph-client";
import { failureOf } from "../client/errors";
import type { ChangeBatch, ChangeSubscriber, GraphIdentitySet, ListChangeFeed } from "./change-feed";
import { fromFields } from "./field-mapping";
import { listOfKind, type ListSpec } from "./schema";

interface ItemVersion {
  id: string;
  lastModifiedBy?: GraphIdentitySet;
  lastModifiedDateTime?: string;
  fields?: Record<string, unknown>;
}

export interface OutsideEditOptions {
  /** The app's own application ids (its Entra client id; the emulator's app id locally). */
  ownAppIds: readonly string[];
  /** Where the edits found go (core's recordOutsideEdits). */
  record(edits: OutsideEdit[]): Promise<void>;
  /** At most this many versions of one item per pull are audited (the newest). Default 20. */
  maxVersionsPerItem?: number;
}

/** Whether an identity set is the app's own (an app-only write by one of its application ids). */
export function isOwnWrite(by: GraphIdentitySet | undefined, ownAppIds: readonly string[]): boolean {
  const appId = by?.application?.id?.toLowerCase();
  return Boolean(appId && ownAppIds.some((id) => id.toLowerCase() === appId) && !by?.user?.email);
}

/** Who made an outside edit, in words: the person, or the other application. */
export function editorOf(by: GraphIdentitySet | undefined): OutsideEdit["by"] {
  const user = by?.user;
  if (user?.email || user?.id) return { name: user.displayName?.trim() || user.email || "someone in SharePoint", email: user.email, id: user.id };
  const app = by?.application;
  if (app?.displayName || app?.id) return { name: `${app.displayName?.trim() || "An application"} (application)`, id: app.id };
  return user?.displayName ? { name: user.displayName } : undefined;
}

/**
 * SharePoint states times to the second (4.1.3): an edit stamped in the same second as the last
 * pull may have come after it, so only a time a whole second before it is taken as already seen.
 */
function clearlyBefore(modifiedAt: string, since: string): boolean {
  return Date.parse(modifiedAt) + 1000 <= Date.parse(since);
}

export class OutsideEditAuditor {
  constructor(
    private readonly client: GraphClient,
    private readonly options: OutsideEditOptions,
  ) {}

  /** A subscriber for one list's feed: audits the outside edits in each batch it is handed. */
  subscriberFor<Schema extends z.ZodType>(feed: ListChangeFeed<Schema>): ChangeSubscriber<z.output<Schema>> {
    const entity = feed.repository.kind.name as RecordName;
    const list = listOfKind(entity);
    const path = feed.repository.itemsQuery.path;
    return async (batch) => {
      const edits = await this.editsOf(batch, { entity, list, path });
      await this.options.record(edits);
    };
  }

  private async editsOf(batch: ChangeBatch<unknown>, on: { entity: string; list: ListSpec; path: string }): Promise<OutsideEdit[]> {
    // The very first read of a list is where the feed starts: nothing in it is news.
    if (batch.full && !batch.resynced) return [];
    const since = batch.previousSyncAt;
    const edits: OutsideEdit[] = [];
    for (const change of batch.changes) {
      if (change.deleted) {
        // The app never deletes list items: a deletion is someone else's. Delta does not say whose.
        edits.push({ entity: on.entity, entityId: change.id, kind: "deleted", at: batch.syncedAt, changes: [] });
        continue;
      }
      if (isOwnWrite(change.modifiedBy, this.options.ownAppIds)) continue;
      // After a resync every row comes back: only those changed since the last pull are news.
      if (batch.full && since && change.modifiedAt && clearlyBefore(change.modifiedAt, since)) continue;
      const found = await this.versionEdits(on, change.id, since);
      if (found.length === 0) {
        edits.push({ entity: on.entity, entityId: change.id, kind: "changed", by: editorOf(change.modifiedBy), at: change.modifiedAt ?? batch.syncedAt, changes: [], problem: change.problem });
        continue;
      }
      if (change.problem) found[found.length - 1]!.problem = change.problem;
      edits.push(...found);
    }
    return edits;
  }

  /** One edit per outside version since `since` (oldest first), each compared with the version before it. */
  private async versionEdits(on: { entity: string; list: ListSpec; path: string }, id: string, since: string | undefined): Promise<OutsideEdit[]> {
    let versions: ItemVersion[];
    try {
      const page = (await this.client.api(`${on.path}/${id}/versions?$expand=fields`).get()) as { value?: ItemVersion[] };
      versions = [...(page.value ?? [])].sort((a, b) => parseFloat(b.id) - parseFloat(a.id));
    } catch (error) {
      if (failureOf(error)?.status === 404) return [];
      throw error;
    }
    const picked: number[] = [];
    const max = this.options.maxVersionsPerItem ?? 20;
    for (let i = 0; i < versions.length && picked.length < max; i += 1) {
      const version = versions[i]!;
      if (isOwnWrite(version.lastModifiedBy, this.options.ownAppIds)) break;
      if (since && picked.length > 0 && version.lastModifiedDateTime && clearlyBefore(version.lastModifiedDateTime, since)) break;
      picked.push(i);
    }
    return picked.reverse().map((index) => {
      const version = versions[index]!;
      const previous = versions[index + 1];
      const after = fromFields(on.list, version.fields ?? {});
      return {
        entity: on.entity,
        entityId: id,
        kind: previous ? "changed" : "created",
        by: editorOf(version.lastModifiedBy),
        at: version.lastModifiedDateTime ?? new Date().toISOString(),
        version: version.id,
        changes: changedFields(previous ? fromFields(on.list, previous.fields ?? {}) : {}, after),
      } satisfies OutsideEdit;
    });
  }
}
