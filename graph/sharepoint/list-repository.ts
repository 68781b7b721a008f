import type { z } from "zod";
import { z as zod } from "zod";
import { ConcurrencyError, ConflictError, NotFoundError, UnavailableError, ValidationError, type DomainError } from "../../core/errors";
import { NeedsAttentionError, rowProblems, type RowNeedingAttention } from "../../core/records/needs-attention";
import type { Stored } from "../../core/records/common";
import type { RecordKind } from "../../core/records/kinds";
import { parseOrThrow } from "../../core/records/validate";
import type { BulkResult, BulkUpdate, Page, Query, Repository } from "../../core/ports/repository";
import type { GraphClient, BatchResponse } from "../client/graph-client";
import { failureOf, toDomainError, translate } from "../client/errors";
import { fromFields, selectOf, toFields } from "./field-mapping";
import { fieldKeyOf } from "./schema";
import { queryOptions } from "./odata";
import type { ListSpec } from "./schema";

export interface GraphListItem {
  id: string;
  eTag?: string;
  webUrl?: string;
  fields?: Record<string, unknown>;
}

/** What Graph answers for a list item, checked before it is read: an answer of another shape is Graph's fault, not a row's. */
const graphListItemSchema = zod.looseObject({
  id: zod.union([zod.string().regex(/^\d+$/), zod.number().int().positive()]).transform(String),
  eTag: zod.string().min(1).optional(),
  webUrl: zod.string().optional(),
  fields: zod.record(zod.string(), zod.unknown()).optional(),
});
const graphItemPageSchema = zod.looseObject({ value: zod.array(zod.unknown()).default([]), "@odata.nextLink": zod.string().optional() });

type Read<Fields> = { ok: true; record: Stored<Fields> } | { ok: false; row: RowNeedingAttention };

export interface ListLocation {
  siteId: string;
  listId: string;
}

/** Default page size of queries, and the page size `queryAll` reads with. */
export const DEFAULT_PAGE_SIZE = 1000;

/** Query options, each value percent-encoded: a literal with `&`, `#` or `%` stays one value. */
function queryString(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");
}

/**
 * A core repository over a SharePoint list, through Microsoft Graph. Writes are validated by
 * the kind's schema before any request; updates send the eTag in If-Match (a 412 is a
 * ConcurrencyError); bulk writes go through JSON $batch; queries use indexed columns only.
 */
export class SharePointListRepository<Schema extends z.ZodType> implements Repository<z.output<Schema>, z.input<Schema>> {
  protected readonly itemsPath: string;
  private readonly expand: string;

  constructor(
    protected readonly client: GraphClient,
    protected readonly location: ListLocation,
    protected readonly list: ListSpec,
    readonly kind: RecordKind<Schema>,
    private readonly pageSize = DEFAULT_PAGE_SIZE,
  ) {
    this.itemsPath = `/sites/${location.siteId}/lists/${location.listId}/items`;
    this.expand = `fields($select=${selectOf(list)})`;
  }

  async get(id: string): Promise<Stored<z.output<Schema>>> {
    this.assertId(id);
    return this.toRecord(await this.fetchItem(id));
  }

  async query(query: Query<z.output<Schema>> = {}): Promise<Page<Stored<z.output<Schema>>>> {
    const url = query.pageToken ? this.decodePageToken(query.pageToken) : this.firstPageUrl(query);
    let answer: unknown;
    try {
      answer = await this.client.api(url).get();
    } catch (error) {
      return translate(error, { entity: this.kind.label });
    }
    const page = graphItemPageSchema.safeParse(answer);
    if (!page.success) throw this.malformed("a page of list items");
    const reads = page.data.value.map((item) => this.read(this.checkItem(item)));
    const items = reads.flatMap((read) => (read.ok ? [read.record] : []));
    const needsAttention = reads.flatMap((read) => (read.ok ? [] : [read.row]));
    const next = page.data["@odata.nextLink"];
    const result: Page<Stored<z.output<Schema>>> = next ? { items, nextPageToken: Buffer.from(next).toString("base64url") } : { items };
    return needsAttention.length > 0 ? { ...result, needsAttention } : result;
  }

