import { z } from "zod";
import { authorize, type Actor } from "../auth/policy";
import { ConcurrencyError, InvalidStateError, ValidationError } from "../errors";
import { LIMITS, recordIdSchema, textSchema, type Stored } from "../records/common";
import { type CompiledDraft, type DraftFields, type ReviewFields } from "./draft";
import type { OutboxEntryInput } from "../outbox/outbox-entry";
import { parseOrThrow } from "../records/validate";
import { queryAll } from "../ports/repository";
import { isCompiled, nextReviewState } from "./draft-review";
import { audit } from "../audit/audit";
import type { UseCaseDeps } from "../ports/use-case-deps";

type Deps = Pick<UseCaseDeps, "repos" | "clock" | "documents" | "directory">;

export const sendForApprovalInputSchema = z.object({
  draftId: recordIdSchema,
  eTag: z.string().min(1),
  message: textSchema(LIMITS.comment).optional(),
});
export type SendForApprovalInput = z.input<typeof sendForApprovalInputSchema>;

/** The latest version of the draft's file in the library (the secretariat edits it in Word after compiling). */
async function currentFileVersion(deps: Deps, draft: Stored<CompiledDraft>): Promise<string> {
  const versions = await deps.documents.versions("Drafts", draft.fileId);
  return versions[0]?.id ?? draft.fileVersion;
}

export function approvalKey(reviewId: string, userId: string): string {
  return `approval:${reviewId}:${userId}`;
}

/**
 * The secretariat sends the latest draft of a report to the chair: the chair gets a card to
 * approve or return it, and the sender a copy that follows the outcome.
 */
export async function sendDraftForApproval(deps: Deps, rawInput: SendForApprovalInput, actor: Actor): Promise<{ draft: Stored<DraftFields>; review: Stored<ReviewFields> }> {
  authorize(actor, { kind: "send-for-approval" });
  const input = parseOrThrow(sendForApprovalInputSchema, rawInput, "The approval request");
  const draft = await deps.repos.drafts.get(input.draftId);
  if (draft.eTag !== input.eTag) throw new ConcurrencyError("Draft", draft.id, draft);
  const versions = await queryAll(deps.repos.drafts, { where: [{ field: "reportId", op: "eq", value: draft.reportId }] });
  const newest = Math.max(...versions.filter((d) => isCompiled(d)).map((d) => d.version));
  if (draft.version < newest) throw new InvalidStateError(`draft v${newest} is newer: send that one`, draft.reviewState, "send-for-approval");
  const reviewState = nextReviewState(draft.reviewState, "send-for-approval");
  if (!isCompiled(draft)) throw new InvalidStateError("this draft has no file yet", draft.reviewState, "send-for-approval");
  const chairs = await deps.directory.usersWithRole("Chair");
  if (chairs.length === 0) throw new InvalidStateError("nobody holds the Chair role yet: an administrator assigns it in Entra ID", draft.reviewState, "send-for-approval");

  const now = deps.clock.now().toISOString();
  const fileVersion = await currentFileVersion(deps, draft);
  const updated = await deps.repos.drafts.update(draft.id, { reviewState, fileVersion }, draft.eTag);
  const review = await deps.repos.reviews.create({
    draftId: draft.id,
    reportId: draft.reportId,
    draftVersion: draft.version,
    requestedBy: actor.userId,
    requestedAt: now,
    message: input.message,
  });
  const recipients = [...new Set([...chairs.map((c) => c.id), actor.userId])];
  const entries: OutboxEntryInput[] = recipients.map((userId) => ({
    key: approvalKey(review.id, userId),
    recipientId: userId,
    notification: { kind: "approval", reviewId: review.id },
    createdAt: now,
  }));
  for (const result of await deps.repos.outbox.createMany(entries)) if (!result.ok) throw result.error;
  await updateReportStatus(deps, draft.reportId, "in-review");
  await audit(deps, actor, {
    action: "draft.sent-for-approval",
    entity: "drafts",
    entityId: draft.id,
    summary: `Sent draft v${draft.version} (file version ${fileVersion}) to the chair`,
    changes: [{ field: "reviewState", from: draft.reviewState, to: reviewState }],
  });
  return { draft: updated, review };
}

