/** Drafts (compiled versions of a report), their review by the chair, and the secretariat's templates. */
import { z } from "zod";
import { LIMITS, textSchema } from "../records/common";
import { draftFieldsSchema, reviewFieldsSchema, wordCountSchema } from "../drafts/draft";
import { draftGapSchema } from "../drafts/draft-content";
import { sendForApprovalInputSchema } from "../drafts/review-draft";
import { storedOf } from "./common";

export const draftSchema = storedOf(draftFieldsSchema);
export type DraftDto = z.infer<typeof draftSchema>;
export const reviewSchema = storedOf(reviewFieldsSchema);
export type ReviewDto = z.infer<typeof reviewSchema>;

export const draftListSchema = z.object({ items: z.array(draftSchema) });
/** A draft with every round of its review. */
export const draftWithReviewsSchema = draftSchema.safeExtend({ reviews: z.array(reviewSchema) });

/** A template id from GET /api/templates: the draft is written into the secretariat's letterhead. */
export const compileDraftBodySchema = z.strictObject({ templateId: z.string().min(1).max(200).optional() });
export type CompileDraftBody = z.input<typeof compileDraftBodySchema>;
export const compileDraftResultSchema = z.object({
  draft: draftSchema,
  webUrl: z.string(),
  wordCount: wordCountSchema,
  unanswered: z.array(draftGapSchema),
  /** Rows left out of the draft because they need attention in SharePoint (GET /api/data-quality): fix them, then compile again. */
  leftOut: z.array(z.object({ kind: z.string(), list: z.string(), id: z.string(), title: z.string().optional(), problems: z.array(z.string()) })).optional(),
  /** The template the draft was written into (absent: the built-in layout). */
  template: z.object({ id: z.string(), name: z.string(), version: z.string() }).optional(),
});

export const sendForApprovalBodySchema = sendForApprovalInputSchema.omit({ draftId: true }).strict();
export type SendForApprovalBody = z.input<typeof sendForApprovalBodySchema>;
export const reviewResultSchema = z.object({ draft: draftSchema, review: reviewSchema });

/** The chair's decision; returning a draft needs a comment saying what should change. */
export const decideBodySchema = z
  .strictObject({
    decision: z.enum(["approved", "returned"]),
    comment: textSchema(LIMITS.comment).optional(),
    /** The file version the chair has open (the Word pane sends it): refused (409 invalid_state) when the file has changed since. */
    openFileVersion: z.string().min(1).max(20).optional(),
  })
  .refine((body) => body.decision === "approved" || (body.comment?.trim().length ?? 0) > 0, {
    message: "say what should change when you return a draft",
    path: ["comment"],
  });
export type DecideBody = z.input<typeof decideBodySchema>;
export const decisionResultSchema = z.object({ draft: draftSchema, review: reviewSchema, replayed: z.boolean() });

export const templateSchema = z.object({
  /** The file's id in the Drafts library (folder `Templates`): pass it to compile. */
  id: z.string(),
  name: z.string(),
  webUrl: z.string(),
  version: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
  placeholders: z.array(z.string()),
  notes: z.array(z.string()),
});
export type TemplateDto = z.infer<typeof templateSchema>;
export const templateListSchema = z.object({ items: z.array(templateSchema) });
export const templateUploadQuerySchema = z.strictObject({
  /** The file name, e.g. `Letterhead.docx` (.docx or .dotx). */
  fileName: z
    .string()
    .trim()
    .min(6)
    .max(120)
    .regex(/^[^"*:<>?/\\|#%~&{}]+\.(docx|dotx)$/i, "a Word file name ending in .docx or .dotx, without \" * : < > ? / \\ | # % ~ & { }"),
});
