import { z } from "zod";
import { calendarDateSchema, instantSchema, LIMITS, nonEmptyShortTextSchema, recordIdSchema, shortTextSchema, textSchema, timeZoneSchema, userIdSchema } from "../records/common";

/** Who visits: a special procedure of the Human Rights Council, or another independent body. */
export const VISITING_BODIES = ["special-procedure", "spt", "treaty-body", "regional", "other"] as const;
export type VisitingBody = (typeof VISITING_BODIES)[number];

/**
 * Where a visit stands, from the mandate holder's request to the report on it:
 * `requested` (the request arrived), `dates-proposed` (the State proposed other dates),
 * `accepted` (accepted, dates still to agree), `declined`, `scheduled` (dates agreed),
 * `completed` (the end-of-visit statement was delivered), `reported` (the visit report is out:
 * its recommendations are imported like any others and followed up).
 */
export const VISIT_STATUSES = ["requested", "dates-proposed", "accepted", "declined", "scheduled", "completed", "reported"] as const;
export const visitStatusSchema = z.enum(VISIT_STATUSES);
export type VisitStatus = z.infer<typeof visitStatusSchema>;

/** The State's reply to the request. */
export const VISIT_REPLIES = ["accept", "propose-dates", "decline"] as const;
export type VisitReply = (typeof VISIT_REPLIES)[number];

/** A ministry's part in a meeting of the programme: it hosts the meeting, or briefs the mandate holder. */
export const MEETING_ROLES = ["host", "brief"] as const;

const keySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, "a key in small letters, digits and hyphens, such as meeting-3");
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time as HH:MM");

/** One meeting of the visit's programme: who the mandate holder meets, when, where, and the ministries asked to host or brief. */
export const meetingSchema = z
  .strictObject({
    /** Stays the same when the programme changes: the requests to the ministries name it. */
    key: keySchema,
    date: calendarDateSchema,
    startTime: timeSchema.optional(),
    endTime: timeSchema.optional(),
    place: shortTextSchema.optional(),
    /** Whom the mandate holder meets: "Minister of Justice", "Ombudsman", "civil society organisations". */
    with: nonEmptyShortTextSchema,
    ministryIds: z.array(recordIdSchema).max(20).default([]),
    role: z.enum(MEETING_ROLES).default("brief"),
    notes: textSchema(LIMITS.comment).optional(),
  })
  .refine((m) => !m.startTime || !m.endTime || m.endTime > m.startTime, { path: ["endTime"], message: "The meeting ends before it starts" });
export type Meeting = z.infer<typeof meetingSchema>;
export type MeetingInput = z.input<typeof meetingSchema>;

/**
 * A step of the standard operating procedure for hosting a visit, as the secretariat ticks it.
 * A default step is named by the catalogue (`visits.sop.<key>`); a step the secretariat added
 * carries its own title.
 */
export const checklistStepSchema = z.strictObject({
  key: keySchema,
  title: nonEmptyShortTextSchema.optional(),
  doneAt: instantSchema.optional(),
  doneBy: userIdSchema.optional(),
  doneByName: shortTextSchema.optional(),
});
export type ChecklistStep = z.infer<typeof checklistStepSchema>;

/** The standard operating procedure's steps, in order, unless the secretariat configures others. */
export const DEFAULT_VISIT_STEPS = [
  "acknowledge-request",
  "consult-ministries-on-reply",
  "send-reply",
  "agree-terms-of-reference",
  "name-liaison-officer",
  "draft-programme",
  "ask-ministries-to-brief",
  "arrange-logistics-and-security",
  "confirm-meetings",
  "assure-no-reprisals",
  "attend-end-of-visit-statement",
  "comment-on-draft-report",
  "import-report-recommendations",
  "plan-follow-up",
] as const;

function datesInOrder(from: string | undefined, to: string | undefined): boolean {
  return !from || !to || to >= from;
}

export const visitFieldsObject = z.object({
  /** The mandate as it is named: "Special Rapporteur on the right to education". */
  mandate: nonEmptyShortTextSchema,
  /** The mandate holder's name, when known. */
  holder: shortTextSchema.optional(),
  body: z.enum(VISITING_BODIES).default("special-procedure"),
  /** The day the request (or the letter announcing it) arrived. */
  requestedOn: calendarDateSchema,
  requestReference: shortTextSchema.optional(),
  /** The dates the mandate holder asked for. */
  requestedFrom: calendarDateSchema.optional(),
  requestedTo: calendarDateSchema.optional(),
  status: visitStatusSchema.default("requested"),
  /** The State's reply: when, what, and why. */
  reply: z.enum(VISIT_REPLIES).optional(),
  repliedOn: calendarDateSchema.optional(),
  replyNote: textSchema(LIMITS.comment).optional(),
  proposedFrom: calendarDateSchema.optional(),
  proposedTo: calendarDateSchema.optional(),
  /** The dates agreed with the mandate holder. */
  agreedFrom: calendarDateSchema.optional(),
  agreedTo: calendarDateSchema.optional(),
  programme: z.array(meetingSchema).max(200).default([]),
  /** The end-of-visit statement (press conference, preliminary observations). */
  statementOn: calendarDateSchema.optional(),
  statementText: textSchema(LIMITS.recommendationText).optional(),
  statementUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  /** The visit report's UN symbol (A/HRC/61/40/Add.1): its recommendations carry it as their document symbol. */
  reportSymbol: shortTextSchema.optional(),
  /** The report in Reports that carries the visit's requests to ministries and the State's comments (a draft like others). */
  reportId: recordIdSchema.optional(),
  checklist: z.array(checklistStepSchema).max(60).default(DEFAULT_VISIT_STEPS.map((key) => ({ key }))),
  /** The mechanism's time zone: the visit's dates are calendar dates there. */
  timeZone: timeZoneSchema.default("UTC"),
  createdAt: instantSchema,
  createdBy: userIdSchema,
});

/** The rules a visit keeps whatever is changed: dates in order. */
export function visitRules<Schema extends z.ZodType<z.output<typeof visitFieldsObject>>>(schema: Schema) {
  return schema
    .refine((v) => datesInOrder(v.requestedFrom, v.requestedTo), { path: ["requestedTo"], message: "The requested dates end before they start" })
    .refine((v) => datesInOrder(v.proposedFrom, v.proposedTo), { path: ["proposedTo"], message: "The proposed dates end before they start" })
    .refine((v) => datesInOrder(v.agreedFrom, v.agreedTo), { path: ["agreedTo"], message: "The agreed dates end before they start" })
    .refine((v) => new Set(v.programme.map((m) => m.key)).size === v.programme.length, { path: ["programme"], message: "Two meetings have the same key" })
    .refine((v) => new Set(v.checklist.map((s) => s.key)).size === v.checklist.length, { path: ["checklist"], message: "Two steps have the same key" });
}

export const visitFieldsSchema = visitRules(visitFieldsObject);
export type VisitFields = z.infer<typeof visitFieldsSchema>;
export type VisitInput = z.input<typeof visitFieldsSchema>;
