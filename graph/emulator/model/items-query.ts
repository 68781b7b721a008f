/**
 * GET …/items with $filter, $orderby, $top and skiptokens (graph-contract.md 4.4): resolves
 * property paths against the list's columns, refuses non-indexed ones without the Prefer
 * header (4.4.2), applies the list view threshold (4.4.3), compiles to SQL and pages with a
 * keyset skiptoken in SharePoint's format: base64 of `Paged=TRUE&p_ID={lastId}` (4.4.4), with
 * `p_{Column}` values before it when the query is sorted.
 */
import type { EmulatorContext, ListScope } from "../context";
import { GraphHttpError, invalidRequest } from "../errors";
import { conjuncts, FilterSyntaxError, parseFilter, referencedProperties, type FilterNode, type Literal, type Operand } from "../odata/filter";
import { parseOrderBy, type OrderKey } from "../odata/query-options";
import { fieldSql, type ItemRow } from "../store/store";
import { valueKind, type ColumnDefinition } from "./columns";
import { normalizeDate } from "./dates";

export const PREFER_NON_INDEXED = "HonorNonIndexedQueriesWarningMayFailRandomly";

type RefKind = "text" | "number" | "boolean" | "dateTime" | "multiText" | "multiNumber";

interface ResolvedRef {
  /** The name as the query wrote it (error messages quote it). */
  name: string;
  sql: string;
  kind: RefKind;
  indexed: boolean;
  column?: ColumnDefinition;
}

const SYSTEM_SQL: Record<string, { sql: string; kind: RefKind }> = {
  id: { sql: "i.id", kind: "number" },
  created: { sql: "i.created", kind: "dateTime" },
  modified: { sql: "i.modified", kind: "dateTime" },
  author: { sql: "i.author", kind: "number" },
  editor: { sql: "i.editor", kind: "number" },
  contentType: { sql: "i.content_type", kind: "text" },
  version: { sql: "i.version", kind: "number" },
};

function refForColumn(column: ColumnDefinition, name: string): ResolvedRef | undefined {
  const kind = valueKind(column);
  const base = { name, indexed: column.indexed, column };
  switch (kind) {
    case "system": {
      const system = SYSTEM_SQL[column.system!]!;
      return { ...base, sql: system.sql, kind: system.kind };
    }
    case "text":
    case "choice":
      return { ...base, sql: fieldSql(column.name), kind: "text" };
    case "number":
      return { ...base, sql: fieldSql(column.name), kind: "number" };
    case "boolean":
      return { ...base, sql: `ifnull(${fieldSql(column.name)}, 0)`, kind: "boolean" };
    case "dateTime":
      return { ...base, sql: fieldSql(column.name), kind: "dateTime" };
    case "multiChoice":
      return { ...base, sql: column.name, kind: "multiText" };
    default:
      return undefined;
  }
}

/** A property path of $filter/$orderby resolved against the list. */
export function resolveProperty(path: string[], columns: ColumnDefinition[]): ResolvedRef {
  const written = path.join("/");
  if (path.length === 1) {
    const top = path[0]!;
    const system = top === "id" ? "id" : top === "createdDateTime" ? "created" : top === "lastModifiedDateTime" ? "modified" : undefined;
    if (system) {
      const column = columns.find((c) => c.system === system);
      return { name: top, sql: SYSTEM_SQL[system]!.sql, kind: SYSTEM_SQL[system]!.kind, indexed: system === "id" || (column?.indexed ?? false) };
    }
  }
  if (path.length !== 2 || path[0] !== "fields") throw invalidRequest(`The property '${written}' cannot be used in a filter or sort here.`);
  const name = path[1]!;
  const find = (n: string) => columns.find((c) => c.name === n) ?? columns.find((c) => c.name.toLowerCase() === n.toLowerCase());
  if (name === "id") return { name, sql: "i.id", kind: "number", indexed: true };
  if (name.endsWith("LookupId")) {
    const base = name.slice(0, -"LookupId".length);
    const column = find(base);
    if (column) {
      const kind = valueKind(column);
      if (column.system === "author" || column.system === "editor") return { name, sql: SYSTEM_SQL[column.system]!.sql, kind: "number", indexed: column.indexed, column };
      if (kind === "lookup") return { name, sql: fieldSql(column.name), kind: "number", indexed: column.indexed, column };
      if (kind === "multiLookup") return { name, sql: column.name, kind: "multiNumber", indexed: column.indexed, column };
    }
  }
  const column = find(name);
  const ref = column ? refForColumn(column, name) : undefined;
  if (!ref) throw invalidRequest(`Field '${name}' is not recognized`);
  return ref;
}

