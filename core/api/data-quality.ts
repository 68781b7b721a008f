/**
 * Data needing attention: rows people left in SharePoint that the records' schemas refuse
 * (core/data-quality), and their fix.
 */
import { z } from "zod";
import { recordIdSchema } from "../records/common";
import { ROW_PROBLEM_KINDS } from "../records/needs-attention";
import { DATA_QUALITY_KINDS } from "../data-quality/data-quality";
import { eTagSchema } from "./common";

export const rowProblemSchema = z.object({
  /** The record's field: the key to send its new value with. */
  field: z.string(),
  /** The column's display name in SharePoint. */
  column: z.string(),
  kind: z.enum(ROW_PROBLEM_KINDS),
  /** In words (English); the tab words `kind` in the person's language. */
  message: z.string(),
  /** What the column holds now (absent when empty). */
  value: z.unknown().optional(),
  /** For a value that is not one of the choices: the codes to pick from (the tab shows them in words). */
  choices: z.array(z.string()).optional(),
});

export const rowNeedingAttentionSchema = z.object({
  kind: z.enum(DATA_QUALITY_KINDS),
  /** The list's title on the site. */
  list: z.string(),
  id: recordIdSchema,
  /** Send it back with the fix. */
  eTag: eTagSchema.optional(),
  /** The item's Title (or its key). */
  title: z.string().optional(),
  /** The item in SharePoint (Microsoft Lists), when Graph gives it. */
  webUrl: z.string().optional(),
  problems: z.array(rowProblemSchema),
  /** The row's values by field, as read: what a fix form starts from. */
  fields: z.record(z.string(), z.unknown()),
});
export type RowNeedingAttentionDto = z.infer<typeof rowNeedingAttentionSchema>;

export const dataQualitySchema = z.object({
  total: z.number().int().min(0),
  /** Every list checked, with how many of its rows need attention (0 included). */
  lists: z.array(z.object({ kind: z.enum(DATA_QUALITY_KINDS), list: z.string(), count: z.number().int().min(0) })),
  rows: z.array(rowNeedingAttentionSchema),
});
export type DataQualityDto = z.infer<typeof dataQualitySchema>;

export const rowParamsSchema = z.strictObject({ kind: z.enum(DATA_QUALITY_KINDS), id: recordIdSchema });

/** A value typed in the fix form: text (a number or yes/no as text is read as the column keeps it), a number, yes/no, several values, or null to clear. */
const fixValueSchema = z.union([z.string().max(100_000), z.number(), z.boolean(), z.array(z.union([z.string().max(1000), z.number()])).max(500), z.null()]);

export const fixRowBodySchema = z.strictObject({
  eTag: eTagSchema,
  /** New values of the columns that need attention, by field. */
  fields: z.record(z.string().min(1).max(100), fixValueSchema).refine((fields) => Object.keys(fields).length <= 60, "at most 60 fields"),
});
export type FixRowBody = z.input<typeof fixRowBodySchema>;

export const fixRowResultSchema = z.object({ kind: z.enum(DATA_QUALITY_KINDS), id: recordIdSchema, eTag: eTagSchema, record: z.record(z.string(), z.unknown()) });
export type FixRowResult = z.infer<typeof fixRowResultSchema>;
