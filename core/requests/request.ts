import { z } from "zod";
import { calendarDateSchema, instantSchema, LIMITS, recordIdSchema, shortTextSchema, textSchema, userIdSchema } from "../records/common";

export const REQUEST_STATUSES = ["queued", "undeliverable", "sent", "seen", "answered", "overdue", "escalated", "extended", "declined", "closed"] as const;
export const requestStatusSchema = z.enum(REQUEST_STATUSES);

/**
 * Why a request's card reached nobody: the ministry has no technical focal point; the bot cannot
 * reach the person (no chat with the bot, and the app cannot be installed for them); Teams kept
 * refusing the card.
 */
export const UNDELIVERABLE_REASONS = ["no-focal-point", "unreachable", "failed"] as const;
export type UndeliverableReason = (typeof UNDELIVERABLE_REASONS)[number];
export type RequestStatus = z.infer<typeof requestStatusSchema>;

/** What a request asks about: a recommendation's implementation, a LOIPR question or a report section. */
export const requestSubjectSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("recommendation"), recommendationId: recordIdSchema }),
  z.object({ kind: z.literal("question"), number: z.string().trim().min(1).max(20) }),
  z.object({ kind: z.literal("section"), section: z.string().trim().min(1).max(100), title: shortTextSchema }),
]);
export type RequestSubject = z.infer<typeof requestSubjectSchema>;

export const requestFieldsSchema = z.object({
  /** `{reportId}|{subject}|{ministryId}`: creating requests twice creates nothing the second time. */
  key: z.string().min(1).max(255),
  reportId: recordIdSchema,
  subject: requestSubjectSchema,
  /** Denormalized from the subject so that requests about a recommendation can be queried. */
  recommendationId: recordIdSchema.optional(),
  ministryId: recordIdSchema,
  ministryRole: z.enum(["lead", "supporting"]).default("lead"),
  /** What the secretariat asks, in its words. */
  ask: textSchema(LIMITS.comment).pipe(z.string().trim().min(1, "required")),
  dueDate: calendarDateSchema,
  /** `queued` until Teams accepted a card of it, then `sent`; `undeliverable` when no card could reach anyone. */
  status: requestStatusSchema.default("queued"),
  /** When the request was made (older records have only `sentAt`). */
  createdAt: instantSchema.optional(),
  /** When Teams first accepted its card. */
  sentAt: instantSchema.optional(),
  createdBy: userIdSchema,
  /** The operation (core/operations) that created it: a restart finishes that operation's cards and audit entries. */
  operationKey: z.string().max(255).optional(),
  /** Why no card reached the ministry (while `undeliverable`), and what the bot was told. */
  undeliverableReason: z.enum(UNDELIVERABLE_REASONS).optional(),
  undeliverableDetail: textSchema(LIMITS.comment).optional(),
  /**
   * The answer being saved (its submission id) for version `latestVersion`: the request reserves
   * the version before the contribution is written, so that a double click, or fifty answers at
   * once, store each submission once and in order.
   */
  pendingSubmissionId: z.string().max(255).optional(),
  seenAt: instantSchema.optional(),
  answeredAt: instantSchema.optional(),
  latestContributionId: recordIdSchema.optional(),
  latestVersion: z.number().int().min(0).default(0),
  closedAt: instantSchema.optional(),
  /** The status before the request was closed, so that reopening restores it. */
  statusBeforeClose: requestStatusSchema.optional(),
  /** Reminders, escalations and digests already queued for this request (keys from rules/reminder-schedule). */
  notices: z.array(z.string().max(200)).default([]),
  /** The focal point asked for more time, until this date. */
  moreTimeRequestedUntil: calendarDateSchema.optional(),
  moreTimeReason: textSchema(LIMITS.comment).optional(),
  declinedReason: textSchema(LIMITS.comment).optional(),
  /** The secretariat moved the request to another ministry: the request made there (this one is closed). */
  reassignedToRequestId: recordIdSchema.optional(),
  reassignedToMinistryId: recordIdSchema.optional(),
  /** The request this one was moved from (another ministry declined it, or could not be reached). */
  reassignedFromRequestId: recordIdSchema.optional(),
  /** The version of the answer the secretariat accepted, and when. */
  acceptedVersion: z.number().int().min(1).optional(),
  acceptedAt: instantSchema.optional(),
  /** The secretariat sent the answer back for revision: what to change, and when. */
  revisionComment: textSchema(LIMITS.comment).optional(),
  revisionRequestedAt: instantSchema.optional(),
});
export type RequestFields = z.infer<typeof requestFieldsSchema>;
export type RequestInput = z.input<typeof requestFieldsSchema>;

export function subjectKey(subject: RequestSubject): string {
  switch (subject.kind) {
    case "recommendation":
      return `rec:${subject.recommendationId}`;
    case "question":
      return `q:${subject.number}`;
    case "section":
      return `s:${subject.section}`;
  }
}

export function requestKey(reportId: string, subject: RequestSubject, ministryId: string): string {
  return `${reportId}|${subjectKey(subject)}|${ministryId}`;
}
