/** Sites, lists and columns (graph-contract.md sections 1–3). */
import type { EmulatorContext, ListScope } from "../context";
import { GraphHttpError, invalidRequest, notFound } from "../errors";
import { jsonObject, jsonResponse, refuseOptions, type EmulatorRequest, type EmulatorResponse } from "../http";
import { guid } from "../ids";
import { columnFromBody, columnJson, updatedColumn } from "../model/columns";
import { addColumnRow, createList, ensureIndex, listJson, siteJson, withFreeName } from "../model/lists";
import { parseExpand, parseSelect } from "../odata/query-options";
import type { ListRow, SiteRow } from "../store/store";

/** How a path names a site: `root`, a hostname, `{hostname}:/sites/x`, or the composite id (1.1, 1.2). */
export type SiteRef = { kind: "id"; id: string } | { kind: "path"; hostname: string; path: string };

export function resolveSite(context: EmulatorContext, ref: SiteRef): SiteRow {
  const site =
    ref.kind === "id"
      ? ref.id === "root"
        ? context.store.siteByPath(context.hostname, "/")
        : context.store.siteById(ref.id)
      : ref.hostname.toLowerCase() === context.hostname.toLowerCase()
        ? context.store.siteByPath(context.hostname, ref.path === "" ? "/" : `/${ref.path.replace(/^\/+|\/+$/g, "")}`)
        : undefined;
  if (!site) throw notFound("Requested site could not be found");
  return site;
}

/** A list by id or by title (2.1). */
export function resolveList(context: EmulatorContext, site: SiteRow, ref: string): ListScope {
  const byId = context.store.listById(ref);
  const list = byId && byId.site_id === site.id ? byId : context.store.listByTitle(site.id, ref);
  if (!list) throw notFound("List not found");
  return { site, list, columns: context.store.columnsOf(list.id) };
}

export function getSite(context: EmulatorContext, site: SiteRow): EmulatorResponse {
  return jsonResponse(200, siteJson(context, site));
}

/** `$filter=displayName eq 'X'` (or name, id): the only list filter the emulator reads. */
function listFilter(request: EmulatorRequest): ((list: ListRow) => boolean) | undefined {
  const filter = request.query.get("filter");
  if (filter === undefined) return undefined;
  const match = /^\s*(displayName|name|id)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(filter);
  if (!match) throw invalidRequest("The Graph emulator filters lists only by displayName, name or id with eq.", "invalidQueryOption");
  const value = match[2]!.replace(/''/g, "'").toLowerCase();
  const property = match[1] as "displayName" | "name" | "id";
  return (list) => (property === "displayName" ? list.display_name : property === "name" ? list.url_name : list.id).toLowerCase() === value;
}

export function getLists(context: EmulatorContext, request: EmulatorRequest, site: SiteRow): EmulatorResponse {
  refuseOptions(request, ["orderby", "top", "skiptoken", "skip", "count", "search"]);
  const select = parseSelect(request.query.get("select"));
  const withSystem = select?.some((s) => s.toLowerCase() === "system") ?? false;
  const expandColumns = parseExpand(request.query.get("expand")).some((e) => e.name === "columns");
  const matches = listFilter(request);
  const value = context.store
    .listsOfSite(site.id)
    .filter((list) => (withSystem || list.system === 0) && (!matches || matches(list)))
    .map((list) => {
      const json = listJson(context, site, list);
      if (expandColumns) json.columns = visibleColumns(context, { site, list, columns: context.store.columnsOf(list.id) }, false);
      return select ? selectProperties(json, select) : json;
    });
  return jsonResponse(200, { "@odata.context": `${context.baseUrl}/$metadata#sites('${encodeURIComponent(site.id)}')/lists`, value });
}

export function postList(context: EmulatorContext, request: EmulatorRequest, site: SiteRow): EmulatorResponse {
  const list = createList(context, site, jsonObject(request));
  const json = listJson(context, site, list);
  return jsonResponse(201, { "@odata.context": `${context.baseUrl}/$metadata#sites('${encodeURIComponent(site.id)}')/lists/$entity`, ...json });
}

