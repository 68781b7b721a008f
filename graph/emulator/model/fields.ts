/**
 * A list item's `fields` (fieldValueSet): how written values are checked and stored, and how
 * Graph returns them (graph-contract.md 4.1.3, 4.1.5, 4.2, 4.3.6).
 *
 * Stored form, in the item's JSON: text and choice as strings, numbers as numbers, booleans,
 * dates as `YYYY-MM-DDTHH:MM:SSZ`, multi-choice as string arrays, lookups (and people) as
 * item ids (numbers or arrays of numbers) under the column's own name.
 */
import { GraphHttpError, invalidRequest } from "../errors";
import type { EmulatorBehaviour } from "../options";
import { isWritableType, valueKind, type ColumnDefinition } from "./columns";
import { normalizeDate } from "./dates";

export type StoredValue = string | number | boolean | string[] | number[];
export type StoredFields = Record<string, StoredValue>;

/** Names the server fills in; a write to them is refused as read-only (4.3.6)… */
const READ_ONLY_FIELDS = new Set([
  "ContentTypeId",
  "Created",
  "Modified",
  "Author",
  "Editor",
  "AuthorLookupId",
  "EditorLookupId",
  "_UIVersionString",
  "Attachments",
  "Edit",
  "LinkTitle",
  "LinkTitleNoMenu",
  "ItemChildCount",
  "FolderChildCount",
  "DocIcon",
  "FileSizeDisplay",
  "LinkFilename",
  "LinkFilenameNoMenu",
  "FileDirRef",
  "AppAuthorLookupId",
  "AppEditorLookupId",
  "_ComplianceFlags",
  "_ComplianceTag",
  "_ComplianceTagWrittenTime",
  "_ComplianceTagUserId",
]);
/** …and these are accepted and ignored (4.3.2: an id in the body is ignored; 4.3.6: ContentType). */
const IGNORED_FIELDS = new Set(["id", "ID", "ContentType", "@odata.etag"]);

const MULTI_ANNOTATIONS = new Set(["Collection(Edm.String)", "Collection(Edm.Int32)", "Collection(Edm.Int64)"]);

export interface FieldWriteContext {
  columns: ColumnDefinition[];
  behaviour: EmulatorBehaviour;
  /** Document libraries accept FileLeafRef (a rename). */
  isLibrary: boolean;
}

export interface FieldWrites {
  /** Column name → new stored value, or null to clear it. */
  values: Map<string, StoredValue | null>;
  /** A new file name, for FileLeafRef writes in a library. */
  rename?: string;
}

function findColumn(columns: ColumnDefinition[], name: string): ColumnDefinition | undefined {
  return columns.find((column) => column.name === name);
}

function notRecognized(name: string): GraphHttpError {
  return invalidRequest(`Field '${name}' is not recognized`);
}

function badValue(column: ColumnDefinition, detail: string): GraphHttpError {
  return invalidRequest(`Invalid value for field '${column.name}': ${detail}`);
}

function lookupId(column: ColumnDefinition, value: unknown): number {
  const id = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(id) || id <= 0) throw badValue(column, "a lookup id is a positive integer.");
  return id;
}

function checkChoice(column: ColumnDefinition, value: string, behaviour: EmulatorBehaviour): void {
  if (!behaviour.enforceChoices || column.facet.allowTextEntry === true) return;
  const choices = (column.facet.choices as string[] | undefined) ?? [];
  if (!choices.includes(value)) throw badValue(column, `'${value}' is not one of its choices.`);
}

function storedValue(column: ColumnDefinition, value: unknown, annotation: string | undefined, context: FieldWriteContext): StoredValue | null {
  const kind = valueKind(column);
  if (value === null) return null;
  switch (kind) {
    case "text": {
      if (typeof value !== "string") throw badValue(column, "a text value is a string.");
      const maxLength = typeof column.facet.maxLength === "number" ? column.facet.maxLength : 255;
      if (column.facet.allowMultipleLines !== true && maxLength > 0 && value.length > maxLength) {
        throw badValue(column, `the text is longer than ${maxLength} characters.`);
      }
      return value;
    }
    case "number": {
      const number = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
      if (!Number.isFinite(number)) throw badValue(column, "a number is expected.");
      if (typeof column.facet.minimum === "number" && number < column.facet.minimum) throw badValue(column, `the minimum is ${column.facet.minimum}.`);
      if (typeof column.facet.maximum === "number" && number > column.facet.maximum) throw badValue(column, `the maximum is ${column.facet.maximum}.`);
      return number;
    }
    case "boolean":
      if (typeof value !== "boolean") throw badValue(column, "true or false is expected.");
      return value;
    case "dateTime": {
      if (typeof value !== "string") throw badValue(column, "a date is an ISO 8601 string.");
      const date = normalizeDate(value.trim(), column.facet.format === "dateOnly", context.behaviour.siteTimeZone);
      if (date === undefined) throw badValue(column, `'${value}' is not an ISO 8601 date.`);
      return date;
    }
    case "choice":
      if (typeof value !== "string") throw badValue(column, "a choice is a string.");
      checkChoice(column, value, context.behaviour);
      return value;
    case "multiChoice": {
      // 4.2.7: the annotation is required; a bare array is "Invalid request", a bare string a general exception.
      if (typeof value === "string") throw new GraphHttpError(500, "generalException", "General exception while processing");
      if (!Array.isArray(value) || annotation === undefined) throw invalidRequest("Invalid request");
      if (annotation !== "Collection(Edm.String)" || value.some((v) => typeof v !== "string")) throw invalidRequest("Invalid request");
      for (const choice of value as string[]) checkChoice(column, choice, context.behaviour);
      return value as string[];
    }
    default:
      throw invalidRequest("Invalid request");
  }
}

