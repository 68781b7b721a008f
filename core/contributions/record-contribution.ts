import { z } from "zod";
import { authorize, type Actor } from "../auth/policy";
import { ConcurrencyError, InvalidStateError, isDomainError } from "../errors";
import { attachmentSchema, contributionKey, type Attachment, type ContributionFields } from "./contribution";
import { LIMITS, recordIdSchema, textSchema, type Stored } from "../records/common";
import type { RequestFields } from "../requests/request";
import { implementationStatusSchema } from "../records/taxonomy";
import { parseOrThrow } from "../records/validate";
import { findOne, queryAll } from "../ports/repository";
import { applyRequestEvent, isOpen } from "../requests/request-lifecycle";
import { audit } from "../audit/audit";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { ministriesOfFocalPoint } from "../ministries/focal-points";
import { withFreshRead } from "../ports/retry-on-conflict";
import { evidenceOfRequest } from "./evidence";
import { applyStatusChange } from "../recommendations/update-recommendation-status";

export const recordContributionInputSchema = z.object({
  requestId: recordIdSchema,
  text: textSchema(LIMITS.contributionText).pipe(z.string().trim().min(1, "an answer cannot be empty")),
  reportedStatus: implementationStatusSchema.optional(),
  attachments: z.array(attachmentSchema).max(20).default([]),
  /** What carried the answer (a Teams activity id, an API idempotency key): a replay is saved once. */
  submissionId: z.string().min(1).max(255),
  via: z.enum(["card", "chat", "tab", "api"]),
});
export type RecordContributionInput = z.input<typeof recordContributionInputSchema>;

export interface RecordContributionResult {
  contribution: Stored<ContributionFields>;
  request: Stored<RequestFields>;
  /** True when this submission had already been saved: nothing new was written. */
  replayed: boolean;
  /** The status the answer reported was not applied to the recommendation (the answer is saved): why. */
  statusNotApplied?: string;
}

type Deps = Pick<UseCaseDeps, "repos" | "clock" | "documents">;

/** How many times a reservation is tried again when other answers to the same request win the race. */
const RESERVATION_TRIES = 60;

/**
 * Saves a focal point's answer as a new version of the request's contribution. Only an active
 * focal point of the request's ministry may answer, only while the request is open; the
 * request becomes answered, and a status the lead ministry reports updates the recommendation.
 *
 * Each submission is stored once, in order, whatever arrives at the same time: the request is
 * the point of order. Its next version is reserved on it first (with its eTag: of two answers,
 * one reserves, the other reads again), then the contribution is written under the version's
 * unique key, then linked. A replay of a submission (a double click, a retried call) finds the
 * reservation or the stored version and returns it. The caller is told success only once the
 * contribution is stored; a refusal (403, 409, 412) stores nothing.
 */
export async function recordContribution(deps: Deps, rawInput: RecordContributionInput, actor: Actor): Promise<RecordContributionResult> {
  const input = parseOrThrow(recordContributionInputSchema, rawInput, "The answer");
  const ministryIds = await ministriesOfFocalPoint(deps, actor.userId);
  const acting: Actor = { ...actor, ministryIds };

  const now = deps.clock.now().toISOString();
  const stored = await withFreshRead(async () => {
    const reserved = await reserveVersion(deps, input, acting);
    if ("replay" in reserved) return reserved;
    return { request: reserved.request, contribution: await storeVersion(deps, reserved.request, reserved.version, contributionOf(input, reserved, actor, now)) };
  }, RESERVATION_TRIES);
  if ("replay" in stored) {
    // The first call may have stopped after storing it: what it did not finish is finished now.
    await ensureAudited(deps, acting, stored.replay, input.via);
    const request =
      stored.request.pendingSubmissionId === input.submissionId ? await linkVersion(deps, stored.request, stored.replay, now).catch((error: unknown) => (ignoreStoreFailure(error), stored.request)) : stored.request;
    return { contribution: stored.replay, request, replayed: true };
  }

  // From here the answer is stored: what follows is bookkeeping, and its failures do not unsay it
  // (a replay of the submission finishes what is missing).
  const { request, contribution } = stored;
  await audit(deps, acting, auditEventOf(contribution, request.status, input.via)).catch(ignoreStoreFailure);
  const linked = await linkVersion(deps, request, contribution, now).catch((error: unknown) => (ignoreStoreFailure(error), request));

  let statusNotApplied: string | undefined;
  if (input.reportedStatus && request.subject.kind === "recommendation" && request.ministryRole === "lead") {
    try {
      await applyStatusChange(deps, request.subject.recommendationId, { status: input.reportedStatus, contributionId: contribution.id }, acting);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      statusNotApplied = error.message;
    }
  }
  return { contribution, request: linked, replayed: false, statusNotApplied };
}

function contributionOf(input: z.output<typeof recordContributionInputSchema>, { request, version, attachments }: { request: Stored<RequestFields>; version: number; attachments: Attachment[] }, actor: Actor, now: string): ContributionFields {
  return {
    key: contributionKey(request.id, version),
    requestId: request.id,
    reportId: request.reportId,
    ministryId: request.ministryId,
    version,
    text: input.text,
    reportedStatus: input.reportedStatus,
    attachments,
    authorId: actor.userId,
    authorName: actor.displayName.slice(0, LIMITS.shortText),
    answeredAt: now,
    via: input.via,
    submissionId: input.submissionId,
  };
}