export function getList(context: EmulatorContext, request: EmulatorRequest, scope: ListScope): EmulatorResponse {
  const json = listJson(context, scope.site, scope.list);
  for (const expand of parseExpand(request.query.get("expand"))) {
    if (expand.name === "columns") json.columns = visibleColumns(context, scope, expand.select?.includes("hidden") ?? false);
    else if (expand.name === "drive" && scope.list.drive_id) json.drive = { id: scope.list.drive_id, driveType: "documentLibrary" };
    else if (expand.name !== "items") throw invalidRequest(`Could not find a property named '${expand.name}' on type 'microsoft.graph.list'.`);
  }
  return jsonResponse(200, { "@odata.context": `${context.baseUrl}/$metadata#sites('${encodeURIComponent(scope.site.id)}')/lists/$entity`, ...json });
}

/** `$select`: the named properties (and OData annotations) only. */
function selectProperties(json: Record<string, unknown>, select: string[]): Record<string, unknown> {
  const wanted = new Set(select.map((s) => s.toLowerCase()));
  return Object.fromEntries(Object.entries(json).filter(([key]) => key.startsWith("@") || wanted.has(key.toLowerCase()) || key === "columns"));
}

/** 3.5: hidden columns only when `hidden` is selected. */
function visibleColumns(_context: EmulatorContext, scope: ListScope, includeHidden: boolean): Record<string, unknown>[] {
  return scope.columns.filter((column) => includeHidden || !column.hidden).map(columnJson);
}

export function getColumns(context: EmulatorContext, request: EmulatorRequest, scope: ListScope): EmulatorResponse {
  refuseOptions(request, ["filter", "orderby", "top", "skiptoken", "skip", "count", "search"]);
  const select = parseSelect(request.query.get("select"));
  const includeHidden = select?.some((s) => s.toLowerCase() === "hidden") ?? false;
  let value = visibleColumns(context, scope, includeHidden);
  if (select) {
    const wanted = new Set(select.map((s) => s.toLowerCase()));
    value = value.map((column) => selectProperties(column, [...wanted]));
  }
  return jsonResponse(200, {
    "@odata.context": `${context.baseUrl}/$metadata#sites('${encodeURIComponent(scope.site.id)}')/lists('${scope.list.id}')/columns`,
    value,
  });
}

function columnCheck(context: EmulatorContext, scope: ListScope) {
  return {
    listExists: (id: string) => context.store.listById(id)?.site_id === scope.site.id,
    uniqueRequiresIndex: context.behaviour.uniqueRequiresIndex,
  };
}

/** POST …/columns → 201 (3.1). */
export function postColumn(context: EmulatorContext, request: EmulatorRequest, scope: ListScope): EmulatorResponse {
  const column = withFreeName(scope.columns, columnFromBody(jsonObject(request), guid(), columnCheck(context, scope)));
  context.store.transaction(() => addColumnRow(context, scope.list, column));
  return jsonResponse(201, {
    "@odata.context": `${context.baseUrl}/$metadata#sites('${encodeURIComponent(scope.site.id)}')/lists('${scope.list.id}')/columns/$entity`,
    ...columnJson(column),
  });
}

function findColumn(scope: ListScope, ref: string) {
  const column = scope.columns.find((c) => c.id.toLowerCase() === ref.toLowerCase() || c.name === ref);
  if (!column) throw notFound("The column could not be found.");
  return column;
}

export function getColumn(_context: EmulatorContext, scope: ListScope, ref: string): EmulatorResponse {
  return jsonResponse(200, columnJson(findColumn(scope, ref)));
}

/** PATCH …/columns/{id}: e.g. `{"indexed": true}` to add an index to an existing column. */
export function patchColumn(context: EmulatorContext, request: EmulatorRequest, scope: ListScope, ref: string): EmulatorResponse {
  const column = findColumn(scope, ref);
  const body = jsonObject(request);
  // System columns (Created, Modified…) can be indexed, nothing else.
  if (column.system && Object.keys(body).some((key) => key !== "indexed" && !key.startsWith("@"))) {
    throw new GraphHttpError(403, "accessDenied", `The column '${column.name}' is read-only.`);
  }
  const next = updatedColumn(column, body, columnCheck(context, scope));
  context.store.transaction(() => {
    context.store.updateColumn(scope.list.id, next);
    if (next.indexed) ensureIndex(context, next);
  });
  return jsonResponse(200, columnJson(next));
}
