/** Special procedures: visits (the request, the reply, the dates, the programme, the statement, the report, the checklist) and communications. */
import { z } from "zod";
import { recordIdSchema } from "../records/common";
import { implementationStatusSchema } from "../records/taxonomy";
import { visitFieldsSchema } from "../visits/visit";
import {
  agreeDatesInputSchema,
  checklistInputSchema,
  meetingRequestsInputSchema,
  programmeInputSchema,
  recordVisitInputSchema,
  statementInputSchema,
  tickStepInputSchema,
  visitReplyInputSchema,
  visitReportInputSchema,
} from "../visits/visits";
import { communicationFieldsSchema } from "../communications/communication";
import { communicationRequestsInputSchema, receiveCommunicationInputSchema, replySentInputSchema } from "../communications/communications";
import type { calendarEntrySchema, calendarSchema } from "../engagement/due-calendar";
import { storedOf } from "./common";

export const visitSchema = storedOf(visitFieldsSchema);
export type VisitDto = z.infer<typeof visitSchema>;
export const visitListSchema = z.object({ items: z.array(visitSchema) });

/** A visit with its follow-up: the recommendations of its report (by document symbol), by status, and how many wait for a lead ministry. */
export const visitViewSchema = z.object({
  visit: visitSchema,
  followUp: z.object({
    recommendations: z.array(z.object({ id: recordIdSchema, paragraph: z.string(), text: z.string(), status: implementationStatusSchema, leadMinistryId: recordIdSchema.optional() })),
    byStatus: z.record(z.string(), z.number().int()),
    unassigned: z.number().int(),
  }),
});
export type VisitViewDto = z.infer<typeof visitViewSchema>;

export const meetingParamsSchema = z.strictObject({ id: recordIdSchema, key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, "a meeting's key") });

export const recordVisitBodySchema = recordVisitInputSchema;
export type RecordVisitBody = z.input<typeof recordVisitBodySchema>;
export const visitReplyBodySchema = visitReplyInputSchema;
export type VisitReplyBody = z.input<typeof visitReplyBodySchema>;
export const agreeVisitDatesBodySchema = agreeDatesInputSchema;
export type AgreeVisitDatesBody = z.input<typeof agreeVisitDatesBodySchema>;
export const visitProgrammeBodySchema = programmeInputSchema;
export type VisitProgrammeBody = z.input<typeof visitProgrammeBodySchema>;
export const meetingRequestsBodySchema = meetingRequestsInputSchema;
export type MeetingRequestsBody = z.input<typeof meetingRequestsBodySchema>;
export const visitStatementBodySchema = statementInputSchema;
export type VisitStatementBody = z.input<typeof visitStatementBodySchema>;
export const visitReportBodySchema = visitReportInputSchema;
export type VisitReportBody = z.input<typeof visitReportBodySchema>;
export const tickVisitStepBodySchema = tickStepInputSchema;
export type TickVisitStepBody = z.input<typeof tickVisitStepBodySchema>;
export const visitChecklistBodySchema = checklistInputSchema;
export type VisitChecklistBody = z.input<typeof visitChecklistBodySchema>;

// Communications (allegation letters, urgent appeals)

export const communicationSchema = storedOf(communicationFieldsSchema);
export type CommunicationDto = z.infer<typeof communicationSchema>;
/** Listed, one still to answer says which draft of its reply the chair approved, if any. */
export const listedCommunicationSchema = communicationSchema.extend({ approvedReply: z.object({ draftId: z.string(), version: z.number().int() }).optional() });
export type ListedCommunicationDto = z.infer<typeof listedCommunicationSchema>;
export const communicationListSchema = z.object({ items: z.array(listedCommunicationSchema) });
export const receiveCommunicationBodySchema = receiveCommunicationInputSchema;
export type ReceiveCommunicationBody = z.input<typeof receiveCommunicationBodySchema>;
export const communicationRequestsBodySchema = communicationRequestsInputSchema;
export type CommunicationRequestsBody = z.input<typeof communicationRequestsBodySchema>;
export const replySentBodySchema = replySentInputSchema;
export type ReplySentBody = z.input<typeof replySentBodySchema>;

// The calendar of what is due (GET /api/calendar)

export type CalendarDto = z.infer<typeof calendarSchema>;
export type CalendarEntryDto = z.infer<typeof calendarEntrySchema>;
