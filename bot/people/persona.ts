import type { Actor } from "../../core/auth/policy";
import type { AppRole, Directory } from "../../core/ports/directory";
import type { Clock } from "../../core/ports/clock";
import { queryAll, type Repositories } from "../../core/ports/repository";
import { isActiveFocalPoint, type FocalPointRole } from "../../core/ministries/focal-point";

export interface FocalPointOf {
  ministryId: string;
  ministryName: string;
  role: FocalPointRole;
}

/** Who the bot is talking to: their app roles and the ministries they are a focal point of now. */
export interface Persona {
  userId: string;
  displayName: string;
  email?: string;
  locale?: string;
  roles: AppRole[];
  focalPoints: FocalPointOf[];
  /** The core actor for every use case this person's action calls. */
  actor: Actor;
}

export function isKnown(persona: Persona): boolean {
  return persona.roles.length > 0 || persona.focalPoints.length > 0;
}

export interface PersonaDeps {
  repos: Repositories;
  clock: Clock;
  directory: Directory;
}

/** Reads the person's roles (directory) and nominations (FocalPoints list) now. */
export async function resolvePersona(deps: PersonaDeps, identity: { userId: string; name?: string }): Promise<Persona> {
  const now = deps.clock.now();
  const [user, roles, nominations] = await Promise.all([
    deps.directory.getUser(identity.userId),
    deps.directory.rolesOf(identity.userId),
    queryAll(deps.repos.focalPoints, { where: [{ field: "userId", op: "eq", value: identity.userId }] }),
  ]);
  const active = nominations.filter((nomination) => isActiveFocalPoint(nomination, now));
  const focalPoints: FocalPointOf[] = [];
  for (const nomination of active) {
    const ministry = await deps.repos.ministries.get(nomination.ministryId).catch(() => undefined);
    focalPoints.push({ ministryId: nomination.ministryId, ministryName: ministry?.name ?? nomination.ministryId, role: nomination.role });
  }
  const displayName = user?.displayName ?? identity.name ?? active[0]?.displayName ?? identity.userId;
  const email = user?.email ?? active[0]?.email;
  const ministryIds = [...new Set(focalPoints.map((f) => f.ministryId))];
  return {
    userId: identity.userId,
    displayName,
    email,
    locale: user?.locale,
    roles,
    focalPoints,
    actor: { userId: identity.userId, displayName, email, roles, ministryIds },
  };
}
