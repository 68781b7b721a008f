import { z } from "zod";
import { calendarDateSchema, LIMITS, nonEmptyShortTextSchema, recordIdSchema, textSchema } from "../records/common";

/** Who was consulted (the methodology section names them in this order). */
export const STAKEHOLDER_KINDS = ["nhri", "civil-society", "parliament", "academia", "other"] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

/** How they were consulted. */
export const CONSULTATION_FORMATS = ["meeting", "written-comments", "online", "survey"] as const;

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
  })
  .refine((c) => !c.endDate || c.endDate >= c.date, { path: ["endDate"], message: "The end date is before the consultation's first day" });
export type ConsultationFields = z.infer<typeof consultationFieldsSchema>;
