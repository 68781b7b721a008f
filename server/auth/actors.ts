/**
 * Builds the `Actor` of a call: who (from the verified token), which app roles (the token's
 * `roles` claim, kept to the product's roles), and of which ministries the person is an active
 * focal point (the FocalPoints list, cached per person for a short while).
 */
import type { Actor } from "../../core/auth/policy";
import { APP_ROLES, type AppRole } from "../../core/ports/directory";
import type { UseCaseDeps } from "../../core/ports/use-case-deps";
import { ministriesOfFocalPoint } from "../../core/ministries/focal-points";
import type { VerifiedIdentity } from "./token-validator";

/**
 * How long a person's ministries are remembered. A re-nomination takes effect for the person
 * within this time; the use cases that act on a ministry's behalf (answer, report status) read
 * the FocalPoints list again themselves, so the cache only ever widens reads briefly.
 */
export const MINISTRY_CACHE_MS = 30_000;
const MAX_CACHED_PEOPLE = 5_000;

export class ActorResolver {
  private readonly cache = new Map<string, { ministryIds: string[]; until: number }>();

  constructor(private readonly deps: Pick<UseCaseDeps, "repos" | "clock">, private readonly cacheMs = MINISTRY_CACHE_MS) {}

  async actorOf(identity: VerifiedIdentity): Promise<Actor> {
    const roles = identity.roles.filter((role): role is AppRole => (APP_ROLES as readonly string[]).includes(role));
    return {
      userId: identity.userId,
      displayName: identity.displayName.slice(0, 255),
      email: identity.email,
      roles: [...new Set(roles)],
      ministryIds: await this.ministriesOf(identity.userId),
    };
  }

  /** Forgets what is remembered about people (after a nomination, so the change shows at once). */
  forget(userId?: string): void {
    if (userId) this.cache.delete(userId);
    else this.cache.clear();
  }

  private async ministriesOf(userId: string): Promise<string[]> {
    const now = Date.now();
    const cached = this.cache.get(userId);
    if (cached && cached.until > now) return cached.ministryIds;
    const ministryIds = await ministriesOfFocalPoint(this.deps, userId);
    if (this.cache.size >= MAX_CACHED_PEOPLE) this.cache.clear();
    this.cache.set(userId, { ministryIds, until: now + this.cacheMs });
    return ministryIds;
  }
}
