import type { z } from "zod";
import { ConcurrencyError, ConflictError, NotFoundError, ValidationError, type DomainError } from "../../core/errors";
import type { Stored } from "../../core/records/common";
import type { RecordKind } from "../../core/records/kinds";
import { issuesOf, parseOrThrow } from "../../core/records/validate";
import type { BulkResult, BulkUpdate, Page, Query, Repository } from "../../core/ports/repository";
import type { GraphClient, BatchResponse } from "../client/graph-client";
import { failureOf, toDomainError, translate } from "../client/errors";
import { fromFields, selectOf, toFields } from "./field-mapping";
import { queryOptions } from "./odata";
import type { ListSpec } from "./schema";

export interface GraphListItem {
  id: string;
  eTag?: string;
  fields?: Record<string, unknown>;
}

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
    let page: { value?: GraphListItem[]; "@odata.nextLink"?: string };
    try {
      page = (await this.client.api(url).get()) as typeof page;
    } catch (error) {
      return translate(error, { entity: this.kind.label });
    }
    const items = (page.value ?? []).map((item) => this.toRecord(item));
    const next = page["@odata.nextLink"];
    return next ? { items, nextPageToken: Buffer.from(next).toString("base64url") } : { items };
  }

  async create(input: z.input<Schema>): Promise<Stored<z.output<Schema>>> {
    const record = parseOrThrow(this.kind.schema, input, this.kind.label) as Record<string, unknown>;
    try {
      const created = (await this.client.api(this.itemsPath).post({ fields: toFields(this.list, record) })) as GraphListItem;
      return this.toRecord(created);
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
          ? this.settle(() => this.toRecord(response.body as GraphListItem))
          : { ok: false, error: isDuplicate(response) ? this.conflict(record) : this.innerError(response) };
    });
    return results;
  }

  async update(id: string, changes: Partial<z.output<Schema>>, eTag: string): Promise<Stored<z.output<Schema>>> {
    this.assertId(id);
    const current = this.toRecord(await this.fetchItem(id));
    const { fields } = this.prepareUpdate(current, changes, eTag);
    try {
      const patched = (await this.client.api(`${this.itemsPath}/${id}/fields`).header("If-Match", eTag).patch(fields)) as Record<string, unknown>;
      return this.fromFieldValueSet(id, patched);
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
        const current = read ? this.toRecord(read.body as GraphListItem) : update.current!;
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
      if (response.status === 200) results[index] = this.settle(() => this.fromFieldValueSet(id, response.body as Record<string, unknown>));
      else if (response.status === 412 || (response.status === 409 && !isDuplicate(response))) results[index] = { ok: false, error: new ConcurrencyError(this.kind.label, id) };
      else if (isDuplicate(response)) results[index] = { ok: false, error: this.conflict(merged) };
      else results[index] = { ok: false, error: this.innerError(response, id) };
    });
    return results;
  }

  /** The record an item of this list holds (for readers of the list's delta feed). */
  recordOf(item: GraphListItem): Stored<z.output<Schema>> {
    return this.toRecord(item);
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
    try {
      return (await this.client.api(`${this.itemsPath}/${id}?$expand=${this.expand}`).get()) as GraphListItem;
    } catch (error) {
      return translate(error, { entity: this.kind.label, id });
    }
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
    const fields = item.fields ?? {};
    const eTag = item.eTag ?? (fields["@odata.etag"] as string | undefined);
    return this.parseStored(String(item.id), eTag, fields);
  }

  protected fromFieldValueSet(id: string, fields: Record<string, unknown>): Stored<z.output<Schema>> {
    return this.parseStored(id, fields["@odata.etag"] as string | undefined, fields);
  }

  private parseStored(id: string, eTag: string | undefined, fields: Record<string, unknown>): Stored<z.output<Schema>> {
    const result = this.kind.schema.safeParse(fromFields(this.list, fields));
    if (!result.success) {
      const issues = issuesOf(result.error);
      throw new ValidationError(`${this.kind.label} ${id} in the ${this.list.title} list is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues);
    }
    if (!eTag) throw new ValidationError(`${this.kind.label} ${id} came back from SharePoint without an eTag`);
    return { ...(result.data as object), id, eTag } as Stored<z.output<Schema>>;
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