export const decideDraftInputSchema = z
  .object({
    reviewId: recordIdSchema,
    decision: z.enum(["approved", "returned"]),
    comment: textSchema(LIMITS.comment).optional(),
    /**
     * The file version the chair has open (the Word task pane sends it): the decision is refused
     * when the file has changed since, so that nobody approves a text they have not read.
     */
    openFileVersion: z.string().min(1).max(20).optional(),
  })
  .refine((input) => input.decision === "approved" || (input.comment?.trim().length ?? 0) > 0, {
    message: "say what should change when you return a draft",
    path: ["comment"],
  });
export type DecideDraftInput = z.input<typeof decideDraftInputSchema>;

/**
 * The chair approves or returns a draft sent for approval. The exact file version decided on
 * is recorded, and every copy of the approval card is updated to show the outcome.
 */
export async function decideDraft(deps: Deps, rawInput: DecideDraftInput, actor: Actor): Promise<{ draft: Stored<DraftFields>; review: Stored<ReviewFields>; replayed: boolean }> {
  authorize(actor, { kind: "decide-draft" });
  const input = parseOrThrow(decideDraftInputSchema, rawInput, "The decision");
  const review = await deps.repos.reviews.get(input.reviewId);
  const draft = await deps.repos.drafts.get(review.draftId);
  if (review.decision) {
    if (review.decision === input.decision && review.decidedBy === actor.userId) return { draft, review, replayed: true };
    throw new InvalidStateError(`this draft was already ${review.decision} by ${review.decidedByName ?? "the chair"}`, draft.reviewState, input.decision);
  }
  const reviewState = nextReviewState(draft.reviewState, input.decision === "approved" ? "approve" : "return");
  if (!isCompiled(draft)) throw new InvalidStateError("this draft has no file yet", draft.reviewState, input.decision);
  if (input.decision === "returned" && !input.comment) throw new ValidationError("say what should change when you return a draft");

  const now = deps.clock.now().toISOString();
  const fileVersion = await currentFileVersion(deps, draft);
  if (input.openFileVersion !== undefined && input.openFileVersion !== fileVersion) {
    throw new InvalidStateError(
      `you have file version ${input.openFileVersion} of draft v${draft.version} open, but the file is now at version ${fileVersion}: reopen the draft to read the latest text, then decide`,
      draft.reviewState,
      input.decision,
    );
  }
  const decided = await deps.repos.reviews.update(
    review.id,
    { decision: input.decision, comment: input.comment, decidedBy: actor.userId, decidedByName: actor.displayName.slice(0, LIMITS.shortText), decidedAt: now, decidedFileVersion: fileVersion },
    review.eTag,
  );
  const updatedDraft = await deps.repos.drafts.update(draft.id, { reviewState, fileVersion }, draft.eTag);

  const approvalCards = await queryAll(deps.repos.outbox, { where: [{ field: "key", op: "startswith", value: `approval:${review.id}:` }] });
  const updates: OutboxEntryInput[] = approvalCards.map((card) => ({
    key: `decision:${review.id}:${card.recipientId}`,
    recipientId: card.recipientId,
    notification: { kind: "decision", reviewId: review.id },
    createdAt: now,
    updatesKey: card.key,
  }));
  for (const result of await deps.repos.outbox.createMany(updates)) {
    if (!result.ok && result.error.code !== "conflict") throw result.error;
  }
  await updateReportStatus(deps, draft.reportId, input.decision === "approved" ? "approved" : "drafting");
  await audit(deps, actor, {
    action: input.decision === "approved" ? "draft.approved" : "draft.returned",
    entity: "drafts",
    entityId: draft.id,
    summary: `${input.decision === "approved" ? "Approved" : "Returned"} draft v${draft.version} (file version ${fileVersion})${input.comment ? `: ${input.comment}` : ""}`,
    changes: [{ field: "reviewState", from: draft.reviewState, to: reviewState }],
  });
  return { draft: updatedDraft, review: decided, replayed: false };
}

async function updateReportStatus(deps: Deps, reportId: string, status: "in-review" | "approved" | "drafting"): Promise<void> {
  const report = await deps.repos.reports.get(reportId);
  if (report.status === status || report.status === "submitted") return;
  await deps.repos.reports.update(report.id, { status }, report.eTag).catch((error: unknown) => {
    if ((error as { code?: string }).code !== "concurrency") throw error;
  });
}