/** The writes a `fields` body asks for, checked against the list's columns. */
export function parseFieldWrites(body: Record<string, unknown>, context: FieldWriteContext): FieldWrites {
  const annotations = new Map<string, string>();
  for (const [key, value] of Object.entries(body)) {
    if (key.endsWith("@odata.type")) annotations.set(key.slice(0, -"@odata.type".length), String(value));
  }
  const writes: FieldWrites = { values: new Map() };
  for (const [key, value] of Object.entries(body)) {
    if (key.includes("@")) continue;
    if (IGNORED_FIELDS.has(key)) continue;
    if (key === "FileLeafRef" && context.isLibrary) {
      if (typeof value !== "string" || value.trim() === "") throw invalidRequest("Invalid value for field 'FileLeafRef': a file name is expected.");
      writes.rename = value.trim();
      continue;
    }
    if (READ_ONLY_FIELDS.has(key)) throw new GraphHttpError(403, "accessDenied", `Field '${key}' is read-only`);
    if (key.endsWith("LookupId")) {
      const column = findColumn(context.columns, key.slice(0, -"LookupId".length));
      const kind = column ? valueKind(column) : undefined;
      if (column && (kind === "lookup" || kind === "multiLookup")) {
        if (column.readOnly) throw new GraphHttpError(403, "accessDenied", `Field '${key}' is read-only`);
        writes.values.set(column.name, lookupValue(column, kind, value, annotations.get(key)));
        continue;
      }
    }
    const column = findColumn(context.columns, key);
    if (!column) throw notRecognized(key);
    if (column.system || column.readOnly) throw new GraphHttpError(403, "accessDenied", `Field '${key}' is read-only`);
    const kind = valueKind(column);
    if (kind === "lookup" || kind === "multiLookup") {
      throw invalidRequest(`Field '${key}' is a lookup: write its item id as '${key}LookupId'.`);
    }
    if (!isWritableType(column)) throw invalidRequest("Invalid request");
    writes.values.set(column.name, storedValue(column, value, annotations.get(key), context));
  }
  return writes;
}

function lookupValue(column: ColumnDefinition, kind: "lookup" | "multiLookup", value: unknown, annotation: string | undefined): StoredValue | null {
  if (value === null) return null;
  if (kind === "lookup") {
    if (Array.isArray(value)) throw badValue(column, "a single lookup takes one id.");
    return lookupId(column, value);
  }
  // 4.2.4: a multi lookup needs the Collection annotation; the read shape fails.
  if (!Array.isArray(value) || annotation === undefined || !MULTI_ANNOTATIONS.has(annotation)) {
    throw invalidRequest(
      "A value without a type name was found and no expected type is available. When the model is specified, each value in the payload must have a type which can be either specified in the payload, explicitly by the caller or implicitly inferred from the parent value.",
    );
  }
  return [...new Set(value.map((v) => lookupId(column, v)))];
}

/** Checks required columns once the writes are merged into the item's values. */
export function checkRequired(fields: StoredFields, columns: ColumnDefinition[], behaviour: EmulatorBehaviour): void {
  if (!behaviour.enforceRequired) return;
  for (const column of columns) {
    if (!column.required || column.system || column.readOnly || column.name === "FileLeafRef") continue;
    const value = fields[column.name];
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) {
      throw invalidRequest(`Field '${column.name}' is required.`);
    }
  }
}

/** Applies writes to stored fields (null clears). */
export function mergeFields(current: StoredFields, writes: Map<string, StoredValue | null>): StoredFields {
  const next: StoredFields = { ...current };
  for (const [name, value] of writes) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return next;
}

/** Default values of columns absent from a new item. */
export function withDefaults(fields: StoredFields, columns: ColumnDefinition[], context: FieldWriteContext): StoredFields {
  const next = { ...fields };
  for (const column of columns) {
    if (column.defaultValue === undefined || column.system || next[column.name] !== undefined) continue;
    const raw = column.defaultValue.value;
    if (raw === undefined || raw === null || raw === "") continue;
    try {
      const kind = valueKind(column);
      if (kind === "boolean" && typeof raw === "string") next[column.name] = raw === "1" || raw.toLowerCase() === "true";
      else if (kind === "number" && typeof raw === "string") next[column.name] = Number(raw);
      else if (kind !== "lookup" && kind !== "multiLookup") {
        const value = storedValue(column, raw, undefined, context);
        if (value !== null) next[column.name] = value;
      }
    } catch {
      // A default SharePoint cannot apply is simply not applied.
    }
  }
  return next;
}
