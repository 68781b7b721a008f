/** Follow-up of implementation: actions, indicators, progress updates and their review. */
import { z } from "zod";
import { actionFieldsObject, actionFieldsSchema, actionRules } from "../followup/action";
import { indicatorFieldsObject, indicatorFieldsSchema, indicatorRules, indicatorValueFieldsSchema } from "../followup/indicator";
import { progressUpdateFieldsSchema } from "../followup/progress-update";
import { reportProgressInputSchema, reviewDecisionSchema } from "../followup/progress";
import { startRoundInputSchema } from "../followup/follow-up-round";
import { followUpRoundFieldsSchema } from "../followup/round";
import { followUpScheduleFieldsSchema } from "../followup/schedule";
import { setScheduleInputSchema } from "../followup/follow-up-schedules";
import { INDICATOR_TRACKS } from "../followup/indicator-track";
import { actionStatusSchema } from "../followup/action";
import { recordIdSchema } from "../records/common";
import { planFieldsSchema, planItemFieldsSchema } from "../followup/plan";
import { recordPlanInputSchema } from "../followup/plans";
import { implementationStatusSchema } from "../records/taxonomy";
import { booleanQuerySchema, pageOf, pageQueryShape, storedOf } from "./common";

export const actionSchema = storedOf(actionFieldsSchema);
export type ActionDto = z.infer<typeof actionSchema>;
export const createActionBodySchema = actionRules(actionFieldsObject.omit({ createdAt: true, createdBy: true, acceptedUpdateId: true, acceptedAt: true }).strict());
export type CreateActionBody = z.input<typeof createActionBodySchema>;

export const indicatorSchema = storedOf(indicatorFieldsSchema);
export type IndicatorDto = z.infer<typeof indicatorSchema>;
export const createIndicatorBodySchema = indicatorRules(indicatorFieldsObject.omit({ createdAt: true, createdBy: true }).strict());
export type CreateIndicatorBody = z.input<typeof createIndicatorBodySchema>;

export const progressUpdateSchema = storedOf(progressUpdateFieldsSchema);
export type ProgressUpdateDto = z.infer<typeof progressUpdateSchema>;
export const reportProgressBodySchema = reportProgressInputSchema.omit({ actionId: true, via: true }).strict();
export type ReportProgressBody = z.input<typeof reportProgressBodySchema>;
export const reportProgressResultSchema = z.object({ update: progressUpdateSchema, replayed: z.boolean() });

export const reviewProgressBodySchema = reviewDecisionSchema;
export type ReviewProgressBody = z.input<typeof reviewProgressBodySchema>;
const statusOutcomeSchema = z.object({ recommendationId: recordIdSchema, from: implementationStatusSchema, to: implementationStatusSchema });
export const reviewProgressResultSchema = z.object({
  update: progressUpdateSchema,
  action: actionSchema,
  values: z.array(storedOf(indicatorValueFieldsSchema)),
  statusesMoved: z.array(statusOutcomeSchema),
  statusesProposed: z.array(statusOutcomeSchema),
});

/** The filters of the actions list (the Actions view, a recommendation's panel). */
export const actionQuerySchema = z.strictObject({
  /** The lead or a supporting ministry. */
  ministryId: recordIdSchema.optional(),
  /** Actions carrying out an item of this national plan. */
  planId: recordIdSchema.optional(),
  recommendationId: recordIdSchema.optional(),
  status: actionStatusSchema.optional(),
  /** `true`: past their end date and neither done nor dropped. */
  overdue: booleanQuerySchema.optional(),
  /** `true`: with at least one indicator off track. */
  offTrack: booleanQuerySchema.optional(),
  ...pageQueryShape,
});
export type ActionQuery = z.input<typeof actionQuerySchema>;

/** An action as a reader gets it: `access: "shared"` for one read at the level shared with observers. */
export const readableActionSchema = actionSchema.safeExtend({
  access: z.literal("shared").optional(),
  overdue: z.boolean(),
  indicatorsOffTrack: z.number().int().min(0),
});
export type ReadableActionDto = z.infer<typeof readableActionSchema>;
export const actionPageSchema = pageOf(readableActionSchema);

const indicatorValueSchema = storedOf(indicatorValueFieldsSchema);
export type IndicatorValueDto = z.infer<typeof indicatorValueSchema>;
export const indicatorTrackSchema = z.enum(INDICATOR_TRACKS);
export type IndicatorTrackDto = z.infer<typeof indicatorTrackSchema>;
/** An indicator with its accepted values (oldest first), the latest, and whether it is on track. */
export const indicatorViewSchema = z.object({
  indicator: indicatorSchema,
  values: z.array(indicatorValueSchema),
  latest: indicatorValueSchema.optional(),
  track: indicatorTrackSchema,
  access: z.enum(["full", "shared"]),
});
export type IndicatorViewDto = z.infer<typeof indicatorViewSchema>;

/** One action: its indicators with their series, and every progress version, newest first. */
export const actionViewSchema = z.object({
  action: readableActionSchema,
  access: z.enum(["full", "shared"]),
  indicators: z.array(indicatorViewSchema),
  timeline: z.array(progressUpdateSchema.safeExtend({ access: z.literal("shared").optional() })),
  mayReport: z.boolean(),
  mayReview: z.boolean(),
});
export type ActionViewDto = z.infer<typeof actionViewSchema>;

export const followUpRoundSchema = storedOf(followUpRoundFieldsSchema);
export type FollowUpRoundDto = z.infer<typeof followUpRoundSchema>;
/** A follow-up round: a title (`2026 Q2`), the mechanism or the report, the date to report by. */
export const startRoundBodySchema = startRoundInputSchema;
export type StartRoundBody = z.input<typeof startRoundBodySchema>;
export const startRoundResultSchema = z.object({
  round: followUpRoundSchema,
  actions: z.number().int().min(0),
  queued: z.number().int().min(0),
  alreadyQueued: z.number().int().min(0),
  unaddressed: z.array(z.object({ actionId: recordIdSchema, ministryId: recordIdSchema })),
});
export type StartRoundResultDto = z.infer<typeof startRoundResultSchema>;
export const followUpRoundListSchema = z.object({ items: z.array(followUpRoundSchema) });

export const followUpScheduleSchema = storedOf(followUpScheduleFieldsSchema);
export type FollowUpScheduleDto = z.infer<typeof followUpScheduleSchema>;
/** A mechanism's follow-up schedule, set or changed (one per mechanism). */
export const setScheduleBodySchema = setScheduleInputSchema;
export type SetScheduleBody = z.input<typeof setScheduleBodySchema>;
export const followUpScheduleListSchema = z.object({ items: z.array(followUpScheduleSchema) });

// National plans (human rights action plan, development plan)

export const recordPlanBodySchema = recordPlanInputSchema;
export type RecordPlanBody = z.input<typeof recordPlanBodySchema>;
export const planItemSchema = storedOf(planItemFieldsSchema);
export const planWithItemsSchema = storedOf(planFieldsSchema).safeExtend({ items: z.array(planItemSchema) });
export type PlanWithItemsDto = z.infer<typeof planWithItemsSchema>;
export const planListSchema = z.object({ items: z.array(planWithItemsSchema) });

