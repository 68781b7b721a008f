/**
 * Importing recommendations through the API: upload the file (the server reads it and answers a
 * preview, keeping the parsed file for a while under an id), then commit that id.
 */
import { z } from "zod";
import { IMPORT_FORMATS, SOURCE_FIELDS } from "../import/import-types";
import { columnMappingSchema, MAPPABLE_FIELDS } from "../import/mapped-table";
import { fieldChangeSchema } from "../audit/audit-entry";
import { mechanismSchema } from "../records/taxonomy";

/** What the wizard's header row field must hold, in the refusal's words. */
const HEADER_ROW = "a header row's number, from 1 (the sheet's first row) to 1000";

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
  /** An Excel tracker, before it is mapped: the sheet to show the columns of, and its header row. */
  sheet: z.string().trim().min(1).max(120).optional(),
  headerRow: z.coerce.number({ error: HEADER_ROW }).int(HEADER_ROW).min(1, HEADER_ROW).max(1000, HEADER_ROW).optional(),
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

/** A tracker's own columns, the values found in each and what they most likely mean: what the wizard maps from. */
export const tableProfileSchema = z.object({
  /** An Excel tracker: the sheet shown, and every sheet of the workbook. */
  sheet: z.string().optional(),
  sheets: z.array(z.string()).optional(),
  headerRow: z.number().int(),
  rows: z.number().int(),
  /** What was read with doubt (a guessed encoding). */
  warnings: z.array(z.string()),
  columns: z.array(
    z.object({
      name: z.string(),
      filled: z.number().int(),
      distinct: z.number().int(),
      values: z.array(z.object({ value: z.string(), rows: z.number().int(), position: z.string().optional(), mechanism: z.string().optional() })),
      suggestedField: z.enum(MAPPABLE_FIELDS).optional(),
    }),
  ),
  /** The suggestions as a mapping: what the wizard preselects. */
  suggestedMapping: z.object({ columns: z.record(z.string(), z.string()), values: z.record(z.string(), z.record(z.string(), z.string())).optional(), oneRowPerState: z.boolean().optional() }),
});
export type TableProfileDto = z.infer<typeof tableProfileSchema>;

export const importSessionSchema = z.object({
  /** Commit with this id (POST /api/imports/{id}/commit) before `expiresAt`. */
  id: z.string(),
  fileName: z.string(),
  uploadedAt: z.string(),
  expiresAt: z.string(),
  /** What importing the file would do; absent when the file needs a mapping first (see `table`). */
  preview: importPreviewSchema.optional(),
  /** A CSV or Excel file: its columns and values, for a mapping. */
  table: tableProfileSchema.optional(),
  /** The mapping the preview was made with. */
  mapping: z.unknown().optional(),
});
export type ImportSessionDto = z.infer<typeof importSessionSchema>;

/** The file of an upload read again with a mapping (the wizard's preview); the answer is a new upload id. */
export const mapImportBodySchema = z.strictObject({
  mapping: columnMappingSchema,
  mechanism: mechanismSchema.optional(),
  documentSymbol: z.string().trim().min(3).max(80).optional(),
});

/** Changes the secretariat unticked in the preview: a whole row (not written at all), or some fields of a changed row. */
export const commitImportBodySchema = z.strictObject({
  skip: z
    .array(
      z.strictObject({
        row: z.number().int().min(1),
        table: z.number().int().min(1).optional(),
        /** The fields of a changed row left as stored; without them, the row is not written. */
        fields: z.array(z.enum(SOURCE_FIELDS)).min(1).optional(),
      }),
    )
    .max(50_000)
    .optional(),
});
export type CommitImportBody = z.input<typeof commitImportBodySchema>;

/** A file name SharePoint accepts: none of \ / : * ? " < > | # % and no control character. */
const MAPPING_NAME_FORBIDDEN = new Set([..."\\/:*?\"<>|#%"]);
const isMappingName = (name: string) => [...name].every((char) => !MAPPING_NAME_FORBIDDEN.has(char) && char.charCodeAt(0) >= 32);

/** A mapping saved on the site for the next import (Drafts library, folder "Import mappings"). */
export const saveImportMappingBodySchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "a name")
    .max(80)
    .refine(isMappingName, 'a name without \\ / : * ? " < > | # %')
    .refine((name) => !name.startsWith(".") && !name.endsWith("."), "a name that does not start or end with a dot"),
  mapping: columnMappingSchema,
});

export const importMappingSchema = z.object({
  /** The file's id in the Drafts library: GET /api/import-mappings/{id} downloads it. */
  id: z.string(),
  name: z.string(),
  fileName: z.string(),
  webUrl: z.string(),
  version: z.string(),
  savedAt: z.string(),
  /** The mapping, read back and checked; absent when the file is not a valid mapping (see `problem`). */
  mapping: z.unknown().optional(),
  problem: z.string().optional(),
});
export type ImportMappingDto = z.infer<typeof importMappingSchema>;
export const importMappingIdParamsSchema = z.strictObject({ id: z.string().min(1).max(200).regex(/^[A-Za-z0-9._!:-]+$/, "a file id") });
export const importMappingListSchema = z.object({ items: z.array(importMappingSchema) });

export const importIdParamsSchema = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, "an import id") });

export const importCommitResultSchema = z.object({
  planned: z.object(summaryShape),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.number().int(),
  failed: z.number().int(),
  /** Rows the secretariat unticked: not written. */
  skipped: z.number().int(),
  auditEntries: z.number().int(),
  warnings: z.array(z.string()),
  rows: z.array(
    z.object({
      ...rowPlaceShape,
      outcome: z.enum(["created", "updated", "unchanged", "duplicate", "invalid", "failed", "skipped"]),
      id: z.string().optional(),
      changedFields: z.array(z.string()).optional(),
      reasons: z.array(z.string()).optional(),
      code: z.string().optional(),
      duplicateOf: z.number().int().optional(),
    }),
  ),
});
