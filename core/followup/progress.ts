import { z } from "zod";
import { authorize, type Actor } from "../auth/policy";
import { audit } from "../audit/audit";
import { attachmentSchema } from "../contributions/contribution";
import { InvalidStateError, isDomainError, ValidationError } from "../errors";
import { ministriesOfFocalPoint } from "../ministries/focal-points";
import { findOne, queryAll } from "../ports/repository";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { withFreshRead } from "../ports/retry-on-conflict";
import { LIMITS, recordIdSchema, textSchema, type Stored } from "../records/common";
import type { ImplementationStatus } from "../records/taxonomy";
import { parseOrThrow } from "../records/validate";
import { applyStatusChange } from "../recommendations/update-recommendation-status";
import type { ActionFields } from "./action";
import { indicatorValueKey, type IndicatorValueFields } from "./indicator";
import { actionStatusSchema } from "./action";
import { progressUpdateKey, reportedValueSchema, type ProgressUpdateFields } from "./progress-update";

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

export const reportProgressInputSchema = z.object({
  actionId: recordIdSchema,
  text: textSchema(LIMITS.contributionText).pipe(z.string().trim().min(1, "progress cannot be empty")),
  status: actionStatusSchema,
  values: z.array(reportedValueSchema).max(50).default([]),
  attachments: z.array(attachmentSchema).max(20).default([]),
  /** What carried the update (a Teams activity id, an API idempotency key): a replay is saved once. */
  submissionId: z.string().min(1).max(255),
  via: z.enum(["card", "chat", "tab", "api"]),
});
export type ReportProgressInput = z.input<typeof reportProgressInputSchema>;

/** The indicators a value may be reported for: the action's own and those of the recommendations it implements. */
async function indicatorsOfAction(deps: Deps, action: Stored<ActionFields>): Promise<Set<string>> {
  const own = await queryAll(deps.repos.indicators, { where: [{ field: "actionId", op: "eq", value: action.id }] });
  const ids = new Set(own.map((i) => i.id));
  for (const recommendationId of action.recommendationIds) {
    for (const indicator of await queryAll(deps.repos.indicators, { where: [{ field: "recommendationId", op: "eq", value: recommendationId }] })) ids.add(indicator.id);
  }
  return ids;
}

/**
 * A focal point of the action's lead ministry reports its progress: a new version, every
 * earlier one kept. Values and status take effect once the secretariat accepts the update.
 * A replay of a submission is saved once; two updates at once get consecutive versions.
 */
export async function reportProgress(deps: Deps, rawInput: ReportProgressInput, actor: Actor): Promise<{ update: Stored<ProgressUpdateFields>; replayed: boolean }> {
  const input = parseOrThrow(reportProgressInputSchema, rawInput, "The progress update");
  const acting: Actor = { ...actor, ministryIds: await ministriesOfFocalPoint(deps, actor.userId) };
  const action = await deps.repos.actions.get(input.actionId);
  authorize(acting, { kind: "answer-request", ministryId: action.leadMinistryId });
  const measurable = await indicatorsOfAction(deps, action);
  const unknown = input.values.filter((v) => !measurable.has(v.indicatorId)).map((v) => v.indicatorId);
  if (unknown.length > 0) throw new ValidationError(`indicator ${unknown.join(", ")} does not measure this action`, [{ path: "values", message: `indicator ${unknown.join(", ")} does not measure this action` }]);

  return withFreshRead(async () => {
    const versions = await queryAll(deps.repos.progressUpdates, { where: [{ field: "actionId", op: "eq", value: action.id }] });
    const saved = versions.find((u) => u.submissionId === input.submissionId);
    if (saved) return { update: saved, replayed: true };
    const version = Math.max(0, ...versions.map((u) => u.version)) + 1;
    const update = await deps.repos.progressUpdates.create({
      key: progressUpdateKey(action.id, version),
      actionId: action.id,
      ministryId: action.leadMinistryId,
      version,
      text: input.text,
      reportedStatus: input.status,
      values: input.values,
      attachments: input.attachments,
      authorId: actor.userId,
      authorName: actor.displayName.slice(0, LIMITS.shortText),
      reportedAt: deps.clock.now().toISOString(),
      via: input.via,
      submissionId: input.submissionId,
    });
    await audit(deps, acting, { action: "progress.reported", entity: "progressUpdates", entityId: update.id, summary: `Progress on action ${action.id} (version ${version}, via ${input.via})` }).catch(ignoreStoreFailure);
    return { update, replayed: false };
  }, 20);
}

function ignoreStoreFailure(error: unknown): void {
  if (!isDomainError(error)) throw error;
}

const reviewDecisionShape = { decision: z.enum(["accepted", "returned"]), comment: textSchema(LIMITS.comment).optional() };
const returnedWithComment = (input: { decision: string; comment?: string }) => input.decision === "accepted" || (input.comment?.trim().length ?? 0) > 0;
const COMMENT_NEEDED = { path: ["comment"], message: "say what is missing when returning an update" };
/** The secretariat's decision on an update, as the API takes it; returning it needs a comment the focal point will read. */
export const reviewDecisionSchema = z.strictObject(reviewDecisionShape).refine(returnedWithComment, COMMENT_NEEDED);
export const reviewProgressInputSchema = z.object({ updateId: recordIdSchema, ...reviewDecisionShape }).refine(returnedWithComment, COMMENT_NEEDED);
export type ReviewProgressInput = z.input<typeof reviewProgressInputSchema>;

