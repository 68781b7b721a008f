import { z } from "zod";
import { LIMITS, recordIdSchema, textSchema } from "../records/common";
import { recommendationFieldsSchema } from "../recommendations/recommendation";
import { implementationStatusSchema, mechanismSchema, sdgGoalSchema, uprPositionSchema } from "../records/taxonomy";
import { booleanQuerySchema, eTagSchema, pageOf, pageQueryShape, patchOf, storedOf, updateOf } from "./common";

export const recommendationSchema = storedOf(recommendationFieldsSchema);
export type RecommendationDto = z.infer<typeof recommendationSchema>;

export const RECOMMENDATION_SORTS = ["paragraph", "-paragraph", "status", "-status", "cycle", "-cycle", "documentSymbol", "-documentSymbol"] as const;

/** The grid's filters: each narrows the list; `q` looks for words in the text, symbol, paragraph and recommending States. */
export const recommendationQuerySchema = z.strictObject({
  mechanism: mechanismSchema.optional(),
  status: implementationStatusSchema.optional(),
  position: uprPositionSchema.optional(),
  /** A ministry's id, or `none` for recommendations without a lead ministry yet. */
  leadMinistryId: z.union([recordIdSchema, z.literal("none")]).optional(),
  /** Recommendations the ministry leads or supports. */
  ministryId: recordIdSchema.optional(),
  cycle: z.coerce.number().int().min(1).max(20).optional(),
  /** The Human Rights Council (or treaty body) session that adopted or examined it, e.g. 59. */
  session: z.coerce.number().int().min(1).max(200).optional(),
  documentSymbol: z.string().trim().min(1).max(80).optional(),
  cluster: z.string().trim().min(1).max(255).optional(),
  theme: z.string().trim().min(1).max(255).optional(),
  sdg: z.coerce.number().pipe(sdgGoalSchema).optional(),
  sharedWithObservers: booleanQuerySchema.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(RECOMMENDATION_SORTS).default("paragraph"),
  ...pageQueryShape,
});
export type RecommendationQuery = z.input<typeof recommendationQuerySchema>;

export const recommendationPageSchema = pageOf(recommendationSchema).extend({
  /** For the secretariat, the chair and administrators: rows of the Recommendations list left out because they need attention (GET /api/data-quality). */
  needsAttention: z.number().int().min(0).optional(),
});

/** A new recommendation typed in by the secretariat (its key is computed; its status is reported later by the lead ministry). */
export const createRecommendationBodySchema = recommendationFieldsSchema.omit({ key: true, status: true, statusHistory: true }).strict();
export type CreateRecommendationBody = z.input<typeof createRecommendationBodySchema>;

export const recommendationPatchSchema = patchOf(recommendationFieldsSchema);
export const updateRecommendationBodySchema = updateOf(recommendationPatchSchema);
export type UpdateRecommendationBody = z.input<typeof updateRecommendationBodySchema>;

/** Assigns ministries to many recommendations at once; each carries the eTag read. */
export const bulkAssignBodySchema = z
  .strictObject({
    items: z.array(z.strictObject({ id: recordIdSchema, eTag: eTagSchema })).min(1, "choose at least one recommendation").max(500),
    leadMinistryId: recordIdSchema.optional(),
    supportingMinistryIds: z.array(recordIdSchema).max(50).optional(),
    sharedWithObservers: z.boolean().optional(),
  })
  .refine((body) => body.leadMinistryId !== undefined || body.supportingMinistryIds !== undefined || body.sharedWithObservers !== undefined, {
    message: "say what to assign: a lead ministry, supporting ministries or sharing",
    path: ["leadMinistryId"],
  });
export type BulkAssignBody = z.input<typeof bulkAssignBodySchema>;

export const bulkResultSchema = z.object({
  results: z.array(
    z.discriminatedUnion("ok", [
      z.object({ ok: z.literal(true), id: recordIdSchema, record: recommendationSchema }),
      z.object({ ok: z.literal(false), id: recordIdSchema, code: z.string(), message: z.string(), current: z.unknown().optional() }),
    ]),
  ),
  updated: z.number().int(),
  failed: z.number().int(),
});
export type BulkResultDto = z.infer<typeof bulkResultSchema>;

/** A focal point of the lead ministry reports a recommendation's implementation status. */
export const updateStatusBodySchema = z.strictObject({ eTag: eTagSchema, status: implementationStatusSchema, note: textSchema(LIMITS.comment).optional() });
export type UpdateStatusBody = z.input<typeof updateStatusBodySchema>;

// The themes vocabulary

export const themeQuerySchema = z.strictObject({ mechanism: mechanismSchema.optional() });
export const themeListSchema = z.object({
  items: z.array(z.object({ name: z.string(), count: z.number().int(), similar: z.array(z.string()) })),
});
export type ThemeListDto = z.infer<typeof themeListSchema>;
const themeNameSchema = textSchema(LIMITS.shortText).pipe(z.string().trim().min(1, "required"));
export const renameThemesBodySchema = z.strictObject({
  /** One theme to rename, or several to merge into `to`. */
  from: z.array(themeNameSchema).min(1, "name at least one theme").max(50),
  to: themeNameSchema,
  mechanism: mechanismSchema.optional(),
  /** false (default): answer what would change and write nothing. */
  apply: z.boolean().default(false),
});
export type RenameThemesBody = z.input<typeof renameThemesBodySchema>;
export const renameThemesResultSchema = z.object({
  applied: z.boolean(),
  changed: z.number().int(),
  notFound: z.array(z.string()),
  items: z.array(z.object({ id: recordIdSchema, documentSymbol: z.string(), paragraph: z.string(), before: z.array(z.string()), after: z.array(z.string()), ok: z.boolean().optional(), message: z.string().optional() })),
  updated: z.number().int(),
  failed: z.number().int(),
});
export type RenameThemesResultDto = z.infer<typeof renameThemesResultSchema>;