  async create(input: z.input<Schema>): Promise<Stored<z.output<Schema>>> {
    const record = parseOrThrow(this.kind.schema, input, this.kind.label) as Record<string, unknown>;
    try {
      const created = (await this.client.api(this.itemsPath).post({ fields: toFields(this.list, record) })) as GraphListItem;
      return this.toRecord(this.withHiddenColumns(created, record));
    } catch (error) {
      const failure = failureOf(error);
      if (failure?.status === 409 && failure.code !== "resourceModified") throw this.conflict(record);
      return translate(error, { entity: this.kind.label });
    }
  }

  async createMany(inputs: z.input<Schema>[]): Promise<BulkResult<Stored<z.output<Schema>>>[]> {
    const results: BulkResult<Stored<z.output<Schema>>>[] = new Array(inputs.length);
    const valid: { index: number; record: Record<string, unknown> }[] = [];
    inputs.forEach((input, index) => {
      try {
        valid.push({ index, record: parseOrThrow(this.kind.schema, input, this.kind.label) as Record<string, unknown> });
      } catch (error) {
        results[index] = { ok: false, error: error as DomainError };
      }
    });
    const responses = await this.batch(valid.map(({ record }) => ({ method: "POST" as const, url: this.itemsPath, body: { fields: toFields(this.list, record) } })));
    valid.forEach(({ index, record }, i) => {
      const response = responses[i]!;
      results[index] =
        response.status === 201 || response.status === 200
          ? this.settle(() => this.toRecord(this.withHiddenColumns(response.body as GraphListItem, record)))
          : { ok: false, error: isDuplicate(response) ? this.conflict(record) : this.innerError(response) };
    });
    return results;
  }

  async update(id: string, changes: Partial<z.output<Schema>>, eTag: string): Promise<Stored<z.output<Schema>>> {
    this.assertId(id);
    const current = this.currentOf(await this.fetchItem(id));
    const { fields, merged } = this.prepareUpdate(current, changes, eTag);
    try {
      const patched = (await this.client.api(`${this.itemsPath}/${id}/fields`).header("If-Match", eTag).patch(fields)) as Record<string, unknown>;
      return this.fromFieldValueSet(id, this.withHiddenFields(patched, merged));
    } catch (error) {
      const failure = failureOf(error);
      if (failure?.status === 412) throw new ConcurrencyError(this.kind.label, id, await this.get(id).catch(() => undefined));
      if (failure?.status === 409 && failure.code !== "resourceModified") throw this.conflict({ ...current, ...changes });
      return translate(error, { entity: this.kind.label, id });
    }
  }

  async updateMany(updates: BulkUpdate<z.output<Schema>>[]): Promise<BulkResult<Stored<z.output<Schema>>>[]> {
    const results: BulkResult<Stored<z.output<Schema>>>[] = new Array(updates.length);
    // Records the caller holds at the eTag it sends are not read again: If-Match still refuses a stale write.
    const held = (update: BulkUpdate<z.output<Schema>>) => update.current && update.current.id === update.id && update.current.eTag === update.eTag;
    const toRead = updates.flatMap((update, index) => (held(update) ? [] : [index]));
    const reads = new Map<number, BatchResponse>();
    const answers = await this.batch(toRead.map((index) => ({ method: "GET" as const, url: `${this.itemsPath}/${encodeURIComponent(updates[index]!.id)}?$expand=${this.expand}` })));
    toRead.forEach((index, i) => reads.set(index, answers[i]!));
    const patches: { index: number; fields: Record<string, unknown>; merged: Record<string, unknown> }[] = [];
    updates.forEach((update, index) => {
      const { id, changes, eTag } = update;
      const read = reads.get(index);
      if (read && read.status !== 200) {
        results[index] = { ok: false, error: read.status === 404 ? new NotFoundError(this.kind.label, id) : this.innerError(read, id) };
        return;
      }
      try {
        const current = read ? this.currentOf(read.body) : update.current!;
        const prepared = this.prepareUpdate(current, changes, eTag);
        patches.push({ index, ...prepared });
      } catch (error) {
        results[index] = { ok: false, error: error as DomainError };
      }
    });
    const responses = await this.batch(
      patches.map(({ index, fields }) => ({ method: "PATCH" as const, url: `${this.itemsPath}/${updates[index]!.id}/fields`, headers: { "If-Match": updates[index]!.eTag }, body: fields })),
    );
    patches.forEach(({ index, merged }, i) => {
      const response = responses[i]!;
      const id = updates[index]!.id;
      if (response.status === 200) results[index] = this.settle(() => this.fromFieldValueSet(id, this.withHiddenFields(response.body as Record<string, unknown>, merged)));
      else if (response.status === 412 || (response.status === 409 && !isDuplicate(response))) results[index] = { ok: false, error: new ConcurrencyError(this.kind.label, id) };
      else if (isDuplicate(response)) results[index] = { ok: false, error: this.conflict(merged) };
      else results[index] = { ok: false, error: this.innerError(response, id) };
    });
    return results;
  }

