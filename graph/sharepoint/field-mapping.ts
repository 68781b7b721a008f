/**
 * Records ↔ list item fields, column by column (graph-contract.md 4.1.5 and 4.2): lookups are
 * written and read as `{Name}LookupId`, multi-value columns carry their `@odata.type`
 * annotation, values of any shape are JSON, instants are UTC, a choice is kept as its word
 * (choice-words.ts), and the Title column gets a label.
 */
import type { ColumnSpec, ListSpec } from "./schema";
import { fieldKeyOf } from "./schema";
import { codeOf, wordOf } from "./choice-words";

const COLLECTION = "Collection(Edm.String)";

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/** The `fields` to write for a record (a whole record on create, the changed fields on update). */
export function toFields(list: ListSpec, record: Record<string, unknown>, only?: Iterable<string>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const wanted = only ? new Set(only) : undefined;
  for (const column of list.columns) {
    if (wanted && !wanted.has(column.field)) continue;
    writeColumn(fields, column, record[column.field], !wanted);
  }
  if (list.titleOf && list.template === "genericList") fields.Title = list.titleOf(record).slice(0, 255) || "(untitled)";
  return fields;
}

function writeColumn(fields: Record<string, unknown>, column: ColumnSpec, value: unknown, creating: boolean): void {
  const key = fieldKeyOf(column);
  if (isEmpty(value) && creating) return;
  switch (column.kind.type) {
    case "multiChoice":
    case "multiLookup": {
      const values = Array.isArray(value) ? value.map(String) : [];
      fields[`${key}@odata.type`] = COLLECTION;
      fields[key] = values;
      return;
    }
    case "json":
      fields[key] = isEmpty(value) ? null : JSON.stringify(value);
      return;
    case "lookup":
      fields[key] = isEmpty(value) ? null : String(value);
      return;
    case "choice":
      fields[key] = isEmpty(value) ? null : wordOf(column.kind.words, String(value));
      return;
    default:
      fields[key] = isEmpty(value) ? null : value;
  }
}

/** The record's raw fields read from an item's `fields` (validated by the kind's schema afterwards). */
export function fromFields(list: ListSpec, fields: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const column of list.columns) {
    const value = fields[fieldKeyOf(column)];
    const read = readColumn(column, value);
    if (read !== undefined) record[column.field] = read;
  }
  return record;
}

function readColumn(column: ColumnSpec, value: unknown): unknown {
  switch (column.kind.type) {
    case "multiChoice": {
      if (!Array.isArray(value)) return undefined;
      return column.kind.numeric ? value.map(Number) : value.map(String);
    }
    case "multiLookup":
      return Array.isArray(value) ? value.map((v) => String(typeof v === "object" && v !== null ? (v as { LookupId: unknown }).LookupId : v)) : undefined;
    case "json":
      if (isEmpty(value)) return undefined;
      try {
        return JSON.parse(String(value));
      } catch {
        return value; // left for the schema to refuse, with the field's name
      }
    case "lookup":
      return isEmpty(value) ? undefined : String(value);
    case "choice":
      if (isEmpty(value)) return undefined;
      return typeof value === "string" ? codeOf(column.kind.words, value) : value;
    case "dateTime": {
      if (isEmpty(value)) return undefined;
      const instant = new Date(String(value));
      return Number.isNaN(instant.getTime()) ? value : instant.toISOString();
    }
    case "number":
      if (isEmpty(value)) return undefined;
      return typeof value === "number" ? value : Number(value);
    case "boolean":
      if (isEmpty(value)) return undefined;
      return typeof value === "boolean" ? value : value === 1 || value === "1" || value === "true";
    default:
      return isEmpty(value) ? undefined : value;
  }
}

/** The `$expand=fields($select=...)` list: only our columns (and lookups by their id key). */
export function selectOf(list: ListSpec): string {
  return ["id", ...list.columns.map(fieldKeyOf)].join(",");
}
