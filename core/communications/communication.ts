import { z } from "zod";
import { calendarDateSchema, instantSchema, LIMITS, nonEmptyShortTextSchema, recordIdSchema, textSchema, timeZoneSchema, userIdSchema } from "../records/common";

/** What a special procedure writes to the State: an allegation letter, an urgent appeal, or another letter. */
export const COMMUNICATION_KINDS = ["allegation-letter", "urgent-appeal", "other-letter"] as const;
export type CommunicationKind = (typeof COMMUNICATION_KINDS)[number];

/** `received` until the reply the chair approved is sent; then `replied`. */
export const COMMUNICATION_STATUSES = ["received", "replied"] as const;
export type CommunicationStatus = (typeof COMMUNICATION_STATUSES)[number];

/** Mandate holders ask for a reply within 60 days (OHCHR's communications procedure), unless the letter says otherwise. */
export const DEFAULT_REPLY_DAYS = 60;

export const communicationFieldsObject = z.object({
  /** The reference the letter carries, as OHCHR writes it ("AL SVN 1/2026", "UA SVN 2/2026"). */
  reference: nonEmptyShortTextSchema,
  kind: z.enum(COMMUNICATION_KINDS),
  /** The mandates that signed the letter. */
  mandates: z.array(nonEmptyShortTextSchema).min(1, "name at least one mandate").max(20),
  receivedOn: calendarDateSchema,
  /** The day the reply is due: received + 60 days unless the letter sets another. */
  replyDueDate: calendarDateSchema,
  /** What the letter is about, in a sentence or two (the letter itself is confidential until published). */
  summary: textSchema(LIMITS.comment).optional(),
  status: z.enum(COMMUNICATION_STATUSES).default("received"),
  /** The reply's report in Reports: the ministries' requests hang on it, and its drafts are compiled and approved like others. */
  reportId: recordIdSchema.optional(),
  /** The day the approved reply was sent, and the draft sent. */
  sentOn: calendarDateSchema.optional(),
  sentDraftId: recordIdSchema.optional(),
  timeZone: timeZoneSchema.default("UTC"),
  createdAt: instantSchema,
  createdBy: userIdSchema,
});

export const communicationFieldsSchema = communicationFieldsObject
  .refine((c) => c.replyDueDate >= c.receivedOn, { path: ["replyDueDate"], message: "The reply is due before the letter arrived" })
  .refine((c) => !c.sentOn || c.sentOn >= c.receivedOn, { path: ["sentOn"], message: "The reply is sent before the letter arrived" });
export type CommunicationFields = z.infer<typeof communicationFieldsSchema>;
export type CommunicationInput = z.input<typeof communicationFieldsSchema>;
