import { z } from "zod";
import { calendarDateSchema, LIMITS, nonEmptyShortTextSchema, recordIdSchema, textSchema } from "../records/common";

/** The national plans an action may carry out. */
export const PLAN_KINDS = ["human-rights-action-plan", "development-plan"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** A chapter's or an item's number in its plan as the plan prints it: `3`, `3.2`, `II.4.b`. */
export const planCodeSchema = z.string().trim().min(1, "required").max(40).regex(/^[A-Za-z0-9.()-]+$/, "a number as the plan prints it, such as 3.2");

export const planChapterSchema = z.object({ code: planCodeSchema, title: nonEmptyShortTextSchema });
export type PlanChapter = z.infer<typeof planChapterSchema>;

/** A national plan (human rights action plan, development plan): its period and chapters. Its items are records of their own. */
export const planFieldsSchema = z
  .object({
    /** The plan's short name, unique: `NHRAP 2024-2028`. */
    key: nonEmptyShortTextSchema,
    kind: z.enum(PLAN_KINDS),
    title: nonEmptyShortTextSchema,
    startDate: calendarDateSchema,
    endDate: calendarDateSchema,
    chapters: z.array(planChapterSchema).max(200).default([]),
    /** Where the adopted plan is published. */
    webUrl: z.url({ protocol: /^https?$/, error: "a web address (https://…)" }).optional(),
  })
  .refine((plan) => plan.endDate >= plan.startDate, { path: ["endDate"], message: "The plan ends before it starts" })
  .refine((plan) => new Set(plan.chapters.map((c) => c.code)).size === plan.chapters.length, { path: ["chapters"], message: "Two chapters have the same number" });
export type PlanFields = z.infer<typeof planFieldsSchema>;

/** One item (objective, measure) of a plan: what an action is linked to, rather than free text. */
export const planItemFieldsSchema = z.object({
  /** `{planId}#{code}`: an item number is unique in its plan (see planItemKey). */
  key: z.string().min(1).max(255),
  planId: recordIdSchema,
  /** The code of the plan's chapter it belongs to. */
  chapterCode: planCodeSchema,
  code: planCodeSchema,
  text: textSchema(LIMITS.recommendationText).pipe(z.string().trim().min(1, "required")),
});
export type PlanItemFields = z.infer<typeof planItemFieldsSchema>;

export function planItemKey(planId: string, code: string): string {
  return `${planId}#${code.trim()}`;
}
