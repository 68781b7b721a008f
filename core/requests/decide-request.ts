/**
 * The secretariat's decisions on what came back from a ministry: grant or refuse the more time
 * asked, move the request to another ministry, accept the answer or send it back for revision.
 * The focal points hear each decision in their chat (a notice through the outbox).
 */
import { z } from "zod";
import { authorize, type Actor } from "../auth/policy";
import { ConcurrencyError, InvalidStateError, ValidationError } from "../errors";
import { calendarDateSchema, LIMITS, recordIdSchema, textSchema, type Stored } from "../records/common";
import type { OutboxEntryInput } from "../outbox/outbox-entry";
import type { NoticeTopic } from "../outbox/notification";
import { parseOrThrow } from "../records/validate";
import { audit } from "../audit/audit";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { activeFocalPoints } from "../ministries/focal-points";
import { queryAll } from "../ports/repository";
import { viewsOf } from "../ports/use-case-deps";
import { requestKey, type RequestFields } from "./request";
import { applyRequestEvent } from "./request-lifecycle";
import { createRequests } from "./create-requests";
import { decisionsWaiting, type DecisionKind } from "./decisions";

export const requestDecisionSchema = z.discriminatedUnion("decision", [
  /** Gives the time asked (or another date after the due date). */
  z.object({ decision: z.literal("grant-more-time"), until: calendarDateSchema }),
  z.object({ decision: z.literal("refuse-more-time"), reason: textSchema(LIMITS.comment).pipe(z.string().trim().min(1, "say why the date stays")) }),
  /** Moves the request to another ministry: a request is made there (due on `dueDate`, or the same date), this one is closed. */
  z.object({ decision: z.literal("reassign"), ministryId: recordIdSchema, dueDate: calendarDateSchema.optional() }),
  z.object({ decision: z.literal("accept-answer") }),
  z.object({ decision: z.literal("return-answer"), comment: textSchema(LIMITS.comment).pipe(z.string().trim().min(1, "say what to revise")) }),
]);
export type RequestDecision = z.input<typeof requestDecisionSchema>;

export const decideRequestInputSchema = z.object({
  requestId: recordIdSchema,
  /** The eTag the person read: a decision on a stale view is refused. */
  eTag: z.string().min(1),
  decision: requestDecisionSchema,
});
export type DecideRequestInput = z.input<typeof decideRequestInputSchema>;

export interface DecideRequestResult {
  request: Stored<RequestFields>;
  /** For a reassignment: the request made at the other ministry. */
  reassignedTo?: Stored<RequestFields>;
}

type Deps = Pick<UseCaseDeps, "repos" | "clock" | "directory">;

/** Decides on a request (secretariat only), tells its focal points, writes the audit entry. */
export async function decideRequest(deps: Deps, rawInput: DecideRequestInput, actor: Actor): Promise<DecideRequestResult> {
  authorize(actor, { kind: "edit-lists" });
  const { requestId, eTag, decision } = parseOrThrow(decideRequestInputSchema, rawInput, "The decision");
  const request = await deps.repos.requests.get(requestId);
  if (eTag !== request.eTag) throw new ConcurrencyError("Request", request.id, request);
  const now = deps.clock.now().toISOString();

  let changes: Partial<RequestFields>;
  let summary: string;
  let notice: { topic: NoticeTopic; text: string; comment?: string; until?: string; ministryName?: string };
  let reassignedTo: Stored<RequestFields> | undefined;
  switch (decision.decision) {
    case "grant-more-time":
      if (!request.moreTimeRequestedUntil) throw new InvalidStateError("no more time was asked for this request: extend its due date instead", request.status, decision.decision);
      changes = applyRequestEvent(request, { type: "grant-more-time", until: decision.until });
      summary = `Gave request ${request.id} more time, from ${request.dueDate} to ${decision.until} (asked: ${request.moreTimeRequestedUntil})`;
      notice = { topic: "more-time-granted", text: `The secretariat gave you more time: the request is now due on ${decision.until}.`, until: decision.until };
      break;
    case "refuse-more-time":
      changes = applyRequestEvent(request, { type: "refuse-more-time" });
      summary = `Refused more time on request ${request.id} (asked: ${request.moreTimeRequestedUntil}): ${decision.reason}`;
      notice = { topic: "more-time-refused", text: `The secretariat could not give more time: the request stays due on ${request.dueDate}. ${decision.reason}`, comment: decision.reason };
      break;
    case "reassign": {
      const target = await deps.repos.ministries.get(decision.ministryId);
      if (target.id === request.ministryId) throw new ValidationError("choose another ministry than the one asked", [{ path: "ministryId", message: "another ministry" }]);
      if (!target.active) throw new ValidationError(`${target.name} is no longer active`, [{ path: "ministryId", message: "an active ministry" }]);
      // Allowed before anything is written: the lifecycle refuses moving an answered or closed request.
      applyRequestEvent(request, { type: "reassign", at: now, toRequestId: request.id, toMinistryId: target.id });
      reassignedTo = await requestAt(deps, request, target.id, decision.dueDate ?? request.dueDate, actor);
      changes = applyRequestEvent(request, { type: "reassign", at: now, toRequestId: reassignedTo.id, toMinistryId: target.id });
      summary = `Moved request ${request.id} to ${target.name} (request ${reassignedTo.id})`;
      notice = { topic: "reassigned", text: `The secretariat moved this request to ${target.name}: your ministry need not answer it.`, ministryName: target.name };
      break;
    }
    case "accept-answer":
      changes = applyRequestEvent(request, { type: "accept-answer", at: now, version: request.latestVersion });
      summary = `Accepted version ${request.latestVersion} of the answer to request ${request.id}`;
      notice = { topic: "answer-accepted", text: "The secretariat accepted your answer. Thank you." };
      break;
    case "return-answer":
      changes = applyRequestEvent(request, { type: "return-answer", at: now, comment: decision.comment });
      summary = `Sent the answer to request ${request.id} back for revision: ${decision.comment}`;
      notice = { topic: "answer-returned", text: `The secretariat sent your answer back for revision: ${decision.comment}`, comment: decision.comment };
      break;
  }

  const updated = await deps.repos.requests.update(request.id, changes, request.eTag);
  await tellFocalPoints(deps, updated, { ...notice, key: `notice:${notice.topic}:${request.id}:${request.eTag}` }, now);
  await audit(deps, actor, {
    action: `request.${decision.decision}`,
    entity: "requests",
    entityId: request.id,
    summary,
    changes: Object.entries(changes).map(([field, to]) => ({ field, from: (request as Record<string, unknown>)[field], to })),
  });
  return { request: updated, ...(reassignedTo ? { reassignedTo } : {}) };
}

