/** List items: CRUD, queries and versions (graph-contract.md 4.1–4.5). */
import type { EmulatorContext, ListScope } from "../context";
import { invalidRequest, notFound } from "../errors";
import { header, jsonObject, jsonResponse, noContent, type EmulatorRequest, type EmulatorResponse } from "../http";
import { deleteDriveItem, driveItemJson, fileWebUrl, syncFromListItem } from "../model/drives";
import { PREFER_NON_INDEXED, queryItems } from "../model/items-query";
import { createItem, deleteItem, fieldsJson, itemJson, updateItem, versionJson, versionsJson, type ItemRenderOptions } from "../model/items";
import { parseExpand, parseSelect, rebuildQuery, type ExpandOption } from "../odata/query-options";
import type { ItemRow } from "../store/store";

export function prefersNonIndexed(request: EmulatorRequest): boolean {
  const prefer = header(request, "prefer") ?? "";
  return prefer
    .split(",")
    .map((part) => part.trim().toLowerCase())
    .includes(PREFER_NON_INDEXED.toLowerCase());
}

function parseExpandOption(request: EmulatorRequest): ExpandOption[] {
  try {
    return parseExpand(request.query.get("expand"));
  } catch (error) {
    throw invalidRequest((error as Error).message);
  }
}

function findItem(context: EmulatorContext, scope: ListScope, ref: string): ItemRow {
  const id = /^\d+$/.test(ref) ? Number(ref) : NaN;
  const item = Number.isSafeInteger(id) ? context.store.itemById(scope.list.id, id) : undefined;
  if (!item) throw notFound("The resource could not be found.");
  return item;
}

/** The extras a document library's item needs: its file's URL and size, its driveItem. */
export function renderOptionsFor(context: EmulatorContext, scope: ListScope, item: ItemRow, base: ItemRenderOptions): ItemRenderOptions {
  if (!scope.list.drive_id) return base;
  const driveId = scope.list.drive_id;
  const file = context.store.driveItemByListItem(driveId, item.id);
  if (!file) return base;
  const library = { ...scope, driveId };
  return {
    ...base,
    fileWebUrl: fileWebUrl(context, scope, file, item),
    fileSize: file.size,
    driveItem: () => driveItemJson(context, library, file, { single: false }),
  };
}

/** The page size asked for, within the configured bounds (4.4.5). */
export function pageSize(context: EmulatorContext, request: EmulatorRequest): number {
  const raw = request.query.get("top");
  if (raw === undefined) return context.behaviour.defaultPageSize;
  const top = Number(raw);
  if (!Number.isInteger(top) || top < 1) throw invalidRequest(`Invalid $top value '${raw}'.`, "invalidQueryOption");
  return Math.min(top, context.behaviour.maxPageSize);
}

/** 4.4.6: $count and $skip are refused; only URLs the API returns can page. */
export function refuseCountAndSkip(request: EmulatorRequest): void {
  for (const option of ["count", "skip"]) {
    if (request.query.has(option)) {
      throw invalidRequest(`$${option} is not supported on this API. Only URLs returned by the API can be used to page.`, "invalidQueryOption");
    }
  }
}

/** GET …/items with $filter, $orderby, $top, $select, $expand and skiptoken nextLinks (4.4). */
export function getItems(context: EmulatorContext, request: EmulatorRequest, scope: ListScope): EmulatorResponse {
  refuseCountAndSkip(request);
  const expand = parseExpandOption(request);
  const select = parseSelect(request.query.get("select"));
  const skiptoken = request.query.get("skiptoken");
  const preferNonIndexed = prefersNonIndexed(request) || (skiptoken !== undefined && !context.behaviour.nextLinkRequiresPrefer);
  const top = pageSize(context, request);
  const filter = request.query.get("filter");
  const orderby = request.query.get("orderby");
  const page = queryItems(context, scope, {
    top,
    preferNonIndexed,
    ...(filter !== undefined ? { filter } : {}),
    ...(orderby !== undefined ? { orderby } : {}),
    ...(skiptoken !== undefined ? { skiptoken } : {}),
  });
  const base: ItemRenderOptions = { expand, collection: true, ...(select ? { select } : {}) };
  const value = page.rows.map((item) => itemJson(context, scope, item, renderOptionsFor(context, scope, item, base)));
  const withFields = expand.some((e) => e.name === "fields");
  const body: Record<string, unknown> = {
    "@odata.context": `${context.baseUrl}/$metadata#sites('${encodeURIComponent(scope.site.id)}')/lists('${scope.list.id}')/items${withFields ? "(fields())" : ""}`,
  };
  if (page.nextSkipToken) {
    const query = rebuildQuery(request.query, ["skiptoken"], [`$skiptoken=${encodeURIComponent(page.nextSkipToken)}`]);
    body["@odata.nextLink"] = `${context.baseUrl}/${request.path}?${query}`;
  }
  body.value = value;
  return jsonResponse(200, body);
}

function refuseLibrary(scope: ListScope): void {
  if (scope.list.template === "documentLibrary") {
    throw invalidRequest("Files and folders should only be added to a DocumentLibrary via the OneDrive API");
  }
}

/** POST …/items `{"fields":{…}}` → 201 with the item and its fields (4.3.2). */
export function postItem(context: EmulatorContext, request: EmulatorRequest, scope: ListScope): EmulatorResponse {
  refuseLibrary(scope);
  const body = jsonObject(request);
  const fields = body.fields ?? {};
  if (fields === null || typeof fields !== "object" || Array.isArray(fields)) throw invalidRequest("'fields' must be an object.");
  const item = createItem(context, scope, fields as Record<string, unknown>);
  return jsonResponse(201, {
    "@odata.context": `${context.baseUrl}/$metadata#sites('${encodeURIComponent(scope.site.id)}')/lists('${scope.list.id}')/items/$entity`,
    ...itemJson(context, scope, item, { expand: [{ name: "fields" }], collection: false }),
  });
}

