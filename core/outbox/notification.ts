import { z } from "zod";
import { calendarDateSchema, LIMITS, recordIdSchema, textSchema } from "../records/common";

/**
 * What a proactive message says, in domain terms. The bot turns each kind into a card;
 * nothing here knows Teams.
 */
export const notificationSchema = z.discriminatedUnion("kind", [
  /** A request for input, sent to the ministry's technical focal point. */
  z.object({ kind: z.literal("request"), requestId: recordIdSchema }),
  z.object({ kind: z.literal("reminder"), requestId: recordIdSchema, daysBefore: z.number().int().min(0) }),
  /** An unanswered request past its due date, sent to the senior focal point. */
  z.object({ kind: z.literal("escalation"), requestId: recordIdSchema, daysLate: z.number().int().min(1) }),
  /** The secretariat's daily list of overdue requests. */
  z.object({ kind: z.literal("overdue-digest"), date: calendarDateSchema, requestIds: z.array(recordIdSchema).max(2000) }),
  /** A draft waiting for the chair's decision. */
  z.object({ kind: z.literal("approval"), reviewId: recordIdSchema }),
  /** The chair decided: every copy of the approval card shows the outcome. */
  z.object({ kind: z.literal("decision"), reviewId: recordIdSchema }),
  /** Something the secretariat should know (more time asked, not our ministry, undeliverable...). */
  z.object({
    kind: z.literal("notice"),
    topic: z.enum(["more-time-requested", "not-our-ministry", "undeliverable", "answer-received"]),
    text: textSchema(LIMITS.comment),
    requestId: recordIdSchema.optional(),
  }),
]);
export type Notification = z.infer<typeof notificationSchema>;