/** A store that failed us after the answer was stored: not the caller's failure. Anything else is a bug and is thrown. */
function ignoreStoreFailure(error: unknown): void {
  if (!isDomainError(error)) throw error;
}

type Reservation = { request: Stored<RequestFields>; version: number; attachments: Attachment[] } | { request: Stored<RequestFields>; replay: Stored<ContributionFields> };

/** Reads the request, refuses what may not be done, and reserves the next version for this submission (or finds it saved). */
async function reserveVersion(deps: Deps, input: z.output<typeof recordContributionInputSchema>, acting: Actor): Promise<Reservation> {
  const request = await deps.repos.requests.get(input.requestId);
  authorize(acting, { kind: "answer-request", ministryId: request.ministryId });
  const versions = await queryAll(deps.repos.contributions, { where: [{ field: "requestId", op: "eq", value: request.id }] });
  const saved = versions.find((c) => c.submissionId === input.submissionId);
  if (saved) return { request, replay: saved };
  // The files it lists must be this request's evidence, as the library describes them (core/contributions/evidence.ts).
  const attachments = await evidenceOfRequest(deps, request, input.attachments);
  // Reserved by an earlier call of this submission that stopped before storing it: that version is still ours.
  if (request.pendingSubmissionId === input.submissionId && !versions.some((c) => c.version === request.latestVersion)) return { request, version: request.latestVersion, attachments };
  if (!isOpen(request.status)) throw new InvalidStateError("this request is closed: it no longer takes answers", request.status, "answer");
  await refuseStatusTheyMayNotReport(deps, request, input, acting);
  const version = Math.max(request.latestVersion, ...versions.map((c) => c.version)) + 1;
  const updated = await deps.repos.requests.update(request.id, { latestVersion: version, pendingSubmissionId: input.submissionId }, request.eTag);
  return { request: updated, version, attachments };
}

/** A lead ministry's answer that reports a status: the person must be allowed to report it, checked before anything is written. */
async function refuseStatusTheyMayNotReport(deps: Deps, request: Stored<RequestFields>, input: z.output<typeof recordContributionInputSchema>, acting: Actor): Promise<void> {
  if (!input.reportedStatus || request.subject.kind !== "recommendation" || request.ministryRole !== "lead") return;
  const recommendation = await deps.repos.recommendations.get(request.subject.recommendationId);
  if (recommendation.leadMinistryId) authorize(acting, { kind: "update-status", ministryId: recommendation.leadMinistryId });
}

/** Writes the reserved version; a write that already happened (a retried call, a replay racing us) is found, not repeated. */
async function storeVersion(deps: Deps, request: Stored<RequestFields>, version: number, fields: ContributionFields): Promise<Stored<ContributionFields>> {
  try {
    return await deps.repos.contributions.create(fields);
  } catch (error) {
    if (!(isDomainError(error) && error.code === "conflict")) throw error;
    const existing = await findOne(deps.repos.contributions, "key", contributionKey(request.id, version));
    if (existing?.submissionId === fields.submissionId) return existing;
    // Another answer holds this version: the reservation was lost to it. Nothing of ours is stored.
    throw new ConcurrencyError("Request", request.id);
  }
}

/** The request now points at its newest stored version and is answered (unless it was closed meanwhile). */
async function linkVersion(deps: Deps, reserved: Stored<RequestFields>, contribution: Stored<ContributionFields>, at: string): Promise<Stored<RequestFields>> {
  return withFreshRead(async () => {
    const current = await deps.repos.requests.get(reserved.id);
    const answered = isOpen(current.status) ? applyRequestEvent(current, { type: "answer", at }) : {};
    const newest = contribution.version >= current.latestVersion;
    return deps.repos.requests.update(
      current.id,
      {
        ...answered,
        latestVersion: Math.max(current.latestVersion, contribution.version),
        ...(newest ? { latestContributionId: contribution.id } : {}),
        ...(current.pendingSubmissionId === contribution.submissionId ? { pendingSubmissionId: undefined } : {}),
      },
      current.eTag,
    );
  }, 10);
}

function auditEventOf(contribution: Stored<ContributionFields>, requestStatus: string, via: string) {
  return {
    action: "contribution.recorded",
    entity: "contributions",
    entityId: contribution.id,
    summary: `Answered request ${contribution.requestId} (version ${contribution.version}, via ${via})`,
    changes: [
      { field: "requestStatus", from: requestStatus, to: "answered" },
      { field: "version", to: contribution.version },
    ],
  };
}

/** A replay of a submission whose first call stopped after storing it: its audit entry is written if it is missing. */
async function ensureAudited(deps: Deps, actor: Actor, contribution: Stored<ContributionFields>, via: string): Promise<void> {
  const entries = await queryAll(deps.repos.audit, { where: [{ field: "entityId", op: "eq", value: contribution.id }] });
  if (entries.some((entry) => entry.entity === "contributions" && entry.action === "contribution.recorded")) return;
  await audit(deps, actor, auditEventOf(contribution, "answered", via));
}
