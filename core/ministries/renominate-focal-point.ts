import { z } from "zod";
import { authorize, type Actor } from "../auth/policy";
import { recordIdSchema, nonEmptyShortTextSchema, userIdSchema, type Stored } from "../records/common";
import { focalPointRoleSchema, isActiveFocalPoint, type FocalPointFields } from "./focal-point";
import { parseOrThrow } from "../records/validate";
import { queryAll } from "../ports/repository";
import { audit } from "../audit/audit";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { queueRequestCards } from "../requests/create-requests";
import { applyRequestEvent, isAwaitingAnswer, isAwaitingDelivery } from "../requests/request-lifecycle";

export const nominateFocalPointInputSchema = z.object({
  ministryId: recordIdSchema,
  role: focalPointRoleSchema,
  person: z.object({ userId: userIdSchema, displayName: nonEmptyShortTextSchema, email: z.email() }),
});
export type NominateFocalPointInput = z.input<typeof nominateFocalPointInputSchema>;

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

/**
 * Names a ministry's technical or senior focal point. The person in office is not deleted: their
 * nomination ends now, so what they answered stays theirs in the history. A new technical focal
 * point is sent the ministry's open requests.
 */
export async function nominateFocalPoint(deps: Deps, rawInput: NominateFocalPointInput, actor: Actor): Promise<{ nominated: Stored<FocalPointFields>; ended: Stored<FocalPointFields>[] }> {
  authorize(actor, { kind: "edit-lists" });
  const input = parseOrThrow(nominateFocalPointInputSchema, rawInput, "The nomination");
  const ministry = await deps.repos.ministries.get(input.ministryId);
  const now = deps.clock.now();
  const at = now.toISOString();
  const current = (await queryAll(deps.repos.focalPoints, { where: [{ field: "ministryId", op: "eq", value: ministry.id }] })).filter(
    (f) => f.role === input.role && isActiveFocalPoint(f, now),
  );
  const already = current.find((f) => f.userId === input.person.userId);
  if (already && current.length === 1) return { nominated: already, ended: [] };

  const ended: Stored<FocalPointFields>[] = [];
  for (const previous of current.filter((f) => f.userId !== input.person.userId)) {
    ended.push(await deps.repos.focalPoints.update(previous.id, { activeUntil: at }, previous.eTag));
  }
  const nominated =
    already ??
    (await deps.repos.focalPoints.create({ ministryId: ministry.id, role: input.role, ...input.person, activeFrom: at }));
  await audit(deps, actor, {
    action: "focal-point.nominated",
    entity: "focalPoints",
    entityId: nominated.id,
    summary: `${input.person.displayName} is now the ${input.role} focal point of ${ministry.name}${ended.length ? `, replacing ${ended.map((f) => f.displayName).join(", ")}` : ""}`,
  });
  if (input.role === "technical" && !already) {
    const open = (await queryAll(deps.repos.requests, { where: [{ field: "ministryId", op: "eq", value: ministry.id }] })).filter((r) => isAwaitingAnswer(r.status) || isAwaitingDelivery(r.status));
    await queueRequestCards(deps, open, at);
    // Requests nobody could receive are queued again: their card now has someone to go to.
    const requeued = open.filter((r) => r.status === "undeliverable");
    for (const result of await deps.repos.requests.updateMany(requeued.map((r) => ({ id: r.id, eTag: r.eTag, current: r, changes: applyRequestEvent(r, { type: "requeue" }) })))) {
      if (!result.ok && result.error.code !== "concurrency") throw result.error;
    }
  }
  return { nominated, ended };
}
