import { z } from "zod";
import { identifierKey } from "../records/normalize";
import { instantSchema, LIMITS, recordIdSchema, shortTextSchema, textSchema, userIdSchema } from "../records/common";
import {
  implementationStatusSchema,
  mechanismSchema,
  sdgGoalSchema,
  sdgTargetSchema,
  uprPositionSchema,
} from "../records/taxonomy";

export const statusChangeSchema = z.object({
  status: implementationStatusSchema,
  at: instantSchema,
  byUserId: userIdSchema,
  byName: shortTextSchema,
  note: textSchema(LIMITS.comment).optional(),
  /** The contribution that reported this status, when it came from an answer. */
  contributionId: recordIdSchema.optional(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

/** A document symbol such as `A/HRC/59/15` or `CRC/C/PER/CO/6-7`. */
export const documentSymbolSchema = z
  .string()
  .trim()
  .min(3)
  .max(80)
  .regex(/^[A-Za-z][A-Za-z0-9]*(\/[A-Za-z0-9.()-]+)+$/, "a UN document symbol such as A/HRC/59/15");

export const recommendationFieldsSchema = z.object({
  /** The unique key: document symbol + paragraph (see recommendationKey), or `uhri:{annotation id}`. */
  key: z.string().min(1).max(200),
  text: textSchema(LIMITS.recommendationText).pipe(z.string().trim().min(1, "required")),
  mechanism: mechanismSchema,
  /** The specific body when the mechanism is a family (a special rapporteur, the African Commission...). */
  body: shortTextSchema.optional(),
  documentSymbol: documentSymbolSchema,
  /** Paragraph number in the document, e.g. `140.7` or `23(b)`. */
  paragraph: z.string().trim().min(1).max(20),
  cycle: z.number().int().min(1).max(20).optional(),
  session: z.number().int().min(1).max(200).optional(),
  recommendingStates: z.array(shortTextSchema).default([]),
  position: uprPositionSchema.optional(),
  /** The symbol of the document where the State gave its position (e.g. the addendum). */
  positionSource: shortTextSchema.optional(),
  /** The thematic cluster heading the recommendation is listed under. */
  cluster: shortTextSchema.optional(),
  themes: z.array(shortTextSchema).default([]),
  affectedGroups: z.array(shortTextSchema).default([]),
  sdgGoals: z.array(sdgGoalSchema).default([]),
  sdgTargets: z.array(sdgTargetSchema).default([]),
  leadMinistryId: recordIdSchema.optional(),
  supportingMinistryIds: z.array(recordIdSchema).default([]),
  status: implementationStatusSchema.default("not-assessed"),
  statusHistory: z.array(statusChangeSchema).default([]),
  uhriAnnotationId: shortTextSchema.optional(),
  publicationDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Links to the national human rights action plan and the development plan. */
  actionPlanReference: shortTextSchema.optional(),
  developmentPlanReference: shortTextSchema.optional(),
  sharedWithObservers: z.boolean().default(false),
});
export type RecommendationFields = z.infer<typeof recommendationFieldsSchema>;
export type RecommendationInput = z.input<typeof recommendationFieldsSchema>;

/**
 * The de-duplication key of a recommendation: its document symbol and paragraph, normalised as
 * every key is (core/records/normalize.ts): `148.１`, `148.1` followed by a zero-width space and
 * `148.1.` are all paragraph 148.1.
 */
export function recommendationKey(documentSymbol: string, paragraph: string): string {
  const symbol = identifierKey(documentSymbol).toUpperCase();
  const para = identifierKey(paragraph).replace(/\.$/, "");
  return `${symbol}#${para}`;
}