/** The request at the other ministry: made now, or found when a first try made it and stopped. */
async function requestAt(deps: Deps, from: Stored<RequestFields>, ministryId: string, dueDate: string, actor: Actor): Promise<Stored<RequestFields>> {
  const { created } = await createRequests(deps, { reportId: from.reportId, subjects: [from.subject], ministries: { mode: "selected", ministryIds: [ministryId] }, ask: from.ask, dueDate }, actor);
  const made = created[0] ?? (await queryAll(deps.repos.requests, { where: [{ field: "key", op: "eq", value: requestKey(from.reportId, from.subject, ministryId) }] }))[0];
  if (!made) throw new InvalidStateError("the request could not be made at the other ministry", from.status, "reassign");
  if (made.reassignedFromRequestId === from.id) return made;
  return deps.repos.requests.update(made.id, { reassignedFromRequestId: from.id, ...(from.ministryRole === "supporting" ? { ministryRole: "supporting" as const } : {}) }, made.eTag);
}

async function tellFocalPoints(
  deps: Deps,
  request: Stored<RequestFields>,
  notice: { key: string; topic: NoticeTopic; text: string; comment?: string; until?: string; ministryName?: string },
  now: string,
): Promise<void> {
  const { key, topic, text, comment, until, ministryName } = notice;
  const recipients = [...new Set((await activeFocalPoints(deps, request.ministryId, "technical")).map((f) => f.userId))];
  const entries: OutboxEntryInput[] = recipients.map((userId) => ({
    key: `${key}:${userId}`.slice(0, 255),
    recipientId: userId,
    notification: {
      kind: "notice",
      topic,
      text: text.slice(0, LIMITS.comment),
      requestId: request.id,
      ...(comment ? { comment } : {}),
      ...(until ? { until } : {}),
      ...(ministryName ? { ministryName } : {}),
    },
    createdAt: now,
  }));
  for (const result of await deps.repos.outbox.createMany(entries)) {
    if (!result.ok && result.error.code !== "conflict") throw result.error;
  }
}

export interface DecisionItem {
  request: Stored<RequestFields>;
  decisions: DecisionKind[];
}

/** What waits for the secretariat's decision, across every report: the soonest due first. */
export async function listDecisions(deps: Pick<UseCaseDeps, "repos" | "views">, actor: Actor): Promise<DecisionItem[]> {
  authorize(actor, { kind: "edit-lists" });
  const all = await viewsOf(deps).requests.all();
  return all
    .map((request) => ({ request, decisions: decisionsWaiting(request) }))
    .filter((item) => item.decisions.length > 0)
    .sort((a, b) => a.request.dueDate.localeCompare(b.request.dueDate) || Number(a.request.id) - Number(b.request.id));
}
