/** The Word task pane: what it shows beside a draft open in Word (docs/api.md, "Word"). */
import { z } from "zod";
import { recordIdSchema } from "../records/common";
import { reviewStateSchema } from "../drafts/draft";
import { NOT_A_DRAFT_REASONS, READ_ONLY_REASONS } from "../drafts/word-pane";
import { mechanismSchema, reportTypeSchema } from "../records/taxonomy";
import { reportStatusSchema } from "../reports/report";

/**
 * The document open in Word, as the pane reads it: its custom properties (NMIRF.DraftId,
 * NMIRF.ReportId, NMIRF.DraftVersion, NMIRF.Site), or else its address (`url`).
 */
export const wordPaneQuerySchema = z
  .strictObject({
    draftId: recordIdSchema.optional(),
    reportId: recordIdSchema.optional(),
    draftVersion: z
      .string()
      .regex(/^[1-9]\d{0,5}$/, "a draft version: a whole number from 1")
      .transform(Number)
      .optional(),
    site: z.string().min(1).max(500).optional(),
    url: z.url({ protocol: /^https?$/, error: "the document's address (https://…)" }).max(2000).optional(),
  })
  .refine((query) => query.draftId !== undefined || query.url !== undefined, {
    message: "name the draft (draftId, the document's NMIRF.DraftId property) or the document's address (url)",
    path: ["draftId"],
  });
export type WordPaneQuery = z.input<typeof wordPaneQuerySchema>;

const ministryCountSchema = z.object({ ministryId: z.string(), ministryName: z.string(), count: z.number().int(), firstDue: z.string().optional() });

export const wordPaneDraftSchema = z.object({
  kind: z.literal("draft"),
  access: z.enum(["full", "shared"]),
  report: z.object({ id: z.string(), title: z.string(), mechanism: mechanismSchema, type: reportTypeSchema, dueDate: z.string(), status: reportStatusSchema }),
  draft: z.object({
    id: z.string(),
    eTag: z.string(),
    version: z.number().int(),
    reviewState: reviewStateSchema,
    fileName: z.string(),
    compiledAt: z.string(),
    webUrl: z.string(),
    fileVersion: z.string(),
    compiledFileVersion: z.string(),
  }),
  newer: z.object({ draftId: z.string(), version: z.number().int(), webUrl: z.string() }).optional(),
  inReview: z.object({ draftId: z.string(), version: z.number().int(), webUrl: z.string(), reviewId: z.string(), requestedAt: z.string(), message: z.string().optional() }).optional(),
  wordCount: z.object({
    counted: z.number().int(),
    excluded: z.number().int(),
    limit: z.number().int().optional(),
    parts: z.object({ body: z.literal(true), footnotes: z.boolean(), annexes: z.boolean() }),
  }),
  stillUnanswered: z.array(ministryCountSchema),
  unansweredAtCompile: z.number().int(),
  contributors: z.array(ministryCountSchema),
  reviews: z.array(
    z.object({
      id: z.string(),
      draftVersion: z.number().int(),
      requestedAt: z.string(),
      message: z.string().optional(),
      decision: z.enum(["approved", "returned"]).optional(),
      comment: z.string().optional(),
      decidedByName: z.string().optional(),
      decidedAt: z.string().optional(),
      decidedFileVersion: z.string().optional(),
    }),
  ),
  actions: z.object({ decide: z.boolean(), sendForApproval: z.boolean(), readOnlyReason: z.enum(READ_ONLY_REASONS).optional() }),
});
export type WordPaneDraftDto = z.infer<typeof wordPaneDraftSchema>;

export const wordPaneSchema = z.discriminatedUnion("kind", [wordPaneDraftSchema, z.object({ kind: z.literal("not-a-draft"), reason: z.enum(NOT_A_DRAFT_REASONS) })]);
export type WordPaneDto = z.infer<typeof wordPaneSchema>;

/** Local mode's stand-in for Word: the document as Word would open it (docs/local-run.md). */
export const localWordDocumentQuerySchema = z.strictObject({ draftId: recordIdSchema });
export const localWordDocumentSchema = z.object({
  fileName: z.string(),
  /** What `Office.context.document.url` gives in Word: the file's address in the library. */
  url: z.string(),
  fileVersion: z.string(),
  /** The file's own custom document properties, read from the .docx. */
  properties: z.record(z.string(), z.string()),
});
export type LocalWordDocumentDto = z.infer<typeof localWordDocumentSchema>;
