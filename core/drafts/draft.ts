import { z } from "zod";
import { instantSchema, LIMITS, recordIdSchema, shortTextSchema, textSchema, userIdSchema } from "../records/common";

/**
 * `compiling`: the draft's version is taken and its file is being written; `interrupted`: the
 * compile stopped before the file was recorded (a crash), and the version stays unused.
 */
export const REVIEW_STATES = ["compiling", "interrupted", "drafting", "in-review", "returned", "approved", "submitted"] as const;
export const reviewStateSchema = z.enum(REVIEW_STATES);
export type ReviewState = z.infer<typeof reviewStateSchema>;

export const wordCountSchema = z.object({
  /** Words that count against the limit, counted as the mechanism counts. */
  counted: z.number().int().min(0),
  /** Words in parts the mechanism does not count (annexed matrix, footnotes...). */
  excluded: z.number().int().min(0),
  limit: z.number().int().positive().optional(),
});
export type WordCount = z.infer<typeof wordCountSchema>;

export const templateUsedSchema = z.object({
  fileId: z.string().min(1).max(200),
  name: shortTextSchema,
  /** The template file's version label when the draft was compiled. */
  version: z.string().min(1).max(20),
});
export type TemplateUsed = z.infer<typeof templateUsedSchema>;

/** A compiled version of a report's Word draft, stored in the Drafts library. */
export const draftFieldsSchema = z.object({
  /** `{reportId}#{version}`. */
  key: z.string().min(1).max(255),
  reportId: recordIdSchema,
  version: z.number().int().min(1),
  fileName: shortTextSchema,
  /** The file, once written (a draft still `compiling` has none yet). */
  fileId: z.string().min(1).max(200).optional(),
  webUrl: z.url({ protocol: /^https?$/, error: "a web address (https://…)" }).optional(),
  /** SharePoint's version label of the file when it was compiled (e.g. `3.0`). */
  fileVersion: z.string().min(1).max(20).optional(),
  wordCount: wordCountSchema.optional(),
  unansweredRequestIds: z.array(recordIdSchema).default([]),
  reviewState: reviewStateSchema.default("drafting"),
  compiledAt: instantSchema,
  compiledBy: userIdSchema,
  /** The secretariat's template the draft was patched into, if any (the built-in layout otherwise). */
  template: templateUsedSchema.optional(),
});
export type DraftFields = z.infer<typeof draftFieldsSchema>;
export type DraftInput = z.input<typeof draftFieldsSchema>;

/** One round of approval: the secretariat sends a draft version, the chair approves or returns it. */
export const reviewFieldsSchema = z.object({
  draftId: recordIdSchema,
  reportId: recordIdSchema,
  draftVersion: z.number().int().min(1),
  requestedBy: userIdSchema,
  requestedAt: instantSchema,
  message: textSchema(LIMITS.comment).optional(),
  decision: z.enum(["approved", "returned"]).optional(),
  comment: textSchema(LIMITS.comment).optional(),
  decidedBy: userIdSchema.optional(),
  decidedByName: shortTextSchema.optional(),
  decidedAt: instantSchema.optional(),
  /** The exact file version the chair approved or returned. */
  decidedFileVersion: z.string().max(20).optional(),
});
export type ReviewFields = z.infer<typeof reviewFieldsSchema>;
export type ReviewInput = z.input<typeof reviewFieldsSchema>;

/** A draft whose file is written: every state after compiling. */
export type CompiledDraft = DraftFields & Required<Pick<DraftFields, "fileId" | "webUrl" | "fileVersion" | "wordCount">>;

export function draftKey(reportId: string, version: number): string {
  return `${reportId}#${version}`;
}
