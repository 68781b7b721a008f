/**
 * Column definitions (graph-contract.md section 3): what POST …/columns accepts, how a
 * column is stored, and how Graph returns it.
 */
import { invalidRequest } from "../errors";

export const COLUMN_TYPES = [
  "text",
  "number",
  "dateTime",
  "boolean",
  "choice",
  "lookup",
  "personOrGroup",
  "currency",
  "hyperlinkOrPicture",
  "term",
  "calculated",
  "geolocation",
  "thumbnail",
  "contentApprovalStatus",
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** Values a system column reads from the item row rather than from its stored fields. */
export type SystemSource = "id" | "created" | "modified" | "author" | "editor" | "contentType" | "version";

export interface ColumnDefinition {
  id: string;
  name: string;
  displayName: string;
  description: string;
  columnGroup: string;
  enforceUniqueValues: boolean;
  hidden: boolean;
  indexed: boolean;
  readOnly: boolean;
  required: boolean;
  /** Undefined for columns Graph returns without a type facet (3.2, 3.3). */
  type?: ColumnType;
  /** The type facet as Graph returns it, defaults filled in. */
  facet: Record<string, unknown>;
  defaultValue?: { value: unknown };
  /** For system columns: where the value lives. */
  system?: SystemSource;
}

/** What a column holds, which decides how values are written, filtered and read. */
export type ValueKind =
  | "text"
  | "number"
  | "boolean"
  | "dateTime"
  | "choice"
  | "multiChoice"
  | "lookup"
  | "multiLookup"
  | "unsupported"
  | "system";

export function valueKind(column: ColumnDefinition): ValueKind {
  if (column.system) return "system";
  if (column.name === "FileLeafRef") return "text";
  switch (column.type) {
    case "text":
      return "text";
    case "number":
    case "currency":
      return "number";
    case "boolean":
      return "boolean";
    case "dateTime":
      return "dateTime";
    case "choice":
      return isMultiChoice(column) ? "multiChoice" : "choice";
    case "lookup":
      return column.facet.allowMultipleValues === true ? "multiLookup" : "lookup";
    case "personOrGroup":
      return column.facet.allowMultipleSelection === true ? "multiLookup" : "lookup";
    default:
      return "unsupported";
  }
}

/** Graph has no multi-choice facet: a choice column shown as check boxes is SharePoint's MultiChoice. */
function isMultiChoice(column: ColumnDefinition): boolean {
  return column.facet.displayAs === "checkBoxes" || column.facet.allowMultipleValues === true;
}

/**
 * SharePoint internal names encode what is not a letter, digit or underscore as `_xHHHH_`
 * (3.7): "Due Date" → `Due_x0020_Date`.
 */
export function internalName(name: string): string {
  let out = "";
  for (const char of name) {
    if (/[A-Za-z0-9_]/.test(char)) out += char;
    else out += `_x${char.codePointAt(0)!.toString(16).padStart(4, "0")}_`;
  }
  return out;
}

const FACET_DEFAULTS: Partial<Record<ColumnType, Record<string, unknown>>> = {
  text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255, textType: "plain" },
  number: { decimalPlaces: "automatic", displayAs: "number" },
  dateTime: { displayAs: "default", format: "dateTime" },
  boolean: {},
  choice: { allowTextEntry: false, choices: [], displayAs: "dropDownMenu" },
  lookup: { allowMultipleValues: false, allowUnlimitedLength: false, columnName: "Title" },
  personOrGroup: { allowMultipleSelection: false, chooseFromType: "peopleAndGroups", displayAs: "account" },
  currency: { locale: "en-us" },
  hyperlinkOrPicture: { isPicture: false },
};

/** Facets Graph v1.0 does not return on list columns (3.3). */
const HIDDEN_FACETS = new Set<ColumnType>(["hyperlinkOrPicture", "term", "thumbnail", "contentApprovalStatus"]);

/** Types the emulator stores values for. Others are accepted as columns but refuse writes. */
const WRITABLE_TYPES = new Set<ColumnType>(["text", "number", "dateTime", "boolean", "choice", "lookup", "personOrGroup", "currency"]);

export function isWritableType(column: ColumnDefinition): boolean {
  return column.type !== undefined && WRITABLE_TYPES.has(column.type);
}

function bool(body: Record<string, unknown>, key: string, fallback: boolean): boolean {
  const value = body[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "boolean") throw invalidRequest(`The property '${key}' must be true or false.`);
  return value;
}

function text(body: Record<string, unknown>, key: string, fallback: string): string {
  const value = body[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "string") throw invalidRequest(`The property '${key}' must be a string.`);
  return value;
}

export interface ColumnCheckContext {
  /** Whether a list id names a list of the same site (lookup targets). */
  listExists(listId: string): boolean;
  uniqueRequiresIndex: boolean;
}

