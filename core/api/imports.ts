/**
 * Importing recommendations through the API: upload the file (the server reads it and answers a
 * preview, keeping the parsed file for a while under an id), then commit that id.
 */
import { z } from "zod";
import { IMPORT_FORMATS } from "../import/import-types";
import { fieldChangeSchema } from "../audit/audit-entry";
import { mechanismSchema } from "../records/taxonomy";

export const importUploadQuerySchema = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  /** The format chosen; without it the content decides. */
  format: z.enum(IMPORT_FORMATS).optional(),
  /** For UHRI/CSV rows that do not say which mechanism. */
  mechanism: mechanismSchema.optional(),
  /** OHCHR list: the Working Group report's symbol when the list gives none; CSV: the default symbol. */
  documentSymbol: z.string().trim().min(3).max(80).optional(),
  /** OHCHR list: the UPR session when the page header does not say. */
  session: z.coerce.number().int().min(1).max(200).optional(),
  /** Generic CSV: the column mapping as JSON (see docs/import.md). */
  mapping: z.string().max(4000).optional(),
});
export type ImportUploadQuery = z.input<typeof importUploadQuerySchema>;

const rowPlaceShape = {
  row: z.number().int(),
  table: z.number().int().optional(),
  ref: z.string().optional(),
  key: z.string().optional(),
};

const previewRowSchema = z.object({
  ...rowPlaceShape,
  outcome: z.enum(["new", "unchanged", "changed", "duplicate", "invalid"]),
  existingId: z.string().optional(),
  /** For `changed`: each source field that differs, with the stored and the file's value. */
  changes: z.array(fieldChangeSchema).optional(),
  duplicateOf: z.number().int().optional(),
  differsFromFirst: z.array(z.string()).optional(),
  reasons: z.array(z.string()).optional(),
  warnings: z.array(z.string()).optional(),
  /** The recommendation as the file gives it (valid rows other than unchanged ones). */
  fields: z.unknown().optional(),
});

const summaryShape = {
  total: z.number().int(),
  new: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.number().int(),
  position: z.record(z.string(), z.number().int()),
  clusters: z.number().int(),
};

export const importPreviewSchema = z.object({
  ...summaryShape,
  format: z.enum(IMPORT_FORMATS),
  layout: z.string().optional(),
  fileName: z.string().optional(),
  source: z.unknown(),
  clusterNames: z.array(z.string()),
  rows: z.array(previewRowSchema),
  warnings: z.array(z.string()),
});

export const importSessionSchema = z.object({
  /** Commit with this id (POST /api/imports/{id}/commit) before `expiresAt`. */
  id: z.string(),
  fileName: z.string(),
  uploadedAt: z.string(),
  expiresAt: z.string(),
  preview: importPreviewSchema,
});
export type ImportSessionDto = z.infer<typeof importSessionSchema>;

export const importIdParamsSchema = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, "an import id") });

export const importCommitResultSchema = z.object({
  planned: z.object(summaryShape),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.number().int(),
  failed: z.number().int(),
  auditEntries: z.number().int(),
  warnings: z.array(z.string()),
  rows: z.array(
    z.object({
      ...rowPlaceShape,
      outcome: z.enum(["created", "updated", "unchanged", "duplicate", "invalid", "failed"]),
      id: z.string().optional(),
      changedFields: z.array(z.string()).optional(),
      reasons: z.array(z.string()).optional(),
      code: z.string().optional(),
      duplicateOf: z.number().int().optional(),
    }),
  ),
});
