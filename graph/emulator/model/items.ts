/**
 * List items: creating, updating and deleting them (versions, eTags, unique values) and the
 * JSON Graph returns for them (graph-contract.md 4.1–4.3, 4.5.2).
 */
import { APP_USER_ID, USER_INFORMATION_LIST, type EmulatorContext, type ListScope } from "../context";
import { GraphHttpError, invalidRequest } from "../errors";
import { guid, isoSeconds } from "../ids";
import type { ExpandOption } from "../odata/query-options";
import type { ItemRow, ItemVersionRow, ListRow, SiteRow } from "../store/store";
import { fieldSql } from "../store/store";
import { valueKind, type ColumnDefinition } from "./columns";
import { addSiteUser } from "./lists";
import { checkRequired, mergeFields, parseFieldWrites, withDefaults, type FieldWrites, type StoredFields, type StoredValue } from "./fields";

export const CONTENT_TYPES = {
  item: "Item",
  document: "Document",
  folder: "Folder",
} as const;

/** SharePoint content type ids: Item 0x01, Document 0x0101, Folder 0x0120, then a list-specific suffix. */
export function contentTypeId(list: ListRow, name: string): string {
  const prefix = name === CONTENT_TYPES.document ? "0x0101" : name === CONTENT_TYPES.folder ? "0x0120" : "0x0100";
  return `${prefix}${list.id.replace(/-/g, "").toUpperCase()}`;
}

/** The eTag of a list item, quotes included: `"{guid},{version}"` (4.1.2). */
export function itemETag(item: ItemRow): string {
  return `"${item.guid},${item.version}"`;
}

