import { z } from "zod";
import { calendarDateSchema, instantSchema, nonEmptyShortTextSchema, recordIdSchema, shortTextSchema, userIdSchema } from "../records/common";
import { mechanismSchema } from "../records/taxonomy";

/**
 * A follow-up round: the secretariat asks each lead ministry, for each of its actions still
 * planned or under way, how it progressed (the quarter's, or before a report's drafting starts).
 * The round is the intent: its cards are queued from it, again after a crash, never twice.
 */
export const followUpRoundFieldsSchema = z.object({
  /** `{scope}#{title}` (see roundKey): the same round started twice is one round. */
  key: z.string().min(1).max(255),
  /** What the round is called: `2026 Q2`, `Before the mid-term report`. */
  title: nonEmptyShortTextSchema,
  /** The actions asked about: those of this mechanism's recommendations. */
  mechanism: mechanismSchema,
  /** The report the round prepares, when it prepares one. */
  reportId: recordIdSchema.optional(),
  /** When the ministries are asked to have reported by. */
  dueDate: calendarDateSchema,
  startedAt: instantSchema,
  startedBy: userIdSchema,
  startedByName: shortTextSchema,
});
export type FollowUpRoundFields = z.infer<typeof followUpRoundFieldsSchema>;
export type FollowUpRoundInput = z.input<typeof followUpRoundFieldsSchema>;

export function roundKey(scope: { mechanism: string; reportId?: string }, title: string): string {
  const where = scope.reportId ? `report:${scope.reportId}` : `mechanism:${scope.mechanism}`;
  return `${where}#${title.trim().toLowerCase().replace(/\s+/g, " ")}`.slice(0, 255);
}
