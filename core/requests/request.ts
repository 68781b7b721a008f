import { z } from "zod";
import { calendarDateSchema, instantSchema, LIMITS, recordIdSchema, shortTextSchema, textSchema, userIdSchema } from "../records/common";

export const REQUEST_STATUSES = ["sent", "seen", "answered", "overdue", "escalated", "extended", "declined", "closed"] as const;
export const requestStatusSchema = z.enum(REQUEST_STATUSES);
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
  status: requestStatusSchema.default("sent"),
  sentAt: instantSchema,
  createdBy: userIdSchema,
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
