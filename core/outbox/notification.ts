import { z } from "zod";
import { calendarDateSchema, LIMITS, recordIdSchema, textSchema } from "../records/common";

/** To the secretariat: the first four; to a focal point: the secretariat's decisions. */
export const NOTICE_TOPICS = [
  "more-time-requested",
  "not-our-ministry",
  "undeliverable",
  "answer-received",
  "more-time-granted",
  "more-time-refused",
  "reassigned",
  "answer-accepted",
  "answer-returned",
] as const;
export type NoticeTopic = (typeof NOTICE_TOPICS)[number];

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
  /** A follow-up round's question to a lead ministry's focal point: how did this action progress? */
  z.object({
    kind: z.literal("progress"),
    roundId: recordIdSchema,
    actionId: recordIdSchema,
    /** The same card again: a reminder before the round's due date, or, to the senior focal point, the escalation after it. */
    nudge: z
      .discriminatedUnion("kind", [
        z.object({ kind: z.literal("reminder"), daysBefore: z.number().int().min(0) }),
        z.object({ kind: z.literal("escalation"), daysLate: z.number().int().min(1) }),
      ])
      .optional(),
  }),
  /**
   * To the secretariat: a reply to a communication is due (or overdue: `daysBefore` -1), or a
   * visit starts, `daysBefore` days from `date` (core/engagement/engagement-reminders.ts).
   */
  z.object({ kind: z.literal("engagement-due"), subject: z.enum(["communication", "visit"]), id: recordIdSchema, date: calendarDateSchema, daysBefore: z.number().int().min(-60).max(90) }),
  /** The secretariat's daily list of overdue requests. */
  z.object({ kind: z.literal("overdue-digest"), date: calendarDateSchema, requestIds: z.array(recordIdSchema).max(2000) }),
  /** A draft waiting for the chair's decision. */
  z.object({ kind: z.literal("approval"), reviewId: recordIdSchema }),
  /** The chair decided: every copy of the approval card shows the outcome. */
  z.object({ kind: z.literal("decision"), reviewId: recordIdSchema }),
  /**
   * Something the secretariat should know (more time asked, not our ministry, undeliverable...),
   * or the secretariat's decision a focal point should hear (more time granted or refused, the
   * request moved to another ministry, the answer accepted or sent back for revision).
   */
  z.object({
    kind: z.literal("notice"),
    topic: z.enum(NOTICE_TOPICS),
    /** In English, for the logs and a card's fallback; cards say it in the reader's language from the fields below. */
    text: textSchema(LIMITS.comment),
    requestId: recordIdSchema.optional(),
    /** What the secretariat wrote (a refusal's reason, what to revise). */
    comment: textSchema(LIMITS.comment).optional(),
    /** The new due date given. */
    until: calendarDateSchema.optional(),
    /** The ministry the request was moved to. */
    ministryName: z.string().max(255).optional(),
  }),
]);
export type Notification = z.infer<typeof notificationSchema>;
