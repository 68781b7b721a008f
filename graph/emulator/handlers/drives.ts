/** Drives, driveItems, simple uploads, downloads and file versions (graph-contract.md section 5). */
import type { EmulatorContext, ListScope } from "../context";
import { GraphHttpError, invalidRequest, notFound } from "../errors";
import { header, jsonObject, jsonResponse, noContent, redirect, refuseOptions, type EmulatorRequest, type EmulatorResponse } from "../http";
import {
  checkName,
  createFolder,
  deleteDriveItem,
  downloadUrl,
  driveItemETag,
  driveItemJson,
  driveJson,
  ensureFolders,
  fileContent,
  fileVersionsJson,
  fileWebUrl,
  libraryScope,
  mimeTypeOf,
  parseConflictBehavior,
  putFile,
  replaceContent,
  syncFromListItem,
  verifyDownload,
  walkPath,
} from "../model/drives";
import { checkIfMatch, fieldsJson, itemJson, updateItem } from "../model/items";
import { parseExpand, parseSelect, rebuildQuery } from "../odata/query-options";
import type { DriveItemRow, SiteRow } from "../store/store";
import { pageSize } from "./items";

export type Library = ListScope & { driveId: string };

/** How a path names a driveItem: the root, an id, and possibly a `:/relative/path:` after it. */
export interface ItemAddress {
  base: { kind: "root" } | { kind: "id"; id: string };
  path?: string;
}

export function siteDefaultDrive(context: EmulatorContext, site: SiteRow): Library {
  const list = context.store.listsOfSite(site.id).find((l) => l.template === "documentLibrary" && l.url_name === "Shared Documents");
  if (!list?.drive_id) throw notFound("The site has no default document library.");
  return { site, list, columns: context.store.columnsOf(list.id), driveId: list.drive_id };
}

export function driveOfSite(context: EmulatorContext, site: SiteRow, driveId: string): Library {
  const library = libraryScope(context, driveId);
  if (library.site.id !== site.id) throw notFound("The drive could not be found.");
  return library;
}

export function driveOfList(scope: ListScope): Library {
  if (!scope.list.drive_id) throw notFound("The list is not a document library.");
  return { ...scope, driveId: scope.list.drive_id };
}

export function getDrives(context: EmulatorContext, request: EmulatorRequest, site: SiteRow): EmulatorResponse {
  refuseOptions(request, ["filter", "orderby", "top", "skiptoken", "skip", "count", "search"]);
  const value = context.store
    .listsOfSite(site.id)
    .filter((list) => list.drive_id && list.system === 0)
    .map((list) => driveJson(context, site, list));
  return jsonResponse(200, { "@odata.context": `${context.baseUrl}/$metadata#drives`, value });
}

export function getDrive(context: EmulatorContext, library: Library): EmulatorResponse {
  return jsonResponse(200, { "@odata.context": `${context.baseUrl}/$metadata#drives/$entity`, ...driveJson(context, library.site, library.list) });
}

function baseItem(context: EmulatorContext, library: Library, address: ItemAddress): DriveItemRow {
  const row = address.base.kind === "root" ? context.store.driveRoot(library.driveId) : context.store.driveItemById(library.driveId, address.base.id);
  if (!row) throw notFound("The resource could not be found.");
  return row;
}

/** The driveItem a path names; 404 when it does not exist. */
export function existingItem(context: EmulatorContext, library: Library, address: ItemAddress): DriveItemRow {
  const base = baseItem(context, library, address);
  if (address.path === undefined) return base;
  const walked = walkPath(context, base, address.path);
  if (!walked.item) throw notFound("The resource could not be found.");
  return walked.item;
}

function single(context: EmulatorContext, request: EmulatorRequest, library: Library, row: DriveItemRow): Record<string, unknown> {
  const select = parseSelect(request.query.get("select"));
  let expand;
  try {
    expand = parseExpand(request.query.get("expand"));
  } catch (error) {
    throw invalidRequest((error as Error).message);
  }
  return driveItemJson(context, library, row, { single: true, expand, ...(select ? { select } : {}) });
}

export function getDriveItem(context: EmulatorContext, request: EmulatorRequest, library: Library, address: ItemAddress): EmulatorResponse {
  return jsonResponse(200, single(context, request, library, existingItem(context, library, address)));
}

