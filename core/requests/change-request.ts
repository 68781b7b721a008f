import { z } from "zod";
import { authorize, type Actor } from "../auth/policy";
import { ConcurrencyError } from "../errors";
import { calendarDateSchema, LIMITS, recordIdSchema, textSchema, type Stored } from "../records/common";
import type { OutboxEntryInput } from "../outbox/outbox-entry";
import type { RequestFields } from "./request";
import { parseOrThrow } from "../records/validate";
import { applyRequestEvent } from "./request-lifecycle";
import { audit } from "../audit/audit";
import { queueRequestCards } from "./create-requests";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { ministriesOfFocalPoint } from "../ministries/focal-points";

/** What the secretariat does to a request. */
export const secretariatRequestActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("extend"), until: calendarDateSchema }),
  z.object({ action: z.literal("close") }),
  z.object({ action: z.literal("reopen") }),
  /** Sends the request card again (a focal point lost it, or was nominated after the request). */
  z.object({ action: z.literal("resend") }),
]);

/** What a focal point does to a request of their ministry, besides answering it. */
export const focalPointRequestActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("see") }),
  z.object({ action: z.literal("ask-more-time"), until: calendarDateSchema, reason: textSchema(LIMITS.comment).pipe(z.string().trim().min(1, "say why")) }),
  z.object({ action: z.literal("decline"), reason: textSchema(LIMITS.comment).pipe(z.string().trim().min(1, "say which ministry it belongs to, or why")) }),
]);

export const changeRequestInputSchema = z.object({
  requestId: recordIdSchema,
  /** The eTag the person read; omitted by the bot, whose actions apply to the request as it is now. */
  eTag: z.string().min(1).optional(),
  change: z.union([secretariatRequestActionSchema, focalPointRequestActionSchema]),
});
export type ChangeRequestInput = z.input<typeof changeRequestInputSchema>;

type Deps = Pick<UseCaseDeps, "repos" | "clock" | "directory">;

/** Extends, closes, reopens or resends a request (secretariat); marks it seen, asks for more time or declines it (focal point). */
export async function changeRequest(deps: Deps, rawInput: ChangeRequestInput, actor: Actor): Promise<Stored<RequestFields>> {
  const { requestId, eTag, change } = parseOrThrow(changeRequestInputSchema, rawInput, "The change");
  const request = await deps.repos.requests.get(requestId);
  const bySecretariat = change.action === "extend" || change.action === "close" || change.action === "reopen" || change.action === "resend";
  // Who may act comes first: a refusal, and a stale eTag, tell nothing about a request the caller may not touch.
  if (bySecretariat) authorize(actor, { kind: "edit-lists" });
  else authorize({ ...actor, ministryIds: await ministriesOfFocalPoint(deps, actor.userId) }, { kind: "answer-request", ministryId: request.ministryId });
  if (eTag && eTag !== request.eTag) throw new ConcurrencyError("Request", request.id, request);
  const now = deps.clock.now().toISOString();

  let changes: Partial<RequestFields>;
  let summary: string;
  const notices: OutboxEntryInput[] = [];
  switch (change.action) {
    case "extend":
      changes = applyRequestEvent(request, { type: "extend", until: change.until });
      summary = `Extended request ${request.id} from ${request.dueDate} to ${change.until}`;
      break;
    case "close":
      changes = applyRequestEvent(request, { type: "close", at: now });
      summary = `Closed request ${request.id}`;
      break;
    case "reopen":
      changes = applyRequestEvent(request, { type: "reopen" });
      summary = `Reopened request ${request.id}`;
      break;
    case "resend":
      // With the eTag the tab sends, a double click resends once: the second one is stale.
      changes = { notices: [...request.notices, `resend:${now}`] };
      summary = `Sent request ${request.id} again`;
      break;
    case "see":
      changes = applyRequestEvent(request, { type: "see", at: now });
      summary = `${actor.displayName} saw request ${request.id}`;
      if (Object.keys(changes).length === 0) return request;
      break;
    case "ask-more-time":
      changes = applyRequestEvent(request, { type: "ask-more-time", until: change.until, reason: change.reason });
      summary = `${actor.displayName} asked for more time on request ${request.id}, until ${change.until}`;
      notices.push(...(await secretariatNotices(deps, request, "more-time-requested", `${summary}: ${change.reason}`, now)));
      break;
    case "decline":
      changes = applyRequestEvent(request, { type: "decline", reason: change.reason });
      summary = `${actor.displayName} says request ${request.id} is not for their ministry`;
      notices.push(...(await secretariatNotices(deps, request, "not-our-ministry", `${summary}: ${change.reason}`, now)));
      break;
  }

  const updated = await deps.repos.requests.update(request.id, changes, request.eTag);
  if (change.action === "resend") await queueRequestCards(deps, [updated], now, `:resend:${updated.notices.length}`);
  if (change.action === "extend") await queueRequestCards(deps, [updated], now, `:due:${updated.dueDate}`);
  for (const result of await deps.repos.outbox.createMany(notices)) {
    if (!result.ok && result.error.code !== "conflict") throw result.error;
  }
  await audit(deps, actor, {
    action: `request.${change.action}`,
    entity: "requests",
    entityId: request.id,
    summary,
    changes: Object.entries(changes).map(([field, to]) => ({ field, from: (request as Record<string, unknown>)[field], to })),
  });
  return updated;
}

async function secretariatNotices(
  deps: Deps,
  request: Stored<RequestFields>,
  topic: "more-time-requested" | "not-our-ministry",
  text: string,
  now: string,
): Promise<OutboxEntryInput[]> {
  const secretariat = await deps.directory.usersWithRole("Secretariat");
  return secretariat.map((person) => ({
    key: `notice:${topic}:${request.id}:${request.eTag}:${person.id}`.slice(0, 255),
    recipientId: person.id,
    notification: { kind: "notice", topic, text: text.slice(0, LIMITS.comment), requestId: request.id },
    createdAt: now,
  }));
}
