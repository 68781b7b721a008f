import { z } from "zod";
import { calendarDateSchema, instantSchema, LIMITS, nonEmptyShortTextSchema, recordIdSchema, shortTextSchema, textSchema, timeZoneSchema } from "../records/common";
import { mechanismSchema, reportTypeSchema } from "../records/taxonomy";

/**
 * The languages a report (and so its Word draft) can be written in: the UN languages the
 * catalogue has drafts in (i18n/messages/<language>/draft.json; i18n/catalogue.test.ts checks
 * the two lists agree). The State chooses among the UN's official languages.
 */
export const REPORT_LANGUAGES = ["en", "fr", "es", "ar"] as const;
export const reportLanguageSchema = z.enum(REPORT_LANGUAGES);
export type ReportLanguage = z.infer<typeof reportLanguageSchema>;

export const REPORT_STATUSES = ["planning", "collecting", "drafting", "in-review", "approved", "submitted"] as const;
export const reportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

/**
 * When the bot reminds and escalates, in days relative to a request's due date:
 * `remindDaysBefore` [7, 2, 0] means 7 days before, 2 days before and on the due date;
 * `escalateDaysAfter` 1 means the senior focal point hears of it one day late.
 */
export const reminderPolicySchema = z.object({
  remindDaysBefore: z.array(z.number().int().min(0).max(90)).max(10).default([7, 2, 0]),
  escalateDaysAfter: z.number().int().min(1).max(60).default(1),
  /** Local time of day (in the report's time zone) at which notices go out. */
  sendAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time as HH:MM").default("09:00"),
  /** Whether the secretariat gets a daily digest of overdue requests. */
  dailyDigest: z.boolean().default(true),
});
export type ReminderPolicy = z.infer<typeof reminderPolicySchema>;
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = reminderPolicySchema.parse({});

/** A question of a list of issues prior to reporting, or a section the secretariat asks input for. */
export const reportQuestionSchema = z.object({
  number: z.string().trim().min(1).max(20),
  text: textSchema(LIMITS.recommendationText).pipe(z.string().trim().min(1, "required")),
});
export type ReportQuestion = z.infer<typeof reportQuestionSchema>;

export const reportFieldsSchema = z.object({
  title: nonEmptyShortTextSchema,
  mechanism: mechanismSchema,
  type: reportTypeSchema,
  /** The language the State writes the report in: its draft's fixed words, dates and titles are in it. */
  language: reportLanguageSchema.default("en"),
  dueDate: calendarDateSchema,
  /** The mechanism's time zone: due dates are calendar dates there. */
  timeZone: timeZoneSchema.default("UTC"),
  /** Words the mechanism accepts; absent when it sets none. */
  wordLimit: z.number().int().positive().max(200_000).optional(),
  cycle: z.number().int().min(1).max(20).optional(),
  session: z.number().int().min(1).max(200).optional(),
  /** The symbol the UN gives the submitted report. */
  documentSymbol: shortTextSchema.optional(),
  status: reportStatusSchema.default("planning"),
  questions: z.array(reportQuestionSchema).max(500).default([]),
  reminderPolicy: reminderPolicySchema.default(DEFAULT_REMINDER_POLICY),
  sharedWithObservers: z.boolean().default(false),
  createdAt: instantSchema,
});
export type ReportFields = z.infer<typeof reportFieldsSchema>;
export type ReportInput = z.input<typeof reportFieldsSchema>;

/** A step of the report's workplan, from planning to submission. */
export const milestoneFieldsSchema = z.object({
  reportId: recordIdSchema,
  title: nonEmptyShortTextSchema,
  dueDate: calendarDateSchema,
  order: z.number().int().min(0).max(1000).default(0),
  doneAt: instantSchema.optional(),
});
export type MilestoneFields = z.infer<typeof milestoneFieldsSchema>;
