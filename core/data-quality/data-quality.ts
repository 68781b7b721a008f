/**
 * Data needing attention: the rows people left in SharePoint in a state the records' schemas
 * refuse, list by list, with their problems in words and a link to the item; and their fix, a
 * change of the broken columns sent with the row's eTag (validated by the record's schema; a
 * stale eTag is refused; nothing is written when the fix still leaves the row invalid).
 */
import { z } from "zod";
import { audit } from "../audit/audit";
import { authorize, type Actor } from "../auth/policy";
import { ValidationError } from "../errors";
import { readAll, type Repository } from "../ports/repository";
import { viewsOf, type UseCaseDeps } from "../ports/use-case-deps";
import type { Stored } from "../records/common";
import { RECORD_KINDS, type RecordName } from "../records/kinds";
import { humanizeField, NeedsAttentionError, type RowNeedingAttention } from "../records/needs-attention";

type Deps = Pick<UseCaseDeps, "repos" | "clock" | "views">;

/**
 * The lists a person works on in SharePoint, checked for rows needing attention. The machine's
 * own lists (outbox, conversations, operations, audit log) are read defensively too, but are not
 * listed here: nobody is expected to edit them by hand, and they grow with every message.
 */
export const DATA_QUALITY_KINDS = [
  "ministries",
  "focalPoints",
  "recommendations",
  "reports",
  "milestones",
  "requests",
  "contributions",
  "drafts",
  "reviews",
  "consultations",
  "consultationComments",
  "plans",
  "planItems",
  "actions",
  "indicators",
  "indicatorValues",
  "progressUpdates",
] as const satisfies readonly RecordName[];
export type DataQualityKind = (typeof DATA_QUALITY_KINDS)[number];

export interface DataQualityReport {
  /** Every row needing attention, list by list. */
  rows: (RowNeedingAttention & { kind: DataQualityKind })[];
  /** How many rows need attention in each list checked (every list, 0 included). */
  lists: { kind: DataQualityKind; list: string; count: number }[];
  total: number;
}

type Read = { items: Stored<Record<string, unknown>>[]; needsAttention: RowNeedingAttention[] };

async function readOf(deps: Deps, kind: DataQualityKind): Promise<Read> {
  if (kind === "recommendations" || kind === "requests") return (await viewsOf(deps)[kind].read()) as unknown as Read;
  return (await readAll(deps.repos[kind] as Repository<unknown, unknown>, { top: 5000 })) as unknown as Read;
}

/**
 * Lookups to a ministry: a row whose ministry was deleted in SharePoint still reads (it shows the
 * ministry as unknown), but needs someone to name the right one.
 */
const MINISTRY_LOOKUPS: { kind: DataQualityKind; list: string; field: string }[] = [
  { kind: "recommendations", list: "Recommendations", field: "leadMinistryId" },
  { kind: "requests", list: "Requests", field: "ministryId" },
  { kind: "focalPoints", list: "FocalPoints", field: "ministryId" },
];

function danglingProblems(kind: DataQualityKind, record: Record<string, unknown>, ministryIds: ReadonlySet<string>): RowNeedingAttention["problems"] {
  return MINISTRY_LOOKUPS.filter((lookup) => lookup.kind === kind)
    .filter(({ field }) => typeof record[field] === "string" && !ministryIds.has(record[field] as string))
    .map(({ field }) => ({ field, column: humanizeField(field), kind: "missing_target" as const, message: `points to ministry ${String(record[field])}, which no longer exists`, value: record[field] }));
}

function danglingRow(kind: DataQualityKind, record: Stored<Record<string, unknown>>, problems: RowNeedingAttention["problems"]): RowNeedingAttention {
  const { id, eTag, ...fields } = record;
  const key = RECORD_KINDS[kind].uniqueKey;
  const title = typeof fields.title === "string" ? fields.title : key && typeof fields[key] === "string" ? (fields[key] as string) : undefined;
  return { kind, list: MINISTRY_LOOKUPS.find((l) => l.kind === kind)!.list, id, eTag, ...(title ? { title } : {}), problems, fields };
}

async function ministryIdsOf(deps: Deps): Promise<Set<string>> {
  const { items, needsAttention } = await readAll(deps.repos.ministries, { top: 5000 });
  return new Set([...items.map((m) => m.id), ...needsAttention.map((m) => m.id)]);
}

async function rowsOf(deps: Deps, kind: DataQualityKind, ministryIds: Promise<Set<string>>): Promise<RowNeedingAttention[]> {
  const read = await readOf(deps, kind);
  if (!MINISTRY_LOOKUPS.some((l) => l.kind === kind)) return read.needsAttention;
  const known = await ministryIds;
  const dangling = read.items.flatMap((record) => {
    const problems = danglingProblems(kind, record, known);
    return problems.length ? [danglingRow(kind, record, problems)] : [];
  });
  return [...read.needsAttention, ...dangling];
}

