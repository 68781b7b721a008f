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

/** The ministries of which a person is an active focal point now. */
export async function ministriesOfFocalPoint(deps: Deps, userId: string): Promise<string[]> {
  const now = deps.clock.now();
  const nominations = await queryAll(deps.repos.focalPoints, { where: [{ field: "userId", op: "eq", value: userId }] });
  return [...new Set(nominations.filter((f) => isActiveFocalPoint(f, now)).map((f) => f.ministryId))];
}
