import type { Actor } from "../auth/policy";
import type { FieldChange } from "./audit-entry";
import type { AuditEntryInput } from "./audit-entry";
import type { UseCaseDeps } from "../ports/use-case-deps";

export interface AuditEvent {
  action: string;
  entity: string;
  entityId: string;
  summary: string;
  changes?: FieldChange[];
}

/** The fields that differ between two versions of a record (ids and eTags aside). */
export function changedFields(before: object | undefined, after: object, only?: readonly string[]): FieldChange[] {
  const previous = (before ?? {}) as Record<string, unknown>;
  const next = after as Record<string, unknown>;
  const fields = only ?? [...new Set([...Object.keys(previous), ...Object.keys(next)])];
  return fields
    .filter((field) => field !== "id" && field !== "eTag")
    .filter((field) => JSON.stringify(previous[field]) !== JSON.stringify(next[field]))
    .map((field) => ({ field, from: previous[field], to: next[field] }));
}

function entryOf(actor: Actor, at: string, event: AuditEvent): AuditEntryInput {
  return {
    at,
    actorId: actor.userId,
    actorName: actor.displayName.slice(0, 255),
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    summary: event.summary.slice(0, 255),
    changes: (event.changes ?? []).slice(0, 200),
  };
}

/** Writes who did what, when: every use case that changes a record calls this. */
export async function audit(deps: Pick<UseCaseDeps, "repos" | "clock">, actor: Actor, event: AuditEvent): Promise<void> {
  await deps.repos.audit.create(entryOf(actor, deps.clock.now().toISOString(), event));
}

export async function auditMany(deps: Pick<UseCaseDeps, "repos" | "clock">, actor: Actor, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const at = deps.clock.now().toISOString();
  const results = await deps.repos.audit.createMany(events.map((event) => entryOf(actor, at, event)));
  const failure = results.find((result) => !result.ok);
  if (failure && !failure.ok) throw failure.error;
}
