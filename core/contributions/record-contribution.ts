import { z } from "zod";
import { authorize, type Actor } from "../auth/policy";
import { InvalidStateError } from "../errors";
import { attachmentSchema, contributionKey, type ContributionFields } from "./contribution";
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
}

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

/**
 * Saves a focal point's answer as a new version of the request's contribution. Only an active
 * focal point of the request's ministry may answer, only while the request is open; the
 * request becomes answered, and a status the lead ministry reports updates the recommendation.
 */
export async function recordContribution(deps: Deps, rawInput: RecordContributionInput, actor: Actor): Promise<RecordContributionResult> {
  const input = parseOrThrow(recordContributionInputSchema, rawInput, "The answer");
  const request = await deps.repos.requests.get(input.requestId);
  const ministryIds = await ministriesOfFocalPoint(deps, actor.userId);
  authorize({ ...actor, ministryIds }, { kind: "answer-request", ministryId: request.ministryId });

  const replay = await findOne(deps.repos.contributions, "submissionId", input.submissionId);
  if (replay && replay.requestId === request.id) {
    return { contribution: replay, request: await deps.repos.requests.get(request.id), replayed: true };
  }
  if (!isOpen(request.status)) throw new InvalidStateError("this request is closed: it no longer takes answers", request.status, "answer");

  const now = deps.clock.now().toISOString();
  const contribution = await withFreshRead(async () => {
    const versions = await queryAll(deps.repos.contributions, { where: [{ field: "requestId", op: "eq", value: request.id }] });
    const version = Math.max(0, request.latestVersion, ...versions.map((c) => c.version)) + 1;
    return deps.repos.contributions.create({
      key: contributionKey(request.id, version),
      requestId: request.id,
      reportId: request.reportId,
      ministryId: request.ministryId,
      version,
      text: input.text,
      reportedStatus: input.reportedStatus,
      attachments: input.attachments,
      authorId: actor.userId,
      authorName: actor.displayName.slice(0, LIMITS.shortText),
      answeredAt: now,
      via: input.via,
      submissionId: input.submissionId,
    });
  });

  const updated = await withFreshRead(async () => {
    const current = await deps.repos.requests.get(request.id);
    const changes = applyRequestEvent(current, { type: "answer", at: now });
    return deps.repos.requests.update(
      current.id,
      { ...changes, latestContributionId: contribution.id, latestVersion: Math.max(current.latestVersion, contribution.version) },
      current.eTag,
    );
  });

  await audit(deps, actor, {
    action: "contribution.recorded",
    entity: "contributions",
    entityId: contribution.id,
    summary: `Answered request ${request.id} (version ${contribution.version}, via ${input.via})`,
    changes: [
      { field: "requestStatus", from: request.status, to: updated.status },
      { field: "version", to: contribution.version },
    ],
  });

  if (input.reportedStatus && request.subject.kind === "recommendation" && request.ministryRole === "lead") {
    await applyStatusChange(deps, request.subject.recommendationId, { status: input.reportedStatus, contributionId: contribution.id }, { ...actor, ministryIds });
  }
  return { contribution, request: updated, replayed: false };
}
