import { z } from "zod";
import { authorize, type Actor } from "../auth/policy";
import { ConcurrencyError, ValidationError } from "../errors";
import { LIMITS, recordIdSchema, textSchema, type Stored } from "../records/common";
import type { RecommendationFields } from "./recommendation";
import { implementationStatusSchema, type ImplementationStatus } from "../records/taxonomy";
import { parseOrThrow } from "../records/validate";
import { audit } from "../audit/audit";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { ministriesOfFocalPoint } from "../ministries/focal-points";
import { withFreshRead } from "../ports/retry-on-conflict";

export const updateStatusInputSchema = z.object({
  recommendationId: recordIdSchema,
  /** The eTag the person read: a status changed meanwhile by someone else is not overwritten. */
  eTag: z.string().min(1),
  status: implementationStatusSchema,
  note: textSchema(LIMITS.comment).optional(),
});
export type UpdateStatusInput = z.input<typeof updateStatusInputSchema>;

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

/** A focal point of the lead ministry reports the implementation status of a recommendation. */
export async function updateRecommendationStatus(deps: Deps, rawInput: UpdateStatusInput, actor: Actor): Promise<Stored<RecommendationFields>> {
  const input = parseOrThrow(updateStatusInputSchema, rawInput, "The status");
  const recommendation = await deps.repos.recommendations.get(input.recommendationId);
  const ministryIds = await ministriesOfFocalPoint(deps, actor.userId);
  if (!recommendation.leadMinistryId) throw new ValidationError("this recommendation has no lead ministry yet: the secretariat assigns one first");
  authorize({ ...actor, ministryIds }, { kind: "update-status", ministryId: recommendation.leadMinistryId });
  if (recommendation.eTag !== input.eTag) throw new ConcurrencyError("Recommendation", recommendation.id, recommendation);
  return changeStatus(deps, recommendation, { status: input.status, note: input.note }, actor);
}

/** Used when an answer reports a status: re-reads on concurrent changes (the answer itself is already saved). */
export async function applyStatusChange(
  deps: Deps,
  recommendationId: string,
  change: { status: ImplementationStatus; contributionId?: string },
  actor: Actor,
): Promise<Stored<RecommendationFields>> {
  return withFreshRead(async () => {
    const recommendation = await deps.repos.recommendations.get(recommendationId);
    if (recommendation.leadMinistryId) authorize(actor, { kind: "update-status", ministryId: recommendation.leadMinistryId });
    return changeStatus(deps, recommendation, change, actor);
  });
}

async function changeStatus(
  deps: Deps,
  recommendation: Stored<RecommendationFields>,
  change: { status: ImplementationStatus; note?: string; contributionId?: string },
  actor: Actor,
): Promise<Stored<RecommendationFields>> {
  const at = deps.clock.now().toISOString();
  const entry = { status: change.status, at, byUserId: actor.userId, byName: actor.displayName.slice(0, LIMITS.shortText), note: change.note, contributionId: change.contributionId };
  const updated = await deps.repos.recommendations.update(
    recommendation.id,
    { status: change.status, statusHistory: [...recommendation.statusHistory, entry] },
    recommendation.eTag,
  );
  await audit(deps, actor, {
    action: "recommendation.status-changed",
    entity: "recommendations",
    entityId: recommendation.id,
    summary: `Status of ${recommendation.documentSymbol} para. ${recommendation.paragraph}: ${recommendation.status} → ${change.status}`,
    changes: [{ field: "status", from: recommendation.status, to: change.status }],
  });
  return updated;
}