function nonIndexedMessage(name: string): string {
  return `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${PREFER_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`;
}

interface Compiled {
  sql: string;
  params: unknown[];
}

class Compiler {
  constructor(
    private readonly columns: ColumnDefinition[],
    private readonly context: EmulatorContext,
  ) {}

  private get nocase(): string {
    return this.context.behaviour.textComparison === "caseInsensitive" ? " COLLATE NOCASE" : "";
  }

  compile(node: FilterNode): Compiled {
    switch (node.type) {
      case "and":
      case "or": {
        const left = this.compile(node.left);
        const right = this.compile(node.right);
        return { sql: `(${left.sql} ${node.type.toUpperCase()} ${right.sql})`, params: [...left.params, ...right.params] };
      }
      case "not": {
        const inner = this.compile(node.operand);
        return { sql: `NOT (${inner.sql})`, params: inner.params };
      }
      case "compare":
        return this.compare(node.op, node.left, node.right);
      case "call":
        return this.call(node.name, node.args, node.expected);
    }
  }

  private literalValue(ref: ResolvedRef, literal: Literal): unknown {
    const fail = () => invalidRequest(`The value compared with '${ref.name}' does not fit its type.`);
    switch (ref.kind) {
      case "text":
      case "multiText":
        if (literal.type === "string") return literal.value;
        if (literal.type === "number") return String(literal.value);
        throw fail();
      case "number":
      case "multiNumber": {
        if (literal.type === "number") return literal.value;
        if (literal.type === "string" && /^-?\d+(\.\d+)?$/.test(literal.value.trim())) return Number(literal.value);
        throw fail();
      }
      case "boolean":
        if (literal.type === "boolean") return literal.value ? 1 : 0;
        if (literal.type === "number" && (literal.value === 0 || literal.value === 1)) return literal.value;
        if (literal.type === "string" && (literal.value === "0" || literal.value === "1")) return Number(literal.value);
        throw fail();
      case "dateTime": {
        if (literal.type !== "string" && literal.type !== "datetime") throw fail();
        const value = normalizeDate(literal.value, false, this.context.behaviour.siteTimeZone);
        if (value === undefined) throw fail();
        return value;
      }
    }
  }

  private compare(op: string, left: Operand, right: Operand): Compiled {
    const mirrored: Record<string, string> = { eq: "eq", ne: "ne", lt: "gt", gt: "lt", le: "ge", ge: "le" };
    if (left.type === "literal" && right.type === "property") return this.compare(mirrored[op]!, right, left);
    if (left.type !== "property" || right.type !== "literal") throw invalidRequest("A filter compares a field with a value.");
    const ref = resolveProperty(left.path, this.columns);
    const literal = right.literal;
    if (ref.kind === "multiText" || ref.kind === "multiNumber") {
      if (op !== "eq" && op !== "ne") throw invalidRequest(`Only eq and ne apply to the multi-value field '${ref.name}'.`);
      const value = this.literalValue(ref, literal);
      const exists = `EXISTS (SELECT 1 FROM json_each(i.fields, '$."${ref.sql}"') WHERE value = ?${ref.kind === "multiText" ? this.nocase : ""})`;
      return { sql: op === "eq" ? exists : `NOT ${exists}`, params: [value] };
    }
    if (literal.type === "null") {
      if (op !== "eq" && op !== "ne") throw invalidRequest("null can only be compared with eq or ne.");
      return { sql: `${ref.sql} IS ${op === "eq" ? "" : "NOT "}NULL`, params: [] };
    }
    const value = this.literalValue(ref, literal);
    const collate = ref.kind === "text" ? this.nocase : "";
    const sqlOp = { eq: "=", ne: "<>", lt: "<", gt: ">", le: "<=", ge: ">=" }[op as "eq"];
    if (op === "ne") return { sql: `(${ref.sql} IS NULL OR ${ref.sql}${collate} <> ?)`, params: [value] };
    return { sql: `${ref.sql}${collate} ${sqlOp} ?`, params: [value] };
  }

