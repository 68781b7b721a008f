/**
 * Edits made outside the app (in Microsoft Lists, Excel, a Power Automate flow, a sync) written to
 * the audit log: who made them and when (as SharePoint recorded it), and which fields changed. The
 * change feeds find them (graph/sharepoint/outside-edits.ts); this is the one place that says how
 * such an entry reads.
 */
import type { FieldChange } from "./audit-entry";
import type { AuditEntryInput } from "./audit-entry";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { queryAll } from "../ports/repository";

/** The audit actions of outside edits (the audit view filters on them). */
export const OUTSIDE_EDIT_ACTIONS = {
  created: "record.createdInSharePoint",
  changed: "record.changedInSharePoint",
  deleted: "record.deletedInSharePoint",
} as const;

export interface OutsideEdit {
  /** The record kind, e.g. `recommendations`. */
  entity: string;
  entityId: string;
  kind: keyof typeof OUTSIDE_EDIT_ACTIONS;
  /** Who SharePoint says made it; unknown for a deletion (SharePoint's delta does not say). */
  by?: { name: string; email?: string; id?: string };
  /** When SharePoint says it was made (ISO instant). */
  at: string;
  /** The item's version it made, e.g. `4.0`. */
  version?: string;
  changes: FieldChange[];
  /** Why the row no longer reads as a record, when it does not. */
  problem?: string;
}

const UNKNOWN = "someone in SharePoint";

function entryOf(edit: OutsideEdit): AuditEntryInput {
  const name = edit.by?.name.trim() || UNKNOWN;
  const who = edit.by?.email ?? edit.by?.id ?? name;
  const verb = edit.kind === "created" ? "Added" : edit.kind === "deleted" ? "Deleted" : "Changed";
  const version = edit.version ? ` (version ${edit.version})` : "";
  const problem = edit.problem ? `; it no longer reads as a record: ${edit.problem}` : "";
  return {
    at: new Date(edit.at).toISOString(),
    actorId: `sharepoint:${who}`.slice(0, 128),
    actorName: name.slice(0, 255),
    action: OUTSIDE_EDIT_ACTIONS[edit.kind],
    entity: edit.entity,
    entityId: edit.entityId,
    summary: `${verb} in SharePoint by ${name}${version}${problem}`.slice(0, 255),
    changes: edit.changes.slice(0, 200),
  };
}

/**
 * An edit's identity in the log: the record, the action, the person, the time and the summary,
 * which names the item's version: SharePoint states times to the second, and two edits of one
 * person in the same second are two versions, not one edit seen twice.
 */
const keyOf = (entry: { action: string; entity: string; entityId: string; at: string; actorId: string; summary: string }) =>
  `${entry.action}|${entry.entity}|${entry.entityId}|${new Date(entry.at).toISOString()}|${entry.actorId}|${entry.summary}`;

/**
 * Writes one audit entry per outside edit, once: an edit already in the audit log (the same
 * record, action, person, time and version: a pull retried after a crash, a resync) is not
 * written again.
 * Fails (nothing is taken as recorded) if any is refused.
 */
export async function recordOutsideEdits(deps: Pick<UseCaseDeps, "repos">, edits: OutsideEdit[]): Promise<void> {
  if (edits.length === 0) return;
  const entries = edits.map(entryOf);
  const known = new Set<string>();
  for (const target of new Set(entries.filter((e) => e.action !== OUTSIDE_EDIT_ACTIONS.deleted).map((e) => `${e.entity}\u0000${e.entityId}`))) {
    const [entity, entityId] = target.split("\u0000") as [string, string];
    const logged = await queryAll(deps.repos.audit, { where: [{ field: "entityId", op: "eq", value: entityId }] });
    for (const entry of logged) if (entry.entity === entity) known.add(keyOf(entry));
  }
  const fresh = entries.filter((entry) => !known.has(keyOf(entry)));
  if (fresh.length === 0) return;
  const results = await deps.repos.audit.createMany(fresh);
  const failure = results.find((result) => !result.ok);
  if (failure && !failure.ok) throw failure.error;
}
