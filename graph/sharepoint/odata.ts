/**
 * OData `$filter` and `$orderby` on list item fields. Every literal is escaped (a single quote
 * doubled), so a ministry called `Women's Affairs` matches and a value cannot inject a clause.
 */
import { ValidationError } from "../../core/errors";
import type { Condition, FieldValue, Query } from "../../core/ports/repository";
import type { RecordKind } from "../../core/records/kinds";
import { fieldKeyOf, type ColumnSpec, type ListSpec } from "./schema";
import { wordOf } from "./choice-words";

export function escapeLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function literal(column: ColumnSpec, value: FieldValue): string {
  switch (column.kind.type) {
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) throw invalid(column.field, "a number");
      return String(value);
    case "boolean":
      if (typeof value !== "boolean") throw invalid(column.field, "true or false");
      return value ? "1" : "0";
    case "lookup":
      if (!/^\d+$/.test(String(value))) throw invalid(column.field, "an item id");
      return String(value);
    case "dateTime": {
      const instant = new Date(String(value));
      if (Number.isNaN(instant.getTime())) throw invalid(column.field, "a date and time");
      return escapeLiteral(instant.toISOString().replace(/\.\d{3}Z$/, "Z"));
    }
    case "choice":
      // SharePoint keeps the word of a code (choice-words.ts).
      return escapeLiteral(wordOf(column.kind.words, String(value)));
    default:
      return escapeLiteral(String(value));
  }
}

function invalid(field: string, expected: string): ValidationError {
  return new ValidationError(`'${field}' must be compared with ${expected}`, [{ path: field, message: `expected ${expected}` }]);
}

function columnFor(list: ListSpec, kind: RecordKind, field: string): ColumnSpec {
  const column = list.columns.find((c) => c.field === field);
  if (!column || !(kind.queryable as readonly string[]).includes(field) || !column.indexed) {
    throw new ValidationError(`${kind.label} records cannot be queried by '${field}': it is not indexed`, [{ path: field, message: "not a queryable (indexed) field" }]);
  }
  return column;
}

function condition(list: ListSpec, kind: RecordKind, { field, op, value }: Condition<unknown>): string {
  const column = columnFor(list, kind, field);
  const path = `fields/${fieldKeyOf(column)}`;
  if (op === "startswith") {
    if (typeof value !== "string") throw invalid(field, "text");
    return `startswith(${path},${escapeLiteral(value)})`;
  }
  return `${path} ${op} ${literal(column, value)}`;
}

/** `$filter`, `$orderby` and `$top` query options of a core query, or a ValidationError for a field that is not indexed. */
export function queryOptions<Fields>(list: ListSpec, kind: RecordKind, query: Query<Fields>): Record<string, string> {
  const options: Record<string, string> = {};
  const where = (query.where ?? []).map((c) => condition(list, kind, c as unknown as Condition<unknown>));
  if (where.length) options.$filter = where.join(" and ");
  if (query.orderBy) {
    const column = columnFor(list, kind, query.orderBy.field);
    options.$orderby = `fields/${fieldKeyOf(column)}${query.orderBy.direction === "desc" ? " desc" : ""}`;
  }
  return options;
}