/** Every row needing attention in the lists people work on (the secretariat, the chair, administrators). */
export async function readDataQuality(deps: Deps, actor: Actor): Promise<DataQualityReport> {
  authorize(actor, { kind: "read-data-quality" });
  const ministryIds = ministryIdsOf(deps);
  const found = await Promise.all(DATA_QUALITY_KINDS.map(async (kind) => ({ kind, rows: await rowsOf(deps, kind, ministryIds) })));
  const rows = found.flatMap((f) => f.rows.map((row) => ({ ...row, kind: f.kind })));
  return {
    rows,
    lists: found.map(({ kind, rows: own }) => ({ kind, list: own[0]?.list ?? kind, count: own.length })),
    total: rows.length,
  };
}

/** How many rows of these lists need attention (what a read model or a page kept out). */
export function countNeedingAttention(...groups: (readonly RowNeedingAttention[] | undefined)[]): number {
  return groups.reduce((sum, group) => sum + (group?.length ?? 0), 0);
}

export interface RowFix {
  /** The eTag of the row as it was read (its `eTag` in the report). */
  eTag: string;
  /** New values of the broken columns, by record field; null clears one (its default, if it has one, applies). */
  fields: Record<string, unknown>;
}

function fieldSchemasOf(kind: DataQualityKind): Record<string, z.ZodType> {
  let schema: unknown = RECORD_KINDS[kind].schema;
  // A schema with a transform (a ministry's name key) is a pipe from its object.
  while (schema instanceof z.ZodPipe) schema = schema.in;
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
}

/**
 * A value as typed in a form, as the field keeps it: '4' for a number column is 4, 'true' for a
 * yes/no column is true, an empty text clears the column.
 */
function asTheFieldKeepsIt(schema: z.ZodType | undefined, value: unknown): unknown {
  if (value === null || (typeof value === "string" && value.trim() === "")) return undefined;
  if (!schema || typeof value !== "string" || schema.safeParse(value).success) return value;
  const trimmed = value.trim();
  const number = Number(trimmed);
  if (/^-?\d+(\.\d+)?$/.test(trimmed) && schema.safeParse(number).success) return number;
  if ((trimmed === "true" || trimmed === "false") && schema.safeParse(trimmed === "true").success) return trimmed === "true";
  return value;
}

/** Whether a kind is one of the lists checked (for the route's parameter). */
export function isDataQualityKind(kind: string): kind is DataQualityKind {
  return (DATA_QUALITY_KINDS as readonly string[]).includes(kind);
}

/**
 * Fixes a row needing attention: only its broken columns may be changed here (a valid row, or
 * another column, is edited where the record is edited, through its workflow).
 */
export async function fixRow(deps: Deps, kind: DataQualityKind, id: string, fix: RowFix, actor: Actor): Promise<Stored<unknown>> {
  authorize(actor, { kind: "fix-data" });
  const repository = deps.repos[kind] as Repository<Record<string, unknown>, unknown>;
  const ministryIds = await ministryIdsOf(deps);
  const row = await repository.get(id).then(
    (record) => {
      const problems = danglingProblems(kind, record, ministryIds);
      return problems.length ? danglingRow(kind, record, problems) : undefined;
    },
    (error: unknown) => {
      if (error instanceof NeedsAttentionError) return error.row;
      throw error;
    },
  );
  const label = RECORD_KINDS[kind].label;
  if (!row) throw new ValidationError(`${label} ${id} does not need attention: change it where it is edited`, [{ path: "id", message: "this row needs no fix" }]);
  const broken = new Set(row.problems.map((p) => p.field));
  const others = Object.keys(fix.fields).filter((field) => !broken.has(field));
  if (others.length > 0) {
    throw new ValidationError(
      `only the columns that need attention can be fixed here (${[...broken].join(", ")}), not ${others.join(", ")}`,
      others.map((field) => ({ path: `fields.${field}`, message: "this column needs no fix" })),
    );
  }
  if (Object.keys(fix.fields).length === 0) throw new ValidationError("give a new value for at least one column that needs attention", [{ path: "fields", message: "no value given" }]);
  const schemas = fieldSchemasOf(kind);
  const changes = Object.fromEntries(Object.entries(fix.fields).map(([field, value]) => [field, asTheFieldKeepsIt(schemas[field], value)]));
  const unknown = MINISTRY_LOOKUPS.filter((l) => l.kind === kind && typeof changes[l.field] === "string" && !ministryIds.has(changes[l.field] as string));
  if (unknown.length > 0) {
    throw new ValidationError(
      `no ministry ${unknown.map((l) => String(changes[l.field])).join(", ")}: name one of the ministries`,
      unknown.map((l) => ({ path: `fields.${l.field}`, message: "no such ministry" })),
    );
  }
  const fixed = await repository.update(id, changes, fix.eTag);
  await audit(deps, actor, {
    action: `${kind}.fixed`,
    entity: kind,
    entityId: id,
    summary: `Fixed ${label.toLowerCase()} ${row.title ? `'${row.title}'` : id}, which needed attention in the ${row.list} list`,
    changes: Object.keys(changes).map((field) => ({ field, from: row.fields[field], to: (fixed as Record<string, unknown>)[field] })),
  });
  return fixed;
}