/** PATCH a driveItem: rename (`name`) and/or move (`parentReference.id`). */
export function patchDriveItem(context: EmulatorContext, request: EmulatorRequest, library: Library, address: ItemAddress): EmulatorResponse {
  const row = existingItem(context, library, address);
  if (row.parent_id === null) throw new GraphHttpError(403, "accessDenied", "The root folder cannot be changed.");
  const body = jsonObject(request);
  const listItem = context.store.itemById(library.list.id, row.list_item_id!)!;
  checkIfMatch(context, header(request, "if-match"), driveItemETag(row, listItem));
  let next = row;
  context.store.transaction(() => {
    const parentId = (body.parentReference as { id?: unknown } | undefined)?.id;
    if (typeof parentId === "string" && parentId !== row.parent_id) {
      const parent = context.store.driveItemById(library.driveId, parentId);
      if (!parent?.is_folder) throw invalidRequest("The new parent must be a folder of the same drive.");
      if (context.store.childByName(library.driveId, parent.id, typeof body.name === "string" ? body.name : row.name)) {
        throw new GraphHttpError(409, "nameAlreadyExists", "The specified item name already exists.");
      }
      next = { ...next, parent_id: parent.id };
      context.store.updateDriveItem(next);
    }
    const name = typeof body.name === "string" ? body.name : undefined;
    if (name !== undefined) checkName(name);
    const { item, rename } = updateItem(context, library, listItem, name !== undefined ? { FileLeafRef: name } : {});
    next = syncFromListItem(context, next, item, rename);
  });
  return jsonResponse(200, single(context, request, library, next));
}

export function deleteDriveItemHandler(context: EmulatorContext, request: EmulatorRequest, library: Library, address: ItemAddress): EmulatorResponse {
  deleteDriveItem(context, library, existingItem(context, library, address), header(request, "if-match"));
  return noContent();
}

/** GET …/children, 200 per page with a skiptoken nextLink (4.4.5: drive children default to 200). */
export function getChildren(context: EmulatorContext, request: EmulatorRequest, library: Library, address: ItemAddress): EmulatorResponse {
  refuseOptions(request, ["filter", "orderby", "skip", "count", "search"]);
  const folder = existingItem(context, library, address);
  if (!folder.is_folder) throw invalidRequest("A file has no children.");
  const top = pageSize(context, request);
  const skiptoken = request.query.get("skiptoken");
  const after = skiptoken === undefined ? undefined : Buffer.from(skiptoken, "base64url").toString("utf8");
  const rows = context.store.children(library.driveId, folder.id, after, top + 1);
  const page = rows.slice(0, top);
  const select = parseSelect(request.query.get("select"));
  const expand = parseExpand(request.query.get("expand"));
  const body: Record<string, unknown> = { "@odata.context": `${context.baseUrl}/$metadata#drives('${encodeURIComponent(library.driveId)}')/items` };
  if (rows.length > top) {
    const token = Buffer.from(page[page.length - 1]!.name).toString("base64url");
    body["@odata.nextLink"] = `${context.baseUrl}/${request.path}?${rebuildQuery(request.query, ["skiptoken"], [`$skiptoken=${token}`])}`;
  }
  body.value = page.map((row) => driveItemJson(context, library, row, { single: false, expand, ...(select ? { select } : {}) }));
  return jsonResponse(200, body);
}

/** POST …/children `{"name","folder":{}}` → 201 folder. */
export function postChild(context: EmulatorContext, request: EmulatorRequest, library: Library, address: ItemAddress): EmulatorResponse {
  const parent = existingItem(context, library, address);
  if (!parent.is_folder) throw invalidRequest("Items can only be created in a folder.");
  const body = jsonObject(request);
  if (typeof body.name !== "string") throw invalidRequest("A new item needs a 'name'.");
  if (body.folder === undefined) throw invalidRequest("Only folders can be created this way; upload files with PUT …/content.");
  const conflict = parseConflictBehavior(body["@microsoft.graph.conflictBehavior"], "fail");
  const folder = createFolder(context, library, parent, body.name, conflict);
  return jsonResponse(201, driveItemJson(context, library, folder, { single: true }));
}

function conflictFromQuery(request: EmulatorRequest) {
  return parseConflictBehavior(request.query.get("@microsoft.graph.conflictbehavior"), "replace");
}

/** PUT …/content: a simple upload (5.1–5.3), 201 for a new file, 200 for a new version. */
export function putContent(context: EmulatorContext, request: EmulatorRequest, library: Library, address: ItemAddress): EmulatorResponse {
  if (request.body.length > context.behaviour.maxSimpleUploadBytes) {
    throw new GraphHttpError(413, "invalidRequest", `The file is larger than ${context.behaviour.maxSimpleUploadBytes} bytes: use an upload session.`, {
      innerCode: "maxFileSizeExceeded",
    });
  }
  const ifMatch = header(request, "if-match");
  const base = baseItem(context, library, address);
  if (address.path === undefined) {
    const row = replaceContent(context, library, base, request.body, ifMatch);
    return jsonResponse(200, driveItemJson(context, library, row, { single: true }));
  }
  const walked = walkPath(context, base, address.path);
  if (walked.item) {
    const conflict = conflictFromQuery(request);
    const parent = context.store.driveItemById(library.driveId, walked.item.parent_id!)!;
    const { item, created } = putFile(context, library, parent, walked.item.name, request.body, conflict, ifMatch);
    return jsonResponse(created ? 201 : 200, driveItemJson(context, library, item, { single: true }));
  }
  const name = walked.missing[walked.missing.length - 1]!;
  const { item } = context.store.transaction(() => {
    const parent = ensureFolders(context, library, walked.parent, walked.missing.slice(0, -1));
    return putFile(context, library, parent, name, request.body, conflictFromQuery(request));
  });
  return jsonResponse(201, driveItemJson(context, library, item, { single: true }));
}

