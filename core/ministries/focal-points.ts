import { isActiveFocalPoint, type FocalPointFields, type FocalPointRole } from "./focal-point";
import type { Stored } from "../records/common";
import { queryAll } from "../ports/repository";
import type { UseCaseDeps } from "../ports/use-case-deps";

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

/** The ministry's focal points in office now, optionally of one role. */
export async function activeFocalPoints(deps: Deps, ministryId: string, role?: FocalPointRole): Promise<Stored<FocalPointFields>[]> {
  const now = deps.clock.now();
  const nominations = await queryAll(deps.repos.focalPoints, { where: [{ field: "ministryId", op: "eq", value: ministryId }] });
  return nominations.filter((f) => isActiveFocalPoint(f, now) && (!role || f.role === role));
}

/** Past this many ministries, one read of the whole list costs fewer requests than one read per ministry. */
const READ_ALL_ABOVE = 3;

/** The focal points in office now of several ministries (optionally of one role), by ministry; every ministry asked for has an entry. */
export async function activeFocalPointsOf(deps: Deps, ministryIds: Iterable<string>, role?: FocalPointRole): Promise<Map<string, Stored<FocalPointFields>[]>> {
  const unique = [...new Set(ministryIds)];
  const byMinistry = new Map<string, Stored<FocalPointFields>[]>(unique.map((id) => [id, []]));
  if (unique.length === 0) return byMinistry;
  const now = deps.clock.now();
  const nominations =
    unique.length > READ_ALL_ABOVE
      ? await queryAll(deps.repos.focalPoints)
      : (await Promise.all(unique.map((id) => queryAll(deps.repos.focalPoints, { where: [{ field: "ministryId", op: "eq", value: id }] })))).flat();
  for (const focalPoint of nominations) {
    if (!isActiveFocalPoint(focalPoint, now) || (role && focalPoint.role !== role)) continue;
    byMinistry.get(focalPoint.ministryId)?.push(focalPoint);
  }
  return byMinistry;
}

/** The ministries of which a person is an active focal point now. */
export async function ministriesOfFocalPoint(deps: Deps, userId: string): Promise<string[]> {
  const now = deps.clock.now();
  const nominations = await queryAll(deps.repos.focalPoints, { where: [{ field: "userId", op: "eq", value: userId }] });
  return [...new Set(nominations.filter((f) => isActiveFocalPoint(f, now)).map((f) => f.ministryId))];
}
