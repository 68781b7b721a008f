import type { z } from "zod";
import { ConcurrencyError, ConflictError, NotFoundError, ValidationError, type DomainError } from "../errors";
import type { Stored } from "../records/common";
import type { RecordKind } from "../records/kinds";
import { parseOrThrow } from "../records/validate";
import { humanizeField, NeedsAttentionError, rowProblems, type RowNeedingAttention } from "../records/needs-attention";
import type { BulkResult, BulkUpdate, Condition, FieldValue, Page, Query, Repository } from "../ports/repository";

interface Row<Fields> {
  id: number;
  version: number;
  fields: Fields;
  /** Written by `putRow`/`editRow` as a person would in SharePoint: checked by the schema at each read. */
  raw?: boolean;
}

type Read<Fields> = { ok: true; record: Stored<Fields> } | { ok: false; row: RowNeedingAttention };

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 5000;

/**
 * A repository in memory, for unit tests of use cases and for the tab's component tests.
 * It behaves as the SharePoint one does (the shared suite checks both): schema validation,
 * unique keys, eTags, queryable fields only, paging.
 */
export class InMemoryRepository<Schema extends z.ZodType> implements Repository<z.output<Schema>, z.input<Schema>> {
  private readonly rows = new Map<number, Row<z.output<Schema>>>();
  private lastId = 0;

  constructor(readonly kind: RecordKind<Schema>) {}

  async get(id: string): Promise<Stored<z.output<Schema>>> {
    return this.stored(this.rowOf(id));
  }

  /**
   * Adds a row as a person typing in Microsoft Lists would: nothing is checked (the schema sees it
   * at each read, as over SharePoint). For tests of what a bad row does. Returns its id.
   */
  putRow(fields: Record<string, unknown>): string {
    const row: Row<z.output<Schema>> = { id: ++this.lastId, version: 1, fields: structuredClone(fields) as z.output<Schema>, raw: true };
    this.rows.set(row.id, row);
    return String(row.id);
  }

  /** Edits a row's values as a person in Microsoft Lists would (`undefined` clears a value): nothing is checked. */
  editRow(id: string, changes: Record<string, unknown>): void {
    const row = this.rowOf(id);
    const fields: Record<string, unknown> = { ...(row.fields as Record<string, unknown>), ...changes };
    for (const [field, value] of Object.entries(changes)) if (value === undefined) delete fields[field];
    row.fields = structuredClone(fields) as z.output<Schema>;
    row.raw = true;
    row.version += 1;
  }

  async query(query: Query<z.output<Schema>> = {}): Promise<Page<Stored<z.output<Schema>>>> {
    for (const condition of query.where ?? []) this.assertQueryable(condition.field);
    if (query.orderBy) this.assertQueryable(query.orderBy.field);
    const pageSize = Math.min(Math.max(query.top ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    const offset = query.pageToken ? decodePageToken(query.pageToken) : 0;

    const matching = [...this.rows.values()].filter((row) => (query.where ?? []).every((condition) => matches(row.fields, condition)));
    const orderBy = query.orderBy;
    if (orderBy) {
      const direction = orderBy.direction === "desc" ? -1 : 1;
      matching.sort((a, b) => direction * compare(valueOf(a.fields, orderBy.field), valueOf(b.fields, orderBy.field)) || a.id - b.id);
    } else {
      matching.sort((a, b) => a.id - b.id);
    }
    const reads = matching.slice(offset, offset + pageSize).map((row) => this.read(row));
    const items = reads.flatMap((read) => (read.ok ? [read.record] : []));
    const needsAttention = reads.flatMap((read) => (read.ok ? [] : [read.row]));
    const next = offset + pageSize;
    const page: Page<Stored<z.output<Schema>>> = next < matching.length ? { items, nextPageToken: encodePageToken(next) } : { items };
    return needsAttention.length > 0 ? { ...page, needsAttention } : page;
  }

  async create(input: z.input<Schema>): Promise<Stored<z.output<Schema>>> {
    const fields = parseOrThrow(this.kind.schema, input, this.kind.label);
    this.assertUnique(fields);
    const row = { id: ++this.lastId, version: 1, fields: structuredClone(fields) };
    this.rows.set(row.id, row);
    return this.stored(row);
  }

  async createMany(inputs: z.input<Schema>[]): Promise<BulkResult<Stored<z.output<Schema>>>[]> {
    const results: BulkResult<Stored<z.output<Schema>>>[] = [];
    for (const input of inputs) results.push(await settle(() => this.create(input)));
    return results;
  }

  async update(id: string, changes: Partial<z.output<Schema>>, eTag: string): Promise<Stored<z.output<Schema>>> {
    const row = this.rowOf(id);
    if (eTag !== this.eTagOf(row)) {
      const read = this.read(row);
      throw new ConcurrencyError(this.kind.label, id, read.ok ? read.record : undefined);
    }
    const merged: Record<string, unknown> = { ...(row.fields as Record<string, unknown>) };
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) delete merged[field];
      else merged[field] = value;
    }
    const fields = parseOrThrow(this.kind.schema, merged, this.kind.label);
    this.assertUnique(fields, row.id);
    row.fields = structuredClone(fields);
    row.raw = false;
    row.version += 1;
    return this.stored(row);
  }