/** A columnDefinition from a POST body, validated and with defaults filled in. */
export function columnFromBody(body: Record<string, unknown>, id: string, check: ColumnCheckContext): ColumnDefinition {
  const rawName = text(body, "name", "") || text(body, "displayName", "");
  if (rawName.trim() === "") throw invalidRequest("A column needs a 'name'.");
  const types = COLUMN_TYPES.filter((type) => body[type] !== undefined && body[type] !== null);
  if (types.length !== 1) {
    throw invalidRequest(
      types.length === 0 ? "A column needs exactly one type facet (text, number, dateTime, boolean, choice, lookup, personOrGroup…)." : `A column can have only one type facet (got ${types.join(", ")}).`,
    );
  }
  const type = types[0]!;
  if (type === "calculated" || type === "geolocation" || type === "thumbnail" || type === "contentApprovalStatus") {
    throw invalidRequest(`The Graph emulator does not support '${type}' columns.`);
  }
  const given = body[type];
  if (typeof given !== "object" || Array.isArray(given)) throw invalidRequest(`The '${type}' facet must be an object.`);
  const facet: Record<string, unknown> = { ...FACET_DEFAULTS[type], ...(given as Record<string, unknown>) };
  if (type === "text" && facet.allowMultipleLines === true && (given as Record<string, unknown>).linesForEditing === undefined) {
    facet.linesForEditing = 6;
  }
  if (type === "choice" && (!Array.isArray(facet.choices) || facet.choices.some((c) => typeof c !== "string"))) {
    throw invalidRequest("The 'choices' of a choice column must be strings.");
  }
  if (type === "lookup") {
    if (typeof facet.listId !== "string" || !check.listExists(facet.listId)) {
      throw invalidRequest("A lookup column needs the 'listId' of a list of the same site.");
    }
    if (typeof facet.columnName !== "string" || facet.columnName === "") throw invalidRequest("A lookup column needs a 'columnName'.");
  }
  const indexed = bool(body, "indexed", false);
  const enforceUniqueValues = bool(body, "enforceUniqueValues", false);
  if (enforceUniqueValues && !indexed && check.uniqueRequiresIndex) {
    throw invalidRequest(`The column '${rawName}' must be indexed to enforce unique values.`);
  }
  const column: ColumnDefinition = {
    id,
    name: internalName(rawName),
    displayName: text(body, "displayName", rawName),
    description: text(body, "description", ""),
    columnGroup: text(body, "columnGroup", "Custom Columns"),
    enforceUniqueValues,
    hidden: bool(body, "hidden", false),
    indexed,
    readOnly: bool(body, "readOnly", false),
    required: bool(body, "required", false),
    type,
    facet,
  };
  if (body.defaultValue !== undefined && body.defaultValue !== null) {
    const value = (body.defaultValue as { value?: unknown }).value;
    column.defaultValue = { value };
  }
  return column;
}

const UPDATABLE = ["displayName", "description", "columnGroup", "enforceUniqueValues", "hidden", "indexed", "required"] as const;

/** PATCH …/columns/{id}: the properties Graph lets one change, and the type facet's options. */
export function updatedColumn(column: ColumnDefinition, body: Record<string, unknown>, check: ColumnCheckContext): ColumnDefinition {
  const next: ColumnDefinition = { ...column, facet: { ...column.facet } };
  for (const key of Object.keys(body)) {
    if (key.startsWith("@odata")) continue;
    if ((UPDATABLE as readonly string[]).includes(key)) {
      const value = body[key];
      if (key === "displayName" || key === "description" || key === "columnGroup") {
        if (typeof value !== "string") throw invalidRequest(`The property '${key}' must be a string.`);
        next[key] = value;
      } else {
        if (typeof value !== "boolean") throw invalidRequest(`The property '${key}' must be true or false.`);
        next[key as "indexed"] = value;
      }
    } else if (key === column.type) {
      Object.assign(next.facet, body[key]);
    } else if (key === "name" || key === "id") {
      if (body[key] !== (key === "name" ? column.name : column.id)) throw invalidRequest(`The property '${key}' of a column cannot be changed.`);
    } else if (key === "defaultValue") {
      next.defaultValue = { value: (body[key] as { value?: unknown } | null)?.value };
    } else {
      throw invalidRequest(`The property '${key}' cannot be changed on a column.`);
    }
  }
  if (next.enforceUniqueValues && !next.indexed && check.uniqueRequiresIndex) {
    throw invalidRequest(`The column '${column.name}' must be indexed to enforce unique values.`);
  }
  return next;
}

/** A column as Graph returns it. */
export function columnJson(column: ColumnDefinition): Record<string, unknown> {
  const json: Record<string, unknown> = {
    columnGroup: column.columnGroup,
    description: column.description,
    displayName: column.displayName,
    enforceUniqueValues: column.enforceUniqueValues,
    hidden: column.hidden,
    id: column.id,
    indexed: column.indexed,
    name: column.name,
    readOnly: column.readOnly,
    required: column.required,
  };
  if (column.defaultValue) json.defaultValue = column.defaultValue;
  if (column.type && !HIDDEN_FACETS.has(column.type)) json[column.type] = column.facet;
  return json;
}

function builtin(
  name: string,
  displayName: string,
  type: ColumnType | undefined,
  system: SystemSource | undefined,
  extra: Partial<ColumnDefinition> = {},
): Omit<ColumnDefinition, "id"> {
  return {
    name,
    displayName,
    description: "",
    columnGroup: system ? "_Hidden" : "Custom Columns",
    enforceUniqueValues: false,
    hidden: false,
    indexed: false,
    readOnly: system !== undefined,
    required: false,
    type,
    facet: type ? { ...FACET_DEFAULTS[type] } : {},
    ...(system ? { system } : {}),
    ...extra,
  };
}

/** The columns a list template always has (2.3), the system ones read-only. */
export function templateColumns(template: string): Omit<ColumnDefinition, "id">[] {
  const system = [
    builtin("ID", "ID", undefined, "id", { indexed: true }),
    builtin("ContentType", "Content Type", undefined, "contentType"),
    builtin("Modified", "Modified", "dateTime", "modified"),
    builtin("Created", "Created", "dateTime", "created"),
    builtin("Author", "Created By", "personOrGroup", "author"),
    builtin("Editor", "Modified By", "personOrGroup", "editor"),
    builtin("_UIVersionString", "Version", "text", "version"),
  ];
  if (template === "documentLibrary") {
    return [
      builtin("FileLeafRef", "Name", undefined, undefined, { required: true }),
      builtin("Title", "Title", "text", undefined),
      ...system,
    ];
  }
  return [builtin("Title", "Title", "text", undefined, { required: true }), ...system];
}
