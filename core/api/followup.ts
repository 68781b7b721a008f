/** Follow-up of implementation: actions, indicators, progress updates and their review. */
import { z } from "zod";
import { actionFieldsObject, actionFieldsSchema, actionRules } from "../followup/action";
import { indicatorFieldsObject, indicatorFieldsSchema, indicatorRules, indicatorValueFieldsSchema } from "../followup/indicator";
import { progressUpdateFieldsSchema } from "../followup/progress-update";
import { reportProgressInputSchema, reviewDecisionSchema } from "../followup/progress";
import { recordIdSchema } from "../records/common";
import { implementationStatusSchema } from "../records/taxonomy";
import { storedOf } from "./common";

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
