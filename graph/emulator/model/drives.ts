/**
 * Document libraries seen as drives (graph-contract.md section 5): files and folders are
 * driveItems backed by the library's list items, so a file's versions are its list item's
 * versions, its eTag `"{GUID},{n}"` follows the item's version and its cTag `"c:{GUID},{n}"`
 * the content's. Path uploads create missing folders.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { EmulatorContext, ListScope } from "../context";
import { GraphHttpError, invalidRequest, notFound } from "../errors";
import { driveItemId, isoSeconds } from "../ids";
import type { ExpandOption } from "../odata/query-options";
import type { DriveItemRow, ItemRow, ListRow, SiteRow } from "../store/store";
import { CONTENT_TYPES, checkIfMatch, createItem, deleteItem, identitySet, itemJson, listWebUrl, siteWebUrl, updateItem } from "./items";
import { quickXorHash } from "./quick-xor-hash";

export type ConflictBehavior = "fail" | "replace" | "rename";

const MIME_TYPES: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  doc: "application/msword",
  pdf: "application/pdf",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  xml: "application/xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  zip: "application/zip",
};

const OFFICE = new Set(["docx", "xlsx", "pptx", "doc", "xls", "ppt"]);

/** 5.4: the server decides the mime type, here from the extension. */
export function mimeTypeOf(name: string): string {
  const extension = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
  return MIME_TYPES[extension] ?? "application/octet-stream";
}

