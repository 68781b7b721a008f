import { z } from "zod";
import { calendarDateSchema, instantSchema, LIMITS, nonEmptyShortTextSchema, recordIdSchema, shortTextSchema, textSchema, userIdSchema } from "../records/common";

/** Who was consulted (the methodology section names them in this order). */
export const STAKEHOLDER_KINDS = ["nhri", "civil-society", "parliament", "academia", "other"] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

/** How they were consulted. */
export const CONSULTATION_FORMATS = ["meeting", "written-comments", "online", "survey"] as const;

/**
 * What a consultation shares with the observers it invites, for them to read and comment on:
 * a section of the report's draft, or a recommendation's progress.
 */
export const sharedItemSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("section"), section: z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, "a section key such as methodology"), title: nonEmptyShortTextSchema }),
  z.strictObject({ kind: z.literal("recommendation"), recommendationId: recordIdSchema }),
]);
export type SharedItem = z.infer<typeof sharedItemSchema>;

/** The same item, whatever its title: how a comment names what it is about. */
export function sharedItemKey(item: SharedItem): string {
  return item.kind === "section" ? `section:${item.section}` : `recommendation:${item.recommendationId}`;
}

/** Who the mechanism consulted, on what, when and how: the UPR methodology section is written from these. */
export const consultationFieldsSchema = z
  .object({
    reportId: recordIdSchema.optional(),
    /** Its name as the report should print it ("Human Rights Ombudsman", "Civil society organisations"). */
    stakeholder: nonEmptyShortTextSchema,
    kind: z.enum(STAKEHOLDER_KINDS),
    /** What they were consulted on, as it reads after "on": "the draft national report". */
    subject: nonEmptyShortTextSchema,
    /** The day it took place, or the first day of a consultation that ran for a while. */
    date: calendarDateSchema,
    /** The last day of a consultation that ran for a while (written comments, an online consultation). */
    endDate: calendarDateSchema.optional(),
    format: z.enum(CONSULTATION_FORMATS).optional(),
    /** How many organisations or people took part, when it is known. */
    participants: z.number().int().min(1).max(1_000_000).optional(),
    /** What came of it, in a sentence or two: printed after the consultation in the draft. */
    summary: textSchema(LIMITS.recommendationText).optional(),
    commentsOpenUntil: calendarDateSchema.optional(),
    /** What the invited observers read and comment on, from the first day to the last. */
    sharedItems: z.array(sharedItemSchema).max(100).default([]),
    /** The observers (Entra object ids) invited to comment. */
    invitedObserverIds: z.array(userIdSchema).max(500).default([]),
  })
  .refine((c) => !c.endDate || c.endDate >= c.date, { path: ["endDate"], message: "The end date is before the consultation's first day" });
export type ConsultationFields = z.infer<typeof consultationFieldsSchema>;

/** The last day observers may comment: the end date, or the day itself for a one-day consultation. */
export function lastDayOf(consultation: Pick<ConsultationFields, "date" | "endDate">): string {
  return consultation.endDate ?? consultation.date;
}

/** An invited observer's comment on an item a consultation shares, and what the secretariat made of it. */
export const consultationCommentFieldsSchema = z.object({
  consultationId: recordIdSchema,
  reportId: recordIdSchema.optional(),
  item: sharedItemSchema,
  /** `sharedItemKey(item)`, so that comments on one item can be gathered. */
  itemKey: z.string().max(128),
  text: textSchema(LIMITS.comment).pipe(z.string().trim().min(1, "required")),
  authorId: userIdSchema,
  authorName: shortTextSchema,
  at: instantSchema,
  answer: textSchema(LIMITS.comment).optional(),
  answeredBy: userIdSchema.optional(),
  answeredAt: instantSchema.optional(),
  /** The secretariat took the comment up (in the draft, or in the recommendation's follow-up). */
  takenUp: z.boolean().default(false),
});
export type ConsultationCommentFields = z.infer<typeof consultationCommentFieldsSchema>;