  /**
   * A write's answer with the hidden columns' values it does not carry (Graph returns a hidden
   * column only when a read names it, graph-contract.md 3.5) taken from the record just written.
   */
  private withHiddenFields(fields: unknown, written: Record<string, unknown>): Record<string, unknown> {
    if (typeof fields !== "object" || fields === null) return fields as Record<string, unknown>;
    const hidden = this.list.columns.filter((column) => column.hidden);
    if (hidden.length === 0) return fields as Record<string, unknown>;
    const complete = { ...(fields as Record<string, unknown>) };
    const writtenFields = toFields(this.list, written);
    for (const column of hidden) {
      const key = fieldKeyOf(column);
      if (!(key in complete) && key in writtenFields) complete[key] = writtenFields[key];
    }
    return complete;
  }

  private withHiddenColumns(item: GraphListItem, written: Record<string, unknown>): GraphListItem {
    return item && typeof item === "object" && item.fields ? { ...item, fields: this.withHiddenFields(item.fields, written) } : item;
  }

  /** The record an item of this list holds (for readers of the list's delta feed); a NeedsAttentionError when its schema refuses it. */
  recordOf(item: GraphListItem): Stored<z.output<Schema>> {
    return this.toRecord(item);
  }

  /** The record an item holds, or the row with its problems when its schema refuses it (for readers of the delta feed). */
  readItem(item: unknown): Read<z.output<Schema>> {
    return this.read(this.checkItem(item));
  }

  /** The list's id and title (for the list's change feed). */
  get listId(): string {
    return this.location.listId;
  }

  get listTitle(): string {
    return this.list.title;
  }

  /** Path of the list's items and the `$expand` that reads our columns. */
  get itemsQuery(): { path: string; expand: string } {
    return { path: this.itemsPath, expand: this.expand };
  }

  protected async fetchItem(id: string): Promise<GraphListItem> {
    let answer: unknown;
    try {
      answer = await this.client.api(`${this.itemsPath}/${id}?$expand=${this.expand}`).get();
    } catch (error) {
      return translate(error, { entity: this.kind.label, id });
    }
    return this.checkItem(answer);
  }

  /** The item as it stands, to merge changes into: a row needing attention too, with what it holds (a fix). */
  private currentOf(item: unknown): Stored<z.output<Schema>> {
    const checked = this.checkItem(item);
    const read = this.read(checked);
    if (read.ok) return read.record;
    if (!read.row.eTag) throw this.malformed("a list item with its eTag");
    return { ...read.row.fields, id: read.row.id, eTag: read.row.eTag } as Stored<z.output<Schema>>;
  }

  private checkItem(item: unknown): GraphListItem {
    const checked = graphListItemSchema.safeParse(item);
    if (!checked.success) throw this.malformed("a list item");
    return checked.data as GraphListItem;
  }

  private malformed(what: string): UnavailableError {
    return new UnavailableError(`SharePoint's answer for the ${this.list.title} list was not ${what} as Microsoft Graph gives it`);
  }

