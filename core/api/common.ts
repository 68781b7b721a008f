/**
 * Shapes shared by every route of the HTTP API (the server validates with them, the tab imports
 * them): errors, paging, stored records, patches.
 */
import { z } from "zod";
import { recordIdSchema } from "../records/common";

/** What every refused or failed call answers, with the status that says which kind it is. */
export const apiErrorSchema = z.object({
  error: z.object({
    /** A stable code: `validation`, `unauthenticated`, `forbidden`, `not_found`, `concurrency`, `conflict`, `invalid_state`, `needs_attention`, `too_large`, `rate_limited`, `throttled`, `unavailable`, `internal`. */
    code: z.string(),
    /** Words a person can act on. */
    message: z.string(),
    /** For `validation`: each failing field, as a dotted path (`body.dueDate`, `query.pageSize`). */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** For `concurrency` (412): the record as it is now, to reload and retry. */
    current: z.unknown().optional(),
    /** Quote it when you report a problem: it finds the server's log lines of the call. */
    requestId: z.string().optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const API_ERROR_CODES = [
  "validation",
  "unauthenticated",
  "forbidden",
  "not_found",
  "concurrency",
  "conflict",
  "invalid_state",
  "needs_attention",
  "too_large",
  "unsupported_media_type",
  "rate_limited",
  "throttled",
  "unavailable",
  "internal",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** An eTag as the API hands it out and takes it back. */
export const eTagSchema = z.string().min(1).max(200);

export const idParamsSchema = z.strictObject({ id: recordIdSchema });

export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 200;

/** `pageSize` and `pageToken`, as query parameters. */
export const pageQueryShape = {
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
  /** The `nextPageToken` of the previous page of the same query. */
  pageToken: z.string().min(1).max(4000).optional(),
};

/** A boolean query parameter: `true` or `false`. */
export const booleanQuerySchema = z.enum(["true", "false"]).transform((value) => value === "true");

/** A page of results; `nextPageToken` is absent on the last page. */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), nextPageToken: z.string().optional(), total: z.number().int().min(0).optional() });
}

/** A record as the store holds it: its fields, its `id`, and the `eTag` an update must send back. */
export function storedOf<Shape extends z.ZodRawShape>(fields: z.ZodObject<Shape>): z.ZodObject<Shape & { id: typeof recordIdSchema; eTag: typeof eTagSchema }> {
  // Typed by the shape: a generic `Schema extends z.ZodObject` loses the fields (every DTO was `Record<string, unknown>`).
  return (fields as z.ZodObject).safeExtend({ id: recordIdSchema, eTag: eTagSchema }) as unknown as z.ZodObject<Shape & { id: typeof recordIdSchema; eTag: typeof eTagSchema }>;
}

type Unwrapped<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
/** An optional field of the record takes `null` in a patch (clear it); the others may only be left out. */
type PatchField<Field> =
  Field extends z.ZodOptional<infer Inner extends z.ZodType>
    ? z.ZodOptional<z.ZodType<z.output<Inner> | undefined, z.input<Inner> | null | undefined>>
    : z.ZodOptional<Unwrapped<Field> & z.ZodType>;
type PatchShape<Shape extends z.ZodRawShape> = { [K in keyof Shape]: PatchField<Shape[K]> };

/**
 * A patch of a record's fields: every field optional, without defaults (a patch that does not
 * name a field leaves it as it is), unknown fields refused. A field the record may lack (an
 * optional one) is cleared with `null` (JSON has no "no value"): e.g. un-ticking a milestone.
 */
export function patchOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>): z.ZodObject<PatchShape<Shape>, z.core.$strict> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = field instanceof z.ZodOptional ? inner.nullable().transform((value) => value ?? undefined).optional() : inner.optional();
  }
  return z.strictObject(shape) as unknown as z.ZodObject<PatchShape<Shape>, z.core.$strict>;
}

/** A body that changes a record: the changes and the eTag read. A stale eTag answers 412 with the current record. */
export function updateOf<Patch extends z.ZodType>(changes: Patch) {
  return z.strictObject({ changes, eTag: eTagSchema });
}
