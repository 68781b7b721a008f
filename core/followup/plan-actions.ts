import { authorize, type Actor } from "../auth/policy";
import { audit } from "../audit/audit";
import { isDomainError, ValidationError } from "../errors";
import type { UseCaseDeps } from "../ports/use-case-deps";
import type { Stored } from "../records/common";
import { parseOrThrow } from "../records/validate";
import { actionFieldsSchema, type ActionFields, type ActionInput } from "./action";
import { indicatorFieldsSchema, type IndicatorFields, type IndicatorInput } from "./indicator";

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

/** The ids among `ids` that name no record of the repository. */
async function missing(ids: readonly string[], get: (id: string) => Promise<unknown>): Promise<string[]> {
  const absent: string[] = [];
  for (const id of new Set(ids)) {
    try {
      await get(id);
    } catch (error) {
      if (!(isDomainError(error) && error.code === "not_found")) throw error;
      absent.push(id);
    }
  }
  return absent;
}

function refuseMissing(absent: string[], path: string, what: string): void {
  if (absent.length > 0) throw new ValidationError(`${what} ${absent.join(", ")} not found`, [{ path, message: `no ${what} ${absent.join(", ")}` }]);
}

export type NewAction = Omit<ActionInput, "createdAt" | "createdBy" | "acceptedUpdateId" | "acceptedAt">;

/** The secretariat records an action (a measure) for one or more recommendations, with its ministries and plan items. */
export async function createAction(deps: Deps, input: NewAction, actor: Actor): Promise<Stored<ActionFields>> {
  authorize(actor, { kind: "edit-lists" });
  const fields = parseOrThrow(actionFieldsSchema, { ...input, acceptedUpdateId: undefined, acceptedAt: undefined, createdAt: deps.clock.now().toISOString(), createdBy: actor.userId }, "The action");
  refuseMissing(await missing(fields.recommendationIds, (id) => deps.repos.recommendations.get(id)), "recommendationIds", "recommendation");
  refuseMissing(await missing([fields.leadMinistryId, ...fields.supportingMinistryIds], (id) => deps.repos.ministries.get(id)), "leadMinistryId", "ministry");
  refuseMissing(await missing(fields.planItemIds, (id) => deps.repos.planItems.get(id)), "planItemIds", "plan item");
  const action = await deps.repos.actions.create(fields);
  await audit(deps, actor, { action: "action.created", entity: "actions", entityId: action.id, summary: `Action "${action.title}" for ${action.recommendationIds.length} recommendation(s)` });
  return action;
}

/** The secretariat changes an action (its dates, ministries, links); its status moves with accepted progress, or here. */
export async function updateAction(deps: Deps, id: string, changes: Partial<NewAction>, eTag: string, actor: Actor): Promise<Stored<ActionFields>> {
  authorize(actor, { kind: "edit-lists" });
  const current = await deps.repos.actions.get(id);
  const merged = parseOrThrow(actionFieldsSchema, { ...current, ...changes }, "The action");
  if (changes.recommendationIds) refuseMissing(await missing(merged.recommendationIds, (r) => deps.repos.recommendations.get(r)), "recommendationIds", "recommendation");
  if (changes.leadMinistryId || changes.supportingMinistryIds) refuseMissing(await missing([merged.leadMinistryId, ...merged.supportingMinistryIds], (m) => deps.repos.ministries.get(m)), "leadMinistryId", "ministry");
  if (changes.planItemIds) refuseMissing(await missing(merged.planItemIds, (p) => deps.repos.planItems.get(p)), "planItemIds", "plan item");
  const updated = await deps.repos.actions.update(id, changes as Partial<ActionFields>, eTag);
  await audit(deps, actor, { action: "action.updated", entity: "actions", entityId: id, summary: `Changed action "${updated.title}"`, changes: Object.keys(changes).map((field) => ({ field, to: (updated as Record<string, unknown>)[field] })) });
  return updated;
}

export type NewIndicator = Omit<IndicatorInput, "createdAt" | "createdBy">;

/** The secretariat defines how an action, a recommendation or a cluster is measured. */
export async function createIndicator(deps: Deps, input: NewIndicator, actor: Actor): Promise<Stored<IndicatorFields>> {
  authorize(actor, { kind: "edit-lists" });
  const fields = parseOrThrow(indicatorFieldsSchema, { ...input, createdAt: deps.clock.now().toISOString(), createdBy: actor.userId }, "The indicator");
  if (fields.actionId) refuseMissing(await missing([fields.actionId], (id) => deps.repos.actions.get(id)), "actionId", "action");
  if (fields.recommendationId) refuseMissing(await missing([fields.recommendationId], (id) => deps.repos.recommendations.get(id)), "recommendationId", "recommendation");
  const indicator = await deps.repos.indicators.create(fields);
  await audit(deps, actor, { action: "indicator.created", entity: "indicators", entityId: indicator.id, summary: `Indicator "${indicator.definition}"` });
  return indicator;
}
