import { z } from "zod";
import { attachmentSchema } from "../contributions/contribution";
import { calendarDateSchema, instantSchema, LIMITS, recordIdSchema, shortTextSchema, textSchema, userIdSchema } from "../records/common";
import { actionStatusSchema } from "./action";

/** A value of an indicator as reported with an update; it becomes an indicator value once the update is accepted. */
export const reportedValueSchema = z.object({
  indicatorId: recordIdSchema,
  value: z.number().finite("a number"),
  date: calendarDateSchema,
});
export type ReportedValue = z.infer<typeof reportedValueSchema>;

export const PROGRESS_REVIEW_STATES = ["submitted", "accepted", "returned"] as const;
export type ProgressReviewState = (typeof PROGRESS_REVIEW_STATES)[number];

/** One version of a ministry's report on an action's progress. Every version is kept, as contributions are. */
export const progressUpdateFieldsSchema = z.object({
  /** `{actionId}#{version}`: two writers cannot both create the same version. */
  key: z.string().min(1).max(255),
  actionId: recordIdSchema,
  ministryId: recordIdSchema,
  version: z.number().int().min(1),
  text: textSchema(LIMITS.contributionText).pipe(z.string().trim().min(1, "progress cannot be empty")),
  reportedStatus: actionStatusSchema,
  values: z.array(reportedValueSchema).max(50).default([]),
  attachments: z.array(attachmentSchema).max(20).default([]),
  authorId: userIdSchema,
  authorName: shortTextSchema,
  reportedAt: instantSchema,
  via: z.enum(["card", "chat", "tab", "api"]),
  /** The id of what carried the update (a Teams activity, an API idempotency key): a replay is saved once. */
  submissionId: z.string().min(1).max(255),
  review: z.enum(PROGRESS_REVIEW_STATES).default("submitted"),
  reviewedBy: userIdSchema.optional(),
  reviewedAt: instantSchema.optional(),
  reviewComment: textSchema(LIMITS.comment).optional(),
});
export type ProgressUpdateFields = z.infer<typeof progressUpdateFieldsSchema>;
export type ProgressUpdateInput = z.input<typeof progressUpdateFieldsSchema>;

export function progressUpdateKey(actionId: string, version: number): string {
  return `${actionId}#${version}`;
}