  protected prepareUpdate(current: Stored<z.output<Schema>>, changes: Partial<z.output<Schema>>, eTag: string): { fields: Record<string, unknown>; merged: Record<string, unknown> } {
    if (current.eTag !== eTag) throw new ConcurrencyError(this.kind.label, current.id, current);
    const { id: _id, eTag: _eTag, ...currentFields } = current as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...currentFields };
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) delete merged[field];
      else merged[field] = value;
    }
    const record = parseOrThrow(this.kind.schema, merged, this.kind.label) as Record<string, unknown>;
    return { fields: toFields(this.list, record, Object.keys(changes)), merged: record };
  }

  protected toRecord(item: GraphListItem): Stored<z.output<Schema>> {
    const read = this.read(this.checkItem(item));
    if (!read.ok) throw new NeedsAttentionError(this.kind.label, read.row.id, read.row);
    return read.record;
  }

  protected fromFieldValueSet(id: string, fields: Record<string, unknown>): Stored<z.output<Schema>> {
    if (typeof fields !== "object" || fields === null) throw this.malformed("the item's fields");
    return this.toRecord({ id, fields });
  }

  private read(item: GraphListItem): Read<z.output<Schema>> {
    const fields = item.fields ?? {};
    const etagField = fields["@odata.etag"];
    const eTag = item.eTag ?? (typeof etagField === "string" && etagField !== "" ? etagField : undefined);
    const raw = fromFields(this.list, fields);
    const result = this.kind.schema.safeParse(raw);
    if (result.success) {
      if (!eTag) throw this.malformed("a list item with its eTag");
      return { ok: true, record: { ...(result.data as object), id: item.id, eTag } as Stored<z.output<Schema>> };
    }
    const columns = new Map(this.list.columns.map((column) => [column.field, column]));
    const title = typeof fields.Title === "string" && fields.Title !== "" ? fields.Title : this.kind.uniqueKey && typeof raw[this.kind.uniqueKey] === "string" ? String(raw[this.kind.uniqueKey]) : undefined;
    const webUrl = typeof item.webUrl === "string" && /^https:\/\//.test(item.webUrl) ? item.webUrl : undefined;
    const problems = rowProblems(result.error, {
      columnOf: (field) => columns.get(field)?.displayName ?? field,
      choicesOf: (field) => {
        const kind = columns.get(field)?.kind;
        return kind?.type === "choice" ? kind.choices : undefined;
      },
      valueOf: (field) => {
        const column = columns.get(field);
        return column ? fields[fieldKeyOf(column)] : raw[field];
      },
    });
    // What a person typed, not what reading made of it (text in a number column is not NaN).
    for (const problem of problems) if (columns.has(problem.field)) raw[problem.field] = problem.value;
    return {
      ok: false,
      row: {
        kind: this.kind.name,
        list: this.list.title,
        id: item.id,
        ...(eTag ? { eTag } : {}),
        ...(title ? { title } : {}),
        ...(webUrl ? { webUrl } : {}),
        problems,
        fields: raw,
      },
    };
  }

  protected conflict(record: Record<string, unknown>): ConflictError {
    const key = this.kind.uniqueKey;
    const value = key ? String(record[key]) : undefined;
    return new ConflictError(
      key ? `a ${this.kind.label.toLowerCase()} with ${key} '${value}' already exists` : `this ${this.kind.label.toLowerCase()} conflicts with an existing one`,
      this.kind.label,
      value,
    );
  }

  private innerError(response: BatchResponse, id?: string): DomainError {
    const error = (response.body as { error?: { code?: string; message?: string } } | undefined)?.error;
    return toDomainError({ status: response.status, code: error?.code, message: error?.message }, { entity: this.kind.label, id });
  }

  private settle(read: () => Stored<z.output<Schema>>): BulkResult<Stored<z.output<Schema>>> {
    try {
      return { ok: true, record: read() };
    } catch (error) {
      return { ok: false, error: error as DomainError };
    }
  }

  private async batch(requests: Parameters<GraphClient["batch"]>[0]): Promise<BatchResponse[]> {
    if (requests.length === 0) return [];
    try {
      return await this.client.batch(requests);
    } catch (error) {
      return translate(error, { entity: this.kind.label });
    }
  }

  private firstPageUrl(query: Query<z.output<Schema>>): string {
    const top = Math.min(Math.max(query.top ?? this.pageSize, 1), 5000);
    const options = { $expand: this.expand, ...queryOptions(this.list, this.kind as RecordKind, query), $top: String(top) };
    return `${this.itemsPath}?${queryString(options)}`;
  }

  /** A page token is the service's nextLink; only one for this very list is accepted (no request goes elsewhere). */
  private decodePageToken(token: string): string {
    const link = Buffer.from(token, "base64url").toString();
    const expected = `${this.client.endpoint}/v1.0${this.itemsPath}?`;
    if (!link.startsWith(expected)) {
      throw new ValidationError("the page token is not one this list issued", [{ path: "pageToken", message: "unknown page token" }]);
    }
    return link;
  }

  private assertId(id: string): void {
    if (!/^\d+$/.test(id)) throw new NotFoundError(this.kind.label, id);
  }
}

/**
 * A 409 inside a $batch is a duplicate unique value, unless its code is `resourceModified`: the item
 * changed while we wrote it (a concurrent change, core's ConcurrencyError), which is no duplicate.
 */
function isDuplicate(response: BatchResponse): boolean {
  if (response.status !== 409) return false;
  return (response.body as { error?: { code?: string } } | undefined)?.error?.code !== "resourceModified";
}
