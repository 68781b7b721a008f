import { authorize, can, type Actor } from "../auth/policy";
import { queryAll } from "../ports/repository";
import type { UseCaseDeps } from "../ports/use-case-deps";
import type { Stored } from "../records/common";
import { isActiveFocalPoint, type FocalPointFields } from "./focal-point";
import type { MinistryFields } from "./ministry";
import { nameKey } from "../records/normalize";

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

export interface MinistryWithFocalPoints extends Stored<MinistryFields> {
  /** The focal points in office; empty for a reader who may not see people's names (observers). */
  focalPoints: { technical: Stored<FocalPointFields>[]; senior: Stored<FocalPointFields>[] };
}

/** The ministries by name, each with its focal points in office (their names only for the mechanism's members). */
export async function listMinistries(deps: Deps, filter: { active?: boolean }, actor: Actor): Promise<MinistryWithFocalPoints[]> {
  authorize(actor, { kind: "read" });
  const now = deps.clock.now();
  const [ministries, focalPoints] = await Promise.all([queryAll(deps.repos.ministries), can(actor, { kind: "read-people" }) ? queryAll(deps.repos.focalPoints) : []]);
  const active = focalPoints.filter((f) => isActiveFocalPoint(f, now));
  return ministries
    .filter((m) => filter.active === undefined || m.active === filter.active)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((m) => ({
      ...m,
      focalPoints: {
        technical: active.filter((f) => f.ministryId === m.id && f.role === "technical"),
        senior: active.filter((f) => f.ministryId === m.id && f.role === "senior"),
      },
    }));
}

/** Every nomination of a ministry, those in office first (who answered what stays attributed). */
export async function listFocalPoints(deps: Deps, ministryId: string, actor: Actor): Promise<(Stored<FocalPointFields> & { active: boolean })[]> {
  authorize(actor, { kind: "read-people" });
  const ministry = await deps.repos.ministries.get(ministryId);
  const now = deps.clock.now();
  const nominations = await queryAll(deps.repos.focalPoints, { where: [{ field: "ministryId", op: "eq", value: ministry.id }] });
  return nominations
    .map((f) => ({ ...f, active: isActiveFocalPoint(f, now) }))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.role.localeCompare(b.role) || b.activeFrom.localeCompare(a.activeFrom));
}

/** The ministry of that name, however it is spelt (core/records/normalize.ts), if there is one. */
export async function findMinistryByName(deps: Pick<UseCaseDeps, "repos">, name: string): Promise<Stored<MinistryFields> | undefined> {
  const key = nameKey(name);
  return (await queryAll(deps.repos.ministries)).find((m) => nameKey(m.name) === key);
}
