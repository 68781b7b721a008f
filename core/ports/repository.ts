import type { DomainError } from "../errors";
import type { Stored } from "../records/common";
import type { FieldsOf, InputOf, RecordKinds, RecordName } from "../records/kinds";

export type Operator = "eq" | "ne" | "lt" | "gt" | "le" | "ge" | "startswith";
export type FieldValue = string | number | boolean;

export interface Condition<Fields> {
  /** Only a kind's queryable fields (indexed in SharePoint) may be filtered on. */
  field: keyof Fields & string;
  op: Operator;
  value: FieldValue;
}

export interface Query<Fields> {
  /** Conditions that must all hold. Keep to one where you can: SharePoint filters one indexed column at a time best. */
  where?: Condition<Fields>[];
  orderBy?: { field: keyof Fields & string; direction?: "asc" | "desc" };
  /** Page size; the store may return fewer. */
  top?: number;
  /** The `nextPageToken` of a previous page of the same query. */
  pageToken?: string;
}

export interface Page<Item> {
  items: Item[];
  nextPageToken?: string;
}

export type BulkResult<Item> = { ok: true; record: Item } | { ok: false; error: DomainError };

export interface BulkUpdate<Fields> {
  id: string;
  changes: Partial<Fields>;
  eTag: string;
  /**
   * The record as the caller read it, at `eTag`, when it has it at hand (an import that read the
   * whole list): an adapter may then merge the changes into it instead of reading it again. The
   * write is refused all the same if the stored record has moved on from `eTag`.
   */
  current?: Stored<Fields>;
}

/**
 * Where records of one kind live. Every write is validated against the kind's schema
 * (a ValidationError changes nothing); an update carries the eTag the caller read, and a
 * stale one is a ConcurrencyError, never a silent overwrite. Records are never deleted:
 * they are the mechanism's memory.
 */
export interface Repository<Fields, Input = Fields> {
  get(id: string): Promise<Stored<Fields>>;
  query(query?: Query<Fields>): Promise<Page<Stored<Fields>>>;
  create(input: Input): Promise<Stored<Fields>>;
  /** Results come back in input order; one failure does not stop the others. */
  createMany(inputs: Input[]): Promise<BulkResult<Stored<Fields>>[]>;
  update(id: string, changes: Partial<Fields>, eTag: string): Promise<Stored<Fields>>;
  updateMany(updates: BulkUpdate<Fields>[]): Promise<BulkResult<Stored<Fields>>[]>;
}

export type RepositoryOf<Name extends RecordName> = Repository<FieldsOf<Name>, InputOf<Name>>;

/** Every repository the product has, one per record kind (DESIGN.md, "Ports"). */
export type Repositories = { [Name in RecordName]: RepositoryOf<Name> };

export type { RecordKinds };

/** Reads every page of a query. */
export async function queryAll<Fields>(repository: Repository<Fields, unknown>, query: Query<Fields> = {}): Promise<Stored<Fields>[]> {
  const all: Stored<Fields>[] = [];
  let pageToken: string | undefined;
  do {
    const page = await repository.query({ ...query, pageToken });
    all.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return all;
}

/** The record whose (queryable) field equals a value, if any. */
export async function findOne<Fields>(
  repository: Repository<Fields, unknown>,
  field: keyof Fields & string,
  value: FieldValue,
): Promise<Stored<Fields> | undefined> {
  const page = await repository.query({ where: [{ field, op: "eq", value }], top: 1 });
  return page.items[0];
}
