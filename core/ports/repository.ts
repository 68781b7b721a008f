import type { DomainError } from "../errors";
import type { Stored } from "../records/common";
import type { FieldsOf, InputOf, RecordKinds, RecordName } from "../records/kinds";
import type { RowNeedingAttention } from "../records/needs-attention";

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
  /**
   * Rows of this page the record's schema refuses (a person's edit in SharePoint), kept out of
   * `items` with their problems: one bad row never fails a list. Absent or empty when none.
   */
  needsAttention?: RowNeedingAttention[];
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
  /** A row its schema refuses is a NeedsAttentionError (with its problems), never the caller's ValidationError. */
  get(id: string): Promise<Stored<Fields>>;
  /** Rows the schema refuses are in the page's `needsAttention`, not in its items. */
  query(query?: Query<Fields>): Promise<Page<Stored<Fields>>>;
  create(input: Input): Promise<Stored<Fields>>;
  /** Results come back in input order; one failure does not stop the others. */
  createMany(inputs: Input[]): Promise<BulkResult<Stored<Fields>>[]>;
  /** Also fixes a row needing attention: the changes merged into what it holds must pass the schema. */
  update(id: string, changes: Partial<Fields>, eTag: string): Promise<Stored<Fields>>;
  updateMany(updates: BulkUpdate<Fields>[]): Promise<BulkResult<Stored<Fields>>[]>;
}

export type RepositoryOf<Name extends RecordName> = Repository<FieldsOf<Name>, InputOf<Name>>;

/** Every repository the product has, one per record kind (DESIGN.md, "Ports"). */
export type Repositories = { [Name in RecordName]: RepositoryOf<Name> };

export type { RecordKinds };

/** Reads every page of a query: the records, and the rows kept out because they need attention. */
export async function readAll<Fields>(repository: Repository<Fields, unknown>, query: Query<Fields> = {}): Promise<{ items: Stored<Fields>[]; needsAttention: RowNeedingAttention[] }> {
  const items: Stored<Fields>[] = [];
  const needsAttention: RowNeedingAttention[] = [];
  let pageToken: string | undefined;
  do {
    const page = await repository.query({ ...query, pageToken });
    items.push(...page.items);
    needsAttention.push(...(page.needsAttention ?? []));
    pageToken = page.nextPageToken;
  } while (pageToken);
  return { items, needsAttention };
}

/** Reads every page of a query: the valid records (rows needing attention are left out; `readAll` names them). */
export async function queryAll<Fields>(repository: Repository<Fields, unknown>, query: Query<Fields> = {}): Promise<Stored<Fields>[]> {
  return (await readAll(repository, query)).items;
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