function contentResponse(context: EmulatorContext, library: Library, row: DriveItemRow, version?: number): EmulatorResponse {
  if (row.is_folder) throw invalidRequest("A folder has no content.");
  if (context.behaviour.downloadRedirect) return redirect(downloadUrl(context, row, version));
  const data = fileContent(context, library, row, version);
  return { status: 200, headers: { "Content-Type": row.mime ?? mimeTypeOf(row.name) }, bytes: data };
}

/** GET …/content: 302 to a pre-authenticated URL (5.11), or 200 with the bytes if configured. */
export function getContent(context: EmulatorContext, library: Library, address: ItemAddress): EmulatorResponse {
  return contentResponse(context, library, existingItem(context, library, address));
}

/** The pre-authenticated download URL (no Authorization needed). */
export function download(context: EmulatorContext, request: EmulatorRequest): EmulatorResponse {
  const params = {
    drive: request.query.get("drive"),
    item: request.query.get("item"),
    version: request.query.get("version"),
    expires: request.query.get("expires"),
    tempauth: request.query.get("tempauth"),
  };
  if (!verifyDownload(context, params)) throw new GraphHttpError(401, "unauthenticated", "The download URL is not valid or has expired.");
  const library = libraryScope(context, params.drive!);
  const row = context.store.driveItemById(library.driveId, params.item!);
  if (!row) throw notFound();
  const version = Number(params.version);
  return { status: 200, headers: { "Content-Type": row.mime ?? mimeTypeOf(row.name) }, bytes: fileContent(context, library, row, version || undefined) };
}

export function getFileVersions(context: EmulatorContext, library: Library, address: ItemAddress): EmulatorResponse {
  const row = existingItem(context, library, address);
  return jsonResponse(200, {
    "@odata.context": `${context.baseUrl}/$metadata#drives('${encodeURIComponent(library.driveId)}')/items('${row.id}')/versions`,
    value: fileVersionsJson(context, library, row),
  });
}

function versionNumber(ref: string): number {
  const number = /^\d+(\.0)?$/.test(ref) ? parseInt(ref, 10) : NaN;
  if (!Number.isSafeInteger(number)) throw notFound("The version could not be found.");
  return number;
}

export function getFileVersion(context: EmulatorContext, library: Library, address: ItemAddress, versionRef: string): EmulatorResponse {
  const row = existingItem(context, library, address);
  const id = `${versionNumber(versionRef)}.0`;
  const version = fileVersionsJson(context, library, row).find((v) => v.id === id);
  if (!version) throw notFound("The version could not be found.");
  return jsonResponse(200, version);
}

export function getFileVersionContent(context: EmulatorContext, library: Library, address: ItemAddress, versionRef: string): EmulatorResponse {
  const row = existingItem(context, library, address);
  const number = versionNumber(versionRef);
  if (!context.store.versionOf(library.list.id, row.list_item_id!, number)) throw notFound("The version could not be found.");
  return contentResponse(context, library, row, number);
}

function listItemOf(context: EmulatorContext, library: Library, address: ItemAddress) {
  const row = existingItem(context, library, address);
  if (row.list_item_id === null) throw notFound("The root folder has no list item.");
  return { row, item: context.store.itemById(library.list.id, row.list_item_id)! };
}

/** GET …/items/{id}/listItem (5.10). */
export function getDriveListItem(context: EmulatorContext, request: EmulatorRequest, library: Library, address: ItemAddress): EmulatorResponse {
  const { row, item } = listItemOf(context, library, address);
  const select = parseSelect(request.query.get("select"));
  return jsonResponse(
    200,
    itemJson(context, library, item, {
      expand: parseExpand(request.query.get("expand")),
      collection: false,
      fileWebUrl: fileWebUrl(context, library, row, item),
      fileSize: row.size,
      ...(select ? { select } : {}),
    }),
  );
}

export function getDriveListItemFields(context: EmulatorContext, request: EmulatorRequest, library: Library, address: ItemAddress): EmulatorResponse {
  const { row, item } = listItemOf(context, library, address);
  const select = parseSelect(request.query.get("select"));
  return jsonResponse(200, fieldsJson(context, library, item, { collection: false, fileSize: row.size, ...(select ? { select } : {}) }));
}

/** PATCH …/items/{id}/listItem/fields: the library's own columns of a file (5.10). */
export function patchDriveListItemFields(context: EmulatorContext, request: EmulatorRequest, library: Library, address: ItemAddress): EmulatorResponse {
  const { row, item } = listItemOf(context, library, address);
  const ifMatch = header(request, "if-match");
  const result = context.store.transaction(() => {
    const { item: updated, rename } = updateItem(context, library, item, jsonObject(request), ifMatch !== undefined ? { ifMatch } : {});
    const file = syncFromListItem(context, row, updated, rename);
    return { updated, file };
  });
  return jsonResponse(200, fieldsJson(context, library, result.updated, { collection: false, fileSize: result.file.size }));
}