/** 412 unless If-Match is absent, `*`, or the item's current eTag (4.3.4). */
export function checkIfMatch(context: EmulatorContext, ifMatch: string | undefined, current: string): void {
  if (ifMatch === undefined) return;
  // One tag: SharePoint eTags contain a comma ("guid,3"), so the header is not split on commas.
  const tag = ifMatch.trim().replace(/^W\//, "");
  if (tag === "*") return;
  if (!/^".*"$/.test(tag)) throw invalidRequest("ETags must be quoted strings", "malformedEntityTag");
  // A library item's driveItem eTag ("{GUID},n") names the same version as its listItem eTag.
  const normalize = (value: string) => value.replace(/[{}]/g, "").toLowerCase();
  if (normalize(tag) === normalize(current)) return;
  throw new GraphHttpError(412, context.behaviour.preconditionFailedCode, "The resource has changed since the caller last read it; usually an eTag mismatch", {
    innerCode: "entityTagDoesNotMatch",
  });
}

function parseStored(item: { fields: string }): StoredFields {
  return JSON.parse(item.fields) as StoredFields;
}

function checkUnique(context: EmulatorContext, scope: ListScope, fields: StoredFields, writes: FieldWrites, itemId: number): void {
  for (const column of scope.columns) {
    if (!column.enforceUniqueValues || !writes.values.has(column.name)) continue;
    const value = fields[column.name];
    if (value === undefined || Array.isArray(value)) continue;
    const kind = valueKind(column);
    const collate = (kind === "text" || kind === "choice") && context.behaviour.textComparison === "caseInsensitive" ? " COLLATE NOCASE" : "";
    const clash = context.store
      .sql(`SELECT i.id FROM items i WHERE i.list_id = ? AND ${fieldSql(column.name)}${collate} = ? AND i.id <> ? LIMIT 1`)
      .get(scope.list.id, typeof value === "boolean" ? (value ? 1 : 0) : value, itemId);
    if (clash) {
      const { status, code } = context.behaviour.uniqueViolation;
      throw new GraphHttpError(
        status,
        code,
        `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${column.name}].`,
      );
    }
  }
}

/** The User Information List id of whoever the request acts as (the app unless a person's token is used). */
export function actingEditor(context: EmulatorContext, site: SiteRow): number {
  return context.actingAs ? addSiteUser(context, site, context.actingAs) : APP_USER_ID;
}

export interface NewItemOptions {
  contentType?: string;
  /** Fields the server sets itself (a library's FileLeafRef). */
  systemFields?: StoredFields;
  /** The file content of this first version, for library items. */
  blob?: { id: number; size: number } | null;
}

/** POST …/items: a new item at version 1. */
export function createItem(context: EmulatorContext, scope: ListScope, body: Record<string, unknown>, options: NewItemOptions = {}): ItemRow {
  const { store, behaviour } = context;
  const isLibrary = scope.list.template === "documentLibrary";
  const writeContext = { columns: scope.columns, behaviour, isLibrary };
  const writes = parseFieldWrites(body, writeContext);
  let fields = withDefaults(mergeFields(options.systemFields ?? {}, writes.values), scope.columns, writeContext);
  if (writes.rename !== undefined) fields = { ...fields, FileLeafRef: writes.rename };
  if (options.contentType !== CONTENT_TYPES.folder) checkRequired(fields, scope.columns, behaviour);
  const editor = actingEditor(context, scope.site);
  return store.transaction(() => {
    checkUnique(context, scope, fields, writes, 0);
    const now = isoSeconds(context.now());
    const item: ItemRow = {
      list_id: scope.list.id,
      id: store.takeItemId(scope.list.id),
      guid: guid(),
      version: 1,
      content_type: options.contentType ?? CONTENT_TYPES.item,
      created: now,
      modified: now,
      author: editor,
      editor,
      fields: JSON.stringify(fields),
      seq: store.nextSeq(),
    };
    store.insertItem(item);
    store.insertVersion(versionRow(item, options.blob ?? null));
    store.touchList(scope.list.id, now);
    return item;
  });
}

function versionRow(item: ItemRow, blob: { id: number; size: number } | null): ItemVersionRow {
  return {
    list_id: item.list_id,
    item_id: item.id,
    version: item.version,
    modified: item.modified,
    editor: item.editor,
    fields: item.fields,
    blob_id: blob?.id ?? null,
    size: blob?.size ?? null,
  };
}

export interface UpdateOptions {
  ifMatch?: string;
  /** New content of a library item's file (a new file version). */
  blob?: { id: number; size: number } | null;
  /** Fields the server sets itself. */
  systemFields?: StoredFields;
}

/**
 * A new version of an item with the given writes (4.5.3: every update is a new version).
 * Returns the updated row and the FileLeafRef rename asked for, if any.
 */
export function updateItem(
  context: EmulatorContext,
  scope: ListScope,
  item: ItemRow,
  body: Record<string, unknown>,
  options: UpdateOptions = {},
): { item: ItemRow; rename?: string } {
  const { store, behaviour } = context;
  checkIfMatch(context, options.ifMatch, itemETag(item));
  const isLibrary = scope.list.template === "documentLibrary";
  const writes = parseFieldWrites(body, { columns: scope.columns, behaviour, isLibrary });
  let fields = mergeFields(parseStored(item), writes.values);
  if (options.systemFields) fields = { ...fields, ...options.systemFields };
  if (writes.rename !== undefined) fields.FileLeafRef = writes.rename;
  if (item.content_type !== CONTENT_TYPES.folder) checkRequired(fields, scope.columns, behaviour);
  const editor = actingEditor(context, scope.site);
  return store.transaction(() => {
    checkUnique(context, scope, fields, writes, item.id);
    const now = isoSeconds(context.now());
    const next: ItemRow = { ...item, version: item.version + 1, modified: now, editor, fields: JSON.stringify(fields), seq: store.nextSeq() };
    store.updateItem(next);
    let blob = options.blob;
    if (blob === undefined) {
      const previous = store.versionOf(item.list_id, item.id, item.version);
      blob = previous?.blob_id ? { id: previous.blob_id, size: previous.size ?? 0 } : null;
    }
    store.insertVersion(versionRow(next, blob));
    store.touchList(scope.list.id, now);
    return writes.rename !== undefined ? { item: next, rename: writes.rename } : { item: next };
  });
}

/**
 * What a person leaves in an item by other means than Graph (Microsoft Lists after a column's
 * choices or type were changed in list settings, a quick edit in Excel, a flow): the values are
 * stored as given, unchecked, as a new version by `editor`. Values use the stored form (lookups
 * as item ids under the column's own name); null clears a value. For tests of bad rows.
 */
export function editItemUnchecked(context: EmulatorContext, listId: string, item: ItemRow, values: Record<string, StoredValue | null>, editor: number): ItemRow {
  const { store } = context;
  const fields = mergeFields(parseStored(item), new Map(Object.entries(values)));
  return store.transaction(() => {
    const now = isoSeconds(context.now());
    const next: ItemRow = { ...item, version: item.version + 1, modified: now, editor, fields: JSON.stringify(fields), seq: store.nextSeq() };
    store.updateItem(next);
    const previous = store.versionOf(item.list_id, item.id, item.version);
    store.insertVersion(versionRow(next, previous?.blob_id ? { id: previous.blob_id, size: previous.size ?? 0 } : null));
    store.touchList(listId, now);
    return next;
  });
}

export function deleteItem(context: EmulatorContext, scope: ListScope, item: ItemRow, ifMatch: string | undefined): void {
  checkIfMatch(context, ifMatch, itemETag(item));
  context.store.transaction(() => {
    context.store.deleteItem(scope.list.id, item.id, item.content_type);
    context.store.touchList(scope.list.id, isoSeconds(context.now()));
  });
}

// Reading

export function siteWebUrl(context: EmulatorContext, site: SiteRow): string {
  return `https://${context.hostname}${site.path === "/" ? "" : site.path}`;
}

export function listWebUrl(context: EmulatorContext, site: SiteRow, list: ListRow): string {
  const folder = list.template === "documentLibrary" ? encodeURI(list.url_name) : `Lists/${encodeURI(list.url_name)}`;
  return `${siteWebUrl(context, site)}/${folder}`;
}

interface UserInfo {
  id: number;
  displayName: string;
  email?: string;
}

/** People are items of the site's hidden User Information List (4.2.5). */
export function userInfo(context: EmulatorContext, site: SiteRow, userId: number): UserInfo {
  if (userId === APP_USER_ID) return { id: userId, displayName: "SharePoint App" };
  const list = context.store.listByTitle(site.id, USER_INFORMATION_LIST);
  const row = list ? context.store.itemById(list.id, userId) : undefined;
  if (!row) return { id: userId, displayName: "" };
  const fields = parseStored(row);
  const info: UserInfo = { id: userId, displayName: String(fields.Title ?? "") };
  if (typeof fields.EMail === "string") info.email = fields.EMail;
  return info;
}

export function identitySet(context: EmulatorContext, site: SiteRow, userId: number): Record<string, unknown> {
  const user = userInfo(context, site, userId);
  const identity: Record<string, unknown> = { displayName: user.displayName };
  if (user.email) identity.email = user.email;
  if (userId !== APP_USER_ID) identity.id = String(userId);
  // An app-only write names the application beside SharePoint's "SharePoint App" user (4.1.2).
  if (userId === APP_USER_ID) return { application: { id: context.appId, displayName: "Microsoft Graph" }, user: identity };
  return { user: identity };
}

interface LookupTarget {
  LookupId: number;
  LookupValue: string;
  Email?: string;
}

function lookupTargets(context: EmulatorContext, scope: ListScope, column: ColumnDefinition, ids: number[]): LookupTarget[] {
  const isPerson = column.type === "personOrGroup" || column.system === "author" || column.system === "editor";
  if (isPerson) {
    return ids.map((id) => {
      const user = userInfo(context, scope.site, id);
      return user.email ? { LookupId: id, LookupValue: user.displayName, Email: user.email } : { LookupId: id, LookupValue: user.displayName };
    });
  }
  const targetListId = String(column.facet.listId ?? "");
  const columnName = String(column.facet.columnName ?? "Title");
  const rows = new Map(context.store.itemsByIds(targetListId, ids).map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = rows.get(id);
    const value = row ? (columnName === "ID" ? String(row.id) : parseStored(row)[columnName]) : undefined;
    return { LookupId: id, LookupValue: value === undefined ? "" : String(value) };
  });
}