/** Names SharePoint refuses: empty, reserved characters, leading/trailing spaces or dots. */
export function checkName(name: string): void {
  if (name === "" || /["*:<>?/\\|]/.test(name) || name !== name.trim() || name.endsWith(".") || name === "." || name === "..") {
    throw invalidRequest(`The name '${name}' contains characters that are not allowed.`);
  }
}

export function parseConflictBehavior(value: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (value === undefined || value === null || value === "") return fallback;
  if (value === "fail" || value === "replace" || value === "rename") return value;
  throw invalidRequest(`'${String(value)}' is not a valid conflict behavior (fail, replace or rename).`);
}

/** The library list behind a drive, with its site and columns. */
export function libraryScope(context: EmulatorContext, driveId: string): ListScope & { driveId: string } {
  const list = context.store.listByDrive(driveId);
  if (!list) throw notFound("The drive could not be found.");
  const site = context.store.siteById(list.site_id)!;
  return { site, list, columns: context.store.columnsOf(list.id), driveId };
}

export function driveJson(context: EmulatorContext, site: SiteRow, list: ListRow): Record<string, unknown> {
  return {
    createdDateTime: list.created,
    description: list.description,
    id: list.drive_id,
    lastModifiedDateTime: list.modified,
    name: list.display_name,
    webUrl: listWebUrl(context, site, list),
    driveType: "documentLibrary",
    createdBy: { user: { displayName: "System Account" } },
    owner: { group: { displayName: `${site.display_name} Owners` } },
    quota: { deleted: 0, remaining: 27487790694400, state: "normal", total: 27487790694400, used: 0 },
  };
}

/** The folder path of an item inside its drive: `` for the root, `Report 12/Annexes` below. */
export function folderPathOf(context: EmulatorContext, item: DriveItemRow): string {
  const names: string[] = [];
  let current: DriveItemRow | undefined = item;
  while (current && current.parent_id !== null) {
    names.unshift(current.name);
    current = context.store.driveItemById(item.drive_id, current.parent_id);
  }
  return names.join("/");
}

/** Walks a `root:/a/b/c` path. Returns the item if it exists, else the deepest existing folder and what is missing. */
export function walkPath(
  context: EmulatorContext,
  start: DriveItemRow,
  relativePath: string,
): { item?: DriveItemRow; parent: DriveItemRow; missing: string[] } {
  const segments = relativePath.split("/").filter((s) => s !== "");
  let current = start;
  for (let index = 0; index < segments.length; index++) {
    const child = context.store.childByName(start.drive_id, current.id, segments[index]!);
    if (!child) return { parent: current, missing: segments.slice(index) };
    if (!child.is_folder && index < segments.length - 1) throw invalidRequest(`'${child.name}' is a file, not a folder.`);
    current = child;
  }
  return { item: current, parent: context.store.driveItemById(start.drive_id, current.parent_id ?? current.id) ?? current, missing: [] };
}

function newFolder(context: EmulatorContext, scope: ListScope & { driveId: string }, parent: DriveItemRow, name: string): DriveItemRow {
  checkName(name);
  const listItem = createItem(context, scope, {}, { contentType: CONTENT_TYPES.folder, systemFields: { FileLeafRef: name } });
  const row: DriveItemRow = {
    id: driveItemId(),
    drive_id: scope.driveId,
    parent_id: parent.id,
    name,
    is_folder: 1,
    list_item_id: listItem.id,
    size: 0,
    blob_id: null,
    mime: null,
    content_version: 0,
    created: listItem.created,
    modified: listItem.modified,
  };
  context.store.insertDriveItem(row);
  return row;
}

/** Creates the missing folders of a path (uploads create them implicitly). */
export function ensureFolders(context: EmulatorContext, scope: ListScope & { driveId: string }, parent: DriveItemRow, names: string[]): DriveItemRow {
  let current = parent;
  for (const name of names) {
    current = context.store.childByName(scope.driveId, current.id, name) ?? newFolder(context, scope, current, name);
  }
  return current;
}

/** `report.docx` taken → `report 1.docx`, `report 2.docx`… */
function freeName(context: EmulatorContext, driveId: string, parentId: string, name: string): string {
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : "";
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${extension}`;
    if (!context.store.childByName(driveId, parentId, candidate)) return candidate;
  }
}

export function nameConflict(): GraphHttpError {
  return new GraphHttpError(409, "nameAlreadyExists", "The specified item name already exists.");
}

/**
 * Writes a file under a folder (5.1, 5.3): a new file, or a new version of the existing one
 * (`replace`), or a renamed copy (`rename`); `fail` refuses an existing name with 409.
 */
export function putFile(
  context: EmulatorContext,
  scope: ListScope & { driveId: string },
  parent: DriveItemRow,
  name: string,
  content: Buffer,
  conflict: ConflictBehavior,
  ifMatch?: string,
): { item: DriveItemRow; created: boolean } {
  checkName(name);
  const { store } = context;
  return store.transaction(() => {
    let finalName = name;
    const existing = store.childByName(scope.driveId, parent.id, name);
    if (existing) {
      if (existing.is_folder) throw nameConflict();
      if (conflict === "fail") throw nameConflict();
      if (conflict === "replace") return { item: replaceContent(context, scope, existing, content, ifMatch), created: false };
      finalName = freeName(context, scope.driveId, parent.id, name);
    }
    const blobId = store.insertBlob(content, quickXorHash(content));
    const listItem = createItem(
      context,
      scope,
      {},
      { contentType: CONTENT_TYPES.document, systemFields: { FileLeafRef: finalName }, blob: { id: blobId, size: content.length } },
    );
    const row: DriveItemRow = {
      id: driveItemId(),
      drive_id: scope.driveId,
      parent_id: parent.id,
      name: finalName,
      is_folder: 0,
      list_item_id: listItem.id,
      size: content.length,
      blob_id: blobId,
      mime: mimeTypeOf(finalName),
      content_version: 1,
      created: listItem.created,
      modified: listItem.modified,
    };
    store.insertDriveItem(row);
    return { item: row, created: true };
  });
}

/** New content for an existing file: a new version (eTag and cTag change). */
export function replaceContent(
  context: EmulatorContext,
  scope: ListScope & { driveId: string },
  file: DriveItemRow,
  content: Buffer,
  ifMatch?: string,
): DriveItemRow {
  const { store } = context;
  if (file.is_folder) throw invalidRequest("A folder has no content.");
  return store.transaction(() => {
    const listItem = store.itemById(scope.list.id, file.list_item_id!)!;
    const blobId = store.insertBlob(content, quickXorHash(content));
    const { item } = updateItem(context, scope, listItem, {}, { blob: { id: blobId, size: content.length }, ...(ifMatch ? { ifMatch } : {}) });
    const next: DriveItemRow = { ...file, size: content.length, blob_id: blobId, content_version: file.content_version + 1, modified: item.modified };
    store.updateDriveItem(next);
    return next;
  });
}

/** After a listItem/fields write: keep the driveItem's name and times in step. */
export function syncFromListItem(context: EmulatorContext, file: DriveItemRow, item: ItemRow, rename: string | undefined): DriveItemRow {
  const next: DriveItemRow = { ...file, modified: item.modified };
  if (rename !== undefined && rename !== file.name) {
    checkName(rename);
    const clash = context.store.childByName(file.drive_id, file.parent_id!, rename);
    if (clash && clash.id !== file.id) throw nameConflict();
    next.name = rename;
    if (!file.is_folder) next.mime = mimeTypeOf(rename);
  }
  context.store.updateDriveItem(next);
  return next;
}

export function createFolder(
  context: EmulatorContext,
  scope: ListScope & { driveId: string },
  parent: DriveItemRow,
  name: string,
  conflict: ConflictBehavior,
): DriveItemRow {
  return context.store.transaction(() => {
    const existing = context.store.childByName(scope.driveId, parent.id, name);
    if (existing) {
      if (conflict === "fail") throw nameConflict();
      if (conflict === "replace" && existing.is_folder) return existing;
      if (conflict === "replace") throw nameConflict();
      return newFolder(context, scope, parent, freeName(context, scope.driveId, parent.id, name));
    }
    return newFolder(context, scope, parent, name);
  });
}

export function deleteDriveItem(context: EmulatorContext, scope: ListScope & { driveId: string }, item: DriveItemRow, ifMatch: string | undefined): void {
  if (item.parent_id === null) throw new GraphHttpError(403, "accessDenied", "The root folder cannot be deleted.");
  const { store } = context;
  const listItem = store.itemById(scope.list.id, item.list_item_id!)!;
  checkIfMatch(context, ifMatch, driveItemETag(item, listItem));
  store.transaction(() => {
    const remove = (row: DriveItemRow) => {
      for (const child of store.children(row.drive_id, row.id, undefined, Number.MAX_SAFE_INTEGER)) remove(child);
      const childItem = store.itemById(scope.list.id, row.list_item_id!);
      if (childItem) deleteItem(context, scope, childItem, undefined);
      store.deleteDriveItem(row.id);
    };
    remove(item);
  });
}

export function driveItemETag(row: DriveItemRow, listItem: ItemRow | undefined): string {
  if (!listItem) return `"{${row.id}},1"`;
  return `"{${listItem.guid.toUpperCase()}},${listItem.version}"`;
}

function cTag(row: DriveItemRow, listItem: ItemRow): string {
  return `"c:{${listItem.guid.toUpperCase()}},${row.content_version}"`;
}

function sign(context: EmulatorContext, payload: string): string {
  return createHmac("sha256", context.downloadSecret).update(payload).digest("base64url");
}

/** A pre-authenticated download URL valid for an hour (5.9, 5.11). */
export function downloadUrl(context: EmulatorContext, row: DriveItemRow, version?: number): string {
  const expires = context.now() + 60 * 60 * 1000;
  const payload = `${row.drive_id}|${row.id}|${version ?? 0}|${expires}`;
  const params = new URLSearchParams({ drive: row.drive_id, item: row.id, version: String(version ?? 0), expires: String(expires), tempauth: sign(context, payload) });
  return `${context.baseUrl}/_download?${params.toString()}`;
}

export function verifyDownload(context: EmulatorContext, params: { drive?: string; item?: string; version?: string; expires?: string; tempauth?: string }): boolean {
  const { drive, item, version, expires, tempauth } = params;
  if (!drive || !item || !version || !expires || !tempauth) return false;
  if (Number(expires) < context.now()) return false;
  const expected = Buffer.from(sign(context, `${drive}|${item}|${version}|${expires}`));
  const given = Buffer.from(tempauth);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function fileWebUrl(context: EmulatorContext, scope: ListScope, row: DriveItemRow, listItem: ItemRow | undefined): string {
  const folder = folderPathOf(context, row);
  const extension = row.name.includes(".") ? row.name.split(".").pop()!.toLowerCase() : "";
  if (!row.is_folder && OFFICE.has(extension) && listItem) {
    const params = `sourcedoc=%7B${listItem.guid.toUpperCase()}%7D&file=${encodeURIComponent(row.name)}&action=default&mobileredirect=true`;
    return `${siteWebUrl(context, scope.site)}/_layouts/15/Doc.aspx?${params}`;
  }
  const base = listWebUrl(context, scope.site, scope.list);
  return folder === "" ? base : `${base}/${encodeURI(folder)}`;
}

export interface DriveItemRenderOptions {
  select?: string[];
  expand?: ExpandOption[];
  /** Single-item responses carry `@odata.context` and the download URL. */
  single: boolean;
}

/** A driveItem as Graph returns it (5.9). */
export function driveItemJson(
  context: EmulatorContext,
  scope: ListScope & { driveId: string },
  row: DriveItemRow,
  options: DriveItemRenderOptions,
): Record<string, unknown> {
  const { store } = context;
  const listItem = row.list_item_id === null ? undefined : store.itemById(scope.list.id, row.list_item_id);
  const parent = row.parent_id === null ? undefined : store.driveItemById(row.drive_id, row.parent_id);
  const parentFolder = parent ? folderPathOf(context, parent) : "";
  const identity = identitySet(context, scope.site, listItem?.editor ?? 1073741822);
  const json: Record<string, unknown> = {};
  if (options.single) json["@odata.context"] = `${context.baseUrl}/$metadata#drives('${encodeURIComponent(row.drive_id)}')/items/$entity`;
  if (options.single && !row.is_folder) json["@microsoft.graph.downloadUrl"] = downloadUrl(context, row);
  Object.assign(json, {
    createdBy: listItem ? identitySet(context, scope.site, listItem.author) : identity,
    createdDateTime: row.created,
    eTag: driveItemETag(row, listItem),
    id: row.id,
    lastModifiedBy: identity,
    lastModifiedDateTime: row.modified,
    name: row.name,
    parentReference: {
      driveType: "documentLibrary",
      driveId: row.drive_id,
      ...(parent ? { id: parent.id, path: `/drives/${row.drive_id}/root:${parentFolder === "" ? "" : `/${parentFolder}`}` } : {}),
      siteId: scope.site.id,
    },
    webUrl: row.parent_id === null ? listWebUrl(context, scope.site, scope.list) : fileWebUrl(context, scope, row, listItem),
  });
  if (!row.is_folder && listItem) {
    json.cTag = cTag(row, listItem);
    json.file = { hashes: { quickXorHash: store.blobHash(row.blob_id!) ?? "" }, mimeType: row.mime ?? mimeTypeOf(row.name) };
  }
  json.fileSystemInfo = { createdDateTime: row.created, lastModifiedDateTime: row.modified };
  if (row.is_folder) json.folder = { childCount: store.childCount(row.drive_id, row.id) };
  if (row.parent_id === null) json.root = {};
  json.size = row.is_folder ? 0 : row.size;
  if (options.select) {
    const wanted = new Set(options.select.map((s) => s.toLowerCase()));
    for (const key of Object.keys(json)) {
      if (!key.startsWith("@") && !wanted.has(key.toLowerCase())) delete json[key];
    }
    if (wanted.has("sharepointids") && listItem) {
      json.sharepointIds = {
        listId: scope.list.id,
        listItemId: String(listItem.id),
        listItemUniqueId: listItem.guid,
        siteId: scope.site.site_guid,
        siteUrl: siteWebUrl(context, scope.site),
        webId: scope.site.web_guid,
      };
    }
  }
  for (const expand of options.expand ?? []) {
    if (expand.name === "listItem" && listItem) {
      json.listItem = itemJson(context, scope, listItem, {
        expand: expand.expand ?? [],
        ...(expand.select ? { select: expand.select } : {}),
        collection: false,
        fileWebUrl: fileWebUrl(context, scope, row, listItem),
        fileSize: row.size,
      });
    } else if (expand.name !== "listItem" && expand.name !== "children") {
      throw invalidRequest(`Parsing OData Select and Expand failed: Could not find a property named '${expand.name}' on type 'microsoft.graph.driveItem'.`);
    }
  }
  return json;
}

/** GET /drives/{d}/items/{id}/versions: newest first, with sizes (4.5.2). */
export function fileVersionsJson(context: EmulatorContext, scope: ListScope & { driveId: string }, row: DriveItemRow): Record<string, unknown>[] {
  if (row.is_folder || row.list_item_id === null) throw invalidRequest("A folder has no versions.");
  return context.store.versionsOf(scope.list.id, row.list_item_id).map((version) => ({
    "@microsoft.graph.downloadUrl": downloadUrl(context, row, version.version),
    id: `${version.version}.0`,
    lastModifiedBy: identitySet(context, scope.site, version.editor),
    lastModifiedDateTime: version.modified,
    size: version.size ?? 0,
  }));
}

export function fileContent(context: EmulatorContext, scope: ListScope, row: DriveItemRow, version?: number): Buffer {
  if (row.is_folder) throw invalidRequest("A folder has no content.");
  let blobId = row.blob_id;
  if (version !== undefined && version !== 0) {
    const stored = context.store.versionOf(scope.list.id, row.list_item_id!, version);
    if (!stored) throw notFound("The version could not be found.");
    blobId = stored.blob_id;
  }
  const blob = blobId === null ? undefined : context.store.blob(blobId);
  return blob?.data ?? Buffer.alloc(0);
}

export function newTimestamp(context: EmulatorContext): string {
  return isoSeconds(context.now());
}