  private call(name: string, args: Operand[], expected: boolean): Compiled {
    const known = ["startswith", "endswith", "contains", "substringof"];
    if (!known.includes(name)) throw invalidRequest(`The function '${name}' is not supported in $filter.`);
    if (name !== "startswith" && this.context.behaviour.unsupportedFilterFunctions === "reject") {
      throw invalidRequest(`The function '${name}' is not supported in $filter.`);
    }
    const [first, second] = name === "substringof" ? [args[1], args[0]] : [args[0], args[1]];
    if (args.length !== 2 || first?.type !== "property" || second?.type !== "literal" || second.literal.type !== "string") {
      throw invalidRequest(`${name}() takes a field and a text value.`);
    }
    const ref = resolveProperty(first.path, this.columns);
    if (ref.kind !== "text") throw invalidRequest(`${name}() applies to text fields only.`);
    const value = second.literal.value;
    const insensitive = this.context.behaviour.textComparison === "caseInsensitive";
    let sql: string;
    switch (name) {
      case "startswith":
        sql = `substr(${ref.sql}, 1, ${value.length})${this.nocase} = ?`;
        break;
      case "endswith":
        sql = `substr(${ref.sql}, ${-value.length})${this.nocase} = ?`;
        break;
      default:
        sql = insensitive ? `instr(lower(${ref.sql}), lower(?)) > 0` : `instr(${ref.sql}, ?) > 0`;
    }
    sql = `(${ref.sql} IS NOT NULL AND ${sql})`;
    return { sql: expected ? sql : `NOT ${sql}`, params: [value] };
  }
}

export interface ItemsQuery {
  filter?: string;
  orderby?: string;
  top: number;
  skiptoken?: string;
  /** The request carried `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`. */
  preferNonIndexed: boolean;
}

export interface ItemsPage {
  rows: ItemRow[];
  /** The skiptoken of the next page, when there is one. */
  nextSkipToken?: string;
}

interface OrderComponent {
  ref: ResolvedRef;
  direction: "asc" | "desc";
  collate: string;
}

function encodeSkipToken(values: { name: string; value: unknown }[], lastId: number): string {
  const parts = ["Paged=TRUE", ...values.map((v) => `p_${v.name}=${encodeURIComponent(JSON.stringify(v.value))}`), `p_ID=${lastId}`];
  return Buffer.from(parts.join("&")).toString("base64").replace(/=+$/, "");
}

