/** Requests for input, their contributions (every version), and what people do to a request. */
import { z } from "zod";
import { calendarDateSchema, LIMITS, recordIdSchema, textSchema } from "../records/common";
import { attachmentSchema, contributionFieldsSchema } from "../contributions/contribution";
import { requestFieldsSchema, requestStatusSchema, requestSubjectSchema } from "../requests/request";
import { createRequestsInputSchema } from "../requests/create-requests";
import { requestDecisionSchema } from "../requests/decide-request";
import { DECISION_KINDS } from "../requests/decisions";
import { recordContributionInputSchema } from "../contributions/record-contribution";
import { eTagSchema, pageOf, pageQueryShape, storedOf } from "./common";

/**
 * What a request is about, in words, filled in by the server on the requests it answers (the
 * list, one request, the actions on it): a recommendation's document symbol and paragraph
 * (`A/HRC/59/15 para. 140.7`) and the first words of its text; a question's number and text; a
 * section's title. A recommendation that is not shared with an observer is named by its id only.
 * No words: the clients name the subject in the person's language from these values.
 */
export const requestSubjectViewShape = {
  /** The first words of the recommendation's text, or the question's text. */
  subjectText: z.string().optional(),
  /** For a recommendation: its document symbol and paragraph. */
  subjectReference: z.object({ documentSymbol: z.string(), paragraph: z.string() }).optional(),
};
export type RequestSubjectView = { subjectText?: string; subjectReference?: { documentSymbol: string; paragraph: string } };

export const requestSchema = storedOf(requestFieldsSchema).safeExtend({
  ...requestSubjectViewShape,
  /** `shared`: the caller reads this request as it is shared with observers (its status, not its answers, reasons or notices). */
  access: z.literal("shared").optional(),
});
export type RequestDto = z.infer<typeof requestSchema>;

export const requestQuerySchema = z.strictObject({
  reportId: recordIdSchema.optional(),
  ministryId: recordIdSchema.optional(),
  recommendationId: recordIdSchema.optional(),
  status: requestStatusSchema.optional(),
  ...pageQueryShape,
});
export type RequestQuery = z.input<typeof requestQuerySchema>;
export const requestPageSchema = pageOf(requestSchema);

/** Asks ministries for input on a report: per recommendation, LOIPR question or section. */
export const createRequestsBodySchema = createRequestsInputSchema.omit({ reportId: true }).strict();
export type CreateRequestsBody = z.input<typeof createRequestsBodySchema>;
export const createRequestsResultSchema = z.object({
  created: z.array(requestSchema),
  alreadyExisting: z.number().int(),
  skipped: z.array(z.object({ subject: requestSubjectSchema, reason: z.string() })),
  unaddressed: z.array(z.object({ requestId: recordIdSchema, ministryId: recordIdSchema })),
});

/** The eTag of the request as read: a double click acts once, a stale view is refused (412). */
export const requestActionBodySchema = z.strictObject({ eTag: eTagSchema });
export const extendRequestBodySchema = z.strictObject({ eTag: eTagSchema, until: calendarDateSchema });
export type ExtendRequestBody = z.input<typeof extendRequestBodySchema>;
export const askMoreTimeBodySchema = z.strictObject({
  eTag: eTagSchema,
  until: calendarDateSchema,
  reason: textSchema(LIMITS.comment).pipe(z.string().trim().min(1, "say why")),
});
export type AskMoreTimeBody = z.input<typeof askMoreTimeBodySchema>;
export const declineRequestBodySchema = z.strictObject({
  eTag: eTagSchema,
  reason: textSchema(LIMITS.comment).pipe(z.string().trim().min(1, "say which ministry it belongs to, or why")),
});
export type DeclineRequestBody = z.input<typeof declineRequestBodySchema>;

/** The secretariat's decision on a request: grant or refuse more time, move it, accept or return its answer. */
export const decideRequestBodySchema = z.strictObject({ eTag: eTagSchema, decision: requestDecisionSchema });
export type DecideRequestBody = z.input<typeof decideRequestBodySchema>;
export const decideRequestResultSchema = z.object({ request: requestSchema, reassignedTo: requestSchema.optional() });

/** A request waiting for the secretariat, with what it waits for. */
export const decisionItemSchema = requestSchema.safeExtend({ decisions: z.array(z.enum(DECISION_KINDS)).min(1) });
export type DecisionItemDto = z.infer<typeof decisionItemSchema>;
export const decisionListSchema = z.object({ items: z.array(decisionItemSchema) });

export const contributionSchema = storedOf(contributionFieldsSchema);
export type ContributionDto = z.infer<typeof contributionSchema>;
export const contributionListSchema = z.object({ items: z.array(contributionSchema) });

/**
 * An answer from the tab. `submissionId` is the tab's idempotency key (a fresh UUID per send):
 * sending the same answer twice saves it once.
 */
export const createContributionBodySchema = recordContributionInputSchema
  .omit({ requestId: true, via: true })
  .extend({
    /** Files uploaded first with POST /api/requests/{id}/attachments; links are web (https) links only. */
    attachments: z.array(attachmentSchema.extend({ webUrl: z.url({ protocol: /^https?$/, hostname: z.regexes.domain }) })).max(20).default([]),
  })
  .strict();
export type CreateContributionBody = z.input<typeof createContributionBodySchema>;
export const contributionResultSchema = z.object({
  contribution: contributionSchema,
  request: requestSchema,
  replayed: z.boolean(),
  /** The answer is saved, but the status it reported was not applied to the recommendation: why. */
  statusNotApplied: z.string().optional(),
});

/** An uploaded evidence file, ready to be listed in an answer's `attachments`. */
export const attachmentResultSchema = attachmentSchema;
export const attachmentQuerySchema = z.strictObject({ fileName: z.string().trim().min(1).max(200) });
