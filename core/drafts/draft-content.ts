import { z } from "zod";
import { reportLanguageSchema } from "../reports/report";
import { attachmentSchema } from "../contributions/contribution";
import { calendarDateSchema, instantSchema, recordIdSchema, shortTextSchema } from "../records/common";
import { type wordCountSchema } from "./draft";
import { documentSymbolSchema } from "../recommendations/recommendation";
import { implementationStatusSchema, mechanismSchema, reportTypeSchema, uprPositionSchema } from "../records/taxonomy";
import { requestStatusSchema } from "../requests/request";
import { actionStatusSchema } from "../followup/action";
import type { DraftIdentity } from "./draft-identity";

/**
 * The structured content of a draft, assembled by core from the latest contributions.
 * The renderer (drafts/) lays it out for the report's type and writes the .docx.
 */
export const draftSubjectSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("recommendation"),
    recommendationId: recordIdSchema,
    documentSymbol: documentSymbolSchema,
    paragraph: z.string(),
    text: z.string(),
    recommendingStates: z.array(z.string()),
    position: uprPositionSchema.optional(),
    cluster: z.string().optional(),
    themes: z.array(z.string()),
    status: implementationStatusSchema,
  }),
  z.object({ kind: z.literal("question"), number: z.string(), text: z.string() }),
  z.object({ kind: z.literal("section"), section: z.string(), title: z.string() }),
]);
export type DraftSubject = z.infer<typeof draftSubjectSchema>;

export const draftAnswerSchema = z.object({
  requestId: recordIdSchema,
  contributionId: recordIdSchema,
  ministryId: recordIdSchema,
  ministryName: z.string(),
  authorName: z.string(),
  answeredAt: instantSchema,
  /** The date of the answer in the mechanism's time zone (what the draft prints). */
  answeredOn: calendarDateSchema.optional(),
  version: z.number().int().min(1),
  text: z.string(),
  reportedStatus: implementationStatusSchema.optional(),
  attachments: z.array(attachmentSchema.pick({ name: true, webUrl: true })),
});
export type DraftAnswer = z.infer<typeof draftAnswerSchema>;

/** A request with no answer yet: the draft shows it as a highlighted placeholder. */
export const draftGapSchema = z.object({
  requestId: recordIdSchema,
  ministryId: recordIdSchema,
  ministryName: z.string(),
  dueDate: calendarDateSchema,
  status: requestStatusSchema,
});
export type DraftGap = z.infer<typeof draftGapSchema>;

/**
 * An action's latest progress the secretariat accepted, on a recommendation of the draft: the
 * follow-up (core/followup) writes the report, so the secretariat asks only for what is missing.
 */
export const draftProgressSchema = z.object({
  actionId: recordIdSchema,
  actionTitle: z.string(),
  progressUpdateId: recordIdSchema,
  ministryId: recordIdSchema,
  ministryName: z.string(),
  authorName: z.string(),
  reportedAt: instantSchema,
  /** The date of the report in the mechanism's time zone (what the draft prints). */
  reportedOn: calendarDateSchema.optional(),
  text: z.string(),
  actionStatus: actionStatusSchema,
  attachments: z.array(attachmentSchema.pick({ name: true, webUrl: true })),
});
export type DraftProgress = z.infer<typeof draftProgressSchema>;

export const draftItemSchema = z.object({
  subject: draftSubjectSchema,
  answers: z.array(draftAnswerSchema),
  gaps: z.array(draftGapSchema),
  /** For a recommendation: the accepted progress of the actions that implement it, action by action. */
  progress: z.array(draftProgressSchema).optional(),
});
export type DraftItem = z.infer<typeof draftItemSchema>;

/** A row of the annexed matrix of recommendations (UPR). */
export const annexRowSchema = z.object({
  recommendationId: recordIdSchema,
  documentSymbol: z.string(),
  paragraph: z.string(),
  text: z.string(),
  recommendingStates: z.array(z.string()),
  position: uprPositionSchema.optional(),
  cluster: z.string().optional(),
  leadMinistry: z.string().optional(),
  status: implementationStatusSchema,
});
export type AnnexRow = z.infer<typeof annexRowSchema>;

export const draftContentSchema = z.object({
  report: z.object({
    id: recordIdSchema,
    title: z.string(),
    mechanism: mechanismSchema,
    type: reportTypeSchema,
    /** The report's language (English when absent): the draft's fixed words are written in it; contributions stay as the ministries wrote them. */
    language: reportLanguageSchema.optional(),
    dueDate: calendarDateSchema,
    wordLimit: z.number().int().positive().optional(),
    cycle: z.number().int().optional(),
    session: z.number().int().optional(),
    documentSymbol: z.string().optional(),
  }),
  version: z.number().int().min(1),
  compiledAt: instantSchema,
  /** The date printed in the header ("Draft v3 — 29 November 2026"), in the mechanism's time zone. */
  compiledOn: calendarDateSchema,
  /** In report order: by cluster then paragraph for recommendations, by number for questions. */
  items: z.array(draftItemSchema),
  annex: z.array(annexRowSchema),
  consultations: z.array(
    z.object({
      stakeholder: shortTextSchema,
      kind: z.string(),
      subject: shortTextSchema,
      date: calendarDateSchema,
      endDate: calendarDateSchema.optional(),
      format: z.string().optional(),
      participants: z.number().int().optional(),
      summary: z.string().optional(),
    }),
  ),
});
export type DraftContent = z.infer<typeof draftContentSchema>;

export interface RenderedDraft {
  content: Uint8Array;
  wordCount: z.infer<typeof wordCountSchema>;
}

export interface RenderOptions {
  /** A secretariat's .docx template with {{placeholders}} (validated when uploaded). */
  template?: Uint8Array;
  /** Which draft this is, stamped into the file's custom document properties (the Word task pane reads them). */
  identity?: DraftIdentity;
}

/** A report's structured content → .docx bytes (DESIGN.md, "Ports"). */
export interface DraftRenderer {
  render(content: DraftContent, options?: RenderOptions): Promise<RenderedDraft>;
}
