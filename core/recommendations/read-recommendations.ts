import { authorize, can, type Actor } from "../auth/policy";
import { viewsOf, type UseCaseDeps } from "../ports/use-case-deps";
import type { Stored } from "../records/common";
import type { RecommendationFields } from "./recommendation";

type Deps = Pick<UseCaseDeps, "repos" | "views">;

/** A recommendation as observers see it: who reported each status (a focal point's name) is not shared with them. */
export function recommendationForObservers(recommendation: Stored<RecommendationFields>): Stored<RecommendationFields> {
  return { ...recommendation, statusHistory: recommendation.statusHistory.map(({ contributionId: _answer, ...change }) => ({ ...change, byUserId: "", byName: "" })) };
}

/** The recommendations a person may see: observers only those shared with them. */
export async function visibleRecommendations(deps: Deps, actor: Actor): Promise<Stored<RecommendationFields>[]> {
  authorize(actor, { kind: "read" });
  const all = await viewsOf(deps).recommendations.all();
  return can(actor, { kind: "read-record", sharedWithObservers: false }) ? all : all.filter((r) => r.sharedWithObservers).map(recommendationForObservers);
}

/**
 * For those who see data needing attention: how many rows of the Recommendations list are kept
 * out of every list of recommendations until someone fixes them (undefined for everyone else).
 */
export async function recommendationsNeedingAttention(deps: Deps, actor: Actor): Promise<number | undefined> {
  if (!can(actor, { kind: "read-data-quality" })) return undefined;
  return (await viewsOf(deps).recommendations.read()).needsAttention.length;
}

/** One recommendation, with its status history. */
export async function readRecommendation(deps: Deps, recommendationId: string, actor: Actor): Promise<Stored<RecommendationFields>> {
  authorize(actor, { kind: "read" });
  const recommendation = await deps.repos.recommendations.get(recommendationId);
  authorize(actor, { kind: "read-record", sharedWithObservers: recommendation.sharedWithObservers });
  return can(actor, { kind: "read-people" }) ? recommendation : recommendationForObservers(recommendation);
}