function lookupIdsOf(value: StoredValue | undefined): number[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(Number);
}

export interface RenderOptions {
  /** `$select` inside `$expand=fields(...)`. */
  select?: string[];
  /** Collections drop lookups beyond the limit (4.2.2). */
  collection: boolean;
  /** The driveItem's size, for a library item's FileSizeDisplay. */
  fileSize?: number;
}

/** An item's fields as Graph returns them: system fields included, lookups as `{Name}LookupId`. */
export function fieldsJson(context: EmulatorContext, scope: ListScope, item: ItemRow, options: RenderOptions): Record<string, unknown> {
  const stored = parseStored(item);
  const isLibrary = scope.list.template === "documentLibrary";
  const title = stored.Title;
  const system: Record<string, unknown> = {
    id: String(item.id),
    ContentType: item.content_type,
    Modified: item.modified,
    Created: item.created,
    AuthorLookupId: String(item.author),
    EditorLookupId: String(item.editor),
    _UIVersionString: `${item.version}.0`,
  };
  if (isLibrary) {
    const name = String(stored.FileLeafRef ?? "");
    Object.assign(system, {
      LinkFilenameNoMenu: name,
      LinkFilename: name,
      DocIcon: item.content_type === CONTENT_TYPES.folder ? undefined : (name.split(".").pop() ?? ""),
      FileSizeDisplay: options.fileSize === undefined ? undefined : String(options.fileSize),
      ItemChildCount: "0",
      FolderChildCount: "0",
    });
  } else {
    Object.assign(system, {
      Attachments: false,
      Edit: "",
      LinkTitleNoMenu: title,
      LinkTitle: title,
      ItemChildCount: "0",
      FolderChildCount: "0",
    });
  }
  Object.assign(system, { _ComplianceFlags: "", _ComplianceTag: "", _ComplianceTagWrittenTime: "", _ComplianceTagUserId: "" });

  const out: Record<string, unknown> = { "@odata.etag": itemETag(item) };
  const put = (key: string, value: unknown) => {
    if (value !== undefined && value !== null) out[key] = value;
  };
  const idsOut = (column: ColumnDefinition, value: StoredValue | undefined) => {
    const ids = lookupIdsOf(value);
    if (valueKind(column) === "multiLookup") return context.behaviour.multiLookupIdShape === "numbers" ? ids : ids.map(String);
    return ids.length === 0 ? undefined : String(ids[0]);
  };

  if (!options.select) {
    for (const column of scope.columns) {
      if (column.hidden || column.system) continue;
      const kind = valueKind(column);
      if (kind === "lookup" || kind === "multiLookup") put(`${column.name}LookupId`, idsOut(column, stored[column.name]));
      else put(column.name, stored[column.name]);
    }
    for (const [key, value] of Object.entries(system)) put(key, value);
    return out;
  }

  let lookupsLeft = options.collection ? context.behaviour.lookupFieldLimit : Number.POSITIVE_INFINITY;
  for (const name of options.select) {
    if (name === "@odata.etag") continue;
    const column = scope.columns.find((c) => c.name === name);
    const baseColumn = name.endsWith("LookupId") ? scope.columns.find((c) => c.name === name.slice(0, -"LookupId".length)) : undefined;
    const baseKind = baseColumn ? valueKind(baseColumn) : undefined;
    if (baseColumn && (baseKind === "lookup" || baseKind === "multiLookup" || baseColumn.system === "author" || baseColumn.system === "editor")) {
      if (lookupsLeft-- <= 0) continue;
      if (baseColumn.system) put(name, system[name]);
      else put(name, idsOut(baseColumn, stored[baseColumn.name]));
      continue;
    }
    if (column && (column.system === "author" || column.system === "editor")) {
      if (lookupsLeft-- <= 0) continue;
      const target = lookupTargets(context, scope, column, [column.system === "author" ? item.author : item.editor])[0];
      put(name, context.behaviour.selectedLookupShape === "object" ? target : target?.LookupValue);
      continue;
    }
    if (column && !column.system) {
      const kind = valueKind(column);
      if (kind === "lookup" || kind === "multiLookup") {
        if (lookupsLeft-- <= 0) continue;
        const targets = lookupTargets(context, scope, column, lookupIdsOf(stored[column.name]));
        if (kind === "multiLookup") put(name, targets);
        else if (targets[0]) put(name, context.behaviour.selectedLookupShape === "object" ? targets[0] : targets[0].LookupValue);
        continue;
      }
      put(name, stored[column.name]);
      continue;
    }
    if (name === "ID") {
      put(name, item.id);
      continue;
    }
    if (name in system) {
      put(name, system[name]);
      continue;
    }
    if (name === "Title" || name === "FileLeafRef") continue;
    throw invalidRequest(`Field '${name}' is not recognized`);
  }
  return out;
}

