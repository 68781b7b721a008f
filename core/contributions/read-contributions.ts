import type { Actor } from "../auth/policy";
import { ForbiddenError } from "../errors";
import { queryAll } from "../ports/repository";
import type { UseCaseDeps } from "../ports/use-case-deps";
import type { Stored } from "../records/common";
import { readRequest } from "../requests/read-requests";
import type { ContributionFields } from "./contribution";

type Deps = Pick<UseCaseDeps, "repos" | "rules" | "views">;

/**
 * Every version of the answers to a request, newest first. The answers are the ministries'
 * internal words: read by those who read the request in full (the secretariat, the chair,
 * administrators, the ministry's focal points, and other ministries' when the mechanism lets
 * them), never at the "shared" level: observers read answers only as compiled into a draft
 * shared with them.
 */
export async function listContributions(deps: Deps, requestId: string, actor: Actor): Promise<Stored<ContributionFields>[]> {
  const view = await readRequest(deps, requestId, actor);
  if (view.access !== "full") throw new ForbiddenError("the answers to this request are not shared with you: observers read the answers in the drafts shared with them");
  const versions = await queryAll(deps.repos.contributions, { where: [{ field: "requestId", op: "eq", value: view.request.id }] });
  return versions.sort((a, b) => b.version - a.version);
}