/** What an accepted update did to a recommendation's implementation status, or proposes to. */
export interface StatusOutcome {
  recommendationId: string;
  from: ImplementationStatus;
  to: ImplementationStatus;
}

export interface ReviewProgressResult {
  update: Stored<ProgressUpdateFields>;
  action: Stored<ActionFields>;
  values: Stored<IndicatorValueFields>[];
  /** Statuses moved because the rule is plain (work under way on a recommendation not yet started). */
  statusesMoved: StatusOutcome[];
  /** Statuses the secretariat should consider (every action of a recommendation is done, or dropped): not applied. */
  statusesProposed: StatusOutcome[];
}

const NOT_YET_STARTED: readonly ImplementationStatus[] = ["not-assessed", "not-started"];

/**
 * The secretariat accepts or returns a progress update. Accepting records its indicator values,
 * moves the action's status, and the recommendations' implementation status where the rule is
 * plain: an action under way or done on a recommendation not started puts it in progress. When
 * every action of a recommendation is done, "implemented" is proposed, not applied: whether the
 * actions implemented the recommendation is a judgement. A second acceptance changes nothing.
 */
export async function reviewProgress(deps: Deps, rawInput: ReviewProgressInput, actor: Actor): Promise<ReviewProgressResult> {
  authorize(actor, { kind: "edit-lists" });
  const input = parseOrThrow(reviewProgressInputSchema, rawInput, "The review");
  const current = await deps.repos.progressUpdates.get(input.updateId);
  if (current.review !== "submitted" && current.review !== input.decision) throw new InvalidStateError(`this update was already ${current.review}`, current.review, input.decision);
  const now = deps.clock.now().toISOString();
  const update =
    current.review === input.decision
      ? current
      : await deps.repos.progressUpdates.update(current.id, { review: input.decision, reviewedBy: actor.userId, reviewedAt: now, reviewComment: input.comment }, current.eTag);
  let action = await deps.repos.actions.get(update.actionId);
  if (input.decision === "returned") {
    await audit(deps, actor, { action: "progress.returned", entity: "progressUpdates", entityId: update.id, summary: `Returned progress on action ${action.id} (version ${update.version})` });
    return { update, action, values: [], statusesMoved: [], statusesProposed: [] };
  }

  const values: Stored<IndicatorValueFields>[] = [];
  for (const reported of update.values) {
    const key = indicatorValueKey(update.key, reported.indicatorId, reported.date);
    const existing = await findOne(deps.repos.indicatorValues, "key", key);
    values.push(
      existing ??
        (await deps.repos.indicatorValues.create({
          key,
          indicatorId: reported.indicatorId,
          value: reported.value,
          date: reported.date,
          reportedById: update.authorId,
          reportedByName: update.authorName,
          reportedAt: update.reportedAt,
          progressUpdateId: update.id,
          evidence: update.attachments,
        })),
    );
  }

  const previousStatus = action.status;
  const newest = !action.acceptedUpdateId || (await deps.repos.progressUpdates.get(action.acceptedUpdateId)).version <= update.version;
  if (newest && action.acceptedUpdateId !== update.id) {
    action = await withFreshRead(async () => {
      const fresh = await deps.repos.actions.get(update.actionId);
      return deps.repos.actions.update(fresh.id, { status: update.reportedStatus, acceptedUpdateId: update.id, acceptedAt: now }, fresh.eTag);
    });
  }

  const statusesMoved: StatusOutcome[] = [];
  const statusesProposed: StatusOutcome[] = [];
  for (const recommendationId of action.recommendationIds) {
    const recommendation = await deps.repos.recommendations.get(recommendationId);
    let status = recommendation.status;
    if ((action.status === "under-way" || action.status === "done") && NOT_YET_STARTED.includes(status)) {
      await applyStatusChange(deps, recommendation.id, { status: "in-progress" }, { ...actor, ministryIds: recommendation.leadMinistryId ? [recommendation.leadMinistryId] : [] });
      statusesMoved.push({ recommendationId, from: status, to: "in-progress" });
      status = "in-progress";
    }
    if (action.status === "done" && status !== "implemented" && status !== "no-longer-relevant" && (await allActionsDone(deps, recommendation.id))) {
      statusesProposed.push({ recommendationId, from: status, to: "implemented" });
    }
  }
  await audit(deps, actor, {
    action: "progress.accepted",
    entity: "progressUpdates",
    entityId: update.id,
    summary: `Accepted progress on action ${action.id} (version ${update.version})`,
    changes: previousStatus !== action.status ? [{ field: "actionStatus", from: previousStatus, to: action.status }] : [],
  });
  return { update, action, values, statusesMoved, statusesProposed };
}

/** Whether every action of a recommendation, dropped ones aside, is done (and there is one). */
async function allActionsDone(deps: Deps, recommendationId: string): Promise<boolean> {
  const its = (await queryAll(deps.repos.actions)).filter((a) => a.recommendationIds.includes(recommendationId) && a.status !== "dropped");
  return its.length > 0 && its.every((a) => a.status === "done");
}
