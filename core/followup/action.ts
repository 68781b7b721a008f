import { z } from "zod";
import { calendarDateSchema, instantSchema, LIMITS, nonEmptyShortTextSchema, recordIdSchema, shortTextSchema, textSchema, userIdSchema } from "../records/common";

/** Where an action stands, as the government reports it. */
export const ACTION_STATUSES = ["planned", "under-way", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const actionStatusSchema = z.enum(ACTION_STATUSES);

/** A measure the State takes to implement one or more recommendations: who does it, by when, to what end. */
export const actionFieldsObject = z.object({
    title: nonEmptyShortTextSchema,
    description: textSchema(LIMITS.recommendationText).optional(),
    recommendationIds: z.array(recordIdSchema).min(1, "an action implements at least one recommendation").max(200),
    /** The recommendations' cluster, when the action was created for a cluster. */
    cluster: shortTextSchema.optional(),
    leadMinistryId: recordIdSchema,
    supportingMinistryIds: z.array(recordIdSchema).max(50).default([]),
    startDate: calendarDateSchema,
    endDate: calendarDateSchema,
    expectedOutput: textSchema(LIMITS.comment).pipe(z.string().trim().min(1, "required")),
    status: actionStatusSchema.default("planned"),
    /** The budget line, when the State records one (`Budget 2027, programme 1402`). */
    budgetLine: shortTextSchema.optional(),
    /** The items of the national plans it carries out. */
    planItemIds: z.array(recordIdSchema).max(50).default([]),
    /** Whether observers (NHRI, civil society) may read it, as for its recommendations. */
    sharedWithObservers: z.boolean().default(false),
    createdAt: instantSchema,
    createdBy: userIdSchema,
    /** The latest accepted progress update, for the tab and the drafts. */
    acceptedUpdateId: recordIdSchema.optional(),
    acceptedAt: instantSchema.optional(),
});

/** The rules across an action's fields, for the record and for the API's body alike. */
export function actionRules<Schema extends z.ZodType<{ startDate: string; endDate: string; leadMinistryId: string; supportingMinistryIds: string[] }>>(schema: Schema) {
  return schema
    .refine((action) => action.endDate >= action.startDate, { path: ["endDate"], message: "The action ends before it starts" })
    .refine((action) => !action.supportingMinistryIds.includes(action.leadMinistryId), {
      path: ["supportingMinistryIds"],
      message: "The lead ministry is not also a supporting one",
    });
}

export const actionFieldsSchema = actionRules(actionFieldsObject);
export type ActionFields = z.infer<typeof actionFieldsSchema>;
export type ActionInput = z.input<typeof actionFieldsSchema>;