function decodeSkipToken(token: string, expectedValues: number): { values: unknown[]; lastId: number } {
  const fail = () => invalidRequest("The $skiptoken is not valid for this query. Only URLs returned by the API can be used to page.");
  let text: string;
  try {
    text = Buffer.from(token.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  } catch {
    throw fail();
  }
  const parts = text.split("&");
  if (parts[0] !== "Paged=TRUE") throw fail();
  const idPart = parts[parts.length - 1] ?? "";
  const lastId = Number(idPart.replace(/^p_ID=/, ""));
  if (!idPart.startsWith("p_ID=") || !Number.isInteger(lastId)) throw fail();
  const valueParts = parts.slice(1, -1);
  if (valueParts.length !== expectedValues) throw fail();
  try {
    const values = valueParts.map((part) => JSON.parse(decodeURIComponent(part.slice(part.indexOf("=") + 1))) as unknown);
    return { values, lastId };
  } catch {
    throw fail();
  }
}

/** Runs one page of a list items query. */
export function queryItems(context: EmulatorContext, scope: ListScope, query: ItemsQuery): ItemsPage {
  const { store, behaviour } = context;
  const { list, columns } = scope;
  const nocase = behaviour.textComparison === "caseInsensitive" ? " COLLATE NOCASE" : "";

  let filter: FilterNode | undefined;
  if (query.filter !== undefined) {
    try {
      filter = parseFilter(query.filter);
    } catch (error) {
      if (error instanceof FilterSyntaxError) throw invalidRequest(`Invalid filter clause: ${error.message}`);
      throw error;
    }
  }
  let orderKeys: OrderKey[];
  try {
    orderKeys = parseOrderBy(query.orderby);
  } catch (error) {
    throw invalidRequest((error as Error).message);
  }

  const compiler = new Compiler(columns, context);
  const filterRefs = filter ? referencedProperties(filter).map((path) => resolveProperty(path, columns)) : [];
  const order: OrderComponent[] = orderKeys.map((key) => {
    const ref = resolveProperty(key.path, columns);
    if (ref.kind === "multiText" || ref.kind === "multiNumber") throw invalidRequest(`The multi-value field '${ref.name}' cannot be sorted on.`);
    return { ref, direction: key.direction, collate: ref.kind === "text" ? nocase : "" };
  });
  const refs = [...filterRefs, ...order.map((o) => o.ref)];
  const nonIndexed = refs.find((ref) => !ref.indexed);
  if (nonIndexed && !query.preferNonIndexed) throw invalidRequest(nonIndexedMessage(nonIndexed.name));

  const compiled = filter ? compiler.compile(filter) : undefined;
  if (nonIndexed) enforceListViewThreshold(context, scope, filter, compiler);

  // Keyset paging: ORDER BY (value IS NOT NULL), value per key, then id.
  const orderSql = [
    ...order.flatMap((o) => {
      const dir = o.direction.toUpperCase();
      return [`(${o.ref.sql} IS NOT NULL) ${dir}`, `${o.ref.sql}${o.collate} ${dir}`];
    }),
    "i.id ASC",
  ].join(", ");
  const where = ["i.list_id = ?"];
  const params: unknown[] = [list.id];
  if (compiled) {
    where.push(compiled.sql);
    params.push(...compiled.params);
  }
  if (query.skiptoken !== undefined) {
    const { values, lastId } = decodeSkipToken(query.skiptoken, order.length);
    const keyset = keysetCondition(order, values, lastId);
    where.push(keyset.sql);
    params.push(...keyset.params);
  }
  const select = ["i.*", ...order.map((o, index) => `${o.ref.sql} AS __k${index}`)].join(", ");
  const sql = `SELECT ${select} FROM items i WHERE ${where.join(" AND ")} ORDER BY ${orderSql} LIMIT ?`;
  const rows = store.sql(sql).all(...params, query.top + 1) as (ItemRow & Record<string, unknown>)[];
  const page = rows.slice(0, query.top);
  const result: ItemsPage = { rows: page };
  if (rows.length > query.top) {
    const last = page[page.length - 1]!;
    result.nextSkipToken = encodeSkipToken(
      order.map((o, index) => ({ name: o.ref.column?.name ?? o.ref.name, value: last[`__k${index}`] ?? null })),
      last.id,
    );
  }
  return result;
}

function keysetCondition(order: OrderComponent[], values: unknown[], lastId: number): Compiled {
  // Lexicographic "after" over the components; a null value sorts first ascending, last descending.
  const branches: Compiled[] = [];
  const equalities: Compiled[] = [];
  order.forEach((o, index) => {
    const value = values[index];
    const flag = value === null ? 0 : 1;
    const after = o.direction === "asc" ? ">" : "<";
    branches.push({ sql: [...equalities.map((e) => e.sql), `(${o.ref.sql} IS NOT NULL) ${after} ${flag}`].join(" AND "), params: equalities.flatMap((e) => e.params) });
    equalities.push({ sql: `(${o.ref.sql} IS NOT NULL) = ${flag}`, params: [] });
    if (value !== null) {
      branches.push({
        sql: [...equalities.map((e) => e.sql), `${o.ref.sql}${o.collate} ${after} ?`].join(" AND "),
        params: [...equalities.flatMap((e) => e.params), value],
      });
      equalities.push({ sql: `${o.ref.sql}${o.collate} = ?`, params: [value] });
    }
  });
  branches.push({ sql: [...equalities.map((e) => e.sql), "i.id > ?"].join(" AND "), params: [...equalities.flatMap((e) => e.params), lastId] });
  return { sql: `(${branches.map((b) => `(${b.sql})`).join(" OR ")})`, params: branches.flatMap((b) => b.params) };
}

/**
 * 4.4.3: on a list over the threshold, a query that touches a non-indexed column fails unless
 * its indexed conditions alone narrow the rows to the threshold or fewer (as SharePoint does).
 */
function enforceListViewThreshold(context: EmulatorContext, scope: ListScope, filter: FilterNode | undefined, compiler: Compiler): void {
  const { behaviour, store } = context;
  const threshold = behaviour.listViewThreshold;
  if (store.itemCount(scope.list.id) <= threshold) return;
  const indexedParts = filter
    ? conjuncts(filter).filter((part) => referencedProperties(part).every((path) => resolveProperty(path, scope.columns).indexed))
    : [];
  if (indexedParts.length > 0) {
    const compiled = indexedParts.map((part) => compiler.compile(part));
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM items i WHERE i.list_id = ? AND ${compiled.map((c) => c.sql).join(" AND ")} LIMIT ?)`;
    const row = store.sql(sql).get(scope.list.id, ...compiled.flatMap((c) => c.params), threshold + 1) as { n: number };
    if (row.n <= threshold) return;
  }
  const { status, code } = behaviour.listViewThresholdError;
  throw new GraphHttpError(status, code, "The attempted operation is prohibited because it exceeds the list view threshold.");
}
