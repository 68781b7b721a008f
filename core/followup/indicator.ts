import { z } from "zod";
import { attachmentSchema } from "../contributions/contribution";
import { calendarDateSchema, instantSchema, LIMITS, nonEmptyShortTextSchema, recordIdSchema, shortTextSchema, textSchema, userIdSchema } from "../records/common";
import { sdgTargetSchema } from "../records/taxonomy";

const measureSchema = z.number().finite("a number");

/** How progress is measured: for an action, or for a recommendation (or its cluster) directly. */
export const indicatorFieldsObject = z.object({
    actionId: recordIdSchema.optional(),
    recommendationId: recordIdSchema.optional(),
    cluster: shortTextSchema.optional(),
    definition: textSchema(LIMITS.comment).pipe(z.string().trim().min(1, "required")),
    /** `%`, `cases`, `children enrolled`... */
    unit: nonEmptyShortTextSchema,
    baselineValue: measureSchema,
    baselineDate: calendarDateSchema,
    targetValue: measureSchema,
    targetDate: calendarDateSchema,
    dataSource: nonEmptyShortTextSchema,
    /** By sex, age, disability, region...: how the values are broken down. */
    disaggregation: z.array(nonEmptyShortTextSchema).max(20).default([]),
    sdgTarget: sdgTargetSchema.optional(),
    createdAt: instantSchema,
    createdBy: userIdSchema,
});

/** The rules across an indicator's fields, for the record and for the API's body alike. */
export function indicatorRules<Schema extends z.ZodType<{ actionId?: string; recommendationId?: string; cluster?: string; baselineDate: string; targetDate: string }>>(schema: Schema) {
  return schema
    .refine((i) => i.actionId !== undefined || i.recommendationId !== undefined || i.cluster !== undefined, {
      path: ["actionId"],
      message: "An indicator measures an action, a recommendation or a cluster",
    })
    .refine((i) => i.targetDate >= i.baselineDate, { path: ["targetDate"], message: "The target is dated before the baseline" });
}

export const indicatorFieldsSchema = indicatorRules(indicatorFieldsObject);
export type IndicatorFields = z.infer<typeof indicatorFieldsSchema>;
export type IndicatorInput = z.input<typeof indicatorFieldsSchema>;

/** One reported value of an indicator, with who reported it and the evidence. */
export const indicatorValueFieldsSchema = z.object({
  /** `{source}#{indicatorId}#{date}`, the source being a progress update or an API idempotency key: a replay is saved once. */
  key: z.string().min(1).max(255),
  indicatorId: recordIdSchema,
  value: measureSchema,
  /** The date the value holds for (not when it was reported). */
  date: calendarDateSchema,
  reportedById: userIdSchema,
  reportedByName: shortTextSchema,
  reportedAt: instantSchema,
  /** The progress update that carried it, if it came with one. */
  progressUpdateId: recordIdSchema.optional(),
  evidence: z.array(attachmentSchema).max(20).default([]),
  note: textSchema(LIMITS.comment).optional(),
});
export type IndicatorValueFields = z.infer<typeof indicatorValueFieldsSchema>;
export type IndicatorValueInput = z.input<typeof indicatorValueFieldsSchema>;

export function indicatorValueKey(source: string, indicatorId: string, date: string): string {
  return `${source}#${indicatorId}#${date}`;
}