export function getItem(context: EmulatorContext, request: EmulatorRequest, scope: ListScope, ref: string): EmulatorResponse {
  const item = findItem(context, scope, ref);
  const select = parseSelect(request.query.get("select"));
  const options = renderOptionsFor(context, scope, item, { expand: parseExpandOption(request), collection: false, ...(select ? { select } : {}) });
  return jsonResponse(200, {
    "@odata.context": `${context.baseUrl}/$metadata#sites('${encodeURIComponent(scope.site.id)}')/lists('${scope.list.id}')/items/$entity`,
    ...itemJson(context, scope, item, options),
  });
}

export function getItemFields(context: EmulatorContext, request: EmulatorRequest, scope: ListScope, ref: string): EmulatorResponse {
  const item = findItem(context, scope, ref);
  const select = parseSelect(request.query.get("select"));
  return jsonResponse(200, fieldsJson(context, scope, item, { collection: false, ...(select ? { select } : {}) }));
}

function applyUpdate(context: EmulatorContext, request: EmulatorRequest, scope: ListScope, item: ItemRow, fields: Record<string, unknown>): ItemRow {
  const ifMatch = header(request, "if-match");
  return context.store.transaction(() => {
    const { item: updated, rename } = updateItem(context, scope, item, fields, ifMatch !== undefined ? { ifMatch } : {});
    const file = scope.list.drive_id ? context.store.driveItemByListItem(scope.list.drive_id, item.id) : undefined;
    if (file) syncFromListItem(context, file, updated, rename);
    return updated;
  });
}

/** PATCH …/items/{id}/fields → 200 with the fieldValueSet (4.3.3). */
export function patchItemFields(context: EmulatorContext, request: EmulatorRequest, scope: ListScope, ref: string): EmulatorResponse {
  const item = findItem(context, scope, ref);
  const updated = applyUpdate(context, request, scope, item, jsonObject(request));
  return jsonResponse(200, {
    "@odata.context": `${context.baseUrl}/$metadata#sites('${encodeURIComponent(scope.site.id)}')/lists('${scope.list.id}')/items('${item.id}')/fields/$entity`,
    ...fieldsJson(context, scope, updated, { collection: false }),
  });
}

/** PATCH …/items/{id} with `{"fields":{…}}`: the listItem back, fields included. */
export function patchItem(context: EmulatorContext, request: EmulatorRequest, scope: ListScope, ref: string): EmulatorResponse {
  const item = findItem(context, scope, ref);
  const body = jsonObject(request);
  const other = Object.keys(body).find((key) => key !== "fields" && !key.startsWith("@"));
  if (other !== undefined) throw invalidRequest(`The Graph emulator updates only 'fields' through PATCH …/items/{id} (got '${other}').`);
  const fields = body.fields ?? {};
  if (fields === null || typeof fields !== "object" || Array.isArray(fields)) throw invalidRequest("'fields' must be an object.");
  const updated = applyUpdate(context, request, scope, item, fields as Record<string, unknown>);
  return jsonResponse(200, itemJson(context, scope, updated, renderOptionsFor(context, scope, updated, { expand: [{ name: "fields" }], collection: false })));
}

/** DELETE …/items/{id} → 204 (4.3.5); in a library it deletes the file too. */
export function deleteItemHandler(context: EmulatorContext, request: EmulatorRequest, scope: ListScope, ref: string): EmulatorResponse {
  const item = findItem(context, scope, ref);
  const ifMatch = header(request, "if-match");
  const file = scope.list.drive_id ? context.store.driveItemByListItem(scope.list.drive_id, item.id) : undefined;
  if (file) deleteDriveItem(context, { ...scope, driveId: scope.list.drive_id! }, file, ifMatch);
  else deleteItem(context, scope, item, ifMatch);
  return noContent();
}

export function getItemVersions(context: EmulatorContext, request: EmulatorRequest, scope: ListScope, ref: string): EmulatorResponse {
  const item = findItem(context, scope, ref);
  const withFields = parseExpandOption(request).some((e) => e.name === "fields");
  return jsonResponse(200, {
    "@odata.context": `${context.baseUrl}/$metadata#sites('${encodeURIComponent(scope.site.id)}')/lists('${scope.list.id}')/items('${item.id}')/versions`,
    value: versionsJson(context, scope, item, withFields),
  });
}

export function getItemVersion(context: EmulatorContext, request: EmulatorRequest, scope: ListScope, ref: string, versionRef: string, fieldsOnly: boolean): EmulatorResponse {
  const item = findItem(context, scope, ref);
  const number = /^\d+(\.0)?$/.test(versionRef) ? parseInt(versionRef, 10) : NaN;
  const version = Number.isSafeInteger(number) ? context.store.versionOf(scope.list.id, item.id, number) : undefined;
  if (!version) throw notFound("The version could not be found.");
  const withFields = fieldsOnly || parseExpandOption(request).some((e) => e.name === "fields");
  const json = versionJson(context, scope, item, version, withFields);
  return jsonResponse(200, fieldsOnly ? json.fields : json);
}

export function getItemDriveItem(context: EmulatorContext, scope: ListScope, ref: string): EmulatorResponse {
  const item = findItem(context, scope, ref);
  const file = scope.list.drive_id ? context.store.driveItemByListItem(scope.list.drive_id, item.id) : undefined;
  if (!file) throw notFound("The item has no driveItem: it is not in a document library.");
  return jsonResponse(200, driveItemJson(context, { ...scope, driveId: scope.list.drive_id! }, file, { single: true }));
}
