import { authorize, type Actor } from "../auth/policy";
import { ConflictError, isDomainError, ValidationError } from "../errors";
import { queryAll } from "../ports/repository";
import { nameKey, tidyIdentifier, tidyText } from "../records/normalize";
import type { Stored } from "../records/common";
import type { FieldsOf, InputOf } from "../records/kinds";
import { recommendationKey } from "../recommendations/recommendation";
import type { RepositoryOf } from "../ports/repository";
import { audit, changedFields } from "../audit/audit";
import type { UseCaseDeps } from "../ports/use-case-deps";

/**
 * The lists the secretariat edits directly, and the fields that only a workflow may change
 * (a recommendation's status is reported by its lead ministry; a focal point's ministry, role
 * and person change by re-nomination, which keeps the history).
 */
export const EDITABLE_LISTS = {
  ministries: [],
  recommendations: ["status", "statusHistory", "key"],
  reports: ["createdAt", "status"],
  milestones: [],
  consultations: [],
  focalPoints: ["ministryId", "role", "userId", "activeFrom"],
} as const satisfies Partial<Record<string, readonly string[]>>;
export type EditableList = keyof typeof EDITABLE_LISTS;

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

function repositoryOf<Name extends EditableList>(deps: Deps, list: Name): RepositoryOf<Name> {
  return deps.repos[list] as unknown as RepositoryOf<Name>;
}

/** Adds a record to one of the secretariat's lists. */
export async function createRecord<Name extends EditableList>(deps: Deps, list: Name, input: InputOf<Name>, actor: Actor): Promise<Stored<FieldsOf<Name>>> {
  authorize(actor, { kind: "edit-lists" });
  let prepared = tidied(list, input as Record<string, unknown>);
  if (list === "recommendations" && typeof prepared.documentSymbol === "string" && typeof prepared.paragraph === "string") {
    prepared = { ...prepared, key: recommendationKey(prepared.documentSymbol, prepared.paragraph) };
  }
  if (list === "reports" && !prepared.createdAt) prepared = { ...prepared, createdAt: deps.clock.now().toISOString() };
  if (list === "ministries" && typeof prepared.name === "string") await assertNameFree(deps, prepared.name);
  const created = await repositoryOf(deps, list)
    .create(prepared as InputOf<Name>)
    .catch((error: unknown) => {
      throw list === "ministries" && isDomainError(error) && error.code === "conflict" ? nameTaken(String(prepared.name)) : error;
    });
  await audit(deps, actor, { action: `${list}.created`, entity: list, entityId: created.id, summary: `Added ${describe(list, created)}` });
  return created;
}

/** Changes a record of one of the secretariat's lists; a stale eTag is refused, never overwritten. */
export async function updateRecord<Name extends EditableList>(
  deps: Deps,
  list: Name,
  id: string,
  changes: Partial<FieldsOf<Name>>,
  eTag: string,
  actor: Actor,
): Promise<Stored<FieldsOf<Name>>> {
  authorize(actor, { kind: "edit-lists" });
  const locked = (EDITABLE_LISTS[list] as readonly string[]).filter((field) => field in changes);
  if (locked.length) {
    throw new ValidationError(
      `these fields cannot be edited here: ${locked.join(", ")}`,
      locked.map((field) => ({ path: field, message: "changed only through its workflow" })),
    );
  }
  const repository = repositoryOf(deps, list);
  const before = await repository.get(id);
  let prepared = tidied(list, changes as Record<string, unknown>);
  if (list === "ministries" && typeof prepared.name === "string") {
    await assertNameFree(deps, prepared.name, id);
    // The key follows the name (the store writes only the fields a change names).
    prepared = { ...prepared, nameKey: nameKey(prepared.name) };
  }
  if (list === "recommendations" && ("documentSymbol" in changes || "paragraph" in changes)) {
    const merged = { ...(before as Record<string, unknown>), ...prepared } as { documentSymbol: string; paragraph: string };
    prepared = { ...prepared, key: recommendationKey(merged.documentSymbol, merged.paragraph) };
  }
  const updated = await repository.update(id, prepared as Partial<FieldsOf<Name>>, eTag).catch((error: unknown) => {
    throw list === "ministries" && isDomainError(error) && error.code === "conflict" ? nameTaken(String(prepared.name)) : error;
  });
  await audit(deps, actor, {
    action: `${list}.updated`,
    entity: list,
    entityId: id,
    summary: `Changed ${describe(list, updated)}`,
    changes: changedFields(before, updated, Object.keys(prepared)),
  });
  return updated;
}

/** Names as they are kept (NFC, no invisible characters, single spaces); paragraph numbers and symbols as they read (`１` is `1`). */
function tidied(list: EditableList, fields: Record<string, unknown>): Record<string, unknown> {
  const out = { ...fields };
  if (list === "ministries" && typeof out.name === "string") out.name = tidyText(out.name);
  if (list === "recommendations") {
    if (typeof out.paragraph === "string") out.paragraph = tidyIdentifier(out.paragraph);
    if (typeof out.documentSymbol === "string") out.documentSymbol = tidyIdentifier(out.documentSymbol);
  }
  return out;
}

/**
 * Another spelling of an existing ministry's name is refused. The store's unique name key
 * decides between two writes at the same moment; this reading also catches rows written
 * before the key existed, or typed in SharePoint.
 */
async function assertNameFree(deps: Deps, name: string, exceptId?: string): Promise<void> {
  const key = nameKey(name);
  const same = (await queryAll(deps.repos.ministries)).find((m) => m.id !== exceptId && nameKey(m.name) === key);
  if (same) throw nameTaken(same.name);
}

function nameTaken(existing: string): ConflictError {
  return new ConflictError(`a ministry named "${existing}" already exists: the name is the same, whatever its spelling (case, spaces, look-alike letters)`, "Ministry", nameKey(existing));
}

function describe(list: EditableList, record: object): string {
  const r = record as Record<string, unknown>;
  switch (list) {
    case "recommendations":
      return `recommendation ${String(r.documentSymbol)} para. ${String(r.paragraph)}`;
    case "reports":
      return `report "${String(r.title)}"`;
    case "ministries":
      return `ministry ${String(r.name)}`;
    case "milestones":
      return `milestone "${String(r.title)}"`;
    case "consultations":
      return `consultation with ${String(r.stakeholder)}`;
    case "focalPoints":
      return `focal point ${String(r.displayName)}`;
  }
}
