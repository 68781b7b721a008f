import { z } from "zod";
import { authorize, can, type Actor } from "../auth/policy";
import { audit } from "../audit/audit";
import { InvalidStateError, NotFoundError, ValidationError } from "../errors";
import { queryAll } from "../ports/repository";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { LIMITS, textSchema, type Stored } from "../records/common";
import { calendarDateAt } from "../calendar/calendar";
import {
  lastDayOf,
  sharedItemKey,
  sharedItemSchema,
  type ConsultationCommentFields,
  type ConsultationFields,
} from "./consultation";

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

export const commentInputSchema = z.strictObject({
  item: sharedItemSchema,
  text: textSchema(LIMITS.comment).pipe(z.string().trim().min(1, "write a comment")),
});
export type CommentInput = z.input<typeof commentInputSchema>;

export const answerInputSchema = z
  .strictObject({
    answer: textSchema(LIMITS.comment).pipe(z.string().trim().min(1, "write an answer")).optional(),
    takenUp: z.boolean().optional(),
    eTag: z.string().min(1),
  })
  .refine((a) => a.answer !== undefined || a.takenUp !== undefined, { message: "give an answer or say whether the comment was taken up" });
export type AnswerInput = z.input<typeof answerInputSchema>;

function isInvited(consultation: ConsultationFields, actor: Actor): boolean {
  return consultation.invitedObserverIds.includes(actor.userId);
}

/** Secretariat, chair and administrators see every comment; an invited observer their own. */
function seesEveryComment(actor: Actor): boolean {
  return can(actor, { kind: "read-audit" });
}

/**
 * An invited observer comments on one of the items the consultation shares, from its first day
 * to its last (in the mechanism's time zone). Before or after the window, or on an item it does
 * not share, nothing is written and the observer is told why.
 */
export async function commentOnConsultation(
  deps: Deps,
  consultationId: string,
  input: CommentInput,
  actor: Actor,
): Promise<Stored<ConsultationCommentFields>> {
  const parsed = commentInputSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("The comment is not valid", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  const consultation = await deps.repos.consultations.get(consultationId);
  authorize(actor, { kind: "comment-on-consultation", invited: isInvited(consultation, actor) });
  const timeZone = consultation.reportId ? (await deps.repos.reports.get(consultation.reportId)).timeZone : "UTC";
  const today = calendarDateAt(deps.clock.now(), timeZone);
  if (today < consultation.date) throw new InvalidStateError(`This consultation opens for comments on ${consultation.date}`, "not-open", "comment");
  if (today > lastDayOf(consultation)) throw new InvalidStateError(`This consultation closed for comments on ${lastDayOf(consultation)}`, "closed", "comment");
  const key = sharedItemKey(parsed.data.item);
  const item = consultation.sharedItems.find((shared) => sharedItemKey(shared) === key);
  if (!item) throw new ValidationError("This consultation does not share that item for comment", [{ path: "item", message: "not shared by this consultation" }]);
  const comment = await deps.repos.consultationComments.create({
    consultationId: consultation.id,
    reportId: consultation.reportId,
    item,
    itemKey: key,
    text: parsed.data.text,
    authorId: actor.userId,
    authorName: actor.displayName.slice(0, LIMITS.shortText),
    at: deps.clock.now().toISOString(),
    takenUp: false,
  });
  await audit(deps, actor, {
    action: "consultation.commented",
    entity: "consultationComments",
    entityId: comment.id,
    summary: `${actor.displayName} commented on ${key} in consultation ${consultation.id}`,
  });
  return comment;
}

/** A consultation's comments, oldest first: all of them for the secretariat, the chair and administrators; an invited observer's own. */
export async function listConsultationComments(deps: Deps, consultationId: string, actor: Actor): Promise<Stored<ConsultationCommentFields>[]> {
  authorize(actor, { kind: "read" });
  const consultation = await deps.repos.consultations.get(consultationId);
  const everything = seesEveryComment(actor);
  if (!everything) authorize(actor, { kind: "comment-on-consultation", invited: isInvited(consultation, actor) });
  const comments = await queryAll(deps.repos.consultationComments, { where: [{ field: "consultationId", op: "eq", value: consultation.id }] });
  return comments.filter((c) => everything || c.authorId === actor.userId).sort((a, b) => a.at.localeCompare(b.at));
}

/** The secretariat answers a comment and says whether it was taken up. */
export async function answerConsultationComment(deps: Deps, commentId: string, input: AnswerInput, actor: Actor): Promise<Stored<ConsultationCommentFields>> {
  authorize(actor, { kind: "edit-lists" });
  const parsed = answerInputSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("The answer is not valid", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  const comment = await deps.repos.consultationComments.get(commentId).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("Consultation comment", commentId) : error;
  });
  const changes: Partial<ConsultationCommentFields> = {};
  if (parsed.data.answer !== undefined) Object.assign(changes, { answer: parsed.data.answer, answeredBy: actor.userId, answeredAt: deps.clock.now().toISOString() });
  if (parsed.data.takenUp !== undefined) changes.takenUp = parsed.data.takenUp;
  const updated = await deps.repos.consultationComments.update(comment.id, changes, parsed.data.eTag);
  await audit(deps, actor, {
    action: "consultation.comment-answered",
    entity: "consultationComments",
    entityId: comment.id,
    summary: `${actor.displayName} answered a comment in consultation ${comment.consultationId}${updated.takenUp ? " (taken up)" : ""}`,
    changes: [{ field: "takenUp", from: comment.takenUp, to: updated.takenUp }],
  });
  return updated;
}