  async updateMany(updates: BulkUpdate<z.output<Schema>>[]): Promise<BulkResult<Stored<z.output<Schema>>>[]> {
    const results: BulkResult<Stored<z.output<Schema>>>[] = [];
    for (const { id, changes, eTag } of updates) results.push(await settle(() => this.update(id, changes, eTag)));
    return results;
  }

  private rowOf(id: string): Row<z.output<Schema>> {
    const row = /^\d+$/.test(id) ? this.rows.get(Number(id)) : undefined;
    if (!row) throw new NotFoundError(this.kind.label, id);
    return row;
  }

  private eTagOf(row: Row<unknown>): string {
    return `"${this.kind.name}-${row.id},${row.version}"`;
  }

  private stored(row: Row<z.output<Schema>>): Stored<z.output<Schema>> {
    const read = this.read(row);
    if (!read.ok) throw new NeedsAttentionError(this.kind.label, String(row.id), read.row);
    return read.record;
  }

  private read(row: Row<z.output<Schema>>): Read<z.output<Schema>> {
    const id = String(row.id);
    const eTag = this.eTagOf(row);
    if (!row.raw) return { ok: true, record: { ...(structuredClone(row.fields) as object), id, eTag } as Stored<z.output<Schema>> };
    const raw = row.fields as Record<string, unknown>;
    const result = this.kind.schema.safeParse(structuredClone(raw));
    if (result.success) return { ok: true, record: { ...(result.data as object), id, eTag } as Stored<z.output<Schema>> };
    const key = this.kind.uniqueKey ? raw[this.kind.uniqueKey] : undefined;
    const title = typeof raw.title === "string" ? raw.title : typeof raw.name === "string" ? raw.name : typeof key === "string" ? key : undefined;
    return {
      ok: false,
      row: {
        kind: this.kind.name,
        list: this.kind.name,
        id,
        eTag,
        ...(title ? { title } : {}),
        problems: rowProblems(result.error, { columnOf: humanizeField, valueOf: (field) => raw[field] }),
        fields: structuredClone(raw),
      },
    };
  }

  private assertQueryable(field: string): void {
    if (!(this.kind.queryable as readonly string[]).includes(field)) {
      throw new ValidationError(`${this.kind.label} records cannot be queried by '${field}': it is not indexed`, [
        { path: field, message: "not a queryable (indexed) field" },
      ]);
    }
  }

  private assertUnique(fields: z.output<Schema>, exceptId?: number): void {
    const keyField = this.kind.uniqueKey;
    if (!keyField) return;
    const key = valueOf(fields, keyField);
    for (const row of this.rows.values()) {
      if (row.id !== exceptId && valueOf(row.fields, keyField) === key) {
        throw new ConflictError(`a ${this.kind.label.toLowerCase()} with ${keyField} '${String(key)}' already exists`, this.kind.label, String(key));
      }
    }
  }
}

async function settle<T>(write: () => Promise<T>): Promise<BulkResult<T>> {
  try {
    return { ok: true, record: await write() };
  } catch (error) {
    return { ok: false, error: error as DomainError };
  }
}

function valueOf(fields: unknown, field: string): unknown {
  return (fields as Record<string, unknown>)[field];
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  return String(a) < String(b) ? -1 : 1;
}

function matches<Fields>(fields: Fields, condition: Condition<Fields>): boolean {
  const actual = valueOf(fields, condition.field);
  const expected: FieldValue = condition.value;
  if (actual === undefined || actual === null) return condition.op === "ne";
  switch (condition.op) {
    case "eq":
      return actual === expected;
    case "ne":
      return actual !== expected;
    case "lt":
      return compare(actual, expected) < 0;
    case "gt":
      return compare(actual, expected) > 0;
    case "le":
      return compare(actual, expected) <= 0;
    case "ge":
      return compare(actual, expected) >= 0;
    case "startswith":
      return typeof actual === "string" && actual.startsWith(String(expected));
  }
}

function encodePageToken(offset: number): string {
  return btoa(`offset=${offset}`);
}

function decodePageToken(token: string): number {
  let decoded = "";
  try {
    decoded = atob(token);
  } catch {
    // not base64: refused below
  }
  const match = /^offset=(\d+)$/.exec(decoded);
  if (!match) throw new ValidationError("the page token is not one this store issued", [{ path: "pageToken", message: "unknown page token" }]);
  return Number(match[1]);
}