export interface ItemRenderOptions {
  /** `$select` on the listItem's own properties. */
  select?: string[];
  expand: ExpandOption[];
  collection: boolean;
  /** For library items: renders the driveItem relationship when expanded. */
  driveItem?: (item: ItemRow) => Record<string, unknown> | undefined;
  fileWebUrl?: string;
  fileSize?: number;
}

/** A listItem as Graph returns it (4.1.2). */
export function itemJson(context: EmulatorContext, scope: ListScope, item: ItemRow, options: ItemRenderOptions): Record<string, unknown> {
  const { site, list } = scope;
  const etag = itemETag(item);
  const json: Record<string, unknown> = {
    "@odata.etag": etag,
    createdDateTime: item.created,
    eTag: etag,
    id: String(item.id),
    lastModifiedDateTime: item.modified,
    webUrl: options.fileWebUrl ?? `${listWebUrl(context, site, list)}/${item.id}_.000`,
    createdBy: identitySet(context, site, item.author),
    lastModifiedBy: identitySet(context, site, item.editor),
    parentReference: { id: list.id, siteId: site.id },
    contentType: { id: contentTypeId(list, item.content_type), name: item.content_type },
  };
  if (options.select) {
    const wanted = new Set(options.select.map((s) => s.toLowerCase()));
    for (const key of Object.keys(json)) {
      if (!key.startsWith("@") && !wanted.has(key.toLowerCase())) delete json[key];
    }
    if (wanted.has("sharepointids")) {
      json.sharepointIds = { listId: list.id, listItemId: String(item.id), listItemUniqueId: item.guid, siteId: site.site_guid, siteUrl: siteWebUrl(context, site), webId: site.web_guid };
    }
  }
  for (const expand of options.expand) {
    if (expand.name === "fields") {
      json["fields@odata.context"] = `${context.baseUrl}/$metadata#sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/items('${item.id}')/fields/$entity`;
      const renderOptions: RenderOptions = { collection: options.collection };
      if (expand.select) renderOptions.select = expand.select;
      if (options.fileSize !== undefined) renderOptions.fileSize = options.fileSize;
      json.fields = fieldsJson(context, scope, item, renderOptions);
    } else if (expand.name === "driveItem") {
      const driveItem = options.driveItem?.(item);
      if (driveItem) json.driveItem = driveItem;
    } else if (expand.name === "versions") {
      json.versions = versionsJson(context, scope, item);
    } else {
      throw invalidRequest(`Parsing OData Select and Expand failed: Could not find a property named '${expand.name}' on type 'microsoft.graph.listItem'.`);
    }
  }
  return json;
}

/** GET …/items/{id}/versions: newest first, ids "3.0", "2.0"… (4.5.2). */
export function versionsJson(context: EmulatorContext, scope: ListScope, item: ItemRow, withFields = false): Record<string, unknown>[] {
  return context.store.versionsOf(scope.list.id, item.id).map((version) => versionJson(context, scope, item, version, withFields));
}

export function versionJson(
  context: EmulatorContext,
  scope: ListScope,
  item: ItemRow,
  version: ItemVersionRow,
  withFields: boolean,
): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: `${version.version}.0`,
    lastModifiedDateTime: version.modified,
    lastModifiedBy: identitySet(context, scope.site, version.editor),
  };
  if (withFields) {
    const asItem: ItemRow = { ...item, version: version.version, modified: version.modified, editor: version.editor, fields: version.fields };
    json.fields = fieldsJson(context, scope, asItem, { collection: false });
  }
  return json;
}
